import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { DAILY_JOB, JOB_HANDLER, type DailyJobMetadata, type JobHandlerMetadata } from './job-handler.decorator';
import { JOB_LABELS, type JobCoalescer, type JobHandlerFn, type JobName, type JobStoreHook } from './job.types';

/** Every job name of the JobPayloads map, at run time (JOB_LABELS has exactly its keys). */
export const JOB_NAMES = Object.keys(JOB_LABELS) as JobName[];

export interface FoundJobHandler {
  name: JobName;
  /** `Class.method`, for the start-up error. */
  owner: string;
  handler: JobHandlerFn<JobName>;
  coalesce?: JobCoalescer<JobName>;
  onStore?: JobStoreHook<JobName>;
}

/** Stops the start: a job name has no handler or more than one. */
export class JobRegistryError extends Error {}

/** The methods of the given provider instances that carry `metadataKey`, with their metadata. */
function* markedMethods<T>(instances: Iterable<object>, metadataKey: string, scanner: MetadataScanner) {
  for (const instance of new Set(instances)) {
    for (const key of scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object | null)) {
      const method = (instance as Record<string, unknown>)[key];
      const metadata = typeof method === 'function' ? (Reflect.getMetadata(metadataKey, method) as T | undefined) : undefined;
      if (metadata) yield { instance, key, method: method as (...args: unknown[]) => Promise<unknown>, metadata, owner: `${instance.constructor.name}.${key}` };
    }
  }
}

/**
 * The @JobHandler methods of the given provider instances. Each call looks the method up on its
 * instance again, as the hand-written registrations did (`(p, c) => this.run(p, c)`): whatever
 * the instance holds under that name when the job runs is what runs (a test's jest.spyOn too).
 */
export function findJobHandlers(instances: Iterable<object>, scanner = new MetadataScanner()): FoundJobHandler[] {
  return [...markedMethods<JobHandlerMetadata>(instances, JOB_HANDLER, scanner)].map(({ instance, key, metadata, owner }) => ({
    name: metadata.name,
    owner,
    handler: (payload, ctx) => (instance as Record<string, (...args: unknown[]) => Promise<unknown>>)[key](payload, ctx),
    coalesce: metadata.coalesce as JobCoalescer<JobName> | undefined,
    onStore: metadata.onStore as JobStoreHook<JobName> | undefined,
  }));
}

export interface FoundDailyJob extends DailyJobMetadata {
  owner: string;
  /** Queues the day's job(s) for the business date. */
  run(date: string): Promise<void>;
}

/** The @DailyJob methods of the given provider instances, bound to them; a name declared twice stops the start. */
export function findDailyJobs(instances: Iterable<object>, scanner = new MetadataScanner()): FoundDailyJob[] {
  const found: FoundDailyJob[] = [...markedMethods<DailyJobMetadata>(instances, DAILY_JOB, scanner)].map(({ instance, method, metadata, owner }) => ({
    ...metadata,
    owner,
    run: async (date: string) => void (await method.call(instance, date)),
  }));
  const doubled = found.filter((d) => found.some((other) => other !== d && other.name === d.name));
  if (doubled.length > 0) throw new JobRegistryError(`daily job declared more than once: ${doubled.map((d) => `${d.owner} (${d.name})`).join(', ')}`);
  return found;
}

/**
 * Each of `names` must have exactly one handler, and every handler must name a known job;
 * otherwise one error lists every problem, so a missing module or a copied decorator is
 * fixed in one go.
 */
export function checkJobHandlers(found: readonly FoundJobHandler[], names: readonly string[] = JOB_NAMES): Map<JobName, FoundJobHandler> {
  const problems: string[] = [];
  const byName = new Map<JobName, FoundJobHandler>();
  for (const name of names) {
    const owners = found.filter((h) => h.name === name);
    if (owners.length === 0) problems.push(`job "${name}" has no @JobHandler`);
    else if (owners.length > 1) problems.push(`job "${name}" has ${owners.length} handlers: ${owners.map((h) => h.owner).sort().join(', ')}`);
    else byName.set(owners[0].name, owners[0]);
  }
  for (const h of found) if (!names.includes(h.name)) problems.push(`${h.owner} handles "${h.name}", which is not a job name of job.types.ts`);
  if (problems.length > 0) throw new JobRegistryError(`job handlers do not match the job names: ${problems.join('; ')}`);
  return byName;
}

/**
 * The job handlers and daily jobs of the running app, found on the providers' @JobHandler and
 * @DailyJob methods when the modules initialise. A job name with no handler, or with two,
 * stops the start (see checkJobHandlers) instead of failing its jobs at run time.
 */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private handlers = new Map<JobName, FoundJobHandler>();
  private daily: FoundDailyJob[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit() {
    const instances = this.discovery.getProviders()
      .filter((wrapper) => !wrapper.isAlias && wrapper.isDependencyTreeStatic() && wrapper.instance && typeof wrapper.instance === 'object')
      .map((wrapper) => wrapper.instance as object);
    this.handlers = checkJobHandlers(findJobHandlers(instances, this.scanner));
    this.daily = findDailyJobs(instances, this.scanner);
  }

  dailyJobs(): readonly FoundDailyJob[] {
    return this.daily;
  }

  handler(name: JobName): JobHandlerFn<JobName> | undefined {
    return this.handlers.get(name)?.handler;
  }

  coalescer(name: JobName): JobCoalescer<JobName> | undefined {
    return this.handlers.get(name)?.coalesce;
  }

  storeHook(name: JobName): JobStoreHook<JobName> | undefined {
    return this.handlers.get(name)?.onStore;
  }

  has(name: JobName): boolean {
    return this.handlers.has(name);
  }
}

import { HttpStatus, Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThan, Repository, type EntityManager } from 'typeorm';
import type { JobResponse, Page } from '@app/contracts';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { AppError, forbidden, notFound } from '../common/app-error';
import { isUniqueViolation } from '../common/db-errors';
import type { AuthUser } from '../auth/auth-user';
import { JobDriver, type JobExecutor } from './job-driver';
import { JobRecord } from './job-record.entity';
import { JobRequest } from './job-request.entity';
import type { JobContext, JobName, JobPayloads } from './job.types';
import { JobRegistry } from './job-registry';
import type { ListJobsQuery } from './dto/list-jobs.query';
import { Clock } from '../common/clock';
import { desc, findOrder } from '../common/sort';

export interface EnqueueOptions {
  /** Identifies the work: a second enqueue while one is queued (or running) returns that one. */
  businessKey: string;
  officeId: number | null;
  createdBy?: number | null;
  /**
   * `running` (default): joins a job that is queued or already running — right for work that
   * must not run twice at once (a publication). `queued`: only joins one that has not started,
   * because a running one may have read the data before the change that asks for it (recompute).
   */
  joinWhile?: 'running' | 'queued';
}

export interface JobBacklog {
  /** Stored requests not yet handed to the queue. */
  count: number;
  /** Age of the oldest of them, null when there are none. */
  oldestAgeSeconds: number | null;
}

@Injectable()
export class JobsService implements JobExecutor, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('JobsService');
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    @InjectRepository(JobRecord) private readonly jobs: Repository<JobRecord>,
    @InjectRepository(JobRequest) private readonly requests: Repository<JobRequest>,
    private readonly driver: JobDriver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly registry: JobRegistry,
  ) {}

  get mode() {
    return this.driver.mode;
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions): Promise<JobRecord> {
    const joinWhile = options.joinWhile ?? 'running';
    // Before the job, never after: at worst a mark without its job, which only costs a recompute.
    const onStore = this.registry.storeHook(name);
    if (onStore) await this.jobs.manager.transaction((m) => onStore(m, payload));
    const activeKey = `${name}\n${options.businessKey}`;
    const joinable = await this.jobs.findOne({ where: { activeKey } });
    if (joinable) return joinable;
    if (!(await this.driver.isHealthy())) throw queueUnavailable();
    let record: JobRecord;
    try {
      record = await this.jobs.save(this.jobs.create({
        name,
        businessKey: options.businessKey,
        activeKey,
        joinWhile,
        payload,
        officeId: options.officeId,
        createdBy: options.createdBy ?? null,
        status: 'queued',
        maxAttempts: this.config.jobs.attempts,
      }));
    } catch (error) {
      // Another request enqueued the same work between our read and our insert: join it.
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.jobs.findOne({ where: { activeKey } });
      if (winner) return winner;
      throw error;
    }
    try {
      await withTimeout(this.driver.dispatch(record), 3000);
    } catch (error) {
      // Nothing half-done: a job that never reached the queue is not left behind as "queued".
      await this.jobs.delete(record.id);
      this.logger.error(`dispatching job ${name} failed: ${(error as Error).message}`);
      throw queueUnavailable();
    }
    return record;
  }

  /**
   * Stores work owed after a change — in the change's transaction when `manager` is given, so
   * the change never commits without it. Hand it to the queue with handOver() after the
   * commit. Unlike enqueue() this cannot fail for want of a queue: while Redis is down the
   * request waits in the database and the sweep hands it over once the queue is back.
   *
   * Why an outbox table and not a job row written before Bull is reached: a job row is joined
   * or started per business key, and a backlog of thousands of verifications would become
   * thousands of recomputes; requests are merged per office before they become jobs.
   */
  async request<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions, manager?: EntityManager): Promise<JobRequest> {
    const onStore = this.registry.storeHook(name);
    if (onStore && !manager) return this.requests.manager.transaction((m) => this.request(name, payload, options, m));
    if (onStore) await onStore(manager!, payload);
    const repo = manager ? manager.getRepository(JobRequest) : this.requests;
    return repo.save(repo.create({
      name,
      payload,
      officeId: options.officeId,
      businessKey: options.businessKey,
      joinWhile: options.joinWhile ?? 'running',
      createdBy: options.createdBy ?? null,
    }));
  }

  /**
   * Queues stored requests now if the queue answers. Each office's requests of one job are
   * first merged (when the job's @JobHandler has a coalescer: a bulk review becomes one recompute),
   * and each is deleted once its job exists; what cannot be queued stays stored for the sweep.
   * Never throws: the change is already saved. Returns how many were handed over.
   */
  async handOver(requests: JobRequest[]): Promise<number> {
    try {
      return await this.mergeAndQueue(requests);
    } catch (error) {
      this.logger.warn(`stored job requests not handed over yet: ${(error as Error).message}`);
      return 0;
    }
  }

  /**
   * The sweep's part for stored requests. While the queue is down only the merge runs, so the
   * backlog stays a few rows per office however long the outage lasts.
   */
  async drainRequests(): Promise<number> {
    const handed = await this.mergeAndQueue(await this.requests.find({ order: { id: 'ASC' }, take: 5000 }));
    if (handed > 0) this.logger.log(`queued ${handed} stored job request(s)`);
    return handed;
  }

  private async mergeAndQueue(requests: JobRequest[]): Promise<number> {
    const groups = new Map<string, JobRequest[]>();
    for (const r of requests) {
      const key = `${r.name}\n${r.officeId ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    let handed = 0;
    let queueUp = true;
    for (const group of groups.values()) {
      const merged = await this.coalesce(group);
      for (const r of queueUp ? merged : []) {
        try {
          await this.enqueue(r.name as JobName, r.payload as never, { businessKey: r.businessKey, officeId: r.officeId, createdBy: r.createdBy, joinWhile: r.joinWhile });
        } catch (error) {
          this.logger.warn(`job ${r.name} stored, to be queued when the queue is back: ${(error as Error).message}`);
          queueUp = false;
          break;
        }
        await this.requests.delete(r.id);
        handed++;
      }
    }
    return handed;
  }

  /** Stored requests not yet handed to the queue (health). */
  async backlog(name?: JobName): Promise<JobBacklog> {
    const where = name ? { name } : {};
    const [oldest] = await this.requests.find({ where, order: { createdAt: 'ASC' }, take: 1 });
    if (!oldest) return { count: 0, oldestAgeSeconds: null };
    const count = await this.requests.count({ where });
    return { count, oldestAgeSeconds: Math.max(0, Math.floor((this.clock.now().getTime() - oldest.createdAt.getTime()) / 1000)) };
  }

  /** Replaces a group by its merge in one transaction; a group another process took meanwhile is left to the next sweep. */
  private async coalesce(group: JobRequest[]): Promise<JobRequest[]> {
    const merge = this.registry.coalescer(group[0].name as JobName);
    if (!merge || group.length < 2) return group;
    const merged = merge(group.map((r) => r.payload as never));
    if (merged.length >= group.length) return group;
    const oldest = new Date(Math.min(...group.map((r) => r.createdAt.getTime())));
    const createdBy = new Set(group.map((r) => r.createdBy)).size === 1 ? group[0].createdBy : null;
    const raced = new Error('raced');
    try {
      return await this.requests.manager.transaction(async (manager) => {
        const deleted = await manager.delete(JobRequest, { id: In(group.map((r) => r.id)) });
        if (deleted.affected !== group.length) throw raced;
        const rows = merged.map((m) => manager.create(JobRequest, {
          name: group[0].name, officeId: group[0].officeId, joinWhile: group[0].joinWhile, createdBy, createdAt: oldest, payload: m.payload, businessKey: m.businessKey.slice(0, 200),
        }));
        return manager.save(JobRequest, rows);
      });
    } catch (error) {
      if (error === raced) return [];
      throw error;
    }
  }

  /**
   * Runs one delivery of a job. A delivery of a job that is already done is ignored, so a
   * job delivered twice leaves one result; handlers themselves are idempotent too, so a retry
   * after a crash midway converges. Failures are rethrown so the driver's retries apply.
   */
  async execute(jobId: number, attempt: number): Promise<void> {
    const record = await this.jobs.findOne({ where: { id: jobId } });
    if (!record || record.status === 'done') return;
    const handler = this.registry.handler(record.name as JobName);
    // A job joined only while queued frees its key when it starts, so a new request queues anew.
    const started = record.joinWhile === 'queued' ? { activeKey: null } : {};
    await this.jobs.update(jobId, { status: 'running', attempts: attempt, startedAt: this.clock.now(), error: null, ...started });
    const ctx: JobContext = {
      jobId,
      attempt,
      progress: async (percent) => {
        await this.jobs.update(jobId, { progress: Math.max(0, Math.min(100, Math.round(percent))) });
      },
    };
    try {
      if (!handler) throw new Error(`no handler registered for job ${record.name}`);
      const result = await handler(record.payload as never, ctx);
      await this.jobs.update(jobId, { status: 'done', activeKey: null, progress: 100, result: (result ?? null) as object, finishedAt: this.clock.now() });
    } catch (error) {
      const last = attempt >= record.maxAttempts;
      await this.jobs.update(jobId, {
        status: last ? 'failed' : 'queued',
        // A retry waiting to run stays joinable only if it kept its key (joinWhile running).
        ...(last ? { activeKey: null } : {}),
        error: (error as Error).message ?? String(error),
        finishedAt: last ? this.clock.now() : null,
      });
      throw error;
    }
  }

  async get(user: AuthUser, id: number): Promise<JobResponse> {
    const record = await this.jobs.findOne({ where: { id } });
    if (!record || (record.officeId !== null && record.officeId !== user.officeId)) throw notFound('任务');
    if (!mayFollow(user, record)) throw forbidden();
    return toJobResponse(record);
  }

  async list(user: AuthUser, query: ListJobsQuery): Promise<Page<JobResponse>> {
    const where = { officeId: user.officeId, ...(query.status ? { status: query.status } : {}), ...(query.name ? { name: query.name } : {}) };
    const [items, total] = await this.jobs.findAndCount({
      where,
      order: findOrder<JobRecord>(query.sort, { id: 'id', name: 'name', status: 'status', progress: 'progress', createdAt: 'createdAt', finishedAt: 'finishedAt' }, [desc('id')]),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: items.map(toJobResponse), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * Nothing queued is lost. In-process mode: work that was queued or running when the process
   * stopped is picked up again at start. Bull mode: the database is the record of what is
   * owed, so jobs that Redis no longer holds (restarted without persistence) are queued again,
   * and stored requests (see request()) are handed over, at start, whenever the connection
   * comes back, and every JOB_LOCK_MS.
   */
  async onApplicationBootstrap() {
    if (this.config.role === 'api') return;
    if (this.driver.mode === 'inline') {
      const pending = await this.jobs.find({ where: { status: In(['queued', 'running']) } });
      for (const record of pending) await this.driver.dispatch(record);
      if (pending.length > 0) this.logger.log(`resumed ${pending.length} unfinished job(s)`);
      await this.drainRequests();
      return;
    }
    const warn = (error: unknown) => this.logger.warn(`job sweep failed: ${(error as Error).message}`);
    const sweep = () => void this.drainRequests().catch(warn).then(() => this.requeueLost()).catch(warn);
    this.driver.onReconnect(() => setTimeout(sweep, 500).unref());
    this.sweeper = setInterval(sweep, this.config.jobs.lockMs);
    this.sweeper.unref();
    sweep();
  }

  onModuleDestroy() {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  /** Re-dispatches unfinished jobs the queue has forgotten; returns how many. */
  async requeueLost(): Promise<number> {
    const settled = new Date(this.clock.now().getTime() - 2000);
    const unfinished = await this.jobs.find({ where: { status: In(['queued', 'running']), createdAt: LessThan(settled) } });
    let requeued = 0;
    for (const record of unfinished) {
      if (await this.driver.holds(record)) continue;
      await this.driver.dispatch(record);
      requeued++;
    }
    if (requeued > 0) this.logger.warn(`re-queued ${requeued} job(s) the queue had lost`);
    return requeued;
  }
}

/** Jobs a leader may follow besides their own: the quarter's publication and its notice files. */
const PUBLICATION_JOBS: readonly string[] = ['quarters.publish', 'notices.render'] satisfies JobName[];

/**
 * Who may read a job (its payload names files, its result may list another unit's rows): the
 * office and the administrator, any job of their office; everyone else only the jobs they
 * started (an officer's import), and a leader also the publication jobs.
 */
function mayFollow(user: AuthUser, record: JobRecord): boolean {
  if (user.role === 'office' || user.role === 'admin') return true;
  if (record.officeId === null) return false;
  if (record.createdBy === user.id) return true;
  return user.role === 'leader' && PUBLICATION_JOBS.includes(record.name);
}

export function toJobResponse(record: JobRecord): JobResponse {
  return {
    id: record.id,
    name: record.name,
    businessKey: record.businessKey,
    status: record.status,
    progress: record.progress,
    attempts: record.attempts,
    maxAttempts: record.maxAttempts,
    error: record.error,
    result: record.result ?? null,
    createdAt: record.createdAt.toISOString(),
    startedAt: record.startedAt?.toISOString() ?? null,
    finishedAt: record.finishedAt?.toISOString() ?? null,
  };
}

function queueUnavailable() {
  return new AppError(HttpStatus.SERVICE_UNAVAILABLE, 'queue_unavailable', '任务队列暂不可用，请稍后再试');
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref())]);
}

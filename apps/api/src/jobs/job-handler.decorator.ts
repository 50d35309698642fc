import { SetMetadata } from '@nestjs/common';
import type { JobCoalescer, JobHandlerFn, JobName, JobStoreHook } from './job.types';

export const JOB_HANDLER = 'pubscore:job-handler';

export interface JobHandlerMetadata<N extends JobName = JobName> {
  name: N;
  /** Merges an office's stored requests of this job before they are queued (see JobsService.handOver). */
  coalesce?: JobCoalescer<N>;
  /** Stored with each request or enqueue of this job, in its transaction (see JobsService.request). */
  onStore?: JobStoreHook<N>;
}

/**
 * Marks the service method that does the work of job `name`. The JobRegistry finds every
 * such method when the app starts and refuses to start unless each job name has exactly one,
 * so a job that nobody handles fails at boot instead of in the jobs list days later. The
 * method's signature is checked against the job's payload type.
 */
export function JobHandler<N extends JobName>(name: N, options: { coalesce?: JobCoalescer<N>; onStore?: JobStoreHook<N> } = {}) {
  const metadata: JobHandlerMetadata<N> = { name, ...options };
  return <M extends JobHandlerFn<N>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    SetMetadata(JOB_HANDLER, metadata)(target, key, descriptor);
  };
}

export const DAILY_JOB = 'pubscore:daily-job';

export interface DailyJobOptions {
  /** Bull mode: a repeatable job on this cron, in the business time zone. */
  cron: string;
  /**
   * In-process mode: the first check this long after start (a server that was off at the
   * cron's hour catches up), then hourly; either way the method runs once per business date.
   */
  firstCheckAfterMs: number;
}

export interface DailyJobMetadata extends DailyJobOptions {
  name: JobName;
}

/**
 * Marks the method that queues the day's `name` job(s) for the business date it is given.
 * DailySchedules runs it once a day: from a Bull repeatable job, or from an in-process timer
 * that checks hourly and calls it once per business date. A failure is logged and the next
 * check tries again.
 */
export function DailyJob(name: JobName, options: DailyJobOptions) {
  const metadata: DailyJobMetadata = { name, ...options };
  return <M extends (date: string) => Promise<void>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    SetMetadata(DAILY_JOB, metadata)(target, key, descriptor);
  };
}

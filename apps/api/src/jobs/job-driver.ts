import type { JobRecord } from './job-record.entity';

/**
 * How a job record reaches its handler: in-process (embedded default) or through Bull on
 * Redis. Both call JobsService.execute(id, attempt) and follow the same retry policy.
 */
export abstract class JobDriver {
  abstract readonly mode: 'inline' | 'bull';
  abstract dispatch(record: JobRecord): Promise<void>;
  abstract isHealthy(): Promise<boolean>;
  /** Whether the queue still holds the job (a Redis restarted without persistence forgets). */
  abstract holds(record: JobRecord): Promise<boolean>;
  /** Calls back whenever the queue connection (re)opens. */
  abstract onReconnect(callback: () => void): void;
}

export const JOB_EXECUTOR = Symbol('JOB_EXECUTOR');

export interface JobExecutor {
  execute(jobId: number, attempt: number): Promise<void>;
}

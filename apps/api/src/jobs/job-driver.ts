import type { JobRecord } from './job-record.entity';

/**
 * How a job record reaches its handler: in-process (embedded default) or through Bull on
 * Redis. Both call JobsService.execute(id, attempt) and follow the same retry policy.
 */
export abstract class JobDriver {
  abstract readonly mode: 'inline' | 'bull';
  abstract dispatch(record: JobRecord): Promise<void>;
  abstract isHealthy(): Promise<boolean>;
}

export const JOB_EXECUTOR = Symbol('JOB_EXECUTOR');

export interface JobExecutor {
  execute(jobId: number, attempt: number): Promise<void>;
  runSchedule(name: string): Promise<void>;
}

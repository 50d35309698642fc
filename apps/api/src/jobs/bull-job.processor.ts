import { Process, Processor } from '@nestjs/bull';
import { Inject } from '@nestjs/common';
import type { Job } from 'bull';
import { DailySchedules } from './daily-schedules';
import { JOB_EXECUTOR, type JobExecutor } from './job-driver';
import { QUEUE_NAME, type QueuedJobData } from './job.types';

/** The one thin processor: unpack the Bull job and let JobsService run the handler. */
@Processor(QUEUE_NAME)
export class BullJobProcessor {
  constructor(
    @Inject(JOB_EXECUTOR) private readonly executor: JobExecutor,
    private readonly daily: DailySchedules,
  ) {}

  @Process({ name: '*', concurrency: 2 })
  async handle(job: Job<QueuedJobData>): Promise<void> {
    // A repeatable (cron) delivery only creates the day's job; that job runs like any other.
    if (job.data.scheduled) return this.daily.runToday(job.data.scheduled);
    // Rethrows on failure so that Bull's attempts and backoff apply.
    await this.executor.execute(job.data.jobId, job.attemptsMade + 1);
  }
}

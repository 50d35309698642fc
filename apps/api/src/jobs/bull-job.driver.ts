import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { JobDriver } from './job-driver';
import type { JobRecord } from './job-record.entity';
import { QUEUE_NAME, type QueuedJobData } from './job.types';

/** Bull on Redis: any number of worker processes; Bull applies attempts and backoff. */
@Injectable()
export class BullJobDriver extends JobDriver {
  readonly mode = 'bull' as const;

  constructor(
    @InjectQueue(QUEUE_NAME) readonly queue: Queue<QueuedJobData>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async dispatch(record: JobRecord): Promise<void> {
    // The job record's id is the Bull job id, so dispatching the same record twice is a no-op.
    await this.queue.add(record.name, { jobId: record.id }, {
      jobId: `job-${record.id}`,
      attempts: this.config.jobs.attempts,
      backoff: { type: 'exponential', delay: this.config.jobs.backoffMs },
      removeOnComplete: 1000,
      removeOnFail: 5000,
    });
  }

  async holds(record: JobRecord): Promise<boolean> {
    return (await this.queue.getJob(`job-${record.id}`)) !== null;
  }

  onReconnect(callback: () => void): void {
    this.queue.client.on('ready', callback);
  }

  async isHealthy(): Promise<boolean> {
    const client = this.queue.client;
    if (client.status !== 'ready') return false;
    try {
      await Promise.race([client.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000))]);
      return true;
    } catch {
      return false;
    }
  }
}

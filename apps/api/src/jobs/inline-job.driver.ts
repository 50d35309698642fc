import { Inject, Injectable, Logger, OnModuleDestroy, forwardRef } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { JobDriver, JOB_EXECUTOR, type JobExecutor } from './job-driver';
import type { JobRecord } from './job-record.entity';

/**
 * The in-process runner: no Redis, same handlers, same retries with exponential backoff.
 * Jobs run one after another so that a long publication does not starve HTTP requests.
 */
@Injectable()
export class InlineJobDriver extends JobDriver implements OnModuleDestroy {
  readonly mode = 'inline' as const;
  private readonly logger = new Logger('InlineJobDriver');
  private chain: Promise<void> = Promise.resolve();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(forwardRef(() => JOB_EXECUTOR)) private readonly executor: JobExecutor,
  ) {
    super();
  }

  async dispatch(record: JobRecord): Promise<void> {
    this.schedule(record.id, 1, 0);
  }

  async isHealthy(): Promise<boolean> {
    return !this.stopped;
  }

  /** In-process jobs live in this process only; unfinished ones are resumed at start. */
  async holds(): Promise<boolean> {
    return true;
  }

  onReconnect(): void {}

  /** Resolves when every job queued so far, retries included, has finished (tests, shutdown). */
  async drain(): Promise<void> {
    for (;;) {
      const current = this.chain;
      await current;
      if (current === this.chain && this.timers.size === 0) return;
      if (this.timers.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private schedule(jobId: number, attempt: number, delayMs: number) {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.chain = this.chain.then(() => this.runOnce(jobId, attempt));
    }, delayMs);
    this.timers.add(timer);
  }

  private async runOnce(jobId: number, attempt: number) {
    if (this.stopped) return;
    try {
      await this.executor.execute(jobId, attempt);
    } catch (error) {
      if (attempt < this.config.jobs.attempts) {
        const delay = this.config.jobs.backoffMs * 2 ** (attempt - 1);
        this.logger.warn(`job ${jobId} attempt ${attempt} failed, retrying in ${delay} ms: ${(error as Error).message}`);
        this.schedule(jobId, attempt + 1, delay);
      }
    }
  }

  async onModuleDestroy() {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.chain;
  }
}

import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { BullJobDriver } from './bull-job.driver';
import { JobDriver } from './job-driver';
import { JobRegistry } from './job-registry';
import type { JobName, QueuedJobData } from './job.types';

const HOUR_MS = 3_600_000;

/**
 * Runs the @DailyJob methods once a day, in processes that run workers. Bull mode: one
 * repeatable Bull job per daily job (same id and cron in every worker, so one run a day);
 * its delivery calls runToday. In-process: a first check shortly after start, then hourly,
 * each calling runToday, which queues at most once per business date.
 */
@Injectable()
export class DailySchedules implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DailySchedules');
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly lastRun = new Map<string, string>();

  constructor(
    private readonly registry: JobRegistry,
    private readonly driver: JobDriver,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap() {
    if (this.config.role === 'api') return;
    for (const daily of this.registry.dailyJobs()) {
      if (this.driver instanceof BullJobDriver) {
        const data: QueuedJobData = { scheduled: daily.name };
        await this.driver.queue.add(daily.name, data, {
          repeat: { cron: daily.cron, tz: this.config.business.timeZone },
          jobId: `${daily.name}.daily`,
          removeOnComplete: true,
        });
        continue;
      }
      const check = () => void this.runToday(daily.name);
      this.timers.push(setTimeout(check, daily.firstCheckAfterMs), setInterval(check, HOUR_MS));
    }
    for (const timer of this.timers) timer.unref();
  }

  onModuleDestroy() {
    this.stop();
  }

  /** Stops the in-process timers (also for tests that must not see a daily run mid-case). */
  stop() {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.length = 0;
  }

  /**
   * Queues today's `name` job(s) unless this process already did for this business date.
   * Never throws for a failure to queue (logged; the next check or delivery tries again).
   */
  async runToday(name: JobName): Promise<void> {
    const daily = this.registry.dailyJobs().find((d) => d.name === name);
    if (!daily) throw new Error(`no daily job declared as ${name}`);
    const date = this.clock.today();
    if (this.lastRun.get(name) === date) return;
    try {
      await daily.run(date);
      this.lastRun.set(name, date);
    } catch (error) {
      this.logger.warn(`daily ${name} not queued: ${(error as Error).message}`);
    }
  }
}

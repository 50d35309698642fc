import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { prevQuarter, quarterOf } from '@app/scoring';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { BullJobDriver } from '../jobs/bull-job.driver';
import { JobsService } from '../jobs/jobs.service';
import { JobHandler } from '../jobs/job-handler.decorator';
import type { JobPayloads } from '../jobs/job.types';
import { Office } from '../offices/office.entity';
import { requestRecompute } from '../score-ledger/request-recompute';
import { QuartersService, quarterSettledDate } from './quarters.service';
import { Clock } from '../common/clock';

/** Cron of the daily check in Bull mode (01:00 in the business zone). */
export const DAILY_TICK_CRON = '0 1 * * *';

/**
 * The scheduled quarter-end step: once a finished quarter's last monthly report is due, its
 * review stage opens (draft ranking visible to units, disputes allowed) and the office is
 * reminded to close and publish it (by openReview). Bull mode: a repeatable Bull job; in-process: an hourly
 * timer. Both enqueue the same `quarters.tick` job, keyed by the date, so it runs once a day.
 */
@Injectable()
export class QuarterSchedulerService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('QuarterScheduler');
  private timer: NodeJS.Timeout | null = null;
  private first: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly quarters: QuartersService,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onModuleInit() {
    this.jobs.registerSchedule('quarters.tick', () => this.enqueueToday());
  }

  async onApplicationBootstrap() {
    if (this.config.role === 'api') return;
    if (this.config.queue.mode === 'bull') {
      const queue = this.moduleRef.get(BullJobDriver, { strict: false }).queue;
      await queue.add('quarters.tick', { scheduled: 'quarters.tick' } as never, {
        repeat: { cron: DAILY_TICK_CRON, tz: this.config.business.timeZone },
        jobId: 'quarters.tick.daily',
        removeOnComplete: true,
      });
      return;
    }
    // A first check shortly after start (a server that was off at 01:00 catches up), then hourly.
    this.first = setTimeout(() => void this.enqueueToday(), 10_000);
    this.first.unref();
    this.timer = setInterval(() => void this.enqueueToday(), 3_600_000);
    this.timer.unref();
  }

  onModuleDestroy() {
    if (this.first) clearTimeout(this.first);
    if (this.timer) clearInterval(this.timer);
  }

  /** Called by the timer and by the Bull repeatable job. */
  async enqueueToday(): Promise<void> {
    const date = this.clock.today();
    try {
      await this.jobs.enqueue('quarters.tick', { date }, { businessKey: date, officeId: null });
    } catch (error) {
      this.logger.warn(`daily quarter check not queued: ${(error as Error).message}`);
    }
  }

  @JobHandler('quarters.tick')
  runTick(payload: JobPayloads['quarters.tick']): Promise<{ opened: string[] }> {
    return this.tick(payload.date);
  }

  /**
   * For every office: rescore the current and previous quarter (missing-report and missed-约稿
   * penalties appear once their dates pass), and open the review of the previous quarter when
   * its reports are all due.
   */
  async tick(date: string): Promise<{ opened: string[] }> {
    const quarter = prevQuarter(quarterOf(date));
    for (const office of await this.dataSource.getRepository(Office).find()) {
      await requestRecompute(this.jobs, { officeId: office.id, quarters: [quarter, quarterOf(date)], reason: `daily:${date}` });
    }
    if (date <= quarterSettledDate(quarter, this.config.business.monthlyReportDueDay)) return { opened: [] };
    const opened: string[] = [];
    for (const office of await this.dataSource.getRepository(Office).find()) {
      const period = await this.quarters.currentPeriod(this.dataSource.manager, office.id, quarter);
      if (period.stage !== 'open') continue;
      // openReview tells the office and the units.
      await this.quarters.openReview(null, office.id, quarter);
      opened.push(`${office.code}:${quarter}`);
    }
    return { opened };
  }
}

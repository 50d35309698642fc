import { Injectable } from '@nestjs/common';
import { prevQuarter, quarterOf } from '@app/scoring';
import { JobsService } from '../jobs/jobs.service';
import { DailyJob, JobHandler } from '../jobs/job-handler.decorator';
import type { JobPayloads } from '../jobs/job.types';
import { requestRecompute } from '../score-ledger/request-recompute';
import { UnitOfWork } from '../database/unit-of-work';
import { OfficeSettingsReader } from '../offices/office-settings.reader';
import { PublishRepository } from './publish.repository';
import { QuartersService, quarterSettledDate } from './quarters.service';

/** Cron of the daily check in Bull mode (01:00 in the business zone). */
export const DAILY_TICK_CRON = '0 1 * * *';

/**
 * The scheduled quarter-end step: once a finished quarter's last monthly report is due, its
 * review stage opens (draft ranking visible to units, disputes allowed) and the office is
 * reminded to close and publish it (by openReview). Queued once a day by DailySchedules as the
 * `quarters.tick` job, keyed by the date.
 */
@Injectable()
export class QuarterSchedulerService {
  constructor(
    private readonly repo: PublishRepository,
    private readonly uow: UnitOfWork,
    private readonly jobs: JobsService,
    private readonly quarters: QuartersService,
    private readonly settings: OfficeSettingsReader,
  ) {}

  /** In-process the first check comes 10 s after start: a server that was off at 01:00 catches up. */
  @DailyJob('quarters.tick', { cron: DAILY_TICK_CRON, firstCheckAfterMs: 10_000 })
  async enqueueDaily(date: string): Promise<void> {
    await this.jobs.enqueue('quarters.tick', { date }, { businessKey: date, officeId: null });
  }

  @JobHandler('quarters.tick')
  runTick(payload: JobPayloads['quarters.tick']): Promise<{ opened: string[] }> {
    return this.tick(payload.date);
  }

  /**
   * For every office: rescore the current and previous quarter (missing-report and missed-约稿
   * penalties appear once their dates pass), and open the review of the previous quarter when
   * its reports are all due — by the office's own due day (业务设置), so offices of one
   * deployment open their reviews on different days.
   */
  async tick(date: string): Promise<{ opened: string[] }> {
    const quarter = prevQuarter(quarterOf(date));
    const offices = await this.repo.offices();
    for (const office of offices) {
      await requestRecompute(this.jobs, { officeId: office.id, quarters: [quarter, quarterOf(date)], reason: `daily:${date}` });
    }
    const opened: string[] = [];
    for (const office of offices) {
      const { monthlyReportDueDay } = await this.settings.forOffice(office.id);
      if (date <= quarterSettledDate(quarter, monthlyReportDueDay)) continue;
      const period = await this.quarters.currentPeriod(this.uow.manager, office.id, quarter);
      if (period.stage !== 'open') continue;
      // openReview tells the office and the units.
      await this.quarters.openReview(null, office.id, quarter);
      opened.push(`${office.code}:${quarter}`);
    }
    return { opened };
  }
}

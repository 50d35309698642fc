import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { JobsService } from '../jobs/jobs.service';
import { JobHandler } from '../jobs/job-handler.decorator';
import type { JobContext, JobPayloads } from '../jobs/job.types';
import { NotificationsService } from '../notifications/notifications.service';
import { SchemesService } from '../schemes/schemes.service';
import { ScoreLedgerService } from '../score-ledger/score-ledger.service';
import type { RankingRow } from '@app/contracts';
import { ScoresService } from '../score-ledger/scores.service';
import { QuartersService } from './quarters.service';
import type { RankingSnapshot } from './ranking-snapshot.entity';
import { quarterTotals, unitFigures, type UnitFigures } from './snapshot-figures';
import { SnapshotFreezer } from './snapshot-freezer';
import { SnapshotUnit } from './snapshot-unit.entity';
import { PublishRepository, type MonthlyCounts } from './publish.repository';
import { contentHash as hashContent } from './content-hash';
import { Clock } from '../common/clock';
import { UnitOfWork } from '../database/unit-of-work';
import { quarterLabel } from '@app/contracts';

export interface PublishResult {
  snapshotId: number;
  revision: number;
  contentHash: string;
  units: number;
  lines: number;
}

/**
 * The publication job: bring the quarter's lines up to date (a recompute only when the quarter
 * is dirty), aggregate and rank, and freeze the
 * result as a snapshot revision. Everything the snapshot holds is written in one transaction,
 * keyed by the job id, so a second delivery or a retry after a crash midway leaves exactly one
 * snapshot, never two or half of one.
 */
@Injectable()
export class PublishService {
  private readonly logger = new Logger('PublishService');

  constructor(
    private readonly repo: PublishRepository,
    private readonly uow: UnitOfWork,
    private readonly jobs: JobsService,
    private readonly ledger: ScoreLedgerService,
    private readonly scores: ScoresService,
    private readonly schemes: SchemesService,
    private readonly quarters: QuartersService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly noticeModels: SnapshotFreezer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @JobHandler('quarters.publish')
  async publish(payload: JobPayloads['quarters.publish'], ctx: Pick<JobContext, 'jobId' | 'progress'>): Promise<PublishResult> {
    const done = await this.repo.snapshotOfJob(this.uow.manager, ctx.jobId);
    if (done) return this.resultOf(done);
    const { officeId, quarter } = payload;
    await ctx.progress(5);
    // The ledger is kept fresh as records change: only a dirty quarter is recomputed first.
    await this.ledger.refreshQuarter(officeId, quarter, 'publish');
    await ctx.progress(40);
    // Independent aggregates over the quarter's records: on MariaDB they run side by side on
    // connections of the pool (the server has cores to spare); SQLite takes them in turn.
    const [ranking, figures, totals] = await Promise.all([
      this.scores.ranking(officeId, quarter),
      unitFigures(this.uow.manager, officeId, quarter, this.clock.today()),
      quarterTotals(this.uow.manager, officeId, quarter),
    ]);
    await ctx.progress(60);
    const snapshot = await this.uow.run(async (tx) => {
      const again = await this.repo.snapshotOfJob(tx, ctx.jobId);
      if (again) return again;
      const period = await this.quarters.period(tx, officeId, quarter);
      const summary = { ...totals, excluded: period.excludedEntries ?? [], ...(period.backfill ? { backfill: true } : {}) };
      const saved = await this.repo.insertSnapshot(tx, {
        officeId, quarter, revision: await this.repo.nextRevision(tx, officeId, quarter), schemeVersionId: ranking.schemeVersion.id, contentHash: 'pending', jobId: ctx.jobId, summary, publishedBy: payload.requestedBy,
      });
      await this.repo.copyLedgerLines(tx, saved.id, officeId, ranking.schemeVersion.id, quarter);
      // One pass over the copied lines: their digests, and the monthly-report penalties the unit rows show.
      const lines = await this.repo.copiedLines(tx, saved.id);
      const units = this.unitRows(saved.id, ranking.groups, ranking.overall, figures, lines.monthly);
      await this.repo.insertUnits(tx, units);
      const contentHash = hashContent(units, lines.digest);
      await this.repo.setContentHash(tx, saved.id, contentHash);
      await this.schemes.lock(ranking.schemeVersion.id, tx);
      const noticeTexts = payload.reason ? { ...(period.noticeTexts ?? {}), correctionReason: payload.reason } : period.noticeTexts;
      await this.repo.markPublished(tx, period.id, this.clock.now(), noticeTexts);
      // The notice is frozen with the snapshot, from the same records: every later render reads only this.
      await this.noticeModels.freeze(tx, { ...saved, contentHash });
      return { ...saved, contentHash };
    });
    await ctx.progress(85);
    await this.afterPublish(snapshot);
    await ctx.progress(100);
    return this.resultOf(snapshot);
  }

  /** Rendering and notifying are their own idempotent steps: a retry repeats them harmlessly. */
  private async afterPublish(snapshot: RankingSnapshot) {
    await this.jobs.enqueue('notices.render', { snapshotId: snapshot.id }, { businessKey: `snapshot:${snapshot.id}`, officeId: snapshot.officeId });
    const label = quarterLabel(snapshot.quarter);
    const title = snapshot.revision > 1 ? `${label}信息宣传情况通报已更正（第 ${snapshot.revision} 版）` : `${label}信息宣传情况通报已发布`;
    await this.notifications.notifyOffice(snapshot.officeId, ['leader', 'officer', 'reviewer', 'office'], {
      kind: 'notice-published',
      title,
      link: `/notices/${snapshot.id}`,
      dedupeKey: `snapshot:${snapshot.id}`,
    });
  }

  private unitRows(
    snapshotId: number,
    groups: { groupId: number; groupName: string; rows: RankingRow[] }[],
    overall: RankingRow[],
    figures: Map<number, UnitFigures>,
    monthly: Map<number, MonthlyCounts>,
  ): SnapshotUnit[] {
    const overallRank = new Map(overall.map((r) => [r.unitId, r.rank]));
    return groups.flatMap((g) =>
      g.rows.map((r) => {
        const f = figures.get(r.unitId);
        const levels = r.placements;
        const count = (level: 'central' | 'provincial' | 'municipal' | 'district') => levels.media[level] + levels.bulletin[level];
        return Object.assign(new SnapshotUnit(), {
          snapshotId, unitId: r.unitId, unitCode: r.code, unitName: r.name, groupId: g.groupId, groupName: g.groupName, total: r.total,
          groupRank: r.rank, overallRank: overallRank.get(r.unitId) ?? r.rank,
          articlesSubmitted: f?.articlesSubmitted ?? 0, central: count('central'), provincial: count('provincial'), municipal: count('municipal'), district: count('district'),
          instructions: f?.instructions ?? 0, commissionsDone: f?.commissionsDone ?? 0, commissionsDue: f?.commissionsDue ?? 0,
          monthlyLate: monthly.get(r.unitId)?.late ?? 0, monthlyMissing: monthly.get(r.unitId)?.missing ?? 0,
        });
      }),
    );
  }

  private async resultOf(snapshot: RankingSnapshot): Promise<PublishResult> {
    return { snapshotId: snapshot.id, revision: snapshot.revision, contentHash: snapshot.contentHash, ...(await this.repo.snapshotSize(snapshot.id)) };
  }
}

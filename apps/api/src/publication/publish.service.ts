import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { toNumber } from '../common/db-errors';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { JobsService } from '../jobs/jobs.service';
import type { JobContext, JobPayloads } from '../jobs/job.types';
import { NotificationsService } from '../notifications/notifications.service';
import { SchemesService } from '../schemes/schemes.service';
import { ScoreLedgerService } from '../score-ledger/score-ledger.service';
import type { RankingRow } from '@app/contracts';
import { ScoresService } from '../score-ledger/scores.service';
import { QuarterPeriod } from './quarter-period.entity';
import { QuartersService } from './quarters.service';
import { RankingSnapshot } from './ranking-snapshot.entity';
import { quarterTotals, unitFigures, type UnitFigures } from './snapshot-figures';
import { SnapshotFreezer } from './snapshot-freezer';
import { SnapshotLine } from './snapshot-line.entity';
import { SnapshotUnit } from './snapshot-unit.entity';
import { Clock } from '../common/clock';
import { quarterLabel } from '@app/contracts';

export interface PublishResult {
  snapshotId: number;
  revision: number;
  contentHash: string;
  units: number;
  lines: number;
}

/**
 * The publication job: recompute the quarter's lines, aggregate and rank, and freeze the
 * result as a snapshot revision. Everything the snapshot holds is written in one transaction,
 * keyed by the job id, so a second delivery or a retry after a crash midway leaves exactly one
 * snapshot, never two or half of one.
 */
@Injectable()
export class PublishService implements OnModuleInit {
  private readonly logger = new Logger('PublishService');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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

  onModuleInit() {
    this.jobs.register('quarters.publish', (payload, ctx) => this.publish(payload, ctx));
  }

  async publish(payload: JobPayloads['quarters.publish'], ctx: Pick<JobContext, 'jobId' | 'progress'>): Promise<PublishResult> {
    const done = await this.dataSource.getRepository(RankingSnapshot).findOne({ where: { jobId: ctx.jobId } });
    if (done) return this.resultOf(done);
    const { officeId, quarter } = payload;
    await ctx.progress(5);
    await this.ledger.recompute({ officeId, quarters: [quarter], reason: 'publish' });
    await ctx.progress(40);
    const system = { officeId } as AuthUser;
    const ranking = await this.scores.ranking(system, quarter);
    const figures = await unitFigures(this.dataSource.manager, officeId, quarter, this.clock.today());
    const monthly = await this.monthlyCounts(officeId, ranking.schemeVersion.id, quarter);
    await ctx.progress(60);
    const snapshot = await this.dataSource.transaction(async (manager) => {
      const again = await manager.findOne(RankingSnapshot, { where: { jobId: ctx.jobId } });
      if (again) return again;
      const period = await this.quarters.period(manager, officeId, quarter);
      const summary = { ...(await quarterTotals(manager, officeId, quarter)), excluded: period.excludedEntries ?? [], ...(period.backfill ? { backfill: true } : {}) };
      const [{ revision }] = await manager.query('SELECT COALESCE(MAX(revision), 0) + 1 AS revision FROM ranking_snapshots WHERE officeId = ? AND quarter = ?', [officeId, quarter]);
      const saved = await manager.save(RankingSnapshot, manager.create(RankingSnapshot, {
        officeId, quarter, revision: toNumber(revision), schemeVersionId: ranking.schemeVersion.id, contentHash: 'pending', jobId: ctx.jobId, summary, publishedBy: payload.requestedBy,
      }));
      const units = this.unitRows(saved.id, ranking.groups, ranking.overall, figures, monthly);
      for (let i = 0; i < units.length; i += 500) await manager.insert(SnapshotUnit, units.slice(i, i + 500));
      // Copy the stored lines inside the database: no round trip for 250,000 rows.
      await manager.query(
        `INSERT INTO snapshot_lines (snapshotId, unitId, amount, ruleId, recordType, recordId, articleId, date, explanation, clause)
         SELECT ?, unitId, amount, ruleId, recordType, recordId, articleId, date, explanation, clause FROM score_lines
         WHERE officeId = ? AND schemeVersionId = ? AND quarter = ?`,
        [saved.id, officeId, ranking.schemeVersion.id, quarter],
      );
      const contentHash = await this.hash(manager, saved.id, units);
      await manager.update(RankingSnapshot, { id: saved.id }, { contentHash });
      await this.schemes.lock(ranking.schemeVersion.id, manager);
      const noticeTexts = payload.reason ? { ...(period.noticeTexts ?? {}), correctionReason: payload.reason } : period.noticeTexts;
      await manager.update(QuarterPeriod, { id: period.id }, { stage: 'published', publishedAt: this.clock.now(), noticeTexts });
      // The notice is frozen with the snapshot, from the same records: every later render reads only this.
      await this.noticeModels.freeze(manager, { ...saved, contentHash });
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
    monthly: Map<number, { late: number; missing: number }>,
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

  private async monthlyCounts(officeId: number, schemeVersionId: number, quarter: string) {
    const rows: { unitId: unknown; ruleId: string; n: unknown }[] = await this.dataSource.query(
      `SELECT unitId, ruleId, COUNT(*) AS n FROM score_lines WHERE officeId = ? AND schemeVersionId = ? AND quarter = ? AND ruleId IN ('monthly-report.late', 'monthly-report.missing') GROUP BY unitId, ruleId`,
      [officeId, schemeVersionId, quarter],
    );
    const out = new Map<number, { late: number; missing: number }>();
    for (const r of rows) {
      const entry = out.get(Number(r.unitId)) ?? { late: 0, missing: 0 };
      entry[r.ruleId === 'monthly-report.late' ? 'late' : 'missing'] += toNumber(r.n);
      out.set(Number(r.unitId), entry);
    }
    return out;
  }

  /**
   * SHA-256 over the unit rows and the multiset of copied lines. Line ids change whenever the
   * ledger is recomputed, so lines are combined order-free (count and a sum of per-line
   * digests): the same content always gives the same hash.
   */
  private async hash(manager: EntityManager, snapshotId: number, units: SnapshotUnit[]): Promise<string> {
    const h = createHash('sha256');
    for (const u of [...units].sort((a, b) => a.unitId - b.unitId)) h.update(`${u.unitId}|${u.total}|${u.groupRank}|${u.overallRank}\n`);
    let lastId = 0;
    let count = 0;
    let sum = 0n;
    for (;;) {
      const lines: SnapshotLine[] = await manager.query(
        'SELECT id, unitId, amount, ruleId, recordType, recordId, date FROM snapshot_lines WHERE snapshotId = ? AND id > ? ORDER BY id LIMIT 20000',
        [snapshotId, lastId],
      );
      if (lines.length === 0) break;
      for (const l of lines) {
        const digest = createHash('sha256').update(`${l.unitId}|${l.amount}|${l.ruleId}|${l.recordType}|${l.recordId}|${l.date}`).digest();
        sum = (sum + digest.readBigUInt64BE(0)) & 0xffffffffffffffffffffffffn;
        count++;
      }
      lastId = Number(lines[lines.length - 1].id);
    }
    return h.update(`lines|${count}|${sum.toString(16)}`).digest('hex');
  }

  private async resultOf(snapshot: RankingSnapshot): Promise<PublishResult> {
    const [units] = await this.dataSource.query('SELECT COUNT(*) AS n FROM snapshot_units WHERE snapshotId = ?', [snapshot.id]);
    const [lines] = await this.dataSource.query('SELECT COUNT(*) AS n FROM snapshot_lines WHERE snapshotId = ?', [snapshot.id]);
    return { snapshotId: snapshot.id, revision: snapshot.revision, contentHash: snapshot.contentHash, units: toNumber(units.n), lines: toNumber(lines.n) };
  }
}

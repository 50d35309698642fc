import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { toNumber } from '../common/db-errors';
import { Office } from '../offices/office.entity';
import { QuarterPeriod } from './quarter-period.entity';
import { RankingSnapshot } from './ranking-snapshot.entity';
import { SnapshotUnit } from './snapshot-unit.entity';

/** Rows per INSERT of snapshot units: 20 columns × 500 stays below SQLite's bound-parameter limit. */
const UNIT_CHUNK = 500;

/** A snapshot line as the content hash reads it. */
export interface SnapshotLineKey {
  id: number;
  unitId: number;
  amount: number;
  ruleId: string;
  recordType: string;
  recordId: number;
  date: string;
}

/**
 * Named queries of the publication job (publish.service) and of the daily quarter check
 * (quarter-scheduler.service). Writes take the transaction of the publication (`tx`).
 */
@Injectable()
export class PublishRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The snapshot a job wrote, if it got that far (a job writes at most one). */
  snapshotOfJob(tx: EntityManager, jobId: number): Promise<RankingSnapshot | null> {
    return tx.findOne(RankingSnapshot, { where: { jobId } });
  }

  async nextRevision(tx: EntityManager, officeId: number, quarter: string): Promise<number> {
    const [{ revision }] = await tx.query('SELECT COALESCE(MAX(revision), 0) + 1 AS revision FROM ranking_snapshots WHERE officeId = ? AND quarter = ?', [officeId, quarter]);
    return toNumber(revision);
  }

  insertSnapshot(tx: EntityManager, row: Partial<RankingSnapshot>): Promise<RankingSnapshot> {
    return tx.save(RankingSnapshot, tx.create(RankingSnapshot, row));
  }

  async insertUnits(tx: EntityManager, units: readonly SnapshotUnit[]): Promise<void> {
    for (let i = 0; i < units.length; i += UNIT_CHUNK) await tx.insert(SnapshotUnit, units.slice(i, i + UNIT_CHUNK) as SnapshotUnit[]);
  }

  /** Copies the stored lines of the quarter inside the database: no round trip for 250,000 rows. */
  async copyLedgerLines(tx: EntityManager, snapshotId: number, officeId: number, schemeVersionId: number, quarter: string): Promise<void> {
    await tx.query(
      `INSERT INTO snapshot_lines (snapshotId, unitId, amount, ruleId, recordType, recordId, articleId, date, explanation, clause)
       SELECT ?, unitId, amount, ruleId, recordType, recordId, articleId, date, explanation, clause FROM score_lines
       WHERE officeId = ? AND schemeVersionId = ? AND quarter = ?`,
      [snapshotId, officeId, schemeVersionId, quarter],
    );
  }

  /** One page of a snapshot's lines after line `afterId`, in id order. */
  linesAfter(tx: EntityManager, snapshotId: number, afterId: number, limit: number): Promise<SnapshotLineKey[]> {
    return tx.query(`SELECT id, unitId, amount, ruleId, recordType, recordId, date FROM snapshot_lines WHERE snapshotId = ? AND id > ? ORDER BY id LIMIT ${Math.trunc(limit)}`, [snapshotId, afterId]);
  }

  async setContentHash(tx: EntityManager, snapshotId: number, contentHash: string): Promise<void> {
    await tx.update(RankingSnapshot, { id: snapshotId }, { contentHash });
  }

  async markPublished(tx: EntityManager, periodId: number, publishedAt: Date, noticeTexts: QuarterPeriod['noticeTexts']): Promise<void> {
    await tx.update(QuarterPeriod, { id: periodId }, { stage: 'published', publishedAt, noticeTexts });
  }

  /** Late and missing monthly reports per unit, counted from the quarter's stored penalty lines. */
  async monthlyPenaltyCounts(officeId: number, schemeVersionId: number, quarter: string): Promise<Map<number, { late: number; missing: number }>> {
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

  /** How many unit rows and lines a snapshot holds (the job's result). */
  async snapshotSize(snapshotId: number): Promise<{ units: number; lines: number }> {
    const [units] = await this.dataSource.query('SELECT COUNT(*) AS n FROM snapshot_units WHERE snapshotId = ?', [snapshotId]);
    const [lines] = await this.dataSource.query('SELECT COUNT(*) AS n FROM snapshot_lines WHERE snapshotId = ?', [snapshotId]);
    return { units: toNumber(units.n), lines: toNumber(lines.n) };
  }

  /** Every office, for the daily check. */
  offices(): Promise<Pick<Office, 'id' | 'code'>[]> {
    return this.dataSource.getRepository(Office).find({ select: { id: true, code: true }, order: { id: 'ASC' } });
  }
}

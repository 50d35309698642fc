import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { toNumber } from '../common/db-errors';
import { addDigests, lineDigest, type HashedLine, type LinesDigest } from './content-hash';
import { Office } from '../offices/office.entity';
import { QuarterPeriod } from './quarter-period.entity';
import { RankingSnapshot } from './ranking-snapshot.entity';
import { SnapshotUnit } from './snapshot-unit.entity';

/** Rows per INSERT of snapshot units: 20 columns × 500 stays below SQLite's bound-parameter limit. */
const UNIT_CHUNK = 500;

/** Rows per page when the lines are read back for their digests (SQLite). */
const LINE_PAGE = 20_000;

/** Late and missing monthly reports of one unit. */
export interface MonthlyCounts { late: number; missing: number }

/** One pass over a snapshot's copied lines: their part of the content hash, and the monthly-report penalties per unit. */
export interface CopiedLines {
  digest: LinesDigest;
  monthly: Map<number, MonthlyCounts>;
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

  /**
   * Multi-row INSERTs of every column the entity maps (but the generated id): TypeORM's entity
   * insert spent most of a second in JavaScript on a province's 2,000 rows.
   */
  async insertUnits(tx: EntityManager, units: readonly SnapshotUnit[]): Promise<void> {
    const columns = tx.connection.getMetadata(SnapshotUnit).columns.filter((c) => !c.isGenerated);
    const driver = tx.connection.driver;
    const head = `INSERT INTO ${driver.escape('snapshot_units')} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    for (let i = 0; i < units.length; i += UNIT_CHUNK) {
      const chunk = units.slice(i, i + UNIT_CHUNK);
      await tx.query(head + chunk.map(() => tuple).join(', '), chunk.flatMap((u) => columns.map((c) => c.getEntityValue(u) ?? null)));
    }
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

  /**
   * Reads the lines a snapshot holds once (after copyLedgerLines): their digests for the content
   * hash and, per unit, the late and missing monthly reports among them. MariaDB computes the
   * digests itself (lineDigest's SHA-256 in SQL, summed per unit), so the lines never leave the
   * server; SQLite runs in this process, where reading them in pages is as cheap.
   */
  async copiedLines(tx: EntityManager, snapshotId: number): Promise<CopiedLines> {
    const monthly = new Map<number, MonthlyCounts>();
    const count = (unitId: number, late: number, missing: number) => {
      if (late === 0 && missing === 0) return;
      const entry = monthly.get(unitId) ?? { late: 0, missing: 0 };
      entry.late += late;
      entry.missing += missing;
      monthly.set(unitId, entry);
    };
    let digest: LinesDigest = { count: 0, sum: 0n };
    if (tx.connection.options.type !== 'better-sqlite3') {
      const rows: { unitId: unknown; n: unknown; digests: unknown; late: unknown; missing: unknown }[] = await tx.query(
        `SELECT unitId, COUNT(*) AS n,
                SUM(CAST(CONV(LEFT(SHA2(CONCAT_WS('|', unitId, amount, ruleId, recordType, recordId, date), 256), 16), 16, 10) AS UNSIGNED)) AS digests,
                SUM(CASE WHEN ruleId = 'monthly-report.late' THEN 1 ELSE 0 END) AS late,
                SUM(CASE WHEN ruleId = 'monthly-report.missing' THEN 1 ELSE 0 END) AS missing
         FROM snapshot_lines WHERE snapshotId = ? GROUP BY unitId`,
        [snapshotId],
      );
      for (const r of rows) {
        digest = addDigests(digest, { count: toNumber(r.n), sum: BigInt(String(r.digests)) });
        count(Number(r.unitId), toNumber(r.late), toNumber(r.missing));
      }
      return { digest, monthly };
    }
    let sum = 0n;
    let n = 0;
    for (let lastId = 0; ;) {
      const lines: (HashedLine & { id: number })[] = await tx.query(
        `SELECT id, unitId, amount, ruleId, recordType, recordId, date FROM snapshot_lines WHERE snapshotId = ? AND id > ? ORDER BY id LIMIT ${LINE_PAGE}`,
        [snapshotId, lastId],
      );
      for (const l of lines) {
        sum += lineDigest(l);
        if (l.ruleId === 'monthly-report.late') count(l.unitId, 1, 0);
        else if (l.ruleId === 'monthly-report.missing') count(l.unitId, 0, 1);
      }
      n += lines.length;
      if (lines.length < LINE_PAGE) break;
      lastId = Number(lines[lines.length - 1].id);
    }
    return { digest: addDigests(digest, { count: n, sum }), monthly };
  }

  async setContentHash(tx: EntityManager, snapshotId: number, contentHash: string): Promise<void> {
    await tx.update(RankingSnapshot, { id: snapshotId }, { contentHash });
  }

  async markPublished(tx: EntityManager, periodId: number, publishedAt: Date, noticeTexts: QuarterPeriod['noticeTexts']): Promise<void> {
    await tx.update(QuarterPeriod, { id: periodId }, { stage: 'published', publishedAt, noticeTexts });
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

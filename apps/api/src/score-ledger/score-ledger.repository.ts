import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { ScoreLine as EngineLine } from '@app/scoring';
import { toNumber } from '../common/db-errors';
import { RankingCache, type LinesStamp } from './ranking-cache';
import { ID_CHUNK } from './records.repository';
import { ScoreLine } from './score-line.entity';

/** Rows per INSERT: 11 columns × 500 stays far below SQLite's bound-parameter limit. */
const INSERT_CHUNK = 500;

export type ScoreLineRow = Omit<ScoreLine, 'id'>;

/** What one replace touches: a whole quarter, or only some articles' lines plus the unit-level ones. */
export interface ReplaceScope {
  officeId: number;
  quarter: string;
  /** Every version id of the office: deletes go through the (officeId, schemeVersionId, …) indexes. */
  versionIds: readonly number[];
  /** Incremental: lines of these articles and lines without an article; undefined = the whole quarter. */
  articleIds?: readonly number[];
}

/** Named queries over score_lines, and the lock one office's recompute holds. */
@Injectable()
export class ScoreLedgerRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rankingCache: RankingCache,
  ) {}

  /**
   * Replaces the stored lines of one scope with `rows` in one transaction: delete, then insert
   * in chunks. Lines of any version are replaced, so a quarter only ever holds the lines of the
   * version in force when it was last computed.
   */
  async replace(scope: ReplaceScope, rows: readonly ScoreLineRow[]): Promise<{ deleted: number; inserted: number }> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const deleted = scope.versionIds.length ? await this.deleteScope(manager, scope) : 0;
        for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
          await manager.createQueryBuilder().insert().into(ScoreLine).values(rows.slice(i, i + INSERT_CHUNK) as ScoreLine[]).updateEntity(false).execute();
        }
        return { deleted, inserted: rows.length };
      });
    } finally {
      // After the commit (or rollback): a ranking computed meanwhile may have read the old records.
      await this.rankingCache.invalidate(scope.officeId, scope.quarter);
    }
  }

  private async deleteScope(manager: EntityManager, scope: ReplaceScope): Promise<number> {
    const base = () =>
      manager.createQueryBuilder().delete().from(ScoreLine)
        .where('officeId = :officeId AND schemeVersionId IN (:...versionIds) AND quarter = :quarter', { officeId: scope.officeId, versionIds: scope.versionIds, quarter: scope.quarter });
    if (!scope.articleIds) return (await base().execute()).affected ?? 0;
    let deleted = (await base().andWhere('articleId IS NULL').execute()).affected ?? 0;
    for (let i = 0; i < scope.articleIds.length; i += ID_CHUNK) {
      deleted += (await base().andWhere('articleId IN (:...ids)', { ids: scope.articleIds.slice(i, i + ID_CHUNK) }).execute()).affected ?? 0;
    }
    return deleted;
  }

  /** Drops every line a scheme version computed (the version is being deleted, in `tx`). */
  async deleteVersionLines(tx: EntityManager, officeId: number, schemeVersionId: number): Promise<void> {
    await tx.delete(ScoreLine, { officeId, schemeVersionId });
  }

  /**
   * Runs `work` holding the office's recompute lock: a MariaDB/MySQL named lock held on its own
   * connection, waiting up to `waitSeconds`; SQLite has one process and one writer.
   */
  async withOfficeLock<T>(officeId: number, waitSeconds: number, work: () => Promise<T>): Promise<T> {
    if (this.dataSource.options.type === 'better-sqlite3') return work();
    const name = `pubscore:scores:${officeId}`;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const rows = await runner.query('SELECT GET_LOCK(?, ?) AS got', [name, waitSeconds]);
      if (toNumber(rows[0]?.got) !== 1) throw new Error(`another score recompute of office ${officeId} held the lock for over ${waitSeconds} s`);
      try {
        return await work();
      } finally {
        await runner.query('SELECT RELEASE_LOCK(?)', [name]);
      }
    } finally {
      await runner.release();
    }
  }

  /** Quarters that hold lines of the office (optionally only lines of some articles). */
  async storedQuarters(officeId: number, articleIds?: readonly number[]): Promise<string[]> {
    const out = new Set<string>();
    const chunks = articleIds ? chunk(articleIds) : [undefined];
    for (const ids of chunks) {
      const qb = this.dataSource.createQueryBuilder().select('DISTINCT l.quarter', 'quarter').from(ScoreLine, 'l').where('l.officeId = :officeId', { officeId });
      if (ids) qb.andWhere('l.articleId IN (:...ids)', { ids });
      for (const r of await qb.getRawMany<{ quarter: string }>()) out.add(r.quarter);
    }
    return [...out];
  }

  /** Whether the quarter holds any line of the version (a quarter never computed holds none). */
  async hasLines(officeId: number, schemeVersionId: number, quarter: string): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 AS x FROM score_lines WHERE officeId = ? AND schemeVersionId = ? AND quarter = ? LIMIT 1', [officeId, schemeVersionId, quarter]);
    return rows.length > 0;
  }

  /** The one aggregate a ranking is built from: each unit's total for a quarter. */
  async totals(officeId: number, schemeVersionId: number, quarter: string): Promise<Map<string, number>> {
    const rows = await this.dataSource.query(
      'SELECT unitId, SUM(amount) AS total FROM score_lines WHERE officeId = ? AND schemeVersionId = ? AND quarter = ? GROUP BY unitId',
      [officeId, schemeVersionId, quarter],
    );
    return new Map(rows.map((r: { unitId: unknown; total: unknown }) => [String(r.unitId), toNumber(r.total)]));
  }

  /** The highest line id of the whole table: one step down the primary key (see LinesStamp). */
  async linesStamp(): Promise<LinesStamp> {
    const rows = await this.dataSource.query('SELECT MAX(id) AS maxId FROM score_lines');
    return { maxId: toNumber(rows[0]?.maxId) };
  }

  /** Lines of the office by id (those a recompute has since replaced are simply missing). */
  linesByIds(officeId: number, ids: number[]): Promise<ScoreLine[]> {
    return this.dataSource.getRepository(ScoreLine).find({ where: { id: In(ids), officeId } });
  }

  lineInQuarter(officeId: number, quarter: string, id: number): Promise<ScoreLine | null> {
    return this.dataSource.getRepository(ScoreLine).findOne({ where: { id, officeId, quarter } });
  }

  /** One unit's lines in a quarter, in the order a statement lists them (date, then as computed). */
  unitLines(officeId: number, schemeVersionId: number, quarter: string, unitId: number): Promise<ScoreLine[]> {
    return this.dataSource.getRepository(ScoreLine).find({
      where: { officeId, schemeVersionId, quarter, unitId },
      order: { date: 'ASC', id: 'ASC' },
    });
  }
}

/** What toRow reads: a line of either engine (format-2 lines add the clause path). */
export type StorableLine = Omit<EngineLine, 'ruleId' | 'recordType'> & { ruleId: string; recordType: string; clause?: string };

/**
 * An engine line as a stored row. recordId is an int column: a monthly report's month
 * 'YYYY-MM' is kept as YYYYMM; a per-period target line's 'unitId|period' keeps the unit id
 * (its clause and date tell the periods apart).
 */
export function toRow(officeId: number, schemeVersionId: number, l: StorableLine): ScoreLineRow {
  return {
    officeId,
    schemeVersionId,
    quarter: l.quarter,
    unitId: Number(l.unitId),
    amount: l.amount,
    ruleId: l.ruleId,
    recordType: l.recordType,
    recordId: l.recordType === 'monthly-report' ? Number(l.recordId.replace('-', '')) : Number(l.recordId.split('|')[0]),
    articleId: l.articleId ? Number(l.articleId) : null,
    date: l.date,
    explanation: l.explanation.length > 500 ? `${l.explanation.slice(0, 499)}…` : l.explanation,
    clause: l.clause ? l.clause.slice(0, 100) : null,
  };
}

/** YYYYMM back to 'YYYY-MM' for a monthly-report line. */
export const monthOfRecordId = (recordId: number) => `${String(Math.trunc(recordId / 100)).padStart(4, '0')}-${String(recordId % 100).padStart(2, '0')}`;

function chunk<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ID_CHUNK) out.push(items.slice(i, i + ID_CHUNK));
  return out;
}

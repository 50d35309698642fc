import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { toNumber } from '../common/db-errors';
import type { JobPayloads } from '../jobs/job.types';
import { LedgerDirty } from './ledger-dirty.entity';
import { ID_CHUNK } from './records.repository';

type RecomputePayload = JobPayloads['scores.recompute'];

/**
 * The dirty marks of a recompute request, written in the request's transaction (the
 * `scores.recompute` job's store hook, see JobHandler `onStore`): its quarters, else its
 * articles, else every quarter from `fromQuarter` on.
 */
export async function markLedgerDirty(tx: EntityManager, payload: RecomputePayload): Promise<void> {
  const base = { officeId: payload.officeId, quarter: null, fromQuarter: null, articleId: null };
  let rows: Omit<LedgerDirty, 'id'>[];
  if (payload.quarters?.length) rows = payload.quarters.map((quarter) => ({ ...base, quarter }));
  else if (payload.articleIds?.length && !payload.fromQuarter) rows = payload.articleIds.map((articleId) => ({ ...base, articleId }));
  else rows = [{ ...base, fromQuarter: payload.fromQuarter ?? null }];
  for (let i = 0; i < rows.length; i += ID_CHUNK) await tx.insert(LedgerDirty, rows.slice(i, i + ID_CHUNK));
}

/** What a finished recompute covered, for clearing the marks it made good. */
export interface CoveredScope {
  officeId: number;
  /** Marks written after this one survive: the recompute may have read the records before their change. */
  upTo: number;
  /** Quarters recomputed whole. */
  quarters: readonly string[];
  /** Every quarter of these articles recomputed (articles' marks). */
  articleIds?: readonly number[];
  /** Every quarter from this one on (undefined: none; null: every quarter, and so every article). */
  from?: string | null;
}

/** Named queries over ledger_dirty. */
@Injectable()
export class LedgerDirtyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The newest mark of the office (0: none): a recompute clears only marks up to what it saw when it started. */
  async lastMark(officeId: number): Promise<number> {
    const rows = await this.dataSource.query('SELECT MAX(id) AS id FROM ledger_dirty WHERE officeId = ?', [officeId]);
    return toNumber(rows[0]?.id);
  }

  /** Whether a quarter- or range-wide mark covers `quarter`, and the articles marked (their quarters are the caller's to find). */
  async marksOf(officeId: number, quarter: string): Promise<{ quarter: boolean; articleIds: number[] }> {
    const [wide] = await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM ledger_dirty WHERE officeId = ? AND articleId IS NULL
         AND (quarter = ? OR (quarter IS NULL AND (fromQuarter IS NULL OR fromQuarter <= ?)))`,
      [officeId, quarter, quarter],
    );
    const articles: { articleId: unknown }[] = await this.dataSource.query('SELECT DISTINCT articleId FROM ledger_dirty WHERE officeId = ? AND articleId IS NOT NULL', [officeId]);
    return { quarter: toNumber(wide.n) > 0, articleIds: articles.map((a) => Number(a.articleId)) };
  }

  /** Deletes the marks `scope` made good (each no newer than `scope.upTo`). */
  async clear(scope: CoveredScope): Promise<void> {
    const { officeId, upTo } = scope;
    await this.dataSource.transaction(async (tx) => {
      const base = () => tx.createQueryBuilder().delete().from(LedgerDirty).where('officeId = :officeId AND id <= :upTo', { officeId, upTo });
      for (let i = 0; i < scope.quarters.length; i += ID_CHUNK) {
        await base().andWhere('articleId IS NULL AND quarter IN (:...quarters)', { quarters: scope.quarters.slice(i, i + ID_CHUNK) }).execute();
      }
      const articleIds = scope.articleIds ?? [];
      for (let i = 0; i < articleIds.length; i += ID_CHUNK) {
        await base().andWhere('articleId IN (:...ids)', { ids: articleIds.slice(i, i + ID_CHUNK) }).execute();
      }
      if (scope.from === null) await base().execute();
      else if (scope.from) await base().andWhere('articleId IS NULL AND quarter IS NULL AND fromQuarter >= :from', { from: scope.from }).execute();
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { ENTRY_STATUS_LABELS, LEVEL_LABELS, PROMINENCE_LABELS, type EntryStatus, type Page, type QueueItem } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { isUnitScoped } from '../auth/scope';
import { toNumber } from '../common/db-errors';
import type { ReviewQueueQuery } from './dto/review.dto';
import { asc, orderBy } from '../common/sort';

/**
 * What waits for the caller: the reviewer sees their unit's submitted entries, the office
 * the unit-approved ones of every unit. One query for the page and one for the count, both
 * on indexed columns, so the queue stays fast with 100,000 placements recorded.
 */
@Injectable()
export class ReviewQueueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(user: AuthUser, query: ReviewQueueQuery): Promise<Page<QueueItem>> {
    const status = query.status ?? (user.role === 'reviewer' || user.role === 'officer' ? 'submitted' : 'unit-approved');
    const unitId = isUnitScoped(user) ? user.unitId : query.unitId;
    const dateColumn = { articles: 'e.submittedDate', placements: 'e.publishedDate', instructions: 'e.instructedDate', items: 'e.itemDate' }[query.type];
    const table = query.type === 'items' ? 'item_records' : query.type;
    const filter = (qb: SelectQueryBuilder<ObjectLiteral>) => {
      qb.where('e.officeId = :officeId', { officeId: user.officeId }).andWhere('e.status = :status', { status });
      if (unitId) qb.andWhere(query.type === 'items' ? 'e.unitId = :unitId' : 'a.ownerUnitId = :unitId', { unitId });
      if (query.from) qb.andWhere(`${dateColumn} >= :from`, { from: query.from });
      if (query.to) qb.andWhere(`${dateColumn} <= :to`, { to: query.to });
      if (query.type === 'placements' && query.level) qb.andWhere('o.level = :level', { level: query.level });
      if (query.type === 'placements' && query.outletId) qb.andWhere('e.outletId = :outletId', { outletId: query.outletId });
      if ((query.type === 'instructions' || query.type === 'items') && query.level) qb.andWhere('e.level = :level', { level: query.level });
      return qb;
    };
    // The count and the page's ids join only what the filters need: joining every row to
    // articles, units and outlets made the count 200 times slower than the page with 200,000
    // placements, and MariaDB then planned the page from units outward (5 s at city size).
    // The ids come in index order; the page's 20 rows are joined afterwards (a deferred join).
    const narrow = (select: string) => {
      const qb = this.dataSource.createQueryBuilder().from(table, 'e').select(select);
      if (unitId && query.type !== 'articles' && query.type !== 'items') qb.innerJoin('articles', 'a', 'a.id = e.articleId');
      if (unitId && query.type === 'articles') qb.innerJoin('articles', 'a', 'a.id = e.id');
      if (query.type === 'placements' && query.level) qb.innerJoin('outlets', 'o', 'o.id = e.outletId');
      return filter(qb);
    };
    const total = toNumber((await narrow('COUNT(*) AS n').getRawOne())?.n);
    const ids = (await orderBy(narrow('e.id AS id'), query.sort, { id: 'e.id', date: dateColumn }, [asc(dateColumn), asc('e.id')]).offset((query.page - 1) * query.pageSize).limit(query.pageSize).getRawMany())
      .map((r: { id: unknown }) => Number(r.id));
    const rows = await this.pageRows(query.type, ids);
    const evidence = await this.evidenceCounts(query.type, rows.map((r) => Number(r.id)));
    return {
      items: rows.map((r) => this.toRow(query.type, r, evidence.get(Number(r.id)) ?? 0)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * The page's rows, in the order of `ids`, read by primary key table by table and put together
   * here. As one join MariaDB again chose to start from units (40 ms at city size for 20 rows);
   * four lookups by id cannot be planned badly on any database.
   */
  private async pageRows(type: ReviewQueueQuery['type'], ids: number[]): Promise<Record<string, unknown>[]> {
    if (ids.length === 0) return [];
    const byId = async (sql: string, keys: unknown[]) => {
      const list = [...new Set(keys.map(Number))];
      const rows: Record<string, unknown>[] = list.length ? await this.dataSource.query(sql.replace('(?)', `(${list.map(() => '?').join(',')})`), list) : [];
      return new Map(rows.map((r) => [Number(r.id), r]));
    };
    const entries = await byId({
      articles: 'SELECT id, id AS articleId, status, submittedDate AS date, version FROM articles WHERE id IN (?)',
      placements: 'SELECT id, articleId, status, publishedDate AS date, version, prominence, outletId FROM placements WHERE id IN (?)',
      instructions: 'SELECT id, articleId, status, instructedDate AS date, version, level, leaderTitle FROM instructions WHERE id IN (?)',
      items: 'SELECT id, articleId, status, itemDate AS date, version, level, kind, title AS itemTitle, unitId FROM item_records WHERE id IN (?)',
    }[type], ids);
    const articles = await byId('SELECT id, title, ownerUnitId FROM articles WHERE id IN (?)', [...entries.values()].map((e) => e.articleId).filter((a) => a !== null));
    const unitOf = (e: Record<string, unknown>) => (type === 'items' ? e.unitId : articles.get(Number(e.articleId))?.ownerUnitId);
    const units = await byId('SELECT id, name FROM units WHERE id IN (?)', [...entries.values()].map(unitOf));
    const outlets = type === 'placements' ? await byId('SELECT id, name, level FROM outlets WHERE id IN (?)', [...entries.values()].map((e) => e.outletId)) : new Map();
    return ids.map((id) => {
      const e = entries.get(id)!;
      const a = e.articleId === null ? undefined : articles.get(Number(e.articleId));
      const o = outlets.get(Number(e.outletId));
      return {
        ...e,
        articleTitle: a?.title ?? e.itemTitle,
        unitId: unitOf(e),
        unitName: units.get(Number(unitOf(e)))?.name,
        ...(o ? { outletName: o.name, level: o.level } : {}),
      };
    });
  }

  /** Evidence files per row; an article counts those of its placements and 批示 (what the reviewer checks it by). */
  private async evidenceCounts(type: ReviewQueueQuery['type'], ids: number[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    const marks = ids.map(() => '?').join(',');
    const rows: { ownerId: number; n: unknown }[] = type === 'articles'
      ? await this.dataSource.query(
        `SELECT c.articleId AS ownerId, COUNT(*) AS n FROM evidence_files f
           JOIN (SELECT 'placement' AS ownerType, id, articleId FROM placements WHERE articleId IN (${marks})
                 UNION ALL SELECT 'instruction' AS ownerType, id, articleId FROM instructions WHERE articleId IN (${marks})) c
             ON f.ownerType = c.ownerType AND f.ownerId = c.id
         GROUP BY c.articleId`,
        [...ids, ...ids],
      )
      : await this.dataSource.query(
        `SELECT ownerId, COUNT(*) AS n FROM evidence_files WHERE ownerType = ? AND ownerId IN (${marks}) GROUP BY ownerId`,
        [({ placements: 'placement', instructions: 'instruction', items: 'item' } as const)[type], ...ids],
      );
    return new Map(rows.map((r) => [Number(r.ownerId), toNumber(r.n)]));
  }

  private toRow(type: QueueItem['type'], r: Record<string, unknown>, evidenceCount: number): QueueItem {
    const level = (r.level as keyof typeof LEVEL_LABELS) ?? null;
    return {
      type,
      id: Number(r.id),
      articleId: r.articleId === null || r.articleId === undefined ? null : Number(r.articleId),
      articleTitle: String(r.articleTitle),
      unitId: Number(r.unitId),
      unitName: String(r.unitName),
      status: r.status as EntryStatus,
      statusLabel: ENTRY_STATUS_LABELS[r.status as EntryStatus],
      date: String(r.date),
      outletName: (r.outletName as string) ?? null,
      level,
      levelLabel: level ? LEVEL_LABELS[level] : null,
      prominenceLabel: r.prominence ? PROMINENCE_LABELS[r.prominence as keyof typeof PROMINENCE_LABELS] : null,
      leaderTitle: (r.leaderTitle as string) ?? null,
      kind: (r.kind as string) ?? null,
      itemTitle: (r.itemTitle as string) ?? null,
      evidenceCount,
      version: Number(r.version),
    };
  }
}

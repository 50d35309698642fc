import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntryStatus } from '@app/contracts';
import { toNumber } from '../common/db-errors';
import type { ReviewQueueQuery } from './dto/review.dto';
import { asc, sortTerms } from '../common/sort';

/**
 * The review queue's queries. The queue lists entries of four features (articles, placements,
 * instructions, 事项) with their units, outlets and evidence counts, so these read those
 * features' tables directly: raw SQL tuned for the queue's indexes (see below), kept here
 * until those features have repositories that can answer them as fast.
 */
@Injectable()
export class ReviewQueueRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The total and the page's ids of the office's entries of `query.type` in `status`
   * (`unitId`: of that unit only), in the list's order.
   */
  async findPageIds(officeId: number, status: EntryStatus, unitId: number | null | undefined, query: ReviewQueueQuery): Promise<{ total: number; ids: number[] }> {
    const dateColumn = { articles: 'e.submittedDate', placements: 'e.publishedDate', instructions: 'e.instructedDate', items: 'e.itemDate' }[query.type];
    const table = query.type === 'items' ? 'item_records' : query.type;
    // The count and the page's ids join only what the filters need: joining every row to
    // articles, units and outlets made the count 200 times slower than the page with 200,000
    // placements, and MariaDB then planned the page from units outward (5 s at city size).
    // The ids come in index order; the page's 20 rows are read afterwards (a deferred join).
    // Plain SQL rather than two query builders: building them cost more than running them.
    const joins: string[] = [];
    const where = ['e.officeId = ?', 'e.status = ?'];
    const params: unknown[] = [officeId, status];
    if (unitId && query.type !== 'articles' && query.type !== 'items') joins.push('INNER JOIN articles a ON a.id = e.articleId');
    if (unitId && query.type === 'articles') joins.push('INNER JOIN articles a ON a.id = e.id');
    if (query.type === 'placements' && query.level) joins.push('INNER JOIN outlets o ON o.id = e.outletId');
    const and = (condition: string, value: unknown) => {
      where.push(condition);
      params.push(value);
    };
    if (unitId) and(query.type === 'items' ? 'e.unitId = ?' : 'a.ownerUnitId = ?', unitId);
    if (query.from) and(`${dateColumn} >= ?`, query.from);
    if (query.to) and(`${dateColumn} <= ?`, query.to);
    if (query.type === 'placements' && query.level) and('o.level = ?', query.level);
    if (query.type === 'placements' && query.outletId) and('e.outletId = ?', query.outletId);
    if ((query.type === 'instructions' || query.type === 'items') && query.level) and('e.level = ?', query.level);
    const from = `FROM ${table} e ${joins.join(' ')} WHERE ${where.join(' AND ')}`;
    const order = sortTerms(query.sort, { id: 'e.id', date: dateColumn }, [asc(dateColumn), asc('e.id')]).map((t) => `${t.column} ${t.direction}`).join(', ');
    const [count] = await this.dataSource.query(`SELECT COUNT(*) AS n ${from}`, params);
    const total = toNumber(count?.n);
    if (total === 0) return { total, ids: [] };
    const limit = `LIMIT ${Number(query.pageSize)} OFFSET ${(Number(query.page) - 1) * Number(query.pageSize)}`;
    const rows: { id: unknown }[] = await this.dataSource.query(`SELECT e.id AS id ${from} ORDER BY ${order} ${limit}`, params);
    return { total, ids: rows.map((r) => Number(r.id)) };
  }

  /**
   * The page's rows, in the order of `ids`, with their article's title, unit, outlet and
   * evidence count, in one statement: each is a correlated lookup by primary key (or by the
   * evidence owner index), so no database can plan it badly — as one join MariaDB chose to
   * start from units (40 ms at city size for 20 rows). An article counts the evidence of its
   * placements and 批示 (what the reviewer checks it by).
   */
  async pageRows(type: ReviewQueueQuery['type'], ids: number[]): Promise<Record<string, unknown>[]> {
    if (ids.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.dataSource.query(`${PAGE_ROWS[type]} WHERE e.id IN (${ids.map(() => '?').join(',')})`, ids);
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [{ ...r, evidenceCount: toNumber(r.evidenceCount) }] : [];
    });
  }
}

const articleOf = (column: string, entry = 'e.articleId') => `(SELECT a.${column} FROM articles a WHERE a.id = ${entry})`;
const unitNameOfArticle = '(SELECT u.name FROM articles a INNER JOIN units u ON u.id = a.ownerUnitId WHERE a.id = e.articleId)';
const evidenceOf = (ownerType: string) => `(SELECT COUNT(*) FROM evidence_files f WHERE f.ownerType = '${ownerType}' AND f.ownerId = e.id)`;

/** The select of pageRows per entry type, up to its WHERE. */
const PAGE_ROWS: Record<ReviewQueueQuery['type'], string> = {
  articles: 'SELECT e.id, e.id AS articleId, e.status, e.submittedDate AS date, e.version, e.title AS articleTitle, e.ownerUnitId AS unitId, '
    + '(SELECT u.name FROM units u WHERE u.id = e.ownerUnitId) AS unitName, '
    + "(SELECT COUNT(*) FROM placements p INNER JOIN evidence_files f ON f.ownerType = 'placement' AND f.ownerId = p.id WHERE p.articleId = e.id) "
    + "+ (SELECT COUNT(*) FROM instructions i INNER JOIN evidence_files f ON f.ownerType = 'instruction' AND f.ownerId = i.id WHERE i.articleId = e.id) AS evidenceCount "
    + 'FROM articles e',
  placements: 'SELECT e.id, e.articleId, e.status, e.publishedDate AS date, e.version, e.prominence, e.outletId, '
    + `${articleOf('title')} AS articleTitle, ${articleOf('ownerUnitId')} AS unitId, ${unitNameOfArticle} AS unitName, `
    + '(SELECT o.name FROM outlets o WHERE o.id = e.outletId) AS outletName, (SELECT o.level FROM outlets o WHERE o.id = e.outletId) AS level, '
    + `${evidenceOf('placement')} AS evidenceCount FROM placements e`,
  instructions: 'SELECT e.id, e.articleId, e.status, e.instructedDate AS date, e.version, e.level, e.leaderTitle, '
    + `${articleOf('title')} AS articleTitle, ${articleOf('ownerUnitId')} AS unitId, ${unitNameOfArticle} AS unitName, `
    + `${evidenceOf('instruction')} AS evidenceCount FROM instructions e`,
  items: 'SELECT e.id, e.articleId, e.status, e.itemDate AS date, e.version, e.level, e.kind, e.title AS itemTitle, e.unitId, '
    + `COALESCE(${articleOf('title')}, e.title) AS articleTitle, (SELECT u.name FROM units u WHERE u.id = e.unitId) AS unitName, `
    + `${evidenceOf('item')} AS evidenceCount FROM item_records e`,
};

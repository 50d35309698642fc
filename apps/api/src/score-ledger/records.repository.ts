import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ENTRY_STATUSES } from '@app/contracts';
import { quarterRange, type Channel, type Level } from '@app/scoring';
import { Adjustment } from '../adjustments/adjustment.entity';
import { Article } from '../articles/article.entity';
import { Commission } from '../commissions/commission.entity';
import { toNumber } from '../common/db-errors';
import { ItemRecord } from '../items/item-record.entity';
import { Unit } from '../units/unit.entity';

export type Row = Record<string, unknown>;

/** An entry of a quarter sent for review and not yet settled. */
export interface UnsettledEntry {
  type: 'articles' | 'placements' | 'instructions' | 'items' | 'adjustments';
  id: number;
  title: string;
  status: string;
  /** the unit it is for (an article's: the unit that recorded it) */
  unitName: string;
}
type Tx = Pick<EntityManager, 'query'>;

/** How many ids go into one `IN (…)`: far below SQLite's bound-parameter limit. */
export const ID_CHUNK = 500;

/**
 * The articles a load covers, as a derived table `s(articleId)` to join (see
 * RecordsRepository.articleScopes); `whole` when it is every article of the quarter.
 */
export interface ArticleScope {
  sql: string;
  params: unknown[];
  whole?: true;
}

/**
 * Named reads of the recording features' tables as the ledger scores them: the verified record
 * of a quarter, the offices rolled up into a parent, and the counts a ranking and a snapshot
 * print beside the points. The recording features own these tables and write them; the ledger
 * (and, through its exports, publication and notices) only reads them here.
 * Methods taking `tx` read inside the caller's transaction (a publication sees exactly the
 * records its snapshot is taken from).
 */
@Injectable()
export class RecordsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every unit of the office with its group, groups in their sort order. */
  unitsWithGroups(officeId: number): Promise<Row[]> {
    return this.dataSource.query(
      `SELECT u.id, u.code, u.name, u.groupId, u.active, g.name AS groupName FROM units u JOIN ranking_groups g ON g.id = u.groupId
       WHERE u.officeId = ? ORDER BY g.sortOrder, g.id, u.code`,
      [officeId],
    );
  }

  unitOfOffice(officeId: number, unitId: number): Promise<Unit | null> {
    return this.dataSource.getRepository(Unit).findOne({ where: { id: unitId, officeId } });
  }

  /**
   * The articles in scope as a derived table `s(articleId)` to join: every article with a
   * verified placement or instruction in the quarter, every verified article submitted in it
   * (报送任务 and 采用率 count those never adopted), or, for an incremental run, the given
   * ids in chunks. A join, not `IN (… UNION …)`: MariaDB runs the latter as a dependent
   * subquery per row, the former is materialised once.
   */
  articleScopes(officeId: number, start: string, end: string, ids?: readonly number[]): ArticleScope[] {
    if (!ids) {
      return [{
        whole: true,
        sql: `SELECT p.articleId FROM placements p WHERE p.officeId = ? AND p.status = 'verified' AND p.publishedDate >= ? AND p.publishedDate <= ?
              UNION SELECT i.articleId FROM instructions i WHERE i.officeId = ? AND i.status = 'verified' AND i.instructedDate >= ? AND i.instructedDate <= ?
              UNION SELECT a1.id FROM articles a1 WHERE a1.officeId = ? AND a1.status = 'verified' AND a1.submittedDate >= ? AND a1.submittedDate <= ?`,
        params: [officeId, start, end, officeId, start, end, officeId, start, end],
      }];
    }
    const scopes: ArticleScope[] = [];
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      const chunk = ids.slice(i, i + ID_CHUNK);
      scopes.push({ sql: `SELECT a0.id AS articleId FROM articles a0 WHERE a0.id IN (${chunk.map(() => '?').join(', ')})`, params: chunk });
    }
    return scopes;
  }

  /**
   * The verified articles of a scope with their signing units, their verified placements up to
   * `end` (earlier ones too: top-up needs the history) and their verified instructions of the quarter.
   */
  async verifiedArticlesInScope(officeId: number, start: string, end: string, scope: ArticleScope): Promise<{ articles: Row[]; units: Row[]; placements: Row[]; instructions: Row[] }> {
    // The whole-quarter scope already contains every verified instruction of the quarter, so
    // that query needs no join with it (SQLite re-ran the UNION once per instruction row).
    const instructionScope = scope.whole ? { join: '', params: [] as unknown[] } : { join: `JOIN (${scope.sql}) s ON s.articleId = i.articleId`, params: scope.params };
    const q = this.dataSource;
    const [articles, units, placements, instructions]: Row[][] = await Promise.all([
      q.query(
        `SELECT a.id, a.title, a.submittedDate, a.wordCount, a.genre FROM articles a JOIN (${scope.sql}) s ON s.articleId = a.id
         WHERE a.officeId = ? AND a.status = 'verified' ORDER BY a.id`,
        [...scope.params, officeId],
      ),
      q.query(
        `SELECT au.articleId, au.unitId, au.shareBp, au.position FROM article_units au JOIN (${scope.sql}) s ON s.articleId = au.articleId
         JOIN articles a ON a.id = au.articleId WHERE a.officeId = ? AND a.status = 'verified' ORDER BY au.articleId, au.position, au.id`,
        [...scope.params, officeId],
      ),
      q.query(
        `SELECT p.id, p.articleId, p.outletId, o.code AS outletCode, o.name AS outletName, o.level, o.channel,
                COALESCE(p.medium, o.medium) AS medium, p.prominence, p.publishedDate, p.form, p.views
         FROM placements p JOIN (${scope.sql}) s ON s.articleId = p.articleId
         JOIN articles a ON a.id = p.articleId JOIN outlets o ON o.id = p.outletId
         WHERE p.officeId = ? AND p.status = 'verified' AND a.status = 'verified' AND p.publishedDate <= ?
         ORDER BY p.articleId, p.publishedDate, p.id`,
        [...scope.params, officeId, end],
      ),
      q.query(
        `SELECT i.id, i.articleId, i.leaderTitle, i.level, i.instructedDate FROM instructions i ${instructionScope.join}
         JOIN articles a ON a.id = i.articleId
         WHERE i.officeId = ? AND i.status = 'verified' AND a.status = 'verified' AND i.instructedDate >= ? AND i.instructedDate <= ?
         ORDER BY i.instructedDate, i.id`,
        [...instructionScope.params, officeId, start, end],
      ),
    ]);
    return { articles, units, placements, instructions };
  }

  /** 约稿 due between `start` and `end`, a row per target; an answer counts only when its article is verified. */
  commissionTargetsDue(officeId: number, start: string, end: string): Promise<Row[]> {
    return this.dataSource.query(
      `SELECT c.id, c.topic, c.deadline, c.issuer, t.unitId, a.submittedDate AS answeredDate
       FROM commissions c JOIN commission_targets t ON t.commissionId = c.id
       LEFT JOIN articles a ON a.id = t.articleId AND a.status = 'verified'
       WHERE c.officeId = ? AND c.deadline >= ? AND c.deadline <= ? ORDER BY c.deadline, c.id, t.id`,
      [officeId, start, end],
    );
  }

  monthlyReports(officeId: number, fromMonth: string, toMonth: string): Promise<Row[]> {
    return this.dataSource.query(
      `SELECT unitId, month, filedDate FROM monthly_reports WHERE officeId = ? AND month >= ? AND month <= ?`,
      [officeId, fromMonth, toMonth],
    );
  }

  verifiedItems(officeId: number, start: string, end: string): Promise<Row[]> {
    return this.dataSource.query(
      `SELECT id, unitId, kind, title, itemDate, level, articleId FROM item_records
       WHERE officeId = ? AND status = 'verified' AND itemDate >= ? AND itemDate <= ? ORDER BY itemDate, id`,
      [officeId, start, end],
    );
  }

  approvedAdjustments(officeId: number, quarter: string): Promise<Row[]> {
    return this.dataSource.query(
      `SELECT id, unitId, quarter, points, reason FROM adjustments WHERE officeId = ? AND quarter = ? AND status = 'approved' ORDER BY id`,
      [officeId, quarter],
    );
  }

  /** The active units of `officeId` standing for offices below it (units.childOfficeId), as the roll-up loads them. */
  rankedChildOffices(officeId: number, tx: Tx = this.dataSource.manager): Promise<{ unitId: number; childOfficeId: number }[]> {
    return rankedChildOffices(tx, officeId);
  }

  /** The office that ranks `officeId` as one of its units, if any. */
  async parentOffice(officeId: number): Promise<number | null> {
    const [parent]: { officeId: unknown }[] = await this.dataSource.query('SELECT officeId FROM units WHERE childOfficeId = ? AND active = 1', [officeId]);
    return parent ? Number(parent.officeId) : null;
  }

  adoptionsByLevel(officeId: number, start: string, end: string, tx: Tx = this.dataSource.manager): Promise<{ level: Level; channel: Channel; n: number }[]> {
    return adoptionsByLevel(tx, officeId, start, end);
  }

  /** Verified placements of verified articles per signing unit (each unit of a joint article counts it), by level and channel. */
  async adoptionsByUnit(officeId: number, start: string, end: string): Promise<{ unitId: number; level: Level; channel: Channel; n: number }[]> {
    const rows: { unitId: unknown; level: Level; channel: Channel; n: unknown }[] = await this.dataSource.query(
      `SELECT au.unitId, o.level, o.channel, COUNT(*) AS n FROM placements p
       JOIN articles a ON a.id = p.articleId JOIN article_units au ON au.articleId = p.articleId JOIN outlets o ON o.id = p.outletId
       WHERE p.officeId = ? AND p.status = 'verified' AND a.status = 'verified' AND p.publishedDate >= ? AND p.publishedDate <= ?
       GROUP BY au.unitId, o.level, o.channel`,
      [officeId, start, end],
    );
    return rows.map((r) => ({ unitId: Number(r.unitId), level: r.level, channel: r.channel, n: toNumber(r.n) }));
  }

  articleCounts(officeId: number, start: string, end: string, tx: Tx = this.dataSource.manager): Promise<{ articlesSubmitted: number; instructions: number }> {
    return articleCounts(tx, officeId, start, end);
  }

  /**
   * The dates an article change can move (any status: a reopened entry's old lines must go):
   * of its placements and instructions, of 约稿 it answers, and of its submission.
   */
  async articleDates(officeId: number, articleIds: readonly number[]): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < articleIds.length; i += ID_CHUNK) {
      const ids = articleIds.slice(i, i + ID_CHUNK);
      const marks = ids.map(() => '?').join(', ');
      const rows: { d: string }[] = await this.dataSource.query(
        `SELECT DISTINCT publishedDate AS d FROM placements WHERE officeId = ? AND articleId IN (${marks})
         UNION SELECT DISTINCT instructedDate FROM instructions WHERE officeId = ? AND articleId IN (${marks})
         UNION SELECT DISTINCT c.deadline FROM commissions c JOIN commission_targets t ON t.commissionId = c.id WHERE c.officeId = ? AND t.articleId IN (${marks})
         UNION SELECT DISTINCT submittedDate FROM articles WHERE officeId = ? AND id IN (${marks})`,
        [officeId, ...ids, officeId, ...ids, officeId, ...ids, officeId, ...ids],
      );
      for (const r of rows) out.push(String(r.d));
    }
    return out;
  }

  /**
   * The first and last dated record of each kind, over `officeId` and, for articles,
   * placements and instructions (what the roll-up counts), the offices in `below` too.
   */
  recordSpans(officeId: number, below: readonly number[]): Promise<{ lo: string | null; hi: string | null }[]> {
    return Promise.all(
      [
        ['placements', 'publishedDate', true],
        ['articles', 'submittedDate', true],
        ['instructions', 'instructedDate', true],
        ['commissions', 'deadline', false],
        ['monthly_reports', 'month', false],
      ].map(async ([table, column, rolledUp]) => {
        const offices = rolledUp ? [officeId, ...below] : [officeId];
        const rows = await this.dataSource.query(
          `SELECT MIN(${column}) AS lo, MAX(${column}) AS hi FROM ${table} WHERE officeId IN (${offices.map(() => '?').join(',')})`,
          offices,
        );
        return { lo: rows[0]?.lo ?? null, hi: rows[0]?.hi ?? null };
      }),
    );
  }

  /**
   * Entries of a quarter sent for review but not settled (verified or rejected): submitted,
   * unit-approved or returned articles, placements, instructions and 事项, and 加减分 still
   * awaiting a second office user's approval. Drafts were never sent and are not listed.
   */
  async unsettledEntries(tx: EntityManager, officeId: number, quarter: string): Promise<UnsettledEntry[]> {
    const { start, end } = quarterRange(quarter);
    const open = ['submitted', 'unit-approved', 'returned'];
    const marks = open.map(() => '?').join(',');
    const rows = await Promise.all([
      tx.query(
        `SELECT 'articles' AS type, a.id, a.title, a.status, u.name AS unitName FROM articles a JOIN units u ON u.id = a.ownerUnitId
         WHERE a.officeId = ? AND a.submittedDate BETWEEN ? AND ? AND a.status IN (${marks})`,
        [officeId, start, end, ...open],
      ),
      tx.query(
        `SELECT 'placements' AS type, p.id, a.title, p.status, u.name AS unitName FROM placements p JOIN articles a ON a.id = p.articleId JOIN units u ON u.id = a.ownerUnitId
         WHERE p.officeId = ? AND p.publishedDate BETWEEN ? AND ? AND p.status IN (${marks})`,
        [officeId, start, end, ...open],
      ),
      tx.query(
        `SELECT 'instructions' AS type, i.id, a.title, i.status, u.name AS unitName FROM instructions i JOIN articles a ON a.id = i.articleId JOIN units u ON u.id = a.ownerUnitId
         WHERE i.officeId = ? AND i.instructedDate BETWEEN ? AND ? AND i.status IN (${marks})`,
        [officeId, start, end, ...open],
      ),
      tx.query(
        `SELECT 'items' AS type, r.id, r.title, r.status, u.name AS unitName FROM item_records r JOIN units u ON u.id = r.unitId
         WHERE r.officeId = ? AND r.itemDate BETWEEN ? AND ? AND r.status IN (${marks})`,
        [officeId, start, end, ...open],
      ),
      tx.query(
        `SELECT 'adjustments' AS type, j.id, j.reason AS title, j.status, u.name AS unitName FROM adjustments j JOIN units u ON u.id = j.unitId
         WHERE j.officeId = ? AND j.quarter = ? AND j.status = 'pending'`,
        [officeId, quarter],
      ),
    ]);
    return rows.flat().map((r: UnsettledEntry) => ({ type: r.type, id: Number(r.id), title: r.title, status: r.status, unitName: r.unitName }));
  }

  /**
   * The office's earliest recorded date (article, placement, 批示 or 事项) on or after
   * `minDate`, or null.
   */
  async firstRecordDate(officeId: number, minDate: string): Promise<string | null> {
    const [row]: { first: string | null }[] = await this.dataSource.query(
      `SELECT MIN(d) AS first FROM (
         SELECT MIN(submittedDate) AS d FROM articles WHERE officeId = ? AND submittedDate >= ?
         UNION ALL SELECT MIN(publishedDate) FROM placements WHERE officeId = ? AND publishedDate >= ?
         UNION ALL SELECT MIN(instructedDate) FROM instructions WHERE officeId = ? AND instructedDate >= ?
         UNION ALL SELECT MIN(itemDate) FROM item_records WHERE officeId = ? AND itemDate >= ?) m`,
      [officeId, minDate, officeId, minDate, officeId, minDate, officeId, minDate],
    );
    return row?.first ? String(row.first) : null;
  }

  /** What a statement names its lines by: article titles, 约稿 topics, 事项 kinds and titles, 加减分 reasons. */
  async recordNames(officeId: number, ids: { articles: number[]; commissions: number[]; items: number[]; adjustments: number[] }) {
    const titles = new Map<number, string>();
    const topics = new Map<number, string>();
    const items = new Map<number, { kind: string; title: string }>();
    const reasons = new Map<number, string>();
    const m = this.dataSource.manager;
    if (ids.articles.length) {
      for (const a of await m.find(Article, { where: { id: In(ids.articles), officeId }, select: { id: true, title: true } })) titles.set(a.id, a.title);
    }
    if (ids.commissions.length) {
      for (const c of await m.find(Commission, { where: { id: In(ids.commissions), officeId }, select: { id: true, topic: true } })) topics.set(c.id, c.topic);
    }
    if (ids.items.length) {
      for (const i of await m.find(ItemRecord, { where: { id: In(ids.items), officeId }, select: { id: true, kind: true, title: true } })) items.set(i.id, i);
    }
    if (ids.adjustments.length) {
      for (const a of await m.find(Adjustment, { where: { id: In(ids.adjustments), officeId }, select: { id: true, reason: true } })) reasons.set(a.id, a.reason);
    }
    return { titles, topics, items, reasons };
  }
}

/*
 * The reads below take the caller's manager: publication counts a snapshot's figures inside its
 * own transaction, where no injected repository can reach (RecordsRepository wraps them too).
 */

/** The active units of `officeId` standing for offices below it (units.childOfficeId), as the roll-up loads them. */
export async function rankedChildOffices(tx: Tx, officeId: number): Promise<{ unitId: number; childOfficeId: number }[]> {
  const rows: { id: unknown; childOfficeId: unknown }[] = await tx.query(
    'SELECT id, childOfficeId FROM units WHERE officeId = ? AND childOfficeId IS NOT NULL AND active = 1 ORDER BY id',
    [officeId],
  );
  return rows.map((r) => ({ unitId: Number(r.id), childOfficeId: Number(r.childOfficeId) }));
}

/** An office's verified adoptions of verified articles published between `start` and `end`, by outlet level and channel. */
export async function adoptionsByLevel(tx: Tx, officeId: number, start: string, end: string): Promise<{ level: Level; channel: Channel; n: number }[]> {
  const rows: { level: Level; channel: Channel; n: unknown }[] = await tx.query(
    `SELECT o.level AS level, o.channel AS channel, COUNT(*) AS n FROM placements p JOIN articles a ON a.id = p.articleId JOIN outlets o ON o.id = p.outletId
     WHERE p.officeId = ? AND p.publishedDate BETWEEN ? AND ? AND p.status = 'verified' AND a.status = 'verified' GROUP BY o.level, o.channel`,
    [officeId, start, end],
  );
  return rows.map((r) => ({ level: r.level, channel: r.channel, n: toNumber(r.n) }));
}

/**
 * 'Sent' (anything past draft) as a list of statuses rather than `<> 'draft'`: the list lets both
 * databases read the (officeId, status, submittedDate) index alone, without each article's row.
 */
const SENT_STATUSES = ENTRY_STATUSES.filter((s) => s !== 'draft');
const SENT = `(${SENT_STATUSES.map(() => '?').join(', ')})`;

/** An office's articles sent (anything past draft) and verified instructions of verified articles between `start` and `end`. */
export async function articleCounts(tx: Tx, officeId: number, start: string, end: string): Promise<{ articlesSubmitted: number; instructions: number }> {
  const [articles] = await tx.query(
    `SELECT COUNT(*) AS n FROM articles WHERE officeId = ? AND submittedDate BETWEEN ? AND ? AND status IN ${SENT}`,
    [officeId, start, end, ...SENT_STATUSES],
  );
  const [instructions] = await tx.query(
    `SELECT COUNT(*) AS n FROM instructions i JOIN articles a ON a.id = i.articleId
     WHERE i.officeId = ? AND i.instructedDate BETWEEN ? AND ? AND i.status = 'verified' AND a.status = 'verified'`,
    [officeId, start, end],
  );
  return { articlesSubmitted: toNumber(articles.n), instructions: toNumber(instructions.n) };
}

/** Per signing unit: articles sent (anything past draft) between `start` and `end` (a joint article counts for each unit). */
export async function articlesSentByUnit(tx: Tx, officeId: number, start: string, end: string): Promise<{ unitId: number; n: number }[]> {
  const rows: { unitId: unknown; n: unknown }[] = await tx.query(
    `SELECT au.unitId AS unitId, COUNT(*) AS n FROM articles a JOIN article_units au ON au.articleId = a.id
     WHERE a.officeId = ? AND a.submittedDate BETWEEN ? AND ? AND a.status IN ${SENT} GROUP BY au.unitId`,
    [officeId, start, end, ...SENT_STATUSES],
  );
  return rows.map((r) => ({ unitId: Number(r.unitId), n: toNumber(r.n) }));
}

/** Per signing unit: verified instructions of verified articles between `start` and `end`. */
export async function instructionsByUnit(tx: Tx, officeId: number, start: string, end: string): Promise<{ unitId: number; n: number }[]> {
  const rows: { unitId: unknown; n: unknown }[] = await tx.query(
    `SELECT au.unitId AS unitId, COUNT(*) AS n FROM instructions i JOIN articles a ON a.id = i.articleId JOIN article_units au ON au.articleId = a.id
     WHERE i.officeId = ? AND i.instructedDate BETWEEN ? AND ? AND i.status = 'verified' AND a.status = 'verified' GROUP BY au.unitId`,
    [officeId, start, end],
  );
  return rows.map((r) => ({ unitId: Number(r.unitId), n: toNumber(r.n) }));
}

/**
 * Per target unit: 约稿 due between `start` and `end` as the engine scores them
 * (commissionOutcome): answered means answered with a verified article, and an unanswered target
 * is due only once its deadline is before `asOfDate`; done = answered by the deadline.
 */
export async function commissionsByUnit(tx: Tx, officeId: number, start: string, end: string, asOfDate: string): Promise<{ unitId: number; due: number; done: number }[]> {
  const rows: { unitId: unknown; due: unknown; done: unknown }[] = await tx.query(
    `SELECT t.unitId AS unitId, SUM(CASE WHEN a.id IS NOT NULL OR c.deadline < ? THEN 1 ELSE 0 END) AS due,
            SUM(CASE WHEN a.id IS NOT NULL AND a.submittedDate <= c.deadline THEN 1 ELSE 0 END) AS done
     FROM commission_targets t JOIN commissions c ON c.id = t.commissionId LEFT JOIN articles a ON a.id = t.articleId AND a.status = 'verified'
     WHERE c.officeId = ? AND c.deadline BETWEEN ? AND ? GROUP BY t.unitId`,
    [asOfDate, officeId, start, end],
  );
  return rows.map((r) => ({ unitId: Number(r.unitId), due: toNumber(r.due), done: toNumber(r.done) }));
}

/** An office's 约稿 due between `start` and `end`: how many issued, their targets, and targets answered by the deadline. */
export async function commissionTotals(tx: Tx, officeId: number, start: string, end: string): Promise<{ issued: number; targets: number; onTime: number }> {
  const [row] = await tx.query(
    `SELECT COUNT(DISTINCT c.id) AS issued, COUNT(t.id) AS targets,
            SUM(CASE WHEN a.id IS NOT NULL AND a.submittedDate <= c.deadline THEN 1 ELSE 0 END) AS onTime
     FROM commissions c JOIN commission_targets t ON t.commissionId = c.id LEFT JOIN articles a ON a.id = t.articleId AND a.status = 'verified'
     WHERE c.officeId = ? AND c.deadline BETWEEN ? AND ?`,
    [officeId, start, end],
  );
  return { issued: toNumber(row?.issued), targets: toNumber(row?.targets), onTime: toNumber(row?.onTime) };
}

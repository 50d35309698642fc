import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { monthsOfQuarter, quarterRange, type ScoringInstruction, type ScoringUnit } from '@app/scoring';
import { toNumber } from '../common/db-errors';
import type { RecordedAdjustment, RecordedArticle, RecordedCommission, RecordedInput, RecordedItem, RecordedPlacement } from './recorded-input';

/** How many ids go into one `IN (…)`: far below SQLite's bound-parameter limit. */
export const ID_CHUNK = 500;

export interface LoadOptions {
  /** Business date the computation is made on (decides which deadlines have passed). */
  asOfDate: string;
  /** Only these articles' placements and instructions; unit-level records are always loaded whole. */
  articleIds?: readonly number[];
}

type Row = Record<string, unknown>;

/**
 * Builds the engine's input for one quarter of one office from the database, in a fixed
 * number of set-based queries (no per-row loading): the verified articles submitted in the
 * quarter or that have a verified placement or instruction in it, every earlier verified placement of
 * those articles (top-up needs the history), the quarter's instructions, 约稿 with their
 * answers, monthly reports, the quarter's verified 事项 and approved 加减分, and the office's
 * active units, in the database's vocabulary (RecordedInput; engine-input.ts maps it).
 */
@Injectable()
export class RecordsLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(officeId: number, quarter: string, options: LoadOptions): Promise<RecordedInput> {
    const { start, end } = quarterRange(quarter);
    const articles: RecordedArticle[] = [];
    const placements: RecordedPlacement[] = [];
    const instructions: ScoringInstruction[] = [];
    for (const scope of this.articleScopes(officeId, start, end, options.articleIds)) {
      const part = await this.loadArticles(officeId, start, end, scope);
      // Not push(...list): spreading a province quarter (~250k placements) as arguments
      // overflows the call stack.
      append(articles, part.articles);
      append(placements, part.placements);
      append(instructions, part.instructions);
    }
    const [units, commissions, monthlyReports, items, adjustments] = await Promise.all([
      this.activeUnits(officeId),
      this.commissions(officeId, start, end),
      this.monthlyReports(officeId, quarter),
      this.items(officeId, start, end),
      this.adjustments(officeId, quarter),
    ]);
    return { units, articles, placements, instructions, commissions, monthlyReports, items, adjustments, asOfDate: options.asOfDate };
  }

  /**
   * Units to rank: the active ones, plus any unit in `extraIds` (a deactivated unit that still
   * has lines in the quarter keeps its place in that quarter's ranking). Groups in their sort order.
   */
  async rankingUnits(officeId: number, extraIds: readonly number[] = []): Promise<(ScoringUnit & { active: boolean })[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT u.id, u.code, u.name, u.groupId, u.active, g.name AS groupName FROM units u JOIN ranking_groups g ON g.id = u.groupId
       WHERE u.officeId = ? ORDER BY g.sortOrder, g.id, u.code`,
      [officeId],
    );
    const extra = new Set(extraIds.map(String));
    return rows
      .map((r) => ({ ...toUnit(r), active: toNumber(r.active) === 1 }))
      .filter((u) => u.active || extra.has(u.id));
  }

  private async activeUnits(officeId: number): Promise<ScoringUnit[]> {
    return (await this.rankingUnits(officeId)).map(({ active: _active, ...u }) => u);
  }

  /**
   * The articles in scope as a derived table `s(articleId)` to join: every article with a
   * verified placement or instruction in the quarter, every verified article submitted in it
   * (报送任务 and 采用率 count those never adopted), or, for an incremental run, the given
   * ids in chunks. A join, not `IN (… UNION …)`: MariaDB runs the latter as a dependent
   * subquery per row, the former is materialised once.
   */
  private articleScopes(officeId: number, start: string, end: string, ids?: readonly number[]): { sql: string; params: unknown[]; whole?: true }[] {
    if (!ids) {
      return [{
        whole: true,
        sql: `SELECT p.articleId FROM placements p WHERE p.officeId = ? AND p.status = 'verified' AND p.publishedDate >= ? AND p.publishedDate <= ?
              UNION SELECT i.articleId FROM instructions i WHERE i.officeId = ? AND i.status = 'verified' AND i.instructedDate >= ? AND i.instructedDate <= ?
              UNION SELECT a1.id FROM articles a1 WHERE a1.officeId = ? AND a1.status = 'verified' AND a1.submittedDate >= ? AND a1.submittedDate <= ?`,
        params: [officeId, start, end, officeId, start, end, officeId, start, end],
      }];
    }
    const scopes: { sql: string; params: unknown[] }[] = [];
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      const chunk = ids.slice(i, i + ID_CHUNK);
      scopes.push({ sql: `SELECT a0.id AS articleId FROM articles a0 WHERE a0.id IN (${chunk.map(() => '?').join(', ')})`, params: chunk });
    }
    return scopes;
  }

  private async loadArticles(officeId: number, start: string, end: string, scope: { sql: string; params: unknown[]; whole?: true }) {
    // The whole-quarter scope already contains every verified instruction of the quarter, so
    // that query needs no join with it (SQLite re-ran the UNION once per instruction row).
    const instructionScope = scope.whole ? { join: '', params: [] as unknown[] } : { join: `JOIN (${scope.sql}) s ON s.articleId = i.articleId`, params: scope.params };
    const q = this.dataSource;
    const [articleRows, unitRows, placementRows, instructionRows]: Row[][] = await Promise.all([
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
    // In signing order: the first unit is the 第一署名单位 (today's first-unit split reads it too).
    const unitsByArticle = new Map<string, RecordedArticle['units']>();
    for (const r of unitRows) {
      const key = String(r.articleId);
      const list = unitsByArticle.get(key) ?? [];
      list.push({ unitId: String(r.unitId), sharePercent: r.shareBp == null ? null : sharePercent(toNumber(r.shareBp)), position: toNumber(r.position) });
      unitsByArticle.set(key, list);
    }
    const articles = articleRows.map((r): RecordedArticle => ({
      id: String(r.id),
      title: String(r.title),
      submittedDate: String(r.submittedDate),
      wordCount: r.wordCount == null ? null : toNumber(r.wordCount),
      genre: (r.genre as string | null) ?? null,
      units: unitsByArticle.get(String(r.id)) ?? [],
    }));
    const placements = placementRows.map((r): RecordedPlacement => ({
      id: String(r.id),
      articleId: String(r.articleId),
      outletId: String(r.outletId),
      outletCode: String(r.outletCode),
      outletName: String(r.outletName),
      level: r.level as RecordedPlacement['level'],
      channel: r.channel as RecordedPlacement['channel'],
      medium: (r.medium as RecordedPlacement['medium']) ?? null,
      prominence: r.prominence as RecordedPlacement['prominence'],
      publishedDate: String(r.publishedDate),
      form: r.form as RecordedPlacement['form'],
      views: r.views == null ? null : toNumber(r.views),
    }));
    const instructions = instructionRows.map((r): ScoringInstruction => ({
      id: String(r.id),
      articleId: String(r.articleId),
      leaderTitle: String(r.leaderTitle),
      level: r.level as ScoringInstruction['level'],
      date: String(r.instructedDate),
    }));
    return { articles, placements, instructions };
  }

  /** 约稿 due in the quarter; an answer counts only when its article is verified. */
  private async commissions(officeId: number, start: string, end: string): Promise<RecordedCommission[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT c.id, c.topic, c.deadline, c.issuer, t.unitId, a.submittedDate AS answeredDate
       FROM commissions c JOIN commission_targets t ON t.commissionId = c.id
       LEFT JOIN articles a ON a.id = t.articleId AND a.status = 'verified'
       WHERE c.officeId = ? AND c.deadline >= ? AND c.deadline <= ? ORDER BY c.deadline, c.id, t.id`,
      [officeId, start, end],
    );
    const byId = new Map<string, RecordedCommission>();
    for (const r of rows) {
      const id = String(r.id);
      let c = byId.get(id);
      if (!c) {
        c = { id, topic: String(r.topic), deadline: String(r.deadline), issuer: String(r.issuer ?? ''), targets: [] };
        byId.set(id, c);
      }
      c.targets.push({ unitId: String(r.unitId), answeredArticleSubmittedDate: (r.answeredDate as string | null) ?? null });
    }
    return [...byId.values()];
  }

  private async monthlyReports(officeId: number, quarter: string) {
    const months = monthsOfQuarter(quarter);
    const rows: Row[] = await this.dataSource.query(
      `SELECT unitId, month, filedDate FROM monthly_reports WHERE officeId = ? AND month >= ? AND month <= ?`,
      [officeId, months[0], months[2]],
    );
    return rows.map((r) => ({ unitId: String(r.unitId), month: String(r.month), filedDate: (r.filedDate as string | null) ?? null }));
  }

  /** The quarter's verified 事项 (unit-level records: loaded whole, also for an incremental run). */
  private async items(officeId: number, start: string, end: string): Promise<RecordedItem[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT id, unitId, kind, title, itemDate, level, articleId FROM item_records
       WHERE officeId = ? AND status = 'verified' AND itemDate >= ? AND itemDate <= ? ORDER BY itemDate, id`,
      [officeId, start, end],
    );
    return rows.map((r) => ({
      id: String(r.id),
      unitId: String(r.unitId),
      kind: String(r.kind),
      title: String(r.title),
      date: String(r.itemDate),
      level: (r.level as RecordedItem['level']) ?? null,
      articleId: r.articleId == null ? null : String(r.articleId),
    }));
  }

  /** The quarter's approved 加减分; pending and rejected ones never count. */
  private async adjustments(officeId: number, quarter: string): Promise<RecordedAdjustment[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT id, unitId, quarter, points, reason FROM adjustments WHERE officeId = ? AND quarter = ? AND status = 'approved' ORDER BY id`,
      [officeId, quarter],
    );
    return rows.map((r) => ({ id: String(r.id), unitId: String(r.unitId), quarter: String(r.quarter), points: toNumber(r.points), reason: String(r.reason), status: 'approved' }));
  }
}

function toUnit(r: Row): ScoringUnit {
  return { id: String(r.id), code: String(r.code), name: String(r.name), groupId: String(r.groupId), groupName: String(r.groupName) };
}

/** Basis points of 100% as the engine's decimal percent text: 6000 → "60", 3333 → "33.33". */
export function sharePercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = bp % 100;
  return frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}

function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

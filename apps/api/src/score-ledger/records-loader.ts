import { Injectable } from '@nestjs/common';
import { monthsOfQuarter, quarterRange, type ScoringInstruction, type ScoringUnit } from '@app/scoring';
import { toNumber } from '../common/db-errors';
import type { RecordedAdjustment, RecordedArticle, RecordedCommission, RecordedInput, RecordedItem, RecordedPlacement } from './recorded-input';
import { RecordsRepository, type ArticleScope, type Row } from './records.repository';

export interface LoadOptions {
  /** Business date the computation is made on (decides which deadlines have passed). */
  asOfDate: string;
  /** Only these articles' placements and instructions; unit-level records are always loaded whole. */
  articleIds?: readonly number[];
}

/**
 * Builds the engine's input for one quarter of one office from the database (RecordsRepository), in a fixed
 * number of set-based queries (no per-row loading): the verified articles submitted in the
 * quarter or that have a verified placement or instruction in it, every earlier verified placement of
 * those articles (top-up needs the history), the quarter's instructions, 约稿 with their
 * answers, monthly reports, the quarter's verified 事项 and approved 加减分, and the office's
 * active units, in the database's vocabulary (RecordedInput; engine-input.ts maps it).
 */
@Injectable()
export class RecordsLoader {
  constructor(private readonly records: RecordsRepository) {}

  async load(officeId: number, quarter: string, options: LoadOptions): Promise<RecordedInput> {
    const { start, end } = quarterRange(quarter);
    const articles: RecordedArticle[] = [];
    const placements: RecordedPlacement[] = [];
    const instructions: ScoringInstruction[] = [];
    for (const scope of this.records.articleScopes(officeId, start, end, options.articleIds)) {
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
    return this.rankingUnitsOf(await this.records.unitsWithGroups(officeId), extraIds);
  }

  /** rankingUnits over rows already read (RecordsRepository.unitsWithGroups). */
  rankingUnitsOf(rows: readonly Row[], extraIds: readonly number[] = []): (ScoringUnit & { active: boolean })[] {
    const extra = new Set(extraIds.map(String));
    return rows
      .map((r) => ({ ...toUnit(r), active: toNumber(r.active) === 1 }))
      .filter((u) => u.active || extra.has(u.id));
  }

  private async activeUnits(officeId: number): Promise<ScoringUnit[]> {
    return (await this.rankingUnits(officeId)).map(({ active: _active, ...u }) => u);
  }

  private async loadArticles(officeId: number, start: string, end: string, scope: ArticleScope) {
    const { articles: articleRows, units: unitRows, placements: placementRows, instructions: instructionRows } = await this.records.verifiedArticlesInScope(officeId, start, end, scope);
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
    const rows = await this.records.commissionTargetsDue(officeId, start, end);
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
    const rows = await this.records.monthlyReports(officeId, months[0], months[2]);
    return rows.map((r) => ({ unitId: String(r.unitId), month: String(r.month), filedDate: (r.filedDate as string | null) ?? null }));
  }

  /** The quarter's verified 事项 (unit-level records: loaded whole, also for an incremental run). */
  private async items(officeId: number, start: string, end: string): Promise<RecordedItem[]> {
    const rows = await this.records.verifiedItems(officeId, start, end);
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
    const rows = await this.records.approvedAdjustments(officeId, quarter);
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

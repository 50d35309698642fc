// What every format-2 rule reads (the indexed input and the quarter) and the one way they emit split lines.
import { amountPhrase } from '../explain';
import { indexInput } from '../rules/context';
import type { UnitShare } from '../shares';
import type { Channel, Points, ScoringArticle, ScoringInput, ScoringItemRecord, ScoringMonthlyReport, ScoringPlacement } from '../types';
import type { CompiledScheme2 } from './compile';
import type { RecordType2, RuleId2, ScoreLine2 } from './lines';
import { partOf, splitArticle } from './split';
import type { CompiledSplit } from './split';

/** Input indexed once per scheme, shared by every quarter scored from it. */
export interface Index2 {
  input: ScoringInput;
  articles: Map<string, ScoringArticle>;
  placementsByArticle: Map<string, ScoringPlacement[]>;
  reports: Map<string, ScoringMonthlyReport>;
  /** Articles voided by a record of a voiding kind, with that record. */
  voided: Map<string, ScoringItemRecord>;
  unitArticles: Map<string, ScoringArticle[]>;
  shares: Map<CompiledSplit, Map<string, UnitShare[]>>;
}

export interface Context2 {
  scheme: CompiledScheme2;
  index: Index2;
  quarter: string;
  start: string;
  end: string;
  asOfDate: string;
  out: ScoreLine2[];
}

export function indexInput2(scheme: CompiledScheme2, input: ScoringInput): Index2 {
  const { articles, placementsByArticle, reports } = indexInput(input);
  const unitArticles = new Map<string, ScoringArticle[]>();
  for (const a of input.articles) {
    for (const u of a.units) {
      const l = unitArticles.get(u.unitId);
      if (l) l.push(a);
      else unitArticles.set(u.unitId, [a]);
    }
  }
  const voided = new Map<string, ScoringItemRecord>();
  for (const it of input.items ?? []) {
    const kind = scheme.items.get(it.kind);
    if (kind?.voidsArticle && it.articleId && !voided.has(it.articleId)) voided.set(it.articleId, it);
  }
  return { input, articles, placementsByArticle, reports, voided, unitArticles, shares: new Map() };
}

export function sharesOf(ctx: Context2, article: ScoringArticle, split: CompiledSplit): UnitShare[] {
  let bySplit = ctx.index.shares.get(split);
  if (!bySplit) ctx.index.shares.set(split, (bySplit = new Map()));
  let s = bySplit.get(article.id);
  if (!s) bySplit.set(article.id, (s = splitArticle(article, split)));
  return s;
}

/**
 * Pushes one line per unit share of `amount`. Arguments rather than a template object: the
 * lines are built as literals of one shape, which halved the engine's time and garbage.
 */
export function emitSplit(
  ctx: Context2,
  article: ScoringArticle,
  split: CompiledSplit,
  amount: Points,
  ruleId: RuleId2,
  recordType: RecordType2,
  recordId: string,
  channel: Channel | undefined,
  date: string,
  clause: string,
  head: string,
): void {
  if (amount === 0) return;
  const shares = sharesOf(ctx, article, split);
  for (let i = 0; i < shares.length; i++) {
    const share = shares[i];
    const part = partOf(amount, share);
    if (part === 0 && share.num === 0) continue;
    ctx.out.push({
      unitId: share.unitId,
      quarter: ctx.quarter,
      amount: part,
      ruleId,
      recordType,
      recordId,
      articleId: article.id,
      channel,
      date,
      clause,
      explanation: head + amountPhrase(part, share.label),
    });
  }
}


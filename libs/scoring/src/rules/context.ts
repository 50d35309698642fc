import type { CompiledScheme } from '../scheme.types';
import { articleShares } from '../shares';
import type { UnitShare } from '../shares';
import type {
  Points,
  ScoreLine,
  ScoringArticle,
  ScoringInput,
  ScoringMonthlyReport,
  ScoringPlacement,
} from '../types';

/** Input indexed once, shared by every quarter scored from it. */
export interface ScoringIndex {
  input: ScoringInput;
  articles: Map<string, ScoringArticle>;
  placementsByArticle: Map<string, ScoringPlacement[]>;
  /** Earliest-filed report per `${unitId}|${month}`. */
  reports: Map<string, ScoringMonthlyReport>;
  shares: Map<string, UnitShare[]>;
  /** Placement scores under `scheme`, filled as the quarters are scored (cleared for another scheme). */
  placementScores: { scheme: CompiledScheme | null; byPlacement: Map<ScoringPlacement, Points> };
}

/** What every rule needs to score one quarter; rules push lines into `out`. */
export interface QuarterContext {
  scheme: CompiledScheme;
  index: ScoringIndex;
  quarter: string;
  start: string;
  end: string;
  asOfDate: string;
  out: ScoreLine[];
}

/** Builds the per-input indexes (articles and placements by article id, reports by unit and month). */
export function indexInput(input: ScoringInput): ScoringIndex {
  const articles = new Map<string, ScoringArticle>();
  for (const a of input.articles) articles.set(a.id, a);
  const placementsByArticle = new Map<string, ScoringPlacement[]>();
  for (const p of input.placements) {
    const list = placementsByArticle.get(p.articleId);
    if (list) list.push(p);
    else placementsByArticle.set(p.articleId, [p]);
  }
  const reports = new Map<string, ScoringMonthlyReport>();
  for (const r of input.monthlyReports) {
    const key = `${r.unitId}|${r.month}`;
    const prev = reports.get(key);
    if (!prev || (r.filedDate && (!prev.filedDate || r.filedDate < prev.filedDate))) reports.set(key, r);
  }
  return { input, articles, placementsByArticle, reports, shares: new Map(), placementScores: { scheme: null, byPlacement: new Map() } };
}

/** Shares of an article under the scheme's joint split, computed once per article. */
export function sharesOf(ctx: QuarterContext, article: ScoringArticle): UnitShare[] {
  let s = ctx.index.shares.get(article.id);
  if (!s) {
    s = articleShares(article, ctx.scheme.jointSplit);
    ctx.index.shares.set(article.id, s);
  }
  return s;
}

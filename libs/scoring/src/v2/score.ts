import { quarterRange } from '../quarter';
import { LEVELS } from '../types';
import type { Level, Points, ScoringInput } from '../types';
import type { CompiledScheme2 } from './compile';
import type { ScoreLine2 } from './lines';
import { scoreInstructions, scorePlacements } from './adoptions';
import { indexInput2 } from './context';
import type { Context2, Index2 } from './context';
import { scoreTargets, scoreRates } from './periods';
import { scoreAdjustments, scoreCommissions, scoreItems, scoreMonthlyReports } from './records';
import { applyTotals } from './totals';

function scoreIndexed(scheme: CompiledScheme2, index: Index2, quarter: string): ScoreLine2[] {
  const { start, end } = quarterRange(quarter);
  const ctx: Context2 = { scheme, index, quarter, start, end, asOfDate: index.input.asOfDate, out: [] };
  scorePlacements(ctx);
  scoreInstructions(ctx);
  scoreCommissions(ctx);
  scoreMonthlyReports(ctx);
  scoreItems(ctx);
  scoreAdjustments(ctx);
  scoreTargets(ctx);
  scoreRates(ctx);
  applyTotals(ctx);
  return ctx.out;
}

/**
 * Scores one quarter ('YYYY-Qn') under a format-2 scheme: adoptions (table row × factors,
 * repeat rule, split) and their independent bonuses, 批示, 约稿, monthly reports, 事项,
 * adjustments, targets, rates, then the total's steps (start, deductions with their floor,
 * bonuses with their caps, net), each clamp its own line. Lines of amount 0 are not emitted.
 * `input.placements` must include earlier quarters (top-up reads the article's history).
 * @throws ScoringInputError for unusable shares or an item record of a kind the scheme lacks.
 */
export function scoreQuarter2(scheme: CompiledScheme2, input: ScoringInput, quarter: string): ScoreLine2[] {
  return scoreIndexed(scheme, indexInput2(scheme, input), quarter);
}

/** Scores several quarters from one input, indexing it once. */
export function scoreAll2(scheme: CompiledScheme2, input: ScoringInput, quarters: readonly string[]): ScoreLine2[] {
  const index = indexInput2(scheme, input);
  const out: ScoreLine2[] = [];
  for (const q of quarters) for (const l of scoreIndexed(scheme, index, q)) out.push(l);
  return out;
}

/** Sum of line amounts per unit (exact integer Points); the format-2 counterpart of totals(). */
export function totals2(lines: readonly Pick<ScoreLine2, 'unitId' | 'amount'>[]): Map<string, Points> {
  const m = new Map<string, Points>();
  for (const l of lines) m.set(l.unitId, (m.get(l.unitId) ?? 0) + l.amount);
  return m;
}

/**
 * For the what-if preview: how many of the quarter's placements each adoption row takes
 * (first match at the placement's level), by row path ('adoption.rows[2]'); placements no
 * row scores are counted under ''. Voided articles and articles not in the input are left out.
 */
export function adoptionRowHits(scheme: CompiledScheme2, input: ScoringInput, quarter: string): Map<string, number> {
  const byLevel = adoptionRowLevelHits(scheme, input, quarter);
  return new Map([...byLevel].map(([path, counts]) => [path, LEVELS.reduce((sum, lv) => sum + counts[lv], 0)]));
}

/** adoptionRowHits by the placement's level: the rows × levels of the value table's grid. */
export function adoptionRowLevelHits(scheme: CompiledScheme2, input: ScoringInput, quarter: string): Map<string, Record<Level, number>> {
  const { start, end } = quarterRange(quarter);
  const index = indexInput2(scheme, input);
  const zero = () => Object.fromEntries(LEVELS.map((lv) => [lv, 0])) as Record<Level, number>;
  const hits = new Map<string, Record<Level, number>>(scheme.rows.map((r) => [r.path, zero()]));
  hits.set('', zero());
  for (const p of input.placements) {
    if (p.publishedDate < start || p.publishedDate > end) continue;
    const article = index.articles.get(p.articleId);
    if (!article || index.voided.has(article.id)) continue;
    const path = scheme.lookup.valueOf(p, article).row?.path ?? '';
    const counts = hits.get(path) ?? zero();
    counts[p.level]++;
    hits.set(path, counts);
  }
  return hits;
}

import { quarterRange } from './quarter';
import { applyCapsAndFloor } from './rules/caps';
import { scoreCommissions } from './rules/commission';
import { indexInput } from './rules/context';
import type { QuarterContext, ScoringIndex } from './rules/context';
import { scoreInstructions } from './rules/instruction';
import { scoreMonthlyReports } from './rules/monthly-report';
import { scorePlacements } from './rules/placement';
import type { CompiledScheme } from './scheme.types';
import type { Points, ScoreLine, ScoringInput } from './types';

function scoreIndexed(scheme: CompiledScheme, index: ScoringIndex, quarter: string): ScoreLine[] {
  const { start, end } = quarterRange(quarter);
  const ctx: QuarterContext = { scheme, index, quarter, start, end, asOfDate: index.input.asOfDate, out: [] };
  scorePlacements(ctx);
  scoreInstructions(ctx);
  scoreCommissions(ctx);
  scoreMonthlyReports(ctx);
  applyCapsAndFloor(ctx);
  return ctx.out;
}

/**
 * Scores one quarter ('YYYY-Qn'): placements (with the scheme's repeat-adoption policy and
 * joint split), leader instructions, 约稿, monthly reports, then caps and floor.
 * Lines come rule by rule (placements, instructions, 约稿, monthly reports, cap/floor), each
 * in input order, so the same input gives the same lines; lines of amount 0 are not emitted.
 * `input.placements` must include earlier quarters: top-up needs the article's history.
 * @throws ScoringInputError for an article with unusable shares.
 */
export function scoreQuarter(scheme: CompiledScheme, input: ScoringInput, quarter: string): ScoreLine[] {
  return scoreIndexed(scheme, indexInput(input), quarter);
}

/** Scores several quarters from one input, indexing it once; returns the lines of all of them. */
export function scoreAll(scheme: CompiledScheme, input: ScoringInput, quarters: readonly string[]): ScoreLine[] {
  const index = indexInput(input);
  const out: ScoreLine[] = [];
  for (const q of quarters) for (const l of scoreIndexed(scheme, index, q)) out.push(l);
  return out;
}

/** Sum of line amounts per unit (exact integer Points). */
export function totals(lines: readonly ScoreLine[]): Map<string, Points> {
  const m = new Map<string, Points>();
  for (const l of lines) m.set(l.unitId, (m.get(l.unitId) ?? 0) + l.amount);
  return m;
}

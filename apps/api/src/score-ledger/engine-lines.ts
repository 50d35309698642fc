import { scoreQuarter2, type RuleId2, type ScoreLine2, type ScoringInput } from '@app/scoring';
import type { LoadedScheme } from '../schemes/scheme-load';

/**
 * Rule ids of today's engine for the format-2 lines of a converted format-1 scheme: its
 * versions keep storing the rule ids they always stored (statements, exports and the
 * published-snapshot digests read them), while the amounts come from the format-2 engine.
 */
const FORMAT1_RULE_IDS: Partial<Record<RuleId2, string>> = {
  'commission.on-time': 'commission.fulfilled',
  'commission.late': 'commission.missed',
  'bonuses.channel-cap': 'cap',
  'bonuses.cap': 'cap',
  'net.floor': 'floor',
};

/** A format-2 engine line as the ledger stores it: the rule id in the vocabulary of the scheme's format. */
export type LedgerLine = Omit<ScoreLine2, 'ruleId'> & { ruleId: string };

/** Scores one quarter of a stored or draft scheme (either format) with the format-2 engine (input: engine-input.ts). */
export function scoreVersionQuarter(scheme: LoadedScheme, input: ScoringInput, quarter: string): LedgerLine[] {
  const lines: LedgerLine[] = scoreQuarter2(scheme.compiled, input, quarter);
  if (scheme.format === 1) {
    for (const l of lines) l.ruleId = FORMAT1_RULE_IDS[l.ruleId as RuleId2] ?? l.ruleId;
  }
  return lines;
}

/**
 * True when a unit's lines depend on all of its records in the quarter (clamps on the total,
 * targets and rates count them), so an article change must recompute the quarter whole
 * instead of only that article's lines.
 */
export function needsWholeQuarter(scheme: LoadedScheme): boolean {
  const { total, targets, rates } = scheme.compiled;
  return (
    total.deductionFloor !== null ||
    total.bonusCap !== null ||
    total.channelCaps.media !== null ||
    total.channelCaps.bulletin !== null ||
    total.netFloor !== null ||
    total.netCap !== null ||
    targets.length > 0 ||
    rates.length > 0
  );
}

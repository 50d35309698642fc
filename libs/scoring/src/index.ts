export * from './types';
export {
  ONE,
  parseFixed,
  parsePoints,
  formatPoints,
  formatDecimal,
  roundDiv,
  mulDiv,
  mulFactor,
  mulFactors,
} from './fixed-point';
export * from './quarter';
export * from './scheme.types';
export { validateScheme } from './scheme-validate';
export { parseScheme, normalizeScheme, compileScheme, SchemeValidationError } from './scheme-parse';
export type { ParseSchemeResult } from './scheme-parse';
export { diffSchemes } from './scheme-diff';
export type { SchemeDiffEntry } from './scheme-diff';
export { articleShares, shareOf } from './shares';
export type { UnitShare } from './shares';
export { placementScore, placementFormula } from './rules/placement';
export { scoreQuarter, scoreAll, totals } from './score';
export { rankUnits, OVERALL_GROUP_ID } from './rank';
export type { RankRow, RankTable } from './rank';
export { LEVEL_LABELS, CHANNEL_LABELS, PROMINENCE_LABELS, MEDIUM_LABELS } from './explain';
// Scheme format 2 (issue #12): value tables, record kinds, targets, totals in steps.
export { schemeDocument2Schema, FORM_ALIASES, MEDIUM_GROUPS, REPEAT_KEEPS, TARGET_COUNTS, RATE_KINDS } from './v2/document';
export type {
  SchemeDocument2,
  Condition2,
  When2,
  Cells2,
  Split2,
  AdoptionRow2,
  Bonus2,
  ItemKind2,
  Target2,
  Rate2,
  Total2,
} from './v2/document';
export { parseScheme2, validateScheme2, compileScheme2, loadScheme2, Scheme2ValidationError } from './v2/parse';
export type { ParseScheme2Result, LoadSchemeResult } from './v2/parse';
export type { SchemeWarning } from './v2/warnings';
export { compileScheme2Document } from './v2/compile';
export type { CompiledScheme2, CompiledRow, CompiledBonus } from './v2/compile';
export { FORM_LABELS } from './v2/lookup';
export type { PlacementValue } from './v2/lookup';
export { splitArticle, signingOrder } from './v2/split';
export type { CompiledSplit } from './v2/split';
export { RULE_IDS_2 } from './v2/lines';
export type { RuleId2, RecordType2, ScoreLine2 } from './v2/lines';
export { scoreQuarter2, scoreAll2, totals2, adoptionRowHits, adoptionRowLevelHits } from './v2/score';
export { commissionOutcome } from './v2/records';
export { convertScheme1To2 } from './v2/convert';

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

import type { ScoringInput } from '@app/scoring';

/**
 * The format-2 engine's input from the records the loader read (records-loader.ts). Today the
 * loader already yields the engine's shapes, so most of the input passes through untouched
 * (no copy of the placement list: a province quarter holds ~250k of them); this is the one
 * place where records the loader gains are given their meaning for the engine.
 *
 * Defaults until the loader provides the fields (the engine reads an absent field as today's
 * behaviour, so a missing field never changes a score):
 * - placement `form` (采用形式): absent = 全文 (full);
 * - placement `views` (reach): absent = unknown, no reach bonus;
 * - article unit `signingOrder`: absent = the order of `units` (the loader lists them in entry order);
 * - commission `issuerCategory` (约稿发文单位类别): absent = the scheme's general values;
 * - commission target `outcome` (the office's finding): absent = decided by the dates;
 * - `items` (事项 records) and `adjustments` (加减分): absent = none.
 */
export function toEngineInput(loaded: ScoringInput): ScoringInput {
  return {
    ...loaded,
    // ── New record fields (records-loader.ts is adding them): map them here when they land. ──
    // placements[].form / views, articles[].units[].signingOrder, commissions[].issuerCategory,
    // commissions[].targets[].outcome pass through as the loader sets them.
    items: loaded.items ?? [],
    adjustments: loaded.adjustments ?? [],
  };
}

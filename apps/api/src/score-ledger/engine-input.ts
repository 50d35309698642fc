import type { DataSource } from 'typeorm';
import type { ScoringInput, SchemeDocument2, When2 } from '@app/scoring';
import { toNumber } from '../common/db-errors';
import { ID_CHUNK } from './records-loader';

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

/** True when a row or bonus of the scheme has a condition on reach (浏览量). */
export function readsReach(doc: SchemeDocument2): boolean {
  const has = (when: When2 | undefined) => (when === undefined ? false : (Array.isArray(when) ? when : [when]).some((c) => c.views !== undefined));
  return doc.adoption.rows.some((r) => has(r.when)) || (doc.bonuses ?? []).some((b) => has(b.when));
}

/**
 * Reach (placements.views) for the loaded placements, when a scheme reads it and the loader
 * did not set it (records-loader.ts does not read the column yet): one query per chunk of
 * placement ids. Once the loader sets `views` (a number or null) this does nothing.
 */
export async function fillReach(ds: DataSource, officeId: number, input: ScoringInput): Promise<void> {
  const missing = input.placements.filter((p) => p.views === undefined);
  for (let i = 0; i < missing.length; i += ID_CHUNK) {
    const chunk = missing.slice(i, i + ID_CHUNK);
    const rows: { id: unknown; views: unknown }[] = await ds.query(
      `SELECT id, views FROM placements WHERE officeId = ? AND views IS NOT NULL AND id IN (${chunk.map(() => '?').join(', ')})`,
      [officeId, ...chunk.map((p) => Number(p.id))],
    );
    const views = new Map(rows.map((r) => [String(r.id), toNumber(r.views)]));
    for (const p of chunk) p.views = views.get(p.id) ?? null;
  }
}

import type { SchemeDocument } from '../scheme.types';
import type { SchemeDocument2, Total2 } from './document';

/** A length band of today's format as a format-2 range: 0–499 → "0-499", 500 and up → ">=500". */
function bandRange(minWords: number, maxWords: number | null | undefined): string {
  return maxWords == null ? `>=${minWords}` : `${minWords}-${maxWords}`;
}

/**
 * Converts a scheme of today's format (SchemeDocument) into format 2 with the same results:
 * outlet overrides become the first rows (matched by outlet), then one row per channel with
 * the base points per level; the multipliers become factors; a late 约稿 answer keeps
 * today's "missed" value; caps become bonus caps and the floor a net floor.
 * The input must already be valid (validateScheme).
 */
export function convertScheme1To2(d: SchemeDocument): SchemeDocument2 {
  const m = d.multipliers;
  const rows: SchemeDocument2['adoption']['rows'] = [
    ...(d.outletOverrides ?? []).map((o) => ({ label: `媒体“${o.outlet}”特定分值`, when: { outlet: o.outlet }, points: { all: o.points } })),
    { label: '媒体采用', when: { channel: 'media' as const }, points: { ...d.basePoints.media } },
    { label: '信息简报采用', when: { channel: 'bulletin' as const }, points: { ...d.basePoints.bulletin } },
  ];
  const factors: NonNullable<SchemeDocument2['adoption']['factors']> = { prominence: { ...m.prominence } };
  if (m.lengthBands?.length) factors.words = m.lengthBands.map((b) => ({ range: bandRange(b.minWords, b.maxWords), factor: b.factor }));
  if (m.medium && Object.keys(m.medium).length) factors.medium = { ...m.medium };
  if (m.genre && Object.keys(m.genre).length) factors.genre = { ...m.genre };

  const total: Total2 = {};
  const caps = d.caps ?? {};
  if (caps.overall != null || caps.media != null || caps.bulletin != null) {
    total.bonuses = {};
    if (caps.overall != null) total.bonuses.cap = caps.overall;
    if (caps.media != null || caps.bulletin != null) {
      total.bonuses.channelCaps = {};
      if (caps.media != null) total.bonuses.channelCaps.media = caps.media;
      if (caps.bulletin != null) total.bonuses.channelCaps.bulletin = caps.bulletin;
    }
  }
  if (d.floor != null) total.net = { floor: d.floor };

  return {
    format: 2,
    name: d.name,
    ...(d.timeZone ? { timeZone: d.timeZone } : {}),
    adoption: {
      rows,
      factors,
      repeat: { keep: d.repeatAdoption ?? 'top-up' },
      split: d.jointSplit ?? 'shares',
    },
    instructions: { points: { ...d.instructionBonus } },
    commission: { onTime: d.commission.fulfilled, late: d.commission.missed, missed: d.commission.missed },
    monthlyReport: { ...d.monthlyReport },
    ...(Object.keys(total).length ? { total } : {}),
    ranking: { tieRule: d.ranking?.tieRule ?? 'competition' },
  };
}

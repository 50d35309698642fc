import { LEVEL_LABELS } from '../explain';
import { CHANNELS, FORMS, LEVELS, MEDIA, PROMINENCES } from '../types';
import type { Medium, ScoringArticle, ScoringPlacement } from '../types';
import type { CompiledRow } from './compile';
import { whenHolds } from './conditions';
import type { Band } from './conditions';

/** A problem that does not stop the scheme from being saved (same shape as SchemeError). */
export interface SchemeWarning {
  path: string;
  code: 'row_never_matches' | 'level_unscored';
  message: string;
  line?: number;
  column?: number;
}

/** Above this many attribute classes the enumeration is skipped (no warnings rather than a slow save). */
const MAX_COMBINATIONS = 300_000;

/** One value in each band cut by the thresholds (plus "unknown"). */
function representatives(bands: Band[]): (number | null)[] {
  const cuts = new Set<number>([0]);
  for (const b of bands) {
    cuts.add(b.lo);
    if (b.hi !== Infinity) cuts.add(b.hi + 1);
  }
  return [null, ...cuts];
}

/**
 * Rows that are never the first match at any level for any placement, and levels no row
 * scores. Exact: placements are enumerated by the classes of their attributes (every
 * threshold, outlet and genre the rows name, plus "other"), which is all a row can see.
 */
export function analyseRows(rows: readonly CompiledRow[]): SchemeWarning[] {
  const conds = rows.flatMap((r) => r.when ?? []);
  const words = representatives(conds.flatMap((c) => (c.words ? [c.words] : [])));
  const views = representatives(conds.flatMap((c) => (c.views ? [c.views] : [])));
  const outlets = [...new Set(conds.flatMap((c) => [...(c.outlet ?? [])])), '\u0000其他'];
  const genres: (string | null)[] = [null, ...new Set(conds.flatMap((c) => [...(c.genre ?? [])])), '\u0000其他'];
  const media: (Medium | null)[] = [...MEDIA, null];
  const count = LEVELS.length * CHANNELS.length * media.length * FORMS.length * PROMINENCES.length * words.length * views.length * outlets.length * genres.length;
  const hit = rows.map(() => false);
  const levelHit = LEVELS.map(() => false);
  if (count <= MAX_COMBINATIONS) {
    const p: ScoringPlacement = { id: '', articleId: '', outletId: '', outletCode: '', outletName: '', level: 'central', channel: 'media', prominence: 'normal', publishedDate: '' };
    const a: ScoringArticle = { id: '', title: '', submittedDate: '', units: [] };
    LEVELS.forEach((level, lv) => {
      p.level = level;
      for (const channel of CHANNELS) for (const medium of media) for (const form of FORMS) for (const prominence of PROMINENCES) {
        Object.assign(p, { channel, medium, form, prominence });
        for (const w of words) for (const v of views) for (const o of outlets) for (const g of genres) {
          a.wordCount = w;
          a.genre = g;
          p.views = v;
          p.outletCode = o;
          p.outletName = o;
          const r = rows.find((row) => row.cells[lv] !== null && whenHolds(row.when, p, a, level));
          if (r) {
            hit[r.index] = true;
            levelHit[lv] = true;
          }
        }
      }
    });
  } else {
    return [];
  }
  const out: SchemeWarning[] = [];
  rows.forEach((r, i) => {
    if (!hit[i]) {
      out.push({
        path: r.path,
        code: 'row_never_matches',
        message: `第 ${i + 1} 行“${r.label}”永远不会被用到：凡满足其条件的采用，都已被前面的行计分（或各级别分值均为空）`,
      });
    }
  });
  LEVELS.forEach((l, i) => {
    if (!levelHit[i]) out.push({ path: 'adoption.rows', code: 'level_unscored', message: `没有任何一行给${LEVEL_LABELS[l]}采用计分（该级别的采用一律不得分）` });
  });
  return out;
}

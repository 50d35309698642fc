import { FORMS, LEVELS, MEDIA, PROMINENCES } from '../types';
import type { Level, ScoringArticle, ScoringPlacement } from '../types';
import { FORM_ALIASES, MEDIUM_GROUPS, RANGE_RE } from './document';
import type { Condition2, When2 } from './document';

/** An inclusive band of integers; `hi` may be Infinity. */
export interface Band {
  lo: number;
  hi: number;
  text: string;
}

/** Parses ">=1000", "<1000", ">1000", "<=1000" or "500-999" (inclusive) into a band. */
export function parseBand(text: string): Band {
  const m = RANGE_RE.exec(text);
  if (!m) throw new RangeError(`无效区间：${text}`);
  if (m[3] !== undefined) return { lo: Number(m[3]), hi: Number(m[4]), text: `${m[3]}–${m[4]}` };
  const n = Number(m[2]);
  switch (m[1]) {
    case '>=':
      return { lo: n, hi: Infinity, text: `${n} 及以上` };
    case '>':
      return { lo: n + 1, hi: Infinity, text: `${n} 以上（不含）` };
    case '<=':
      return { lo: 0, hi: n, text: `${n} 及以下` };
    default:
      return { lo: 0, hi: n - 1, text: `不足 ${n}` };
  }
}

/** A compiled condition set: null fields do not constrain. */
export interface CompiledCondition {
  channel: Set<string> | null;
  medium: Set<string> | null;
  form: Set<string> | null;
  prominence: Set<string> | null;
  level: Set<string> | null;
  words: Band | null;
  views: Band | null;
  outlet: Set<string> | null;
  genre: Set<string> | null;
}

/** Alternatives (any may hold); null means "always". */
export type CompiledWhen = CompiledCondition[] | null;

function list<T>(v: T | T[] | undefined): T[] | undefined {
  return v === undefined ? undefined : Array.isArray(v) ? v : [v];
}

function set(v: string | string[] | undefined, expand?: (s: string) => readonly string[]): Set<string> | null {
  const l = list(v);
  if (!l) return null;
  const out = new Set<string>();
  for (const s of l) for (const x of expand ? expand(s) : [s]) out.add(x);
  return out;
}

export function compileCondition(c: Condition2): CompiledCondition {
  return {
    channel: set(c.channel),
    medium: set(c.medium, (m) => MEDIUM_GROUPS[m] ?? [m]),
    form: set(c.form, (f) => [FORM_ALIASES[f] ?? f]),
    prominence: set(c.prominence),
    level: set(c.level),
    words: c.words !== undefined ? parseBand(c.words) : null,
    views: c.views !== undefined ? parseBand(c.views) : null,
    outlet: set(c.outlet),
    genre: set(c.genre),
  };
}

export function compileWhen(w: When2 | undefined): CompiledWhen {
  if (w === undefined) return null;
  return (Array.isArray(w) ? w : [w]).map(compileCondition);
}

function inBand(b: Band, v: number | null | undefined): boolean {
  return v != null && v >= b.lo && v <= b.hi;
}

/** True when the placement (of `article`, at `level`) meets every constraint of `c`. */
export function conditionHolds(c: CompiledCondition, p: ScoringPlacement, article: ScoringArticle, level: Level): boolean {
  if (c.channel && !c.channel.has(p.channel)) return false;
  if (c.medium && (!p.medium || !c.medium.has(p.medium))) return false;
  if (c.form && !c.form.has(p.form ?? 'full')) return false;
  if (c.prominence && !c.prominence.has(p.prominence)) return false;
  if (c.level && !c.level.has(level)) return false;
  if (c.words && !inBand(c.words, article.wordCount)) return false;
  if (c.views && !inBand(c.views, p.views)) return false;
  if (c.outlet && !c.outlet.has(p.outletCode) && !c.outlet.has(p.outletName)) return false;
  if (c.genre && (!article.genre || !c.genre.has(article.genre))) return false;
  return true;
}

export function whenHolds(w: CompiledWhen, p: ScoringPlacement, article: ScoringArticle, level: Level): boolean {
  if (w === null) return true;
  for (let i = 0; i < w.length; i++) if (conditionHolds(w[i], p, article, level)) return true;
  return false;
}

export const LEVEL_INDEX: Record<string, number> = Object.fromEntries(LEVELS.map((l, i) => [l, i]));
export const MEDIUM_INDEX: Record<string, number> = Object.fromEntries(MEDIA.map((m, i) => [m, i]));
export const FORM_INDEX: Record<string, number> = Object.fromEntries(FORMS.map((f, i) => [f, i]));
export const PROMINENCE_INDEX: Record<string, number> = Object.fromEntries(PROMINENCES.map((p, i) => [p, i]));

import { mulFactors } from '../fixed-point';
import { LEVEL_LABELS, MEDIUM_LABELS, num, PROMINENCE_LABELS } from '../explain';
import { CHANNELS, FORMS, LEVELS, MEDIA, PROMINENCES } from '../types';
import type { Points, ScoringArticle, ScoringPlacement } from '../types';
import type { CompiledBonus, CompiledRow, CompiledScheme2 } from './compile';
import { FORM_INDEX, LEVEL_INDEX, MEDIUM_INDEX, PROMINENCE_INDEX, whenHolds } from './conditions';
import type { Band, CompiledWhen } from './conditions';

export const FORM_LABELS: Record<string, string> = { full: '全文', excerpt: '摘编', combined: '综合' };

/** What a placement is worth under the scheme, before the repeat rule and the split. */
export interface PlacementValue {
  /** The first matching row with a cell at the placement's level; null when none. */
  row: CompiledRow | null;
  /** Row value × factors + dependent bonuses; 0 without a row. */
  value: Points;
  /** "「头版头条」中央级 50 × 头条 2 = 100" — names the row and its cell. */
  formula: string;
  /** Bonuses declared independent of the repeat rule that this placement earns. */
  independent: { bonus: CompiledBonus; amount: Points }[];
}

type SchemeParts = Omit<CompiledScheme2, 'lookup'>;

function cutsOf(bands: (Band | null)[]): number[] {
  const s = new Set<number>();
  for (const b of bands) {
    if (!b) continue;
    s.add(b.lo);
    if (b.hi !== Infinity) s.add(b.hi + 1);
  }
  return [...s].sort((a, b) => a - b);
}

/** 0 for "no value", else 1 + the number of cuts at or below v. */
function bandIndex(cuts: readonly number[], v: number | null | undefined): number {
  if (v == null) return 0;
  let i = 0;
  while (i < cuts.length && cuts[i] <= v) i++;
  return i + 1;
}

function conditionsOf(items: readonly { when: CompiledWhen }[]) {
  return items.flatMap((r) => r.when ?? []);
}

const NO_VALUE: PlacementValue = { row: null, value: 0, formula: '', independent: [] };
const SPAN_FIXED = LEVELS.length * CHANNELS.length * (MEDIA.length + 1) * FORMS.length * PROMINENCES.length;

/**
 * The adoption table compiled into a lookup. A placement's value depends only on the class
 * of each attribute: level, channel, medium, form, prominence, the word-count and views
 * bands cut at every threshold the scheme names, and which named outlets and genres it is.
 * The classes make an integer key; each key's value is worked out once (first-matching
 * row, factors, bonuses) and reused for every later placement of the same key.
 */
export class PlacementLookup {
  private readonly wordCuts: number[];
  private readonly viewCuts: number[];
  private readonly outletRefs: string[];
  private readonly genreRefs: string[];
  private readonly byOutlet = new Map<string, { name: string; cls: number }>();
  private readonly outletClasses = new Map<string, number>();
  private readonly byGenre = new Map<string, number>();
  private readonly memo = new Map<number, PlacementValue>();
  private readonly span: number;
  private readonly genreRadix: number;

  constructor(private readonly scheme: SchemeParts) {
    const conds = [...conditionsOf(scheme.rows), ...conditionsOf(scheme.bonuses)];
    this.wordCuts = cutsOf([...conds.map((c) => c.words), ...scheme.factors.words.map((w) => w.band)]);
    this.viewCuts = cutsOf(conds.map((c) => c.views));
    this.outletRefs = [...new Set([...conds.flatMap((c) => [...(c.outlet ?? [])]), ...scheme.factors.outlet.keys()])];
    this.genreRefs = [...new Set([...conds.flatMap((c) => [...(c.genre ?? [])]), ...scheme.factors.genre.keys()])];
    this.span = SPAN_FIXED * (this.wordCuts.length + 2) * (this.viewCuts.length + 2);
    this.genreRadix = this.genreRefs.length + 2;
  }

  private outletClass(p: ScoringPlacement): number {
    if (this.outletRefs.length === 0) return 0;
    const hit = this.byOutlet.get(p.outletCode);
    if (hit && hit.name === p.outletName) return hit.cls;
    let vector = '';
    for (const r of this.outletRefs) vector += r === p.outletCode || r === p.outletName ? '1' : '0';
    let cls = this.outletClasses.get(vector);
    if (cls === undefined) this.outletClasses.set(vector, (cls = this.outletClasses.size));
    this.byOutlet.set(p.outletCode, { name: p.outletName, cls });
    return cls;
  }

  private genreClass(genre: string | null | undefined): number {
    if (this.genreRefs.length === 0 || !genre) return 0;
    let cls = this.byGenre.get(genre);
    if (cls === undefined) {
      const i = this.genreRefs.indexOf(genre);
      this.byGenre.set(genre, (cls = i < 0 ? 1 : i + 2));
    }
    return cls;
  }

  /** The placement's value, from the lookup (worked out on the first placement of its class). */
  valueOf(p: ScoringPlacement, article: ScoringArticle): PlacementValue {
    let k = LEVEL_INDEX[p.level];
    k = k * 2 + (p.channel === 'media' ? 0 : 1);
    k = k * (MEDIA.length + 1) + (p.medium ? (MEDIUM_INDEX[p.medium] ?? MEDIA.length) : MEDIA.length);
    k = k * 3 + (p.form ? FORM_INDEX[p.form] : 0);
    k = k * 3 + PROMINENCE_INDEX[p.prominence];
    k = k * (this.wordCuts.length + 2) + bandIndex(this.wordCuts, article.wordCount);
    k = k * (this.viewCuts.length + 2) + bandIndex(this.viewCuts, p.views);
    const key = k + this.span * (this.genreClass(article.genre) + this.genreRadix * this.outletClass(p));
    // A value outside the enums (bad input) makes NaN: interpret it rather than share a slot.
    if (Number.isNaN(key)) return this.evaluate(p, article);
    let v = this.memo.get(key);
    if (v === undefined) this.memo.set(key, (v = this.evaluate(p, article)));
    return v;
  }

  /** Interprets the rows for one placement: the slow path behind valueOf. */
  evaluate(p: ScoringPlacement, article: ScoringArticle): PlacementValue {
    const { rows, bonuses, factors } = this.scheme;
    const lv = LEVEL_INDEX[p.level];
    const independent: PlacementValue['independent'] = [];
    for (const b of bonuses) {
      const amount = b.cells[lv];
      if (b.independent && amount !== null && amount !== 0 && whenHolds(b.when, p, article, p.level)) independent.push({ bonus: b, amount });
    }
    const row = rows.find((r) => r.cells[lv] !== null && whenHolds(r.when, p, article, p.level));
    if (!row) return independent.length ? { ...NO_VALUE, independent } : NO_VALUE;
    const cell = row.cells[lv] as Points;
    const fs: number[] = [];
    let text = `「${row.label}」${LEVEL_LABELS[p.level]} ${num(cell)}`;
    const factor = (f: number | undefined, label: string) => {
      if (f === undefined) return;
      fs.push(f);
      text += ` × ${label} ${num(f)}`;
    };
    factor(factors.prominence.get(p.prominence), PROMINENCE_LABELS[p.prominence]);
    if (p.medium) factor(factors.medium.get(p.medium), MEDIUM_LABELS[p.medium] ?? p.medium);
    factor(factors.form.get(p.form ?? 'full'), `${FORM_LABELS[p.form ?? 'full']}采用`);
    if (article.genre) factor(factors.genre.get(article.genre), `体裁“${article.genre}”`);
    const outletKey = factors.outlet.has(p.outletCode) ? p.outletCode : factors.outlet.has(p.outletName) ? p.outletName : undefined;
    if (outletKey !== undefined) factor(factors.outlet.get(outletKey), `媒体“${outletKey}”`);
    if (article.wordCount != null) {
      const w = factors.words.find((x) => article.wordCount! >= x.band.lo && article.wordCount! <= x.band.hi);
      if (w) factor(w.factor, `篇幅 ${w.band.text} 字`);
    }
    let value = mulFactors(cell, fs);
    let extra = fs.length > 0;
    for (const b of bonuses) {
      const amount = b.cells[lv];
      if (!b.independent && amount !== null && amount !== 0 && whenHolds(b.when, p, article, p.level)) {
        value += amount;
        text += ` + 「${b.label}」 ${num(amount)}`;
        extra = true;
      }
    }
    return { row, value, formula: extra ? `${text} = ${num(value)}` : text, independent };
  }
}

import { parseFixed } from '../fixed-point';
import { DEFAULT_TIME_ZONE } from '../quarter';
import { LEVELS } from '../types';
import type { Channel, Level, Points, TieRule } from '../types';
import { parseBand, compileWhen } from './conditions';
import type { Band, CompiledWhen } from './conditions';
import type { Cells2, SchemeDocument2, Split2 } from './document';
import type { CompiledSplit } from './split';
import { PlacementLookup } from './lookup';

/** Points by level index (central, provincial, municipal, district); null = the cell is empty. */
export type CompiledCells = (Points | null)[];

export interface CompiledRow {
  index: number;
  label: string;
  /** Path of the clause in the document, e.g. 'adoption.rows[2]'. */
  path: string;
  when: CompiledWhen;
  cells: CompiledCells;
}

export interface CompiledBonus extends CompiledRow {
  independent: boolean;
}

export interface CompiledFactors {
  prominence: Map<string, number>;
  medium: Map<string, number>;
  form: Map<string, number>;
  genre: Map<string, number>;
  outlet: Map<string, number>;
  words: { band: Band; factor: number }[];
}

export interface CompiledItemKind {
  index: number;
  kind: string;
  cells: CompiledCells;
  /** True when the points are one value for every level. */
  flat: boolean;
  recordedBy: 'unit' | 'office';
  voidsArticle: boolean;
}

export interface CompiledOutcomes {
  onTime: Points | null;
  late: Points | null;
  missed: Points | null;
}

/** Values an issuer category overrides. */
export type IssuerOutcomes = Partial<Record<keyof CompiledOutcomes, Points>>;

export interface CompiledTarget {
  index: number;
  label: string;
  count: 'submitted' | 'adopted';
  minLevel: number | null;
  per: 'month' | 'quarter';
  target: number;
  eachShort: Points | null;
  eachOver: Points | null;
  groups: Set<string> | null;
}

export interface CompiledRate {
  index: number;
  label: string;
  rate: 'adoption' | 'commission' | 'commission-on-time';
  /** Threshold as a fixed-point fraction (0.25 = 2500). */
  below: number | null;
  atLeast: number | null;
  points: Points;
  groups: Set<string> | null;
}

export interface CompiledTotal {
  start: Points;
  order: ('deductions' | 'bonuses')[];
  deductionFloor: Points | null;
  bonusCap: Points | null;
  channelCaps: Record<Channel, Points | null>;
  netFloor: Points | null;
  netCap: Points | null;
}

/** A validated format-2 scheme with every amount in Points, every factor fixed-point (×10000), tables as lookups. */
export interface CompiledScheme2 {
  format: 2;
  name: string;
  timeZone: string;
  /** Placements may be submitted without evidence (the office allows it to follow later). */
  evidenceLater: boolean;
  rows: CompiledRow[];
  bonuses: CompiledBonus[];
  factors: CompiledFactors;
  repeat: { keep: 'top-up' | 'highest' | 'sum' | 'best-per-level'; levels: number };
  split: CompiledSplit;
  instructions: { cells: CompiledCells; split: CompiledSplit } | null;
  commission: (CompiledOutcomes & { byIssuer: Map<string, IssuerOutcomes> }) | null;
  monthlyReport: { dueDay: number; late: Points; missing: Points } | null;
  items: Map<string, CompiledItemKind>;
  targets: CompiledTarget[];
  rates: CompiledRate[];
  total: CompiledTotal;
  tieRule: TieRule;
  /** Placement values by the classes of their attributes, filled on first use. */
  lookup: PlacementLookup;
  source: SchemeDocument2;
}

/** Decimal → fixed-point; the schema already checked it converts. */
export function fx(v: number): number {
  const r = parseFixed(v);
  if (r === null) throw new RangeError(`无法转换为定点数：${v}`);
  return r;
}

function fxOrNull(v: number | null | undefined): number | null {
  return v === null || v === undefined ? null : fx(v);
}

export function compileCells(c: Cells2): CompiledCells {
  if (typeof c === 'number') return LEVELS.map(() => fx(c));
  return LEVELS.map((l) => {
    const v = c[l];
    if (v !== undefined) return fxOrNull(v);
    return c.all !== undefined ? fx(c.all) : null;
  });
}

export function compileSplit(s: Split2 | undefined): CompiledSplit {
  if (s === undefined) return { kind: 'shares' };
  if (typeof s === 'string') return { kind: s };
  if ('weights' in s) return { kind: 'weights', weights: s.weights.map(fx) };
  return { kind: 'each', fraction: fx(s.each) };
}

function factorMap(rec: Record<string, number | undefined> | undefined): Map<string, number> {
  const m = new Map<string, number>();
  for (const [k, v] of Object.entries(rec ?? {})) if (v !== undefined) m.set(k, fx(v));
  return m;
}

function groupSet(g: string[] | undefined): Set<string> | null {
  return g ? new Set(g) : null;
}

/**
 * Compiles a checked format-2 document (parseScheme2 / schemeDocument2Schema) into the
 * engine's form. The placement table becomes a lookup keyed by the classes of a
 * placement's attributes, so rows are interpreted once per class, not once per placement.
 */
export function compileScheme2Document(d: SchemeDocument2): CompiledScheme2 {
  const rows: CompiledRow[] = d.adoption.rows.map((r, i) => ({
    index: i,
    label: r.label,
    path: `adoption.rows[${i}]`,
    when: compileWhen(r.when),
    cells: compileCells(r.points),
  }));
  const bonuses: CompiledBonus[] = (d.bonuses ?? []).map((b, i) => ({
    index: i,
    label: b.label,
    path: `bonuses[${i}]`,
    when: compileWhen(b.when),
    cells: compileCells(b.points),
    independent: b.independent ?? false,
  }));
  const f = d.adoption.factors;
  const factors: CompiledFactors = {
    prominence: factorMap(f?.prominence),
    medium: factorMap(f?.medium),
    form: factorMap(f?.form),
    genre: factorMap(f?.genre),
    outlet: factorMap(f?.outlet),
    words: (f?.words ?? []).map((w) => ({ band: parseBand(w.range), factor: fx(w.factor) })),
  };
  const c = d.commission;
  const outcomes = (o: { onTime?: number; late?: number; missed?: number } | undefined): CompiledOutcomes => ({
    onTime: fxOrNull(o?.onTime),
    late: fxOrNull(o?.late),
    missed: fxOrNull(o?.missed),
  });
  const byIssuer = new Map<string, IssuerOutcomes>();
  for (const [issuer, o] of Object.entries(c?.byIssuer ?? {})) {
    const part: IssuerOutcomes = {};
    if (o.onTime !== undefined) part.onTime = fx(o.onTime);
    if (o.late !== undefined) part.late = fx(o.late);
    if (o.missed !== undefined) part.missed = fx(o.missed);
    byIssuer.set(issuer, part);
  }
  const t = d.total;
  const scheme: Omit<CompiledScheme2, 'lookup'> = {
    format: 2,
    name: d.name,
    timeZone: d.timeZone ?? DEFAULT_TIME_ZONE,
    evidenceLater: d.evidenceLater ?? false,
    rows,
    bonuses,
    factors,
    repeat: { keep: d.adoption.repeat?.keep ?? 'top-up', levels: d.adoption.repeat?.levels ?? LEVELS.length },
    split: compileSplit(d.adoption.split),
    instructions: d.instructions
      ? { cells: compileCells(d.instructions.points), split: d.instructions.split ? compileSplit(d.instructions.split) : compileSplit(d.adoption.split) }
      : null,
    commission: c ? { ...outcomes(c), byIssuer } : null,
    monthlyReport: d.monthlyReport
      ? { dueDay: d.monthlyReport.dueDay, late: fx(d.monthlyReport.late), missing: fx(d.monthlyReport.missing) }
      : null,
    items: new Map(
      (d.items ?? []).map((it, i) => [
        it.kind,
        {
          index: i,
          kind: it.kind,
          cells: compileCells(it.points),
          flat: typeof it.points === 'number' || (Object.keys(it.points).length === 1 && it.points.all !== undefined),
          recordedBy: it.recordedBy ?? 'unit',
          voidsArticle: it.voids === 'article',
        },
      ]),
    ),
    targets: (d.targets ?? []).map((tg, i) => ({
      index: i,
      label: tg.label,
      count: tg.count,
      minLevel: tg.minLevel ? LEVELS.indexOf(tg.minLevel) : null,
      per: tg.per,
      target: tg.target,
      eachShort: fxOrNull(tg.eachShort),
      eachOver: fxOrNull(tg.eachOver),
      groups: groupSet(tg.groups),
    })),
    rates: (d.rates ?? []).map((r, i) => ({
      index: i,
      label: r.label,
      rate: r.rate,
      below: fxOrNull(r.below),
      atLeast: fxOrNull(r.atLeast),
      points: fx(r.points),
      groups: groupSet(r.groups),
    })),
    total: {
      start: t?.start !== undefined ? fx(t.start) : 0,
      order: t?.order ? [...t.order] : ['deductions', 'bonuses'],
      deductionFloor: fxOrNull(t?.deductions?.floor),
      bonusCap: fxOrNull(t?.bonuses?.cap),
      channelCaps: { media: fxOrNull(t?.bonuses?.channelCaps?.media), bulletin: fxOrNull(t?.bonuses?.channelCaps?.bulletin) },
      netFloor: fxOrNull(t?.net?.floor),
      netCap: fxOrNull(t?.net?.cap),
    },
    tieRule: d.ranking?.tieRule ?? 'competition',
    source: d,
  };
  return { ...scheme, lookup: new PlacementLookup(scheme) };
}

/** Level index → code. */
export function levelAt(i: number): Level {
  return LEVELS[i];
}

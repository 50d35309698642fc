import { Document, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { FORM_ALIASES, LEVELS, loadScheme2, type SchemeDocument2, type Split2, type When2 } from '@app/scoring';

/**
 * The format-2 scheme as the editor binds it: every optional section is present (with an
 * "enabled" switch), maps the office adds entries to are lists, and a condition's values are
 * always lists. toDocument() turns it back into the document, leaving out what is empty, so
 * that a scheme built in the forms reads like one written by hand.
 */
export type Level = (typeof LEVELS)[number];
type Num = number | null;

/** Points by level: one flat number, or cells per level (an empty cell: the row does not apply there). */
export interface CellsModel {
  flat: boolean;
  value: Num;
  all: Num;
  central: Num;
  provincial: Num;
  municipal: Num;
  district: Num;
}

export interface ConditionModel {
  channel: string[];
  medium: string[];
  form: string[];
  prominence: string[];
  level: string[];
  words: string;
  views: string;
  outlet: string[];
  genre: string[];
}

export interface RowModel {
  label: string;
  /** Alternatives ("或"); empty means "always". */
  when: ConditionModel[];
  points: CellsModel;
}

export interface BonusModel extends RowModel {
  independent: boolean;
}

export const SPLIT_KINDS = ['shares', 'equal', 'first-unit', 'weights', 'each'] as const;
export interface SplitModel {
  kind: (typeof SPLIT_KINDS)[number] | '';
  weights: number[];
  each: Num;
}

export interface KeyFactor {
  key: string;
  factor: Num;
}

export interface SchemeModel2 {
  name: string;
  timeZone: string;
  rows: RowModel[];
  factors: {
    prominence: Record<'headline' | 'front' | 'normal', Num>;
    form: Record<'full' | 'excerpt' | 'combined', Num>;
    medium: KeyFactor[];
    genre: KeyFactor[];
    outlet: KeyFactor[];
    words: { range: string; factor: Num }[];
  };
  repeat: { keep: string; levels: Num };
  split: SplitModel;
  bonuses: BonusModel[];
  instructions: { enabled: boolean; points: CellsModel; split: SplitModel };
  commission: {
    enabled: boolean;
    onTime: Num;
    late: Num;
    missed: Num;
    byIssuer: { issuer: string; onTime: Num; late: Num; missed: Num }[];
  };
  monthlyReport: { enabled: boolean; dueDay: number; late: Num; missing: Num };
  items: { kind: string; points: CellsModel; recordedBy: '' | 'unit' | 'office'; voids: boolean }[];
  targets: {
    label: string;
    count: string;
    minLevel: string;
    per: string;
    target: Num;
    eachShort: Num;
    eachOver: Num;
    groups: string[];
  }[];
  rates: { label: string; rate: string; mode: 'below' | 'atLeast'; threshold: Num; points: Num; groups: string[] }[];
  total: {
    start: Num;
    order: '' | 'deductions-first' | 'bonuses-first';
    deductionFloor: Num;
    bonusCap: Num;
    channelCaps: { media: Num; bulletin: Num };
    netFloor: Num;
    netCap: Num;
  };
  tieRule: string;
}

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown): Num => (typeof v === 'number' ? v : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));
const strs = (v: unknown): string[] => (v == null ? [] : Array.isArray(v) ? v.map(str) : [str(v)]);

export const blankCells = (flat = false): CellsModel => ({ flat, value: null, all: null, central: null, provincial: null, municipal: null, district: null });
export const blankCondition = (): ConditionModel => ({ channel: [], medium: [], form: [], prominence: [], level: [], words: '', views: '', outlet: [], genre: [] });
export const blankRow = (): RowModel => ({ label: '', when: [], points: blankCells() });
export const blankSplit = (kind: SplitModel['kind'] = ''): SplitModel => ({ kind, weights: [3, 2], each: 0.5 });

function cellsOf(v: unknown): CellsModel {
  if (typeof v === 'number') return { ...blankCells(true), value: v };
  const o = obj(v);
  return { flat: false, value: null, all: num(o.all), central: num(o.central), provincial: num(o.provincial), municipal: num(o.municipal), district: num(o.district) };
}

function conditionOf(v: unknown): ConditionModel {
  const o = obj(v);
  return {
    channel: strs(o.channel),
    medium: strs(o.medium),
    // the Chinese aliases (全文/摘编/综合) are edited as the values they stand for
    form: strs(o.form).map((f) => FORM_ALIASES[f] ?? f),
    prominence: strs(o.prominence),
    level: strs(o.level),
    words: str(o.words),
    views: str(o.views),
    outlet: strs(o.outlet),
    genre: strs(o.genre),
  };
}

const whenOf = (v: unknown): ConditionModel[] => (v == null ? [] : Array.isArray(v) ? v.map(conditionOf) : [conditionOf(v)]);

function splitOf(v: unknown): SplitModel {
  if (typeof v === 'string') return blankSplit(v as SplitModel['kind']);
  const o = obj(v);
  if (Array.isArray(o.weights)) return { ...blankSplit('weights'), weights: o.weights.map((w) => Number(w)) };
  if (o.each !== undefined) return { ...blankSplit('each'), each: num(o.each) };
  return blankSplit();
}

const keyFactors = (v: unknown): KeyFactor[] => Object.entries(obj(v)).map(([key, factor]) => ({ key, factor: num(factor) }));

/** A blank scheme ("从空白开始"): no rows, no sections, the engine's defaults. */
export function blankModel(): SchemeModel2 {
  return fromDocument({ format: 2, name: '', timeZone: 'Asia/Shanghai', adoption: { rows: [] }, ranking: { tieRule: 'competition' } });
}

/** A (possibly invalid) format-2 document as JS data → the editing model; anything unreadable becomes empty. */
export function fromDocument(doc: unknown): SchemeModel2 {
  const d = obj(doc);
  const a = obj(d.adoption);
  const f = obj(a.factors);
  const pr = obj(f.prominence);
  const fo = obj(f.form);
  const ins = d.instructions === undefined ? null : obj(d.instructions);
  const com = d.commission === undefined ? null : obj(d.commission);
  const mr = d.monthlyReport === undefined ? null : obj(d.monthlyReport);
  const t = obj(d.total);
  const order = list(t.order);
  return {
    name: str(d.name),
    timeZone: str(d.timeZone),
    rows: list(a.rows).map((r) => ({ label: str(obj(r).label), when: whenOf(obj(r).when), points: cellsOf(obj(r).points) })),
    factors: {
      prominence: { headline: num(pr.headline), front: num(pr.front), normal: num(pr.normal) },
      form: { full: num(fo.full), excerpt: num(fo.excerpt), combined: num(fo.combined) },
      medium: keyFactors(f.medium),
      genre: keyFactors(f.genre),
      outlet: keyFactors(f.outlet),
      words: list(f.words).map((w) => ({ range: str(obj(w).range), factor: num(obj(w).factor) })),
    },
    repeat: { keep: str(obj(a.repeat).keep), levels: num(obj(a.repeat).levels) },
    split: a.split === undefined ? blankSplit() : splitOf(a.split),
    bonuses: list(d.bonuses).map((b) => ({ label: str(obj(b).label), when: whenOf(obj(b).when), points: cellsOf(obj(b).points), independent: obj(b).independent === true })),
    instructions: { enabled: ins !== null, points: ins ? cellsOf(ins.points) : blankCells(), split: ins?.split === undefined ? blankSplit() : splitOf(ins.split) },
    commission: {
      enabled: com !== null,
      onTime: num(com?.onTime),
      late: num(com?.late),
      missed: num(com?.missed),
      byIssuer: Object.entries(obj(com?.byIssuer)).map(([issuer, v]) => ({ issuer, onTime: num(obj(v).onTime), late: num(obj(v).late), missed: num(obj(v).missed) })),
    },
    monthlyReport: { enabled: mr !== null, dueDay: num(mr?.dueDay) ?? 5, late: num(mr?.late), missing: num(mr?.missing) },
    items: list(d.items).map((it) => {
      const o = obj(it);
      return { kind: str(o.kind), points: cellsOf(o.points), recordedBy: (o.recordedBy === 'unit' || o.recordedBy === 'office' ? o.recordedBy : '') as '' | 'unit' | 'office', voids: o.voids === 'article' };
    }),
    targets: list(d.targets).map((x) => {
      const o = obj(x);
      return { label: str(o.label), count: str(o.count), minLevel: str(o.minLevel), per: str(o.per), target: num(o.target), eachShort: num(o.eachShort), eachOver: num(o.eachOver), groups: strs(o.groups) };
    }),
    rates: list(d.rates).map((x) => {
      const o = obj(x);
      const atLeast = o.atLeast !== undefined;
      return { label: str(o.label), rate: str(o.rate), mode: atLeast ? 'atLeast' : 'below', threshold: num(atLeast ? o.atLeast : o.below), points: num(o.points), groups: strs(o.groups) };
    }),
    total: {
      start: num(t.start),
      order: order[0] === 'deductions' ? 'deductions-first' : order[0] === 'bonuses' ? 'bonuses-first' : '',
      deductionFloor: num(obj(t.deductions).floor),
      bonusCap: num(obj(t.bonuses).cap),
      channelCaps: { media: num(obj(obj(t.bonuses).channelCaps).media), bulletin: num(obj(obj(t.bonuses).channelCaps).bulletin) },
      netFloor: num(obj(t.net).floor),
      netCap: num(obj(t.net).cap),
    },
    tieRule: str(obj(d.ranking).tieRule),
  };
}

/** Keeps the keys whose value is set (not null / undefined / empty string), in the order given. */
function compact<T extends Loose>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== '')) as Partial<T>;
}
const nonEmpty = (o: Loose) => (Object.keys(o).length ? o : undefined);
const one = (v: string[]): string | string[] | undefined => (v.length === 0 ? undefined : v.length === 1 ? v[0] : v);

function cellsDoc(c: CellsModel): unknown {
  if (c.flat) return c.value;
  return compact({ all: c.all, central: c.central, provincial: c.provincial, municipal: c.municipal, district: c.district });
}

function conditionDoc(c: ConditionModel): Loose {
  return compact({
    channel: one(c.channel),
    medium: one(c.medium),
    form: one(c.form),
    prominence: one(c.prominence),
    level: one(c.level),
    words: c.words.trim(),
    views: c.views.trim(),
    outlet: one(c.outlet),
    genre: one(c.genre),
  });
}

function whenDoc(w: ConditionModel[]): When2 | undefined {
  const alternatives = w.map(conditionDoc).filter((c) => Object.keys(c).length > 0);
  if (alternatives.length === 0) return undefined;
  return (alternatives.length === 1 ? alternatives[0] : alternatives) as When2;
}

function splitDoc(s: SplitModel): Split2 | undefined {
  if (s.kind === '') return undefined;
  if (s.kind === 'weights') return { weights: s.weights };
  if (s.kind === 'each') return { each: s.each as number };
  return s.kind;
}

const mapOf = (l: KeyFactor[]) => nonEmpty(Object.fromEntries(l.filter((e) => e.key.trim()).map((e) => [e.key.trim(), e.factor])));

/** Editing model → the format-2 document (keys in the order docs/SCHEMES.md lists them). */
export function toDocument(m: SchemeModel2): SchemeDocument2 {
  const f = m.factors;
  const factors = compact({
    prominence: nonEmpty(compact(f.prominence)),
    medium: mapOf(f.medium),
    form: nonEmpty(compact(f.form)),
    genre: mapOf(f.genre),
    outlet: mapOf(f.outlet),
    words: f.words.length ? f.words.map((w) => ({ range: w.range, factor: w.factor })) : undefined,
  });
  const adoption = compact({
    rows: m.rows.map((r) => compact({ label: r.label, when: whenDoc(r.when), points: cellsDoc(r.points) })),
    factors: nonEmpty(factors),
    repeat: m.repeat.keep ? compact({ keep: m.repeat.keep, levels: m.repeat.keep === 'best-per-level' ? m.repeat.levels : null }) : undefined,
    split: splitDoc(m.split),
  });
  const c = m.commission;
  const t = m.total;
  const bonusCaps = compact({ cap: t.bonusCap, channelCaps: nonEmpty(compact(t.channelCaps)) });
  const total = compact({
    start: t.start,
    order: t.order === 'deductions-first' ? ['deductions', 'bonuses'] : t.order === 'bonuses-first' ? ['bonuses', 'deductions'] : undefined,
    deductions: t.deductionFloor === null ? undefined : { floor: t.deductionFloor },
    bonuses: nonEmpty(bonusCaps),
    net: nonEmpty(compact({ floor: t.netFloor, cap: t.netCap })),
  });
  const doc = compact({
    format: 2,
    name: m.name,
    timeZone: m.timeZone,
    adoption,
    bonuses: m.bonuses.length ? m.bonuses.map((b) => compact({ label: b.label, when: whenDoc(b.when), points: cellsDoc(b.points), independent: b.independent || undefined })) : undefined,
    instructions: m.instructions.enabled ? compact({ points: cellsDoc(m.instructions.points), split: splitDoc(m.instructions.split) }) : undefined,
    commission: c.enabled
      ? compact({
          onTime: c.onTime,
          late: c.late,
          missed: c.missed,
          byIssuer: nonEmpty(Object.fromEntries(c.byIssuer.filter((b) => b.issuer.trim()).map((b) => [b.issuer.trim(), compact({ onTime: b.onTime, late: b.late, missed: b.missed })]))),
        })
      : undefined,
    monthlyReport: m.monthlyReport.enabled ? { dueDay: m.monthlyReport.dueDay, late: m.monthlyReport.late, missing: m.monthlyReport.missing } : undefined,
    items: m.items.length ? m.items.map((it) => compact({ kind: it.kind, points: cellsDoc(it.points), recordedBy: it.recordedBy, voids: it.voids ? 'article' : undefined })) : undefined,
    targets: m.targets.length
      ? m.targets.map((x) => compact({ label: x.label, count: x.count, minLevel: x.minLevel, per: x.per, target: x.target, eachShort: x.eachShort, eachOver: x.eachOver, groups: x.groups.length ? x.groups : undefined }))
      : undefined,
    rates: m.rates.length
      ? m.rates.map((x) => compact({ label: x.label, rate: x.rate, [x.mode]: x.threshold, points: x.points, groups: x.groups.length ? x.groups : undefined }))
      : undefined,
    total: nonEmpty(total),
    ranking: m.tieRule ? { tieRule: m.tieRule } : undefined,
  });
  return doc as unknown as SchemeDocument2;
}

/** `[ a, b ]` → `[a, b]`: lists written as the presets write them (the yaml package pads lists and maps alike). */
const unpadLists = (text: string) => text.replace(/\[ ([^[\]\n]*?) \]/g, '[$1]');

/** The document as YAML: sections in block style; maps and lists of plain values on one line, like the presets. */
export function toYaml(m: SchemeModel2): string {
  const doc = new Document(toDocument(m));
  const flat = (n: unknown): boolean => isScalar(n) || (isSeq(n) && n.items.every(isScalar));
  visit(doc, {
    Map(_, node, path) {
      if (path.length > 2 && node.items.every((p) => flat(p.value))) node.flow = true;
    },
    Seq(_, node, path) {
      if (path.length > 2 && node.items.every(isScalar)) node.flow = true;
    },
  });
  // a blank line between top-level sections, as in the presets
  return unpadLists(doc.toString({ lineWidth: 0 })).replace(/\n(?=(adoption|bonuses|instructions|commission|monthlyReport|items|targets|rates|total|ranking):)/g, '\n\n');
}

const isPlain = (v: unknown): v is Loose => !!v && typeof v === 'object' && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Maps and lists of plain values on one line, as toYaml writes them. */
function flowLeaves(node: unknown) {
  const flat = (n: unknown): boolean => isScalar(n) || (isSeq(n) && n.items.every(isScalar));
  if (isMap(node)) {
    if (node.items.every((p) => flat(p.value))) node.flow = true;
    else for (const p of node.items) flowLeaves(p.value);
  } else if (isSeq(node)) {
    if (node.items.every(isScalar)) node.flow = true;
    else for (const i of node.items) flowLeaves(i);
  }
}

/**
 * Rewrites only what differs between `before` (the text's document as the forms read it) and
 * `after`, in place in the parsed text: scalars keep their node (and comment), new parts are
 * added, removed parts deleted.
 */
function patch(doc: Document, path: (string | number)[], before: unknown, after: unknown) {
  if (same(before, after)) return;
  const create = (v: unknown) => {
    const node = doc.createNode(v);
    flowLeaves(node);
    return node;
  };
  if (isPlain(before) && isPlain(after) && isMap(doc.getIn(path, true))) {
    for (const k of Object.keys(before)) if (!(k in after)) doc.deleteIn([...path, k]);
    let added = false;
    for (const [k, v] of Object.entries(after)) {
      if (k in before) patch(doc, [...path, k], before[k], v);
      else {
        const pair = doc.createPair(k, create(v));
        // a new top-level section is set apart by a blank line, as toYaml writes it
        if (path.length === 0 && isScalar(pair.key) && !isScalar(pair.value)) pair.key.spaceBefore = true;
        (doc.getIn(path, true) as { items: unknown[] }).items.push(pair);
        added = true;
      }
    }
    // a new key goes where the canonical order puts it, not at the end
    if (added) reorder(doc.getIn(path, true), after);
  } else if (Array.isArray(before) && Array.isArray(after) && isSeq(doc.getIn(path, true))) {
    const seq = doc.getIn(path, true) as { items: unknown[]; add(v: unknown): void };
    for (let i = before.length - 1; i >= after.length; i--) seq.items.splice(i, 1);
    after.forEach((v, i) => (i < before.length ? patch(doc, [...path, i], before[i], v) : seq.add(create(v))));
  } else if (path.length === 0) {
    doc.contents = create(after) as typeof doc.contents;
  } else {
    const old = doc.getIn(path, true);
    if (isScalar(old) && !isPlain(after) && !Array.isArray(after)) old.value = after;
    else doc.setIn(path, create(after));
  }
}

/**
 * Nesting depth of a collection: a map of scalars is 1, a row `{ when: { … } }` is 2. Returns
 * it, and turns flow collections deeper than 2 into block style (rows added to a blank
 * `adoption: { rows: [] }` must not make one line of the whole table).
 */
function blockDeep(node: unknown): number {
  const children = isMap(node) ? node.items.map((p) => p.value) : isSeq(node) ? node.items : null;
  if (!children) return 0;
  const depth = 1 + Math.max(0, ...children.map(blockDeep));
  if (depth > 2 && (isMap(node) || isSeq(node))) node.flow = false;
  return depth;
}

/** Puts a map's keys in the order of `order` (the canonical document), keeping each pair's comments. */
function reorder(node: unknown, order: Loose) {
  if (!isMap(node)) return;
  const keys = Object.keys(order);
  const rank = (p: unknown) => {
    // keys added by setIn are plain strings, keys read from the text Scalar nodes
    const key: unknown = isPair(p) ? (isScalar(p.key) ? p.key.value : p.key) : undefined;
    const i = keys.indexOf(String(key));
    return i < 0 ? keys.length : i;
  };
  node.items.sort((a, b) => rank(a) - rank(b));
}

/** The document as plain data, or null where the yaml package throws (an alias to no anchor, aliases without bound). */
function jsOf(doc: Document): unknown {
  try {
    return doc.toJS() as unknown;
  } catch {
    return null;
  }
}

/**
 * The model as YAML, written into `base` (the text shown so far) so that the office's comments
 * and layout survive an edit in the forms: only the changed parts are rewritten, keys keep the
 * canonical order. Text that does not parse, or is not format 2 (a converted old version),
 * is replaced by toYaml().
 */
export function patchYaml(base: string, m: SchemeModel2): string {
  const doc = parseDocument(base);
  const raw = doc.errors.length ? null : jsOf(doc);
  if (!isPlain(raw) || raw.format !== 2) return toYaml(m);
  const after = toDocument(m);
  patch(doc, [], toDocument(fromDocument(raw)), after);
  blockDeep(doc.contents);
  return unpadLists(doc.toString({ lineWidth: 0 }));
}

export interface LoadedModel {
  model: SchemeModel2;
  /** True when the text was today's format, converted to format 2 for editing. */
  converted: boolean;
}

/**
 * Stored scheme text (either format) → the editing model. A format-1 document is converted
 * with the engine's converter; a format-2 document that does not validate is still loaded as
 * far as it reads, so the office can fix it in the forms.
 * @throws Error when the text cannot be read at all.
 */
export function loadModel(text: string): LoadedModel {
  const r = loadScheme2(text);
  if (r.ok) return { model: fromDocument(r.scheme), converted: r.converted };
  const doc = parseDocument(text);
  const raw = doc.errors.length ? null : jsOf(doc);
  if ((raw as { format?: unknown } | null)?.format === 2) return { model: fromDocument(raw), converted: false };
  throw new Error(r.errors.map((e) => (e.path ? `${e.path}：${e.message}` : e.message)).join('；'));
}

/** path → value of every leaf, for the "what changes" list before saving. */
function leaves(v: unknown, path: string, out: Map<string, unknown>) {
  if (Array.isArray(v)) {
    if (v.length === 0) out.set(path, []);
    v.forEach((x, i) => leaves(x, `${path}[${i}]`, out));
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) leaves(x, path ? `${path}.${k}` : k, out);
  } else out.set(path, v);
}

export interface DocChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** Leaf-by-leaf differences between two documents (undefined: absent on that side). */
export function diffDocuments(before: unknown, after: unknown): DocChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  leaves(before, '', a);
  leaves(after, '', b);
  const out: DocChange[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(path);
    const y = b.get(path);
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push({ path, before: x, after: y });
  }
  return out;
}

export const LEVEL_KEYS = LEVELS;
export const REPEAT_LABELS: Record<string, string> = { 'top-up': '就高补差（默认）', highest: '每季度取最高一次', sum: '每次采用都计分', 'best-per-level': '取最高的 N 个级别' };
export const SPLIT_LABELS: Record<string, string> = { shares: '按申报份额', equal: '平均分配', 'first-unit': '全部计给第一署名单位', weights: '按署名顺序权重', each: '每单位各计固定比例' };
export const TIE_LABELS: Record<string, string> = { competition: '并列占位（1,2,2,4）', dense: '并列不占位（1,2,2,3）' };
export const COUNT_LABELS: Record<string, string> = { submitted: '报送篇数', adopted: '采用篇数' };
export const RATE_LABELS: Record<string, string> = { adoption: '信息采用率', commission: '约稿完成率', 'commission-on-time': '约稿按时完成率' };
export const FORM_OPTION_LABELS: Record<'full' | 'excerpt' | 'combined', string> = { full: '全文', excerpt: '摘编', combined: '综合' };
export const MEDIUM_GROUP_LABELS: Record<string, string> = { print: '纸质版（报纸、简报）', online: '网络版（网站、新媒体、客户端）' };

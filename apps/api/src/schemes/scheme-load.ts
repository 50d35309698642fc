import { parseDocument } from 'yaml';
import {
  LEVELS,
  compileScheme,
  compileScheme2Document,
  formatDecimal,
  loadScheme2,
  parseScheme,
  type CompiledScheme2,
  type SchemeDocument2,
  type SchemeError,
  type SchemeWarning,
  type When2,
} from '@app/scoring';

/**
 * A stored or draft 计分办法 ready for the format-2 engine, whichever format the office wrote:
 * a format-1 text (basePoints / multipliers) is checked as today and converted on load; the
 * stored text is never rewritten.
 */
export interface LoadedScheme {
  /** The format of the text as written: 1 (today's, converted on load) or 2. */
  format: 1 | 2;
  /** The format-2 document the engine runs (the conversion of a format-1 text). */
  document: SchemeDocument2;
  /** The document as written (format 1 or 2), for the version diff. */
  written: unknown;
  compiled: CompiledScheme2;
  /** Rows that can never match, levels no row scores: shown, never blocking. */
  warnings: SchemeWarning[];
}

export type LoadSchemeTextResult = { ok: true; scheme: LoadedScheme } | { ok: false; errors: SchemeError[]; warnings: SchemeWarning[] };

export interface LoadSchemeContext {
  /** The office's outlet codes: an outlet named in the scheme must be one of them. */
  outletCodes?: readonly string[];
}

/** True when the text declares `format: 2` (YAML or JSON); a text that does not parse is left to the parsers. */
export function isFormat2Text(text: string): boolean {
  const declared = () => /^\s*(?:"format"|format)\s*:\s*2\b/m.test(text);
  const doc = parseDocument(text);
  if (doc.errors.length) return declared();
  let js: { format?: unknown } | null;
  try {
    js = doc.toJS() as { format?: unknown } | null;
  } catch {
    // An alias to no anchor, or aliases that expand without bound: the parsers report it.
    return declared();
  }
  return typeof js === 'object' && js !== null && js.format === 2;
}

/**
 * Reads scheme text of either format into a LoadedScheme, or field errors (path, code, Chinese
 * message and, for YAML, line and column). Format-1 texts keep today's checks and error paths
 * (e.g. `multipliers.prominence.front`); format-2 texts get the format-2 schema's.
 */
export function loadSchemeText(text: string, ctx: LoadSchemeContext = {}): LoadSchemeTextResult {
  if (!isFormat2Text(text)) {
    const old = compileScheme(text, { outletCodes: ctx.outletCodes ? [...ctx.outletCodes] : undefined });
    if (!old.ok) return { ok: false, errors: old.errors, warnings: [] };
  }
  const r = loadScheme2(text);
  if (!r.ok) return r;
  const format = r.converted ? 1 : 2;
  const errors = format === 2 && ctx.outletCodes ? unknownOutlets(r.scheme, ctx.outletCodes) : [];
  if (errors.length) return { ok: false, errors, warnings: r.warnings };
  const written = format === 1 ? (parseScheme(text) as { scheme?: unknown }).scheme : r.scheme;
  return { ok: true, scheme: { format, document: r.scheme, written, compiled: compileScheme2Document(r.scheme), warnings: r.warnings } };
}

/** Outlet codes a format-2 document names (row and bonus conditions, outlet factors) that the office does not have. */
function unknownOutlets(doc: SchemeDocument2, outletCodes: readonly string[]): SchemeError[] {
  const known = new Set(outletCodes);
  const errors: SchemeError[] = [];
  const check = (when: When2 | undefined, path: string) => {
    const sets = when === undefined ? [] : Array.isArray(when) ? when : [when];
    sets.forEach((c, i) => {
      const outlets = c.outlet === undefined ? [] : Array.isArray(c.outlet) ? c.outlet : [c.outlet];
      const at = Array.isArray(when) ? `${path}.when[${i}].outlet` : `${path}.when.outlet`;
      for (const o of outlets) if (!known.has(o)) errors.push({ path: at, code: 'unknown_outlet', message: `未知媒体代码“${o}”` });
    });
  };
  doc.adoption.rows.forEach((row, i) => check(row.when, `adoption.rows[${i}]`));
  (doc.bonuses ?? []).forEach((b, i) => check(b.when, `bonuses[${i}]`));
  for (const o of Object.keys(doc.adoption.factors?.outlet ?? {})) {
    if (!known.has(o)) errors.push({ path: `adoption.factors.outlet.${o}`, code: 'unknown_outlet', message: `未知媒体代码“${o}”` });
  }
  return errors;
}

const dec = (v: number | null) => (v === null ? null : formatDecimal(v));
const byLevel = (cells: readonly (number | null)[]) => Object.fromEntries(LEVELS.map((lv, i) => [lv, dec(cells[i])]));

/**
 * What a scheme means, in decimal strings (never floats), for the editor beside the text:
 * the value-table rows with their cells per level, the policies, the total's steps, and the
 * warnings. The same shape for both formats (a format-1 text is summarised as converted).
 */
export function summarizeScheme(s: LoadedScheme) {
  const c = s.compiled;
  return {
    format: s.format,
    name: c.name,
    timeZone: c.timeZone,
    adoptionRows: c.rows.map((r) => ({ clause: r.path, label: r.label, points: byLevel(r.cells) })),
    bonuses: c.bonuses.map((b) => ({ clause: b.path, label: b.label, points: byLevel(b.cells), independent: b.independent })),
    repeat: c.repeat,
    split: s.document.adoption.split ?? 'shares',
    instructions: c.instructions ? { points: byLevel(c.instructions.cells), split: s.document.instructions?.split ?? s.document.adoption.split ?? 'shares' } : null,
    commission: c.commission ? { onTime: dec(c.commission.onTime), late: dec(c.commission.late), missed: dec(c.commission.missed), issuers: [...c.commission.byIssuer.keys()] } : null,
    monthlyReport: c.monthlyReport ? { dueDay: c.monthlyReport.dueDay, late: dec(c.monthlyReport.late), missing: dec(c.monthlyReport.missing) } : null,
    items: [...c.items.values()].map((k) => ({ kind: k.kind, points: k.flat ? dec(k.cells[0]) : byLevel(k.cells), recordedBy: k.recordedBy, voidsArticle: k.voidsArticle })),
    targets: c.targets.map((t) => ({ label: t.label, count: t.count, per: t.per, target: t.target, eachShort: dec(t.eachShort), eachOver: dec(t.eachOver) })),
    rates: c.rates.map((r) => ({ label: r.label, rate: r.rate, points: dec(r.points) })),
    total: {
      start: dec(c.total.start),
      order: c.total.order,
      deductionFloor: dec(c.total.deductionFloor),
      bonusCap: dec(c.total.bonusCap),
      channelCaps: { media: dec(c.total.channelCaps.media), bulletin: dec(c.total.channelCaps.bulletin) },
      netFloor: dec(c.total.netFloor),
      netCap: dec(c.total.netCap),
    },
    tieRule: c.tieRule,
    warnings: s.warnings,
  };
}

export type SchemeSummary = ReturnType<typeof summarizeScheme>;

/**
 * The documents two versions are compared on: as written when both are of the same format
 * (a format-1 diff keeps its familiar paths such as `basePoints.media.central`), else both
 * in format 2 (a format-1 text as converted).
 */
export function diffDocuments(a: LoadedScheme, b: LoadedScheme): [unknown, unknown] {
  return a.format === b.format ? [a.written, b.written] : [a.document, b.document];
}

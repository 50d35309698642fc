import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { parseFixed } from './fixed-point';
import { DEFAULT_TIME_ZONE } from './quarter';
import type { CompiledScheme, SchemeDocument, SchemeError, SchemeValidationContext } from './scheme.types';
import { validateScheme } from './scheme-validate';
import { CHANNELS, LEVELS, PROMINENCES } from './types';
import { yamlSyntaxError, yamlSyntaxReason } from './v2/yaml-text';
import type { Channel, Level, Points, Prominence } from './types';

export type ParseSchemeResult = { ok: true; scheme: SchemeDocument } | { ok: false; errors: SchemeError[] };

/** Thrown by normalizeScheme for a document that does not validate. */
export class SchemeValidationError extends Error {
  constructor(readonly errors: SchemeError[]) {
    super(`计分办法无效：${errors.map((e) => `${e.path || '（根）'}：${e.message}`).join('；')}`);
    this.name = 'SchemeValidationError';
  }
}

/**
 * Parses scheme text (YAML; JSON is YAML) and validates it.
 * Syntax errors come back as one 'yaml_syntax' error with 1-based line and column.
 * The core YAML schema is used, so dates stay strings and no custom tags are accepted.
 */
export function parseScheme(text: string, ctx?: SchemeValidationContext): ParseSchemeResult {
  let doc: unknown;
  try {
    doc = load(text, { schema: CORE_SCHEMA });
  } catch (e) {
    if (e instanceof YAMLException) {
      // js-yaml's place (its column points at the token), the yaml package's Chinese reason.
      const line = e.mark ? e.mark.line + 1 : undefined;
      const column = e.mark ? e.mark.column + 1 : undefined;
      return { ok: false, errors: [yamlSyntaxError(yamlSyntaxReason(text), line, column)] };
    }
    throw e;
  }
  const errors = validateScheme(doc, ctx);
  return errors.length ? { ok: false, errors } : { ok: true, scheme: doc as SchemeDocument };
}

function fx(v: number): number {
  const r = parseFixed(v);
  if (r === null) throw new RangeError(`无法转换为定点数：${v}`);
  return r;
}

function fxOrNull(v: number | null | undefined): Points | null {
  return v === null || v === undefined ? null : fx(v);
}

function byLevel(row: Record<Level, number>): Record<Level, Points> {
  const out = {} as Record<Level, Points>;
  for (const lv of LEVELS) out[lv] = fx(row[lv]);
  return out;
}

/**
 * Compiles a document into a CompiledScheme: amounts become Points and factors become
 * fixed-point integers (1.5 → 15000), parsed from their decimal digits; defaults applied.
 * @throws SchemeValidationError when the document does not validate.
 */
export function normalizeScheme(doc: SchemeDocument | unknown, ctx?: SchemeValidationContext): CompiledScheme {
  const errors = validateScheme(doc, ctx);
  if (errors.length) throw new SchemeValidationError(errors);
  const d = doc as SchemeDocument;
  const basePoints = {} as Record<Channel, Record<Level, Points>>;
  for (const ch of CHANNELS) basePoints[ch] = byLevel(d.basePoints[ch]);
  const prominence = {} as Record<Prominence, number>;
  for (const p of PROMINENCES) prominence[p] = fx(d.multipliers.prominence[p]);
  return {
    name: d.name,
    timeZone: d.timeZone ?? DEFAULT_TIME_ZONE,
    basePoints,
    outletOverrides: new Map((d.outletOverrides ?? []).map((o) => [o.outlet, fx(o.points)])),
    prominence,
    lengthBands: (d.multipliers.lengthBands ?? []).map((b) => ({
      minWords: b.minWords,
      maxWords: b.maxWords ?? Infinity,
      factor: fx(b.factor),
    })),
    medium: new Map(Object.entries(d.multipliers.medium ?? {}).map(([k, v]) => [k, fx(v as number)])),
    genre: new Map(Object.entries(d.multipliers.genre ?? {}).map(([k, v]) => [k, fx(v)])),
    instructionBonus: byLevel(d.instructionBonus),
    repeatAdoption: d.repeatAdoption ?? 'top-up',
    jointSplit: d.jointSplit ?? 'shares',
    commission: { fulfilled: fx(d.commission.fulfilled), missed: fx(d.commission.missed) },
    monthlyReport: {
      dueDay: d.monthlyReport.dueDay,
      late: fx(d.monthlyReport.late),
      missing: fx(d.monthlyReport.missing),
    },
    caps: {
      overall: fxOrNull(d.caps?.overall),
      media: fxOrNull(d.caps?.media),
      bulletin: fxOrNull(d.caps?.bulletin),
    },
    floor: fxOrNull(d.floor),
    tieRule: d.ranking?.tieRule ?? 'competition',
    source: d,
  };
}

/**
 * Parses, validates and compiles scheme text in one step.
 * Returns the compiled scheme or the field-level errors.
 */
export function compileScheme(
  text: string,
  ctx?: SchemeValidationContext,
): { ok: true; scheme: CompiledScheme; document: SchemeDocument } | { ok: false; errors: SchemeError[] } {
  const parsed = parseScheme(text, ctx);
  if (!parsed.ok) return parsed;
  return { ok: true, scheme: normalizeScheme(parsed.scheme, ctx), document: parsed.scheme };
}

import * as fs from 'node:fs';
import { CHANNELS, LEVELS, PROMINENCES, compileScheme, formatDecimal, type CompiledScheme, type SchemeError } from '@app/scoring';
import { shippedConfigPath } from '../config/paths';

/** The text of a shipped preset (config/schemes/<name>.yaml), e.g. `standard`. */
export function loadPresetText(name: string): string {
  return fs.readFileSync(shippedConfigPath('schemes', `${name}.yaml`), 'utf8');
}

/**
 * Engine errors as the error body's field map: `document.<path in the scheme>` so the editor
 * can place each next to its field; a syntax error (path '') lands on `document` itself and
 * its message already carries the line and column.
 */
export function schemeFieldErrors(errors: readonly SchemeError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const key = e.path ? `document.${e.path}` : 'document';
    out[key] = out[key] ? `${out[key]}；${e.message}` : e.message;
  }
  return out;
}

const byLevel = (row: Record<string, number>) => Object.fromEntries(LEVELS.map((lv) => [lv, formatDecimal(row[lv])]));
const orNull = (v: number | null) => (v === null ? null : formatDecimal(v));

/**
 * What the compiled scheme means, in decimal strings (never floats): what the editor shows
 * beside the YAML so the office sees the numbers the engine will use.
 */
export function summarizeScheme(s: CompiledScheme) {
  return {
    name: s.name,
    timeZone: s.timeZone,
    basePoints: Object.fromEntries(CHANNELS.map((ch) => [ch, byLevel(s.basePoints[ch])])),
    outletOverrides: [...s.outletOverrides].map(([outlet, points]) => ({ outlet, points: formatDecimal(points) })),
    prominence: Object.fromEntries(PROMINENCES.map((p) => [p, formatDecimal(s.prominence[p])])),
    lengthBands: s.lengthBands.map((b) => ({ minWords: b.minWords, maxWords: b.maxWords === Infinity ? null : b.maxWords, factor: formatDecimal(b.factor) })),
    medium: Object.fromEntries([...s.medium].map(([k, v]) => [k, formatDecimal(v)])),
    genre: Object.fromEntries([...s.genre].map(([k, v]) => [k, formatDecimal(v)])),
    instructionBonus: byLevel(s.instructionBonus),
    repeatAdoption: s.repeatAdoption,
    jointSplit: s.jointSplit,
    commission: { fulfilled: formatDecimal(s.commission.fulfilled), missed: formatDecimal(s.commission.missed) },
    monthlyReport: { dueDay: s.monthlyReport.dueDay, late: formatDecimal(s.monthlyReport.late), missing: formatDecimal(s.monthlyReport.missing) },
    caps: { overall: orNull(s.caps.overall), media: orNull(s.caps.media), bulletin: orNull(s.caps.bulletin) },
    floor: orNull(s.floor),
    tieRule: s.tieRule,
  };
}

export type SchemeSummary = ReturnType<typeof summarizeScheme>;

/**
 * The row that installs a shipped preset as an office's first version (demo seed, new offices);
 * the preset is compiled first so a broken file fails loudly instead of being stored.
 */
export function presetVersionRow(officeId: number, preset: string, effectiveFrom: string) {
  const document = loadPresetText(preset);
  const compiled = compileScheme(document);
  if (!compiled.ok) throw new Error(`config/schemes/${preset}.yaml is not a valid scheme: ${compiled.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return { officeId, versionNo: 1, name: compiled.scheme.name.slice(0, 100), effectiveFrom, document, note: `内置预设 ${preset}`, lockedAt: null, createdBy: null };
}

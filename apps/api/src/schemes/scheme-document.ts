import * as fs from 'node:fs';
import type { SchemeError } from '@app/scoring';
import { shippedConfigPath } from '../config/paths';
import { loadSchemeText } from './scheme-load';

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

/**
 * The row that installs a shipped preset as an office's first version (demo seed, new offices);
 * the preset (either format) is compiled first so a broken file fails loudly instead of being stored.
 */
export function presetVersionRow(officeId: number, preset: string, effectiveFrom: string) {
  const document = loadPresetText(preset);
  const loaded = loadSchemeText(document);
  if (!loaded.ok) throw new Error(`config/schemes/${preset}.yaml is not a valid scheme: ${loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return { officeId, versionNo: 1, name: loaded.scheme.compiled.name.slice(0, 100), effectiveFrom, document, note: `内置预设 ${preset}`, lockedAt: null, createdBy: null };
}

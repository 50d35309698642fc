/** One changed leaf between two scheme documents; `undefined` means absent on that side. */
export interface SchemeDiffEntry {
  path: string;
  before: unknown;
  after: unknown;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function walk(a: unknown, b: unknown, path: string, out: SchemeDiffEntry[]): void {
  if (isObject(a) && isObject(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    for (const k of keys) walk(a[k], b[k], path ? `${path}.${k}` : k, out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) walk(a[i], b[i], `${path}[${i}]`, out);
    return;
  }
  if (a === b || (a === undefined && b === null) || (a === null && b === undefined)) return;
  out.push({ path, before: a, after: b });
}

/**
 * Lists the differences between two scheme documents leaf by leaf, for the editor's diff
 * view: objects are compared key by key (keys of `a` first), lists index by index; a
 * container present on one side only is reported whole. `null` and absent are equal.
 */
export function diffSchemes(a: unknown, b: unknown): SchemeDiffEntry[] {
  const out: SchemeDiffEntry[] = [];
  walk(a, b, '', out);
  return out;
}

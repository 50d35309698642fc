import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTION_NAMES, AUDIT_ENTITY_NAMES, ENTRY_STATUSES } from '@app/contracts';

const SRC = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The argument at `index` of the call starting at `open` (the '('), up to its comma at depth 0. */
function argument(text: string, open: number, index: number): string {
  let depth = 0;
  let current = 0;
  let start = open + 1;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (depth === 0) return current === index ? text.slice(start, i) : '';
      depth--;
    } else if (c === ',' && depth === 0) {
      if (current === index) return text.slice(start, i);
      current++;
      start = i + 1;
    }
  }
  return '';
}

/** The codes an expression can take: its string literals, `status:${…}` as every review status. */
function codes(expression: string): string[] {
  const found: string[] = [];
  // The operands of a comparison (`to === 'approved' ? …`) are not codes written.
  const written = expression.replace(/[!=]==?\s*'[^']*'/g, '');
  for (const m of written.matchAll(/'([^']*)'|`([^`]*)`/g)) {
    const text = m[1] ?? m[2];
    if (text.startsWith('status:${')) found.push(...ENTRY_STATUSES.map((s) => `status:${s}`));
    else if (!text.includes('${')) found.push(text);
  }
  return found;
}

/** Every (action, entity) code an audit call in this text writes, with where it is. */
function auditCodes(text: string, file: string) {
  const found: { file: string; kind: 'action' | 'entity'; code: string }[] = [];
  for (const m of text.matchAll(/\baudit\.record\(/g)) {
    const open = m.index + m[0].length - 1;
    for (const code of codes(argument(text, open, 1))) found.push({ file, kind: 'action', code });
    for (const code of codes(argument(text, open, 2))) found.push({ file, kind: 'entity', code });
  }
  // recordEvent({ …, action: 'x', entity: 'y' }) and the objects spread into it
  if (text.includes('recordEvent(')) {
    for (const m of text.matchAll(/\b(action|entity): '([^']+)'/g)) found.push({ file, kind: m[1] as 'action' | 'entity', code: m[2] });
  }
  return found;
}

const named = (kind: 'action' | 'entity', code: string) => code in (kind === 'action' ? AUDIT_ACTION_NAMES : AUDIT_ENTITY_NAMES);

describe('audit catalogue', () => {
  const all = sources(SRC).flatMap((file) => auditCodes(readFileSync(file, 'utf8'), file.slice(SRC.length + 1)));

  it('finds the audit calls of the server (the walk is not empty)', () => {
    expect(all.filter((c) => c.kind === 'action').length).toBeGreaterThan(60);
    expect(new Set(all.map((c) => c.file)).size).toBeGreaterThan(20);
    expect(all).toContainEqual({ file: 'publication/quarters.service.ts', kind: 'action', code: 'quarter:publish' });
    expect(all).toContainEqual({ file: 'auth/auth.service.ts', kind: 'action', code: 'login-failed' });
    expect(all).toContainEqual({ file: 'review/review.service.ts', kind: 'action', code: 'status:verified' });
  });

  it('would report a code without a Chinese name', () => {
    const sample = auditCodes("await this.audit.record(user, x ? 'brand-new' : 'update', 'mystery', id, null, null);", 'sample.ts');
    expect(sample.filter((c) => !named(c.kind, c.code))).toEqual([
      { file: 'sample.ts', kind: 'action', code: 'brand-new' },
      { file: 'sample.ts', kind: 'entity', code: 'mystery' },
    ]);
  });

  it('names every action and object type the server writes in Chinese', () => {
    expect(all.filter((c) => !named(c.kind, c.code))).toEqual([]);
  });

  it.each(Object.entries({ ...AUDIT_ACTION_NAMES, ...AUDIT_ENTITY_NAMES }))('%s has a Chinese name', (_code, name) => {
    expect(name).toMatch(/[\u4e00-\u9fa5]/);
  });
});

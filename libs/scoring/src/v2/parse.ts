import { isMap, isPair, isScalar } from 'yaml';
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import type { SchemeError } from '../scheme.types';
import { parseScheme } from '../scheme-parse';
import { compileScheme2Document } from './compile';
import { convertScheme1To2 } from './convert';
import type { CompiledScheme2 } from './compile';
import { schemeDocument2Schema } from './document';
import type { SchemeDocument2 } from './document';
import { analyseRows } from './warnings';
import type { SchemeWarning } from './warnings';
import { readYamlText, type YamlRead } from './yaml-text';

export type ParseScheme2Result =
  | { ok: true; scheme: SchemeDocument2; warnings: SchemeWarning[] }
  | { ok: false; errors: SchemeError[]; warnings: SchemeWarning[] };

type PathPart = string | number;

function pathText(path: readonly PathPart[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${p}` : p;
  return s;
}

function received(v: unknown): string {
  if (v === null) return '空值';
  if (Array.isArray(v)) return '列表';
  if (typeof v === 'object') return '键值对象';
  return `“${String(v)}”`;
}

const EXPECTED: Record<string, string> = {
  number: '数字',
  string: '文字',
  object: '键值对象',
  array: '列表',
  boolean: 'true 或 false',
  int: '整数',
};

/** The deepest issues of a union: the branch whose problems lie furthest down, so "points.central" beats "points". */
function unionBranch(issue: z.core.$ZodIssueInvalidUnion): z.core.$ZodIssue[] | null {
  let best: z.core.$ZodIssue[] | null = null;
  let depth = 0;
  for (const branch of issue.errors) {
    const d = Math.max(...branch.map((i) => i.path.length));
    if (d > depth) {
      depth = d;
      best = branch;
    }
  }
  return best;
}

/** Zod issues → SchemeErrors with a stable English code and a Chinese message. */
function toErrors(issues: readonly z.core.$ZodIssue[], prefix: PathPart[] = []): SchemeError[] {
  const out: SchemeError[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as PathPart[])];
    const p = pathText(path);
    const where = p || '（根）';
    switch (issue.code) {
      case 'invalid_type': {
        const input = (issue as { input?: unknown }).input;
        if (input === undefined) out.push({ path: p, code: 'required', message: `缺少必填项 ${where}` });
        else out.push({ path: p, code: 'invalid_type', message: `${where} 应为${EXPECTED[issue.expected] ?? issue.expected}，实际为${received(input)}` });
        break;
      }
      case 'unrecognized_keys':
        for (const k of issue.keys) out.push({ path: pathText([...path, k]), code: 'unknown_key', message: `${where} 中有未知字段“${k}”（请检查拼写，见 docs/SCHEMES.md）` });
        break;
      case 'invalid_value':
        out.push({
          path: p,
          code: 'invalid_value',
          message: `${where} 应为 ${issue.values.map((v) => String(v)).join(' / ')} 之一，实际为${received((issue as { input?: unknown }).input)}`,
        });
        break;
      case 'too_small':
      case 'too_big': {
        const isArray = issue.origin === 'array';
        const bound = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
        const message = isArray
          ? `${where} 至少要有 ${bound} 项`
          : issue.origin === 'string'
            ? `${where} 不能为空`
            : `${where} 应${issue.code === 'too_small' ? '不小于' : '不大于'} ${bound}`;
        out.push({ path: p, code: isArray && issue.code === 'too_small' ? 'required' : 'out_of_range', message });
        break;
      }
      case 'invalid_union': {
        const branch = unionBranch(issue);
        if (branch) out.push(...toErrors(branch, path));
        else out.push({ path: p, code: 'invalid_value', message: `${where}：${issue.message}` });
        break;
      }
      case 'custom': {
        const code = (issue.params as { code?: string } | undefined)?.code ?? 'invalid_value';
        out.push({ path: p, code, message: `${where} ${issue.message}` });
        break;
      }
      default:
        out.push({ path: p, code: 'invalid_value', message: `${where}：${issue.message}` });
    }
  }
  return out;
}

/** Splits 'adoption.rows[2].points' into ['adoption', 'rows', 2, 'points']. */
function pathParts(path: string): PathPart[] {
  const out: PathPart[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

/**
 * 1-based line and column of the node at `path`, or of its deepest ancestor present in the
 * YAML. For an unknown key, the position of the key itself.
 */
function position(doc: Document, lc: LineCounter, path: string): { line: number; column: number } | undefined {
  const parts = pathParts(path);
  let node: unknown = doc.contents;
  let offset: number | undefined = (doc.contents as { range?: number[] } | null)?.range?.[0];
  for (const part of parts) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(part));
      if (!pair) break;
      offset = (pair.key as { range?: number[] }).range?.[0] ?? offset;
      node = pair.value;
      const r = (node as { range?: number[] } | null)?.range;
      if (r && part !== parts[parts.length - 1]) offset = r[0];
    } else if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown[] }).items)) {
      const item = (node as { items: unknown[] }).items[part as number];
      if (item === undefined) break;
      node = item;
      offset = (item as { range?: number[] }).range?.[0] ?? offset;
    } else break;
  }
  if (offset === undefined) return undefined;
  const pos = lc.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/**
 * Checks a parsed (JS) format-2 document. Returns the document, or field errors; and the
 * warnings (rows that can never match, levels no row scores) whenever the document is valid.
 */
export function validateScheme2(doc: unknown): ParseScheme2Result {
  const r = schemeDocument2Schema.safeParse(doc, { reportInput: true });
  if (!r.success) return { ok: false, errors: toErrors(r.error.issues), warnings: [] };
  return { ok: true, scheme: r.data, warnings: analyseRows(compileScheme2Document(r.data).rows) };
}

/**
 * Parses format-2 scheme text (YAML; JSON is YAML) and checks it. Every error and warning
 * carries the dotted path of the field and, where the field (or its nearest parent) is in
 * the text, its 1-based line and column. YAML 1.2 core schema: dates stay strings.
 */
export function parseScheme2(text: string): ParseScheme2Result {
  return checkYaml(readYamlText(text));
}

function checkYaml(read: YamlRead): ParseScheme2Result {
  if (!read.ok) return { ok: false, errors: read.errors, warnings: [] };
  const { doc, lc } = read;
  const r = validateScheme2(read.value);
  const place = <T extends { path: string; line?: number; column?: number }>(e: T): T => ({ ...e, ...position(doc, lc, e.path) });
  return r.ok ? { ...r, warnings: r.warnings.map(place) } : { ...r, errors: r.errors.map(place) };
}

export type LoadSchemeResult = (ParseScheme2Result & { ok: true; converted: boolean }) | (ParseScheme2Result & { ok: false });

/**
 * Reads scheme text of either format: `format: 2` documents are parsed as format 2; anything
 * else is parsed and checked as today's format (scheme-parse.ts) and converted
 * (convertScheme1To2), so stored versions keep working. `converted` says which happened.
 */
export function loadScheme2(text: string): LoadSchemeResult {
  const read = readYamlText(text);
  const format = read.ok ? (read.value as { format?: unknown } | null)?.format : undefined;
  if (format === 2 || !read.ok) {
    const r = checkYaml(read);
    return r.ok ? { ...r, converted: false } : r;
  }
  const old = parseScheme(text);
  if (!old.ok) return { ok: false, errors: old.errors, warnings: [] };
  const r = validateScheme2(convertScheme1To2(old.scheme));
  return r.ok ? { ...r, converted: true } : r;
}

/** Thrown by compileScheme2 for a document that does not validate. */
export class Scheme2ValidationError extends Error {
  constructor(readonly errors: SchemeError[]) {
    super(`计分办法无效：${errors.map((e) => `${e.path || '（根）'}：${e.message}`).join('；')}`);
    this.name = 'Scheme2ValidationError';
  }
}

/**
 * Parses (text) or checks (an object) a format-2 scheme and compiles it for the engine.
 * @throws Scheme2ValidationError with the field errors when it does not validate.
 */
export function compileScheme2(source: string | SchemeDocument2 | unknown): CompiledScheme2 {
  const r = typeof source === 'string' ? parseScheme2(source) : validateScheme2(source);
  if (!r.ok) throw new Scheme2ValidationError(r.errors);
  return compileScheme2Document(r.scheme);
}

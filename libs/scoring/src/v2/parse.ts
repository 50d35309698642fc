import { isMap, isPair, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
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

/** Chinese wording of the yaml package's error codes an office is likely to meet. */
const YAML_ERRORS: Record<string, string> = {
  DUPLICATE_KEY: '同一层级出现了重复的字段',
  BAD_INDENT: '缩进不正确或括号未闭合',
  BLOCK_AS_IMPLICIT_KEY: '缩进不正确（列表或字段没有对齐）',
  MULTILINE_IMPLICIT_KEY: '字段名不能跨行',
  MISSING_CHAR: '缺少配对的引号、括号或冒号',
  MULTIPLE_DOCS: '只能有一个文档（不要使用 ---）',
  TAB_AS_INDENT: '缩进不能使用制表符（Tab），请用空格',
  UNEXPECTED_TOKEN: '有无法识别的符号',
};

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
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        const where = pos ? `（第 ${pos.line} 行第 ${pos.col} 列）` : '';
        return { path: '', code: 'yaml_syntax', message: `YAML 语法错误${where}：${YAML_ERRORS[e.code] ?? `无法解析（${e.code}）`}`, line: pos?.line, column: pos?.col };
      }),
      warnings: [],
    };
  }
  const r = validateScheme2(doc.toJS());
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
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const format = doc.errors.length ? undefined : (doc.toJS() as { format?: unknown } | null)?.format;
  if (format === 2 || doc.errors.length) {
    const r = parseScheme2(text);
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

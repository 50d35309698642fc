import { isAlias, LineCounter, parseDocument, visit } from 'yaml';
import type { Document, ErrorCode } from 'yaml';
import type { SchemeError } from '../scheme.types';

/**
 * Chinese wording of every error code the yaml package can raise (its `ErrorCode` type), so an
 * office never sees the package's English. Typed as a full record: a code added by a newer
 * yaml fails the type check, and yaml-text.spec.ts reads the package's own list as well.
 */
export const YAML_ERROR_MESSAGES: Record<ErrorCode, string> = {
  ALIAS_PROPS: '别名（*名称）不能再带锚点（&）或标签（!）',
  BAD_ALIAS: '别名（*名称）引用了不存在或尚未定义的锚点（&名称）',
  BAD_COLLECTION_TYPE: '标签（!）与内容的类型不符（如把列表标成键值对象）',
  BAD_DIRECTIVE: '文档开头以 % 开头的指令无效（计分办法不需要这类指令）',
  BAD_DQ_ESCAPE: '双引号文字中的反斜杠转义（\\）无效；要写反斜杠本身请用 \\\\ 或改用单引号',
  BAD_INDENT: '缩进不正确或括号未闭合',
  BAD_PROP_ORDER: '锚点（&）和标签（!）应写在值的前面',
  BAD_SCALAR_START: '值不能以 @ 或 ` 开头，请给这个值加上引号',
  BLOCK_AS_IMPLICIT_KEY: '缩进不正确（列表或字段没有对齐）',
  BLOCK_IN_FLOW: '方括号 [ ] 或花括号 { } 内不能再换行写缩进的列表或字段，请写在一行内或改为缩进格式',
  DUPLICATE_KEY: '同一层级出现了重复的字段',
  IMPOSSIBLE: '文本无法解析，请检查这一处附近的格式',
  KEY_OVER_1024_CHARS: '字段名过长（超过 1024 个字符），可能缺少冒号后的空格或换行',
  MISSING_CHAR: '缺少配对的引号、括号或冒号',
  MULTILINE_IMPLICIT_KEY: '字段名不能跨行',
  MULTIPLE_ANCHORS: '同一个值只能有一个锚点（&）',
  MULTIPLE_DOCS: '只能有一个文档（不要使用 ---）',
  MULTIPLE_TAGS: '同一个值只能有一个标签（!）',
  NON_STRING_KEY: '字段名必须是文字，不能是列表或键值对象',
  RESOURCE_EXHAUSTION: '别名（*名称）展开后内容过多，请不要层层引用锚点',
  TAB_AS_INDENT: '缩进不能使用制表符（Tab），请用空格',
  TAG_RESOLVE_FAILED: '无法识别的标签（以 ! 开头的写法），计分办法不使用标签',
  UNEXPECTED_TOKEN: '有无法识别的符号',
};

/** An alias may expand to at most this many nodes (the yaml package's default). */
const MAX_ALIAS_COUNT = 100;

/** 'YAML 语法错误（第 3 行第 1 列）：…' as every scheme parser words it. */
export function yamlSyntaxError(reason: string, line: number | undefined, column: number | undefined): SchemeError {
  const where = line !== undefined ? `（第 ${line} 行第 ${column} 列）` : '';
  return { path: '', code: 'yaml_syntax', message: `YAML 语法错误${where}：${reason}`, line, column };
}

type Problem = { code: ErrorCode; pos?: { line: number; col: number } };
type Read = { ok: true; doc: Document; lc: LineCounter; value: unknown } | { ok: false; problems: Problem[] };

const reasonOf = (p: Problem) => YAML_ERROR_MESSAGES[p.code] ?? YAML_ERROR_MESSAGES.IMPOSSIBLE;

/**
 * The Chinese reason the yaml package gives for text another YAML reader refused (today's
 * format is read with js-yaml, whose reasons are English); the general one when it reads it.
 */
export function yamlSyntaxReason(text: string): string {
  const read = readYaml(text);
  return read.ok ? YAML_ERROR_MESSAGES.IMPOSSIBLE : reasonOf(read.problems[0]);
}

export type YamlRead = { ok: true; doc: Document; lc: LineCounter; value: unknown } | { ok: false; errors: SchemeError[] };

/**
 * Reads YAML text (JSON is YAML) into a plain value, or 'yaml_syntax' errors with a Chinese
 * message, line and column. Warnings (an unknown tag, a bad directive) are errors too: the
 * text would not mean what the office wrote. Aliases that point nowhere or expand without
 * bound are reported at the alias rather than thrown (the package throws them from toJS).
 */
export function readYamlText(text: string): YamlRead {
  const read = readYaml(text);
  return read.ok ? read : { ok: false, errors: read.problems.map((p) => yamlSyntaxError(reasonOf(p), p.pos?.line, p.pos?.col)) };
}

function readYaml(text: string): Read {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true, uniqueKeys: true });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length) return { ok: false, problems: problems.map((e) => ({ code: e.code, pos: e.linePos?.[0] })) };
  try {
    return { ok: true, doc, lc, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const code: ErrorCode = /resource exhaustion/i.test(error.message) ? 'RESOURCE_EXHAUSTION' : 'BAD_ALIAS';
    let offset: number | undefined;
    visit(doc, {
      Alias(_key, node) {
        if (!isAlias(node) || (code === 'BAD_ALIAS' && node.resolve(doc) !== undefined)) return undefined;
        offset = node.range?.[0];
        return visit.BREAK;
      },
    });
    return { ok: false, problems: [{ code, pos: offset === undefined ? undefined : lc.linePos(offset) }] };
  }
}

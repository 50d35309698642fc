import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseScheme } from '../scheme-parse';
import { parseScheme2 } from './parse';
import { YAML_ERROR_MESSAGES, readYamlText } from './yaml-text';

/** The codes of the installed yaml package, read from its own ErrorCode type. */
function packageErrorCodes(): string[] {
  const typings = readFileSync(join(dirname(require.resolve('yaml')), 'errors.d.ts'), 'utf8');
  const union = /export type ErrorCode\s*=([^;]+);/.exec(typings)?.[1] ?? '';
  return [...union.matchAll(/'([A-Z0-9_]+)'/g)].map((m) => m[1]);
}

describe('YAML errors in Chinese', () => {
  const codes = packageErrorCodes();

  it('reads the package\'s list of codes', () => {
    // A handful the package has had since 2.0: proves the list is not empty or misread.
    expect(codes).toEqual(expect.arrayContaining(['BAD_INDENT', 'BLOCK_IN_FLOW', 'DUPLICATE_KEY', 'TAB_AS_INDENT']));
    expect(codes.length).toBeGreaterThanOrEqual(20);
  });

  it.each(packageErrorCodes())('has a Chinese message for %s', (code) => {
    const message = (YAML_ERROR_MESSAGES as Record<string, string | undefined>)[code];
    expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(message).not.toMatch(/[A-Za-z]{4,}/);
  });

  it.each([
    ['BLOCK_IN_FLOW', 'format: 2\nname: [a,\n  - b]\n', 3, 3, /不能再换行写缩进/],
    ['BAD_INDENT', 'format: 2\nname: [unclosed\n', 3, 1, /缩进不正确或括号未闭合/],
    ['DUPLICATE_KEY', 'format: 2\nname: a\nname: b\n', 3, 1, /重复的字段/],
    ['TAB_AS_INDENT', 'format: 2\ntotal:\n\tstart: 1\n', 3, 1, /制表符/],
    ['BAD_DQ_ESCAPE', 'format: 2\nname: "a\\qb"\n', 2, 9, /反斜杠/],
    ['BAD_SCALAR_START', 'format: 2\nname: `x\n', 2, 7, /@ 或 `/],
    ['MULTIPLE_ANCHORS', 'format: 2\nname: &x &y a\n', 2, 10, /一个锚点/],
    ['MULTIPLE_DOCS', 'format: 2\n---\nformat: 2\n', 2, 1, /一个文档/],
    ['TAG_RESOLVE_FAILED (a warning of the package)', 'format: 2\nname: !foo a\n', 2, 7, /无法识别的标签/],
    ['BAD_ALIAS (thrown by the package, not returned)', 'format: 2\nname: *nowhere\n', 2, 7, /不存在或尚未定义的锚点/],
    [
      'RESOURCE_EXHAUSTION (thrown by the package, not returned)',
      `format: 2\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [${Array(10).fill('*a').join(',')}]\nc: [${Array(10).fill('*b').join(',')}]\n`,
      3, 8, /展开后内容过多/,
    ],
  ])('reports %s with line and column', (_code, text, line, column, message) => {
    const r = parseScheme2(text);
    expect(r.ok).toBe(false);
    const first = !r.ok ? r.errors[0] : undefined;
    expect(first).toMatchObject({ path: '', code: 'yaml_syntax', line, column });
    expect(first?.message).toContain(`YAML 语法错误（第 ${line} 行第 ${column} 列）：`);
    expect(first?.message).toMatch(message);
  });

  it('reads valid text, aliases included', () => {
    const r = readYamlText('a: &x 1\nb: *x\n');
    expect(r.ok && r.value).toEqual({ a: 1, b: 1 });
  });
  it.each([
    ['a duplicate key', 'name: x\nfloor: null\nname: y\n', 3, 1, /重复的字段/],
    ['bad indentation', 'name: x\nbasePoints:\n    media: 1\n  bulletin: 2\n', 4, 3, /缩进不正确/],
    ['an alias to no anchor', 'name: *x\n', 1, 9, /不存在或尚未定义的锚点/],
  ])('words today\'s format (read by js-yaml) in Chinese too, at js-yaml\'s place: %s', (_label, text, line, column, reason) => {
    const r = parseScheme(text);
    const first = !r.ok ? r.errors[0] : undefined;
    expect(first).toMatchObject({ path: '', code: 'yaml_syntax', line, column });
    expect(first?.message).toMatch(reason);
    expect(first?.message.replace('YAML', '')).not.toMatch(/[A-Za-z]{3,}/);
  });
});

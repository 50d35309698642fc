import { readFileSync } from 'fs';
import { join } from 'path';
import { compileScheme2, loadScheme2, parseScheme2, validateScheme2 } from './parse';

const minimal = (adoption: string, extra = '') => `format: 2\nname: 测试办法\nadoption:\n${adoption}\n${extra}`;
const oneRow = '  rows:\n    - { label: 一般, points: 1 }';

// Positions are those of the offending key (1-based), so the editor can put the cursor on it.
describe('parseScheme2: field errors with path, code, Chinese message, line and column', () => {
  it.each<[string, string, { path: string; code: string; line: number; column: number }]>([
    ['a misspelt medium', minimal('  rows:\n    - label: 报纸\n      when: { medium: newspapr }\n      points: 1'), { path: 'adoption.rows[0].when.medium', code: 'invalid_value', line: 6, column: 15 }],
    ['five decimals in a cell', minimal('  rows:\n    - { label: 一般, points: { central: 1.00001 } }'), { path: 'adoption.rows[0].points.central', code: 'too_many_decimals', line: 5, column: 30 }],
    ['an unknown level key', minimal('  rows:\n    - { label: 一般, points: { county: 1 } }'), { path: 'adoption.rows[0].points.county', code: 'unknown_key', line: 5, column: 30 }],
    ['a negative weight', minimal(`${oneRow}\n  split: { weights: [3, -2] }`), { path: 'adoption.split.weights[1]', code: 'negative', line: 6, column: 25 }],
    ['a rate without a threshold', minimal(oneRow, 'rates: [{ label: 采用率, rate: adoption, points: -2 }]'), { path: 'rates[0].below', code: 'required', line: 6, column: 9 }],
    ['a missing name', 'format: 2\nadoption:\n  rows: []', { path: 'name', code: 'required', line: 1, column: 1 }],
    ['a bad word band', minimal('  rows:\n    - { label: 长稿, when: { words: "1000+" }, points: 1 }'), { path: 'adoption.rows[0].when.words', code: 'invalid_value', line: 5, column: 28 }],
    ['an empty word band', minimal('  rows:\n    - { label: 长稿, when: { words: "900-100" }, points: 1 }'), { path: 'adoption.rows[0].when.words', code: 'empty_range', line: 5, column: 28 }],
    ['a duplicate item kind', minimal(oneRow, 'items:\n  - { kind: 发言, points: 1 }\n  - { kind: 发言, points: 2 }'), { path: 'items[1].kind', code: 'duplicate', line: 8, column: 7 }],
    ['evidenceLater that is not true or false', minimal(oneRow, 'evidenceLater: 以后'), { path: 'evidenceLater', code: 'invalid_type', line: 6, column: 1 }],
    ['best-per-level without levels', minimal(`${oneRow}\n  repeat: { keep: best-per-level }`), { path: 'adoption.repeat.levels', code: 'required', line: 6, column: 11 }],
  ])('%s', (_label, text, expected) => {
    const r = parseScheme2(text);
    expect(r.ok).toBe(false);
    const e = !r.ok ? r.errors.find((x) => x.path === expected.path) : undefined;
    expect(e && { path: e.path, code: e.code, line: e.line, column: e.column }).toEqual(expected);
    expect(e?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each([
    ['an unclosed bracket', 'format: 2\nname: [unclosed\n', /括号未闭合/],
    ['a duplicate key', 'format: 2\nname: a\nname: b\n', /重复的字段/],
  ])('reports YAML syntax errors in Chinese with their position: %s', (_label, text, message) => {
    const r = parseScheme2(text);
    expect(!r.ok && r.errors[0]).toMatchObject({ path: '', code: 'yaml_syntax', line: expect.any(Number), column: expect.any(Number) });
    expect(!r.ok && r.errors[0].message).toMatch(message);
  });

  it.each([
    ['', false],
    ['evidenceLater: true', true],
    ['evidenceLater: false', false],
  ])('compiles evidenceLater (%s) as %s', (extra, expected) => {
    expect(compileScheme2(minimal(oneRow, extra)).evidenceLater).toBe(expected);
  });

  it('accepts a valid document without warnings when every level is scored', () => {
    const r = parseScheme2(minimal(oneRow));
    expect(r).toMatchObject({ ok: true, warnings: [] });
  });
});

describe('warnings', () => {
  it('names a row that earlier rows always shadow, with its line', () => {
    const r = parseScheme2(
      minimal('  rows:\n    - { label: 媒体, when: { channel: media }, points: 5 }\n    - { label: 媒体头条, when: { channel: media, prominence: headline }, points: 10 }\n    - { label: 其他, points: 1 }'),
    );
    expect(r.ok && r.warnings.map((w) => [w.path, w.code, w.line])).toEqual([['adoption.rows[1]', 'row_never_matches', 6]]);
  });

  it('names levels no row scores', () => {
    const r = validateScheme2({ format: 2, name: 'x', adoption: { rows: [{ label: '上级', points: { central: 5, provincial: 3 } }] } });
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['level_unscored', 'level_unscored']);
  });

  it('does not warn about a row reached through a level its predecessor leaves empty', () => {
    const r = validateScheme2({
      format: 2,
      name: 'x',
      adoption: { rows: [{ label: '头条', when: { prominence: 'headline' }, points: { central: 50 } }, { label: '一般', points: 1 }] },
    });
    expect(r.ok && r.warnings).toEqual([]);
  });
});

describe('loadScheme2: either format', () => {
  it('converts a scheme of today’s format', () => {
    const r = loadScheme2(readFileSync(join(__dirname, '../../../../test/fixtures/standard-format1.yaml'), 'utf8'));
    expect(r).toMatchObject({ ok: true, converted: true, warnings: [] });
    expect(r.ok && r.scheme.adoption.rows.map((x) => x.label)).toEqual(['媒体采用', '信息简报采用']);
  });

  it('reads format 2 as it is', () => {
    expect(loadScheme2(minimal(oneRow))).toMatchObject({ ok: true, converted: false });
  });

  it('gives today’s field errors for a broken scheme of today’s format', () => {
    const r = loadScheme2('name: 旧办法\nbasePoints: {}\n');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.path)).toContain('basePoints.media');
  });
});

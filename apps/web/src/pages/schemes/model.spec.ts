import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { loadScheme2 } from '@app/scoring';
import { blankModel, diffDocuments, fromDocument, loadModel, patchYaml, toDocument, toYaml } from './model';

const root = join(__dirname, '../../../../..');
const examples = join(root, 'config/schemes/examples');
const presets = readdirSync(examples).filter((f) => f.endsWith('.yaml'));
const read = (f: string) => readFileSync(join(examples, f), 'utf8');
/** The forms edit 采用形式 by its value: 综合 is written back as combined. */
const canonical = (o: unknown) => JSON.parse(JSON.stringify(o).replace(/"全文"/g, '"full"').replace(/"摘编"/g, '"excerpt"').replace(/"综合"/g, '"combined"')) as unknown;

/** A version stored in today's format (format 1). */
const FORMAT_1 = `name: 标准计分办法
basePoints:
  media: { central: 30, provincial: 10, municipal: 5, district: 1 }
  bulletin: { central: 40, provincial: 20, municipal: 10, district: 5 }
multipliers:
  prominence: { headline: 2, front: 1.5, normal: 1 }
instructionBonus: { central: 30, provincial: 20, municipal: 10, district: 5 }
commission: { fulfilled: 3, missed: -3 }
monthlyReport: { dueDay: 5, late: -1, missing: -2 }
`;

describe('scheme editor model (format 2)', () => {
  it.each(presets)('%s reads into the forms and back to the same document', (f) => {
    const raw = parse(read(f)) as unknown;
    expect(parse(toYaml(fromDocument(raw)))).toEqual(canonical(raw));
    expect(loadModel(toYaml(fromDocument(raw))).converted).toBe(false);
  });

  it.each(presets)('%s: a form edit rewrites only what changed, comments and wording stay', (f) => {
    const text = read(f);
    const m = fromDocument(parse(text));
    expect(patchYaml(text, m)).toBe(text);
    m.rows[0].label = '改过的行';
    m.total.netCap = 99;
    const out = patchYaml(text, m);
    expect(toDocument(fromDocument(parse(out)))).toEqual(toDocument(m));
    const comments = (t: string) => t.split('\n').filter((l) => l.trim().startsWith('#'));
    expect(comments(out)).toEqual(comments(text));
  });

  it('a scheme built from blank keeps the canonical key order whatever order the sections were filled in', () => {
    const m = blankModel();
    let text = toYaml(m);
    m.total.start = 10;
    text = patchYaml(text, m);
    m.commission.enabled = true;
    m.commission.onTime = 1;
    text = patchYaml(text, m);
    m.name = '示例';
    text = patchYaml(text, m);
    expect(Object.keys(parse(text) as object)).toEqual(['format', 'name', 'timeZone', 'adoption', 'commission', 'total', 'ranking']);
  });

  it('a version of today\'s format opens converted, and the change list names only what the office changed', () => {
    const text = FORMAT_1;
    const loaded = loadModel(text);
    expect(loaded.converted).toBe(true);
    const before = loadScheme2(text);
    if (!before.ok) throw new Error('the fixture must validate');
    expect(diffDocuments(before.scheme, parse(toYaml(loaded.model)))).toEqual([]);
    loaded.model.rows[0].points.provincial = 25;
    expect(diffDocuments(before.scheme, parse(toYaml(loaded.model)))).toEqual([{ path: 'adoption.rows[0].points.provincial', before: 10, after: 25 }]);
  });
  it('reports unreadable text in Chinese and never throws the yaml package\'s own error', () => {
    expect(() => loadModel('format: 2\nname: [unclosed\n')).toThrow(/YAML 语法错误（第 \d+ 行第 \d+ 列）：缩进不正确或括号未闭合/);
    expect(() => loadModel('format: 2\nname: *nowhere\n')).toThrow(/不存在或尚未定义的锚点/);
    const m = loadModel(toYaml(blankModel())).model;
    expect(patchYaml('format: 2\nname: *nowhere\n', m)).toBe(toYaml(m));
  });
});

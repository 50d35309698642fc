import { dump } from 'js-yaml';
import { standardDoc } from '../test/fixtures';
import { diffSchemes } from './scheme-diff';
import { normalizeScheme, parseScheme, SchemeValidationError } from './scheme-parse';
import { validateScheme } from './scheme-validate';

// Mutations deliberately write invalid shapes into the document, which no precise type admits.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

function mutate(fn: (d: Doc) => void): Doc {
  const d = standardDoc() as Doc;
  fn(d);
  return d;
}

describe('parseScheme', () => {
  it.each([
    ['duplicated key on line 3', 'name: x\nfloor: null\nname: y\n', 3, 1],
    ['bad indentation on line 4', 'name: x\nbasePoints:\n    media: 1\n  bulletin: 2\n', 4, 3],
    ['unclosed flow sequence, found on line 4', 'name: x\nbasePoints:\n  media: [1, 2\nfoo: 1\n', 4, 1],
  ])('reports a YAML syntax error with line and column: %s', (_label, text, line, column) => {
    const r = parseScheme(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ path: '', code: 'yaml_syntax', line, column });
    expect(r.errors[0].message).toContain(`YAML 语法错误（第 ${line} 行第 ${column} 列）`);
  });

  it.each([
    ['YAML', dump(standardDoc())],
    ['JSON', JSON.stringify(standardDoc(), null, 2)],
  ])('accepts the standard preset written as %s', (_label, text) => {
    const r = parseScheme(text);
    expect(r).toEqual({ ok: true, scheme: standardDoc() });
  });

  it('returns validation errors for a well-formed but invalid document', () => {
    const r = parseScheme('name: x\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['basePoints', 'multipliers', 'instructionBonus', 'commission', 'monthlyReport']),
    );
  });

  it('keeps date-like strings as strings (core schema)', () => {
    const r = parseScheme('name: 2023-07-01\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.find((e) => e.path === 'name')).toBeUndefined();
  });
});

describe('validateScheme', () => {
  it('accepts the standard preset', () => {
    expect(validateScheme(standardDoc())).toEqual([]);
  });

  it.each<[string, (d: Doc) => void, string, string, { outletCodes?: string[] }?]>([
    ['unknown level key', (d) => (d.basePoints.media.county = 3), 'basePoints.media.county', 'unknown_level'],
    ['unknown level in instructionBonus', (d) => (d.instructionBonus.village = 1), 'instructionBonus.village', 'unknown_level'],
    ['unknown channel key', (d) => (d.basePoints.tv = { central: 1 }), 'basePoints.tv', 'unknown_channel'],
    ['negative prominence multiplier', (d) => (d.multipliers.prominence.front = -1.5), 'multipliers.prominence.front', 'negative'],
    ['negative medium factor', (d) => (d.multipliers.medium = { tv: -1 }), 'multipliers.medium.tv', 'negative'],
    ['negative genre factor', (d) => (d.multipliers.genre = { 评论: -0.5 }), 'multipliers.genre.评论', 'negative'],
    ['negative length band factor', (d) => (d.multipliers.lengthBands = [{ minWords: 0, maxWords: 9, factor: -1 }]), 'multipliers.lengthBands[0].factor', 'negative'],
    ['negative base point', (d) => (d.basePoints.bulletin.central = -40), 'basePoints.bulletin.central', 'negative'],
    ['missing base point', (d) => delete d.basePoints.bulletin.district, 'basePoints.bulletin.district', 'required'],
    ['missing channel', (d) => delete d.basePoints.media, 'basePoints.media', 'required'],
    ['missing prominence factor', (d) => delete d.multipliers.prominence.headline, 'multipliers.prominence.headline', 'required'],
    ['non-numeric base point', (d) => (d.basePoints.media.central = 'thirty'), 'basePoints.media.central', 'not_a_number'],
    ['more than 4 decimals', (d) => (d.multipliers.prominence.front = 1.23456), 'multipliers.prominence.front', 'invalid_value'],
    [
      'overlapping length bands (400 is in both)',
      (d) => (d.multipliers.lengthBands = [{ minWords: 0, maxWords: 499, factor: 0.8 }, { minWords: 400, maxWords: 999, factor: 1 }]),
      'multipliers.lengthBands[1]',
      'overlap',
    ],
    [
      'open band overlapping a later band',
      (d) => (d.multipliers.lengthBands = [{ minWords: 1000, factor: 1.2 }, { minWords: 2000, maxWords: 2999, factor: 1 }]),
      'multipliers.lengthBands[1]',
      'overlap',
    ],
    ['unknown top-level key', (d) => (d.bonus = 1), 'bonus', 'unknown_key'],
    ['unknown prominence key', (d) => (d.multipliers.prominence.banner = 3), 'multipliers.prominence.banner', 'unknown_key'],
    ['unknown medium', (d) => (d.multipliers.medium = { magazine: 1 }), 'multipliers.medium.magazine', 'unknown_medium'],
    [
      'override naming an unknown outlet',
      (d) => (d.outletOverrides = [{ outlet: 'XHS', points: 40 }]),
      'outletOverrides[0].outlet',
      'unknown_outlet',
      { outletCodes: ['RMRB'] },
    ],
    ['duplicate override', (d) => (d.outletOverrides = [{ outlet: 'A', points: 1 }, { outlet: 'A', points: 2 }]), 'outletOverrides[1].outlet', 'duplicate'],
    ['non-integer dueDay', (d) => (d.monthlyReport.dueDay = 5.5), 'monthlyReport.dueDay', 'not_an_integer'],
    ['dueDay 0', (d) => (d.monthlyReport.dueDay = 0), 'monthlyReport.dueDay', 'out_of_range'],
    ['dueDay 29', (d) => (d.monthlyReport.dueDay = 29), 'monthlyReport.dueDay', 'out_of_range'],
    ['unknown repeatAdoption', (d) => (d.repeatAdoption = 'max'), 'repeatAdoption', 'invalid_value'],
    ['unknown jointSplit', (d) => (d.jointSplit = 'half'), 'jointSplit', 'invalid_value'],
    ['unknown tie rule', (d) => (d.ranking.tieRule = 'olympic'), 'ranking.tieRule', 'invalid_value'],
    ['invalid time zone', (d) => (d.timeZone = 'Mars/Olympus'), 'timeZone', 'invalid_value'],
    ['negative cap', (d) => (d.caps.media = -1), 'caps.media', 'negative'],
    ['empty name', (d) => (d.name = ''), 'name', 'invalid_value'],
  ])('rejects %s', (_label, fn, path, code, ...ctx) => {
    // ctx is a rest parameter: jest reads a callback with more parameters than the row as `done`.
    const errors = validateScheme(mutate(fn), ctx[0]);
    expect(errors).toEqual([expect.objectContaining({ path, code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) })]);
  });

  it.each<[string, (d: Doc) => void, { outletCodes?: string[] }?]>([
    ['an override of a known outlet', (d) => (d.outletOverrides = [{ outlet: 'RMRB', points: 40 }]), { outletCodes: ['RMRB'] }],
    ['any override when no outlet list is given', (d) => (d.outletOverrides = [{ outlet: 'XHS', points: 40 }])],
    ['adjacent length bands', (d) => (d.multipliers.lengthBands = [{ minWords: 0, maxWords: 499, factor: 0.8 }, { minWords: 500, factor: 1 }])],
    ['optional sections omitted', (d) => ['timeZone', 'outletOverrides', 'repeatAdoption', 'jointSplit', 'caps', 'floor', 'ranking'].forEach((k) => delete d[k])],
    ['dueDay 28 and negative floor', (d) => ((d.monthlyReport.dueDay = 28), (d.floor = -5))],
  ])('accepts %s', (_label, fn, ...ctx) => {
    expect(validateScheme(mutate(fn), ctx[0])).toEqual([]);
  });

  it.each([
    ['null', null, 'required'],
    ['a list', [1], 'not_an_object'],
  ])('rejects a root that is %s', (_label, doc, code) => {
    expect(validateScheme(doc)).toEqual([expect.objectContaining({ path: '', code })]);
  });
});

describe('normalizeScheme', () => {
  it('converts amounts and factors to fixed-point integers and applies defaults', () => {
    const d = mutate((x) => {
      x.outletOverrides = [{ outlet: 'RMRB', points: 40.5 }];
      x.multipliers.lengthBands = [{ minWords: 1000, factor: 1.2 }];
      delete x.repeatAdoption;
      delete x.caps;
      x.floor = 2.25;
    });
    const s = normalizeScheme(d);
    expect(s.basePoints.media.central).toBe(300000);
    expect(s.basePoints.bulletin.district).toBe(50000);
    expect(s.prominence).toEqual({ headline: 20000, front: 15000, normal: 10000 });
    expect(s.outletOverrides.get('RMRB')).toBe(405000);
    expect(s.lengthBands).toEqual([{ minWords: 1000, maxWords: Infinity, factor: 12000 }]);
    expect(s.commission).toEqual({ fulfilled: 30000, missed: -30000 });
    expect(s.monthlyReport).toEqual({ dueDay: 5, late: -10000, missing: -20000 });
    expect(s.repeatAdoption).toBe('top-up');
    expect(s.caps).toEqual({ overall: null, media: null, bulletin: null });
    expect(s.floor).toBe(22500);
  });

  it('throws SchemeValidationError with the field errors', () => {
    expect(() => normalizeScheme(mutate((d) => (d.basePoints.media.central = -1)))).toThrow(SchemeValidationError);
  });
});

describe('diffSchemes', () => {
  it.each<[string, (d: Doc) => void, { path: string; before: unknown; after: unknown }[]]>([
    ['no change', () => undefined, []],
    ['a changed factor', (d) => (d.multipliers.prominence.front = 1.8), [{ path: 'multipliers.prominence.front', before: 1.5, after: 1.8 }]],
    [
      'an added override',
      (d) => (d.outletOverrides = [{ outlet: 'RMRB', points: 40 }]),
      [{ path: 'outletOverrides[0]', before: undefined, after: { outlet: 'RMRB', points: 40 } }],
    ],
    ['a removed key', (d) => delete d.jointSplit, [{ path: 'jointSplit', before: 'shares', after: undefined }]],
    ['null vs absent is no change', (d) => delete d.floor, []],
    ['a new key', (d) => (d.multipliers.genre = { 评论: 1.5 }), [{ path: 'multipliers.genre.评论', before: undefined, after: 1.5 }]],
    [
      'two changes in document order',
      (d) => ((d.caps.overall = 100), (d.basePoints.media.district = 2)),
      [
        { path: 'basePoints.media.district', before: 1, after: 2 },
        { path: 'caps.overall', before: null, after: 100 },
      ],
    ],
  ])('%s', (_label, fn, expected) => {
    expect(diffSchemes(standardDoc(), mutate(fn))).toEqual(expected);
  });
});

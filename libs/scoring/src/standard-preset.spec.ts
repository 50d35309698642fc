import { readFileSync } from 'fs';
import { join } from 'path';
import { standardDoc } from '../test/fixtures';
import { normalizeScheme, parseScheme } from './scheme-parse';
import { convertScheme1To2 } from './v2/convert';
import { parseScheme2, validateScheme2 } from './v2/parse';

const text = readFileSync(join(__dirname, '../../../test/fixtures/standard-format1.yaml'), 'utf8');

describe('test/fixtures/standard-format1.yaml (the standard preset in today\u2019s format)', () => {
  it('parses and validates', () => {
    const r = parseScheme(text);
    expect(r.ok).toBe(true);
  });

  it('equals the standard preset of the scoring issue', () => {
    const r = parseScheme(text);
    expect(r.ok && r.scheme).toEqual(standardDoc());
  });

  it.each([
    ['basePoints.media', (s: ReturnType<typeof normalizeScheme>) => s.basePoints.media, { central: 300000, provincial: 100000, municipal: 50000, district: 10000 }],
    ['basePoints.bulletin', (s: ReturnType<typeof normalizeScheme>) => s.basePoints.bulletin, { central: 400000, provincial: 200000, municipal: 100000, district: 50000 }],
    ['prominence', (s: ReturnType<typeof normalizeScheme>) => s.prominence, { headline: 20000, front: 15000, normal: 10000 }],
    ['instructionBonus', (s: ReturnType<typeof normalizeScheme>) => s.instructionBonus, { central: 300000, provincial: 200000, municipal: 100000, district: 50000 }],
    ['commission', (s: ReturnType<typeof normalizeScheme>) => s.commission, { fulfilled: 30000, missed: -30000 }],
    ['monthlyReport', (s: ReturnType<typeof normalizeScheme>) => s.monthlyReport, { dueDay: 5, late: -10000, missing: -20000 }],
    ['caps', (s: ReturnType<typeof normalizeScheme>) => s.caps, { overall: null, media: null, bulletin: null }],
    ['policies', (s: ReturnType<typeof normalizeScheme>) => [s.timeZone, s.repeatAdoption, s.jointSplit, s.tieRule, s.floor], ['Asia/Shanghai', 'top-up', 'shares', 'competition', null]],
  ])('compiles %s to the preset numbers', (_label, pick, expected) => {
    const r = parseScheme(text);
    if (!r.ok) throw new Error('preset does not parse');
    expect(pick(normalizeScheme(r.scheme))).toEqual(expected);
  });

  it('documents every rule with Chinese comments', () => {
    const comments = text.split('\n').filter((l) => l.trim().startsWith('#'));
    expect(comments.length).toBeGreaterThan(15);
    expect(comments.join('\n')).toMatch(/就高补差/);
  });
});

describe('config/schemes/standard.yaml (format 2, the default preset)', () => {
  const v2 = readFileSync(join(__dirname, '../../../config/schemes/standard.yaml'), 'utf8');

  it('is the conversion of the standard preset of today\u2019s format: the same numbers, no warnings', () => {
    const old = parseScheme(text);
    if (!old.ok) throw new Error('preset does not parse');
    const r = parseScheme2(v2);
    expect(r).toMatchObject({ ok: true, warnings: [] });
    expect(r.ok && r.scheme).toEqual((validateScheme2(convertScheme1To2(old.scheme)) as { scheme: unknown }).scheme);
  });

  it('documents every rule with Chinese comments', () => {
    const comments = v2.split('\n').filter((l) => l.trim().startsWith('#'));
    expect(comments.length).toBeGreaterThan(15);
    expect(comments.join('\n')).toMatch(/就高补差/);
  });
});

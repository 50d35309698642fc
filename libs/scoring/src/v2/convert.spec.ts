import { readFileSync } from 'fs';
import { join } from 'path';
import { generateInput } from '../../test/generate';
import { standardDoc } from '../../test/fixtures';
import { normalizeScheme, parseScheme } from '../scheme-parse';
import type { SchemeDocument } from '../scheme.types';
import { scoreAll } from '../score';
import type { ScoreLine } from '../types';
import { convertScheme1To2 } from './convert';
import type { ScoreLine2 } from './lines';
import { compileScheme2, validateScheme2 } from './parse';
import { scoreAll2 } from './score';

// The golden conversion test's pure half: today's engine on a scheme and the format-2
// engine on its conversion give the same per-unit totals and the same line amounts.

const QUARTERS = ['2023-Q2', '2023-Q3', '2023-Q4'];

/** Today's rule ids for the format-2 lines that correspond to them. */
const SAME_SHAPE: Record<string, string> = {
  placement: 'placement',
  'placement.top-up': 'placement.top-up',
  instruction: 'instruction',
  'commission.on-time': 'commission.fulfilled',
  'commission.late': 'commission.missed',
  'commission.missed': 'commission.missed',
  'monthly-report.late': 'monthly-report.late',
  'monthly-report.missing': 'monthly-report.missing',
  'bonuses.channel-cap': 'cap',
  'bonuses.cap': 'cap',
  'net.floor': 'floor',
};

function keyed(lines: readonly (ScoreLine | ScoreLine2)[], rename: Record<string, string> = {}): string[] {
  return lines
    .filter((l) => l.amount !== 0)
    .map((l) => `${l.quarter} ${l.unitId} ${rename[l.ruleId] ?? l.ruleId} ${l.recordId} ${l.amount}`)
    .sort();
}

function totalsBy(lines: readonly (ScoreLine | ScoreLine2)[]): Record<string, number> {
  const t: Record<string, number> = {};
  for (const l of lines) t[`${l.quarter} ${l.unitId}`] = (t[`${l.quarter} ${l.unitId}`] ?? 0) + l.amount;
  return t;
}

const variants: [string, Partial<SchemeDocument>, string][] = [
  ['standard (top-up, shares)', {}, 'placement.top-up'],
  [
    'overrides, bands, media, genres, highest, equal, caps and floor',
    {
      outletOverrides: [{ outlet: 'RMRB', points: 45 }, { outlet: 'QRM', points: 0.5 }],
      multipliers: {
        prominence: { headline: 2.5, front: 1.3, normal: 1 },
        lengthBands: [{ minWords: 0, maxWords: 499, factor: 0.8 }, { minWords: 500, maxWords: 1999, factor: 1 }, { minWords: 2000, factor: 1.25 }],
        medium: { tv: 1.2, web: 0.7, 'new-media': 0.9 },
        genre: { 评论: 1.5, 通讯: 1.1 },
      },
      repeatAdoption: 'highest',
      jointSplit: 'equal',
      caps: { overall: 80, media: 40, bulletin: 60 },
      floor: -3,
    },
    'cap',
  ],
  ['sum, first unit, bulletin cap only', { repeatAdoption: 'sum', jointSplit: 'first-unit', caps: { overall: null, media: null, bulletin: 25 }, commission: { fulfilled: 2, missed: -1.5 } }, 'cap'],
  ['top-up with a floor above zero', { floor: 300, monthlyReport: { dueDay: 10, late: -0.25, missing: -3 } }, 'floor'],
];

describe('convertScheme1To2: golden equivalence with today’s engine', () => {
  it('converts the standard preset of today\u2019s format (test/fixtures/standard-format1.yaml) into a valid format-2 document without warnings', () => {
    const r = parseScheme(readFileSync(join(__dirname, '../../../../test/fixtures/standard-format1.yaml'), 'utf8'));
    if (!r.ok) throw new Error('standard.yaml does not parse');
    expect(validateScheme2(convertScheme1To2(r.scheme))).toMatchObject({ ok: true, warnings: [] });
  });

  it.each(variants.flatMap(([label, patch, kind]) => [101, 202, 303].map((seed) => [label, seed, patch, kind] as const)))('%s, seed %d', (_label, seed, patch, kind) => {
    const doc = { ...standardDoc(), ...patch };
    const input = generateInput({ seed, units: 10, articles: 400, maxPlacements: 4, quarters: QUARTERS, asOfDate: seed === 202 ? '2023-11-15' : '2024-01-20', outletCodes: ['RMRB', 'XHS', 'SRB', 'SZB', 'QRM', 'ZGXX'] });
    const today = scoreAll(normalizeScheme(doc), input, QUARTERS);
    const format2 = scoreAll2(compileScheme2(convertScheme1To2(doc)), input, QUARTERS);
    // The comparison is not empty: many lines of several kinds.
    expect(today.length).toBeGreaterThan(300);
    expect(new Set(today.map((l) => l.ruleId)).size).toBeGreaterThan(4);
    expect(today.filter((l) => l.ruleId === kind).length).toBeGreaterThan(0);
    expect(totalsBy(format2)).toEqual(totalsBy(today));
    expect(keyed(format2, SAME_SHAPE)).toEqual(keyed(today));
  });
});

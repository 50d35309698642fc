import type { ScoringArticle, ScoringInput, ScoringPlacement } from '../types';
import { compileScheme2 } from './parse';
import { adoptionRowHits, adoptionRowLevelHits } from './score';

// The what-if preview's grid: how many placements of the quarter each row takes at each level.

const Q = '2026-Q2';
const scheme = compileScheme2({
  format: 2,
  name: '命中测试',
  adoption: {
    rows: [
      { label: '头条', when: { prominence: 'headline' }, points: { central: 50, provincial: 20 } },
      { label: '一般', points: { central: 10, provincial: 5, municipal: 2 } },
    ],
  },
});
const art = (id: string): ScoringArticle => ({ id, title: id, submittedDate: '2026-04-10', units: [{ unitId: 'u1' }] });
const pl = (id: string, extra: Partial<ScoringPlacement>): ScoringPlacement => ({
  id, articleId: 'a', outletId: 'o', outletCode: 'O', outletName: '某报', level: 'central', channel: 'media', medium: 'newspaper', prominence: 'normal', publishedDate: '2026-05-01', ...extra,
});
const input: ScoringInput = {
  units: [{ id: 'u1', code: 'U1', name: '单位1', groupId: 'g1', groupName: '镇街组' }],
  articles: [art('a')],
  placements: [
    pl('p1', { prominence: 'headline' }), // 头条 central
    pl('p2', { prominence: 'headline', level: 'municipal' }), // 头条 has no municipal cell: falls to 一般 municipal
    pl('p3', { level: 'provincial' }), // 一般 provincial
    pl('p4', { level: 'district' }), // no row scores district
    pl('p5', { publishedDate: '2026-03-31' }), // another quarter: not counted
  ],
  instructions: [], commissions: [], monthlyReports: [], asOfDate: '2026-07-10',
};

describe('adoptionRowLevelHits', () => {
  it('counts each placement once, under the first row with a cell at its level, by level', () => {
    expect(Object.fromEntries(adoptionRowLevelHits(scheme, input, Q))).toEqual({
      'adoption.rows[0]': { central: 1, provincial: 0, municipal: 0, district: 0 },
      'adoption.rows[1]': { central: 0, provincial: 1, municipal: 1, district: 0 },
      '': { central: 0, provincial: 0, municipal: 0, district: 1 },
    });
  });

  it('sums to the per-row counts', () => {
    expect(Object.fromEntries(adoptionRowHits(scheme, input, Q))).toEqual({ 'adoption.rows[0]': 1, 'adoption.rows[1]': 2, '': 1 });
  });
});

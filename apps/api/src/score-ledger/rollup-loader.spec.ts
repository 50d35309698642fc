import { creditedTo } from './rollup-loader';
import type { RecordedArticle } from './recorded-input';

const article = (units: RecordedArticle['units']): RecordedArticle => ({ id: '7', title: '稿件', submittedDate: '2025-02-01', units });

describe('creditedTo: a lower office’s article as its parent ranks it', () => {
  it.each([
    ['one unit without a share', [{ unitId: '11', position: 1, sharePercent: null }], { unitId: '99', position: 1, sharePercent: null }],
    ['joint, shares not written: counts once, whole', [{ unitId: '11', position: 1, sharePercent: null }, { unitId: '12', position: 2, sharePercent: null }], { unitId: '99', position: 1, sharePercent: null }],
    ['joint, thirds add up to exactly 100', [{ unitId: '11', position: 1, sharePercent: '33.33' }, { unitId: '12', position: 2, sharePercent: '33.33' }, { unitId: '13', position: 3, sharePercent: '33.34' }], { unitId: '99', position: 1, sharePercent: '100' }],
    ['second-signed only', [{ unitId: '12', position: 2, sharePercent: '40' }], { unitId: '99', position: 2, sharePercent: '40' }],
  ])('%s', (_name, units, expected) => {
    const credited = creditedTo(article(units as RecordedArticle['units']), '99');
    expect(credited.units).toEqual([expected]);
    expect(credited).toMatchObject({ id: '7', title: '稿件', submittedDate: '2025-02-01' });
  });
});

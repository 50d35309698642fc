import { versionInForce } from './schemes.service';

describe('versionInForce', () => {
  const versions = [{ id: 2, effectiveFrom: '2024-Q1' }, { id: 1, effectiveFrom: '2020-Q1' }, { id: 3, effectiveFrom: '2024-Q3' }];

  it.each([
    ['2019-Q4', null],
    ['2020-Q1', 1],
    ['2023-Q4', 1],
    ['2024-Q1', 2],
    ['2024-Q2', 2],
    ['2024-Q3', 3],
    ['2031-Q1', 3],
  ])('%s is scored under version %s (greatest effectiveFrom not after it)', (quarter, id) => {
    expect(versionInForce(versions, quarter)?.id ?? null).toBe(id);
  });
});

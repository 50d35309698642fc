import { formatDecimal, formatPoints, mulDiv, mulFactors, parseFixed, parsePoints, roundDiv } from './fixed-point';

describe('fixed-point', () => {
  it.each([
    ['1.5', 15000],
    [1.5, 15000],
    [0.1, 1000],
    ['72.5', 725000],
    ['-3', -30000],
    [-0.8, -8000],
    ['1e-4', 1],
    ['2.5e1', 250000],
    ['1.00000', 10000],
    ['.5', 5000],
    ['1.23456', null],
    ['abc', null],
    ['', null],
    [Number.NaN, null],
    [1e21, null],
  ])('parseFixed(%p) = %p', (text, expected) => {
    expect(parseFixed(text)).toBe(expected);
  });

  it.each([
    [5, 10, 1],
    [-5, 10, -1],
    [4, 10, 0],
    [15, 10, 2],
    [-15, 10, -2],
    [14, 10, 1],
    [-14, 10, -1],
    [100000, 3, 33333],
  ])('roundDiv(%p, %p) rounds half-up away from zero to %p', (n, d, expected) => {
    expect(roundDiv(n, d)).toBe(expected);
  });

  it('mulDiv switches to BigInt beyond 2^52 and stays exact', () => {
    // 2^50 × 3 = 3377699720527872 > 2^52 in the intermediate; / 2 = 1688849860263936 exactly.
    expect(mulDiv(2 ** 50, 3, 2)).toBe(1688849860263936);
    // 9007199254740991 × 10000 / 10000 must come back unchanged.
    expect(mulDiv(Number.MAX_SAFE_INTEGER, 10000, 10000)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each([
    ['30 × 2', 300000, [20000], 600000],
    ['30 × 1.5 × 1 × 1', 300000, [15000, 10000, 10000, 10000], 450000],
    ['1 × 0.3333 × 0.3333 = 0.11108889 → 0.1111', 10000, [3333, 3333], 1111],
    ['1 × 0.5 × 0.0001 = 0.00005 → 0.0001 (half-up)', 10000, [5000, 1], 1],
    ['1 × 0.4 × 0.0001 = 0.00004 → 0', 10000, [4000, 1], 0],
    // 1e7 units (1000 points)… 1e7 × (1e8−1)² / 1e8 = 1e15 − 2e7 + 0.1 → 999999980000000
    ['BigInt path: 1000 × 9999.9999 × 9999.9999', 10_000_000, [99999999, 99999999], 999999980000000],
  ])('mulFactors %s', (_label, points, factors, expected) => {
    expect(mulFactors(points, factors)).toBe(expected);
  });

  it.each([
    [725000, 2, '72.50'],
    [725000, 4, '72.5000'],
    [333333, 2, '33.33'],
    [335, 2, '0.03'],
    [350, 2, '0.04'],
    [-15000, 2, '-1.50'],
    [-50, 2, '-0.01'],
    [-49, 2, '0.00'],
    [0, 2, '0.00'],
    [33333, 4, '3.3333'],
  ] as const)('formatPoints(%p, %p) = %p', (p, d, expected) => {
    expect(formatPoints(p, d)).toBe(expected);
  });

  it.each([
    [15000, '1.5'],
    [300000, '30'],
    [3000000, '300'],
    [1, '0.0001'],
    [0, '0'],
  ])('formatDecimal(%p) = %p', (v, expected) => {
    expect(formatDecimal(v)).toBe(expected);
  });

  it.each([
    ['72.5', 725000],
    ['0', 0],
    ['-2', -20000],
  ])('parsePoints(%p) = %p', (text, expected) => {
    expect(parsePoints(text)).toBe(expected);
  });

  it.each(['1.00001', 'x', '1,5'])('parsePoints(%p) throws', (text) => {
    expect(() => parsePoints(text)).toThrow(RangeError);
  });
});

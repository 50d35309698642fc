import {
  chineseDate,
  chineseNumber,
  describeChange,
  formatChange,
  formatPoints,
  formatCount,
  formatRate,
  formatScore,
  parseQuarter,
  pointsValue,
  regionWide,
  textWidth,
} from './notice-format';

describe('notice number formatting', () => {
  it.each([
    [725000, '72.50'],
    [480000, '48.00'],
    [312500, '31.25'],
    [0, '0.00'],
    [1, '0.00'],
    [49, '0.00'],
    [50, '0.01'], // half a hundredth rounds away from zero
    [724950, '72.50'],
    [724949, '72.49'],
    [-12345, '-1.23'],
    [-12350, '-1.24'],
    [1234567890123, '123456789.01'], // beyond float-exact decimals, still exact
  ])('points %p → %s', (tenThousandths, text) => {
    expect(formatPoints(tenThousandths)).toBe(text);
  });

  it('writes a score with its unit, and the same rounding as a number', () => {
    expect(formatScore(725000)).toBe('72.50分');
    expect(pointsValue(725000)).toBe(72.5);
    expect(pointsValue(724950)).toBe(72.5);
    expect(pointsValue(312500)).toBe(31.25);
  });

  it.each([
    [725000, 597800, '+21.3%'], // 127200 / 597800 = 21.278…%
    [615000, 400000, '+53.8%'], // 53.75% rounds up
    [480000, 500000, '-4.0%'],
    [312500, 312500, '0.0%'],
    [0, 50000, '-100.0%'],
    [12, 11, '+9.1%'],
    [100, -50, '+300.0%'], // a negative base compares against its size
    [725000, null, '—'],
    [725000, 0, '—'],
  ])('change from %p against %p → %s', (current, base, text) => {
    expect(formatChange(current, base)).toBe(text);
  });

  it.each([
    [12, 10, '增长20.0%'],
    [97, 80, '增长21.3%'], // 17 / 80 = 21.25% rounds up
    [9, 10, '下降10.0%'],
    [10, 10, '持平'],
    [10, null, null],
    [10, 0, null],
  ])('prose change %p vs %p → %p', (current, base, text) => {
    expect(describeChange(current, base)).toBe(text);
  });

  it.each([
    [3, 5, '60%'],
    [2, 3, '66.7%'],
    [1, 3, '33.3%'],
    [5, 5, '100%'],
    [0, 4, '0%'],
    [0, 0, '—'],
  ])('rate %p of %p → %s', (part, whole, text) => {
    expect(formatRate(part, whole)).toBe(text);
  });

  it('writes dates, quarters, numbers and regions the Chinese way', () => {
    expect(chineseDate('2023-07-10')).toBe('2023年7月10日');
    expect(chineseDate('2023-05-08')).toBe('2023年5月8日');
    expect(parseQuarter('2023-Q2').label).toBe('2023年第二季度');
    expect(parseQuarter('2024-Q4')).toEqual({ year: 2024, q: 4, label: '2024年第四季度' });
    expect([1, 3, 10, 11, 20, 25].map(chineseNumber)).toEqual(['一', '三', '十', '十一', '二十', '二十五']);
    expect(regionWide('示例区')).toBe('全区');
    expect(regionWide('某某市')).toBe('全市');
    expect(regionWide('某某县')).toBe('全县');
  });

  it('measures widths with half-width digits', () => {
    expect(textWidth('中共示例区委组织部办公室')).toBe(12);
    expect(textWidth('2023年7月10日')).toBe(6.5);
  });

  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [30112, '30,112'],
    [1234567, '1,234,567'],
    [-5210, '-5,210'],
  ])('count %p → %s', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });
});

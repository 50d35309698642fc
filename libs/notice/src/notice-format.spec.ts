import {
  chineseDate,
  chineseNumber,
  chineseDateIn,
  compareWithBase,
  describeCountChange,
  formatCountChange,
  formatScoreChange,
  nestQuotes,
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

  // 同比/环比 only against a meaningful base: at least MIN_BASE (5 adoptions / 5.00 points), same sign
  it.each([
    [12, 10, 5, { kind: 'percent', tenths: 200n }],
    [10, 1, 5, { kind: 'difference', diff: 9 }], // would be +900%
    [4, 4, 5, { kind: 'difference', diff: 0 }], // 4 is below the minimum
    [5, 5, 5, { kind: 'percent', tenths: 0n }], // 5 is the minimum
    [-20000, 120000, 50000, { kind: 'difference', diff: -140000 }], // would be -116.7%
    [100, -50, 5, { kind: 'difference', diff: 150 }], // a negative base
    [7, 0, 5, { kind: 'noBase' }],
    [0, 0, 5, { kind: 'noBase' }],
    [7, null, 5, { kind: 'unknown' }],
  ])('compare %p with base %p (minimum %p) → %p', (current, base, min, expected) => {
    expect(compareWithBase(current, base, min)).toEqual(expected);
  });

  it.each([
    [725000, 597800, '+21.3%'], // 127200 / 597800 = 21.278…%
    [615000, 400000, '+53.8%'], // 53.75% rounds up
    [480000, 500000, '-4.0%'],
    [312500, 312500, '0.0%'],
    [0, 50000, '-100.0%'], // 5.00 points is a meaningful base
    [100000, 10000, '+9.00分'], // 1.00 → 10.00 points: not +900%
    [-20000, 120000, '-14.00分'], // 12.00 → -2.00 points: not -116.7%
    [20000, 20000, '0.00分'],
    [725000, 0, '去年无得分'],
    [725000, null, '—'],
  ])('score %p against last year %p → %s', (current, base, text) => {
    expect(formatScoreChange(current, base)).toBe(text);
  });

  it.each([
    [12, 10, '同比', '同比增长20.0%'],
    [97, 80, '环比', '环比增长21.3%'], // 17 / 80 = 21.25% rounds up
    [9, 10, '同比', '同比下降10.0%'],
    [10, 10, '环比', '环比持平'],
    [10, 1, '同比', '比去年同期增加9篇'], // not +900%
    [1, 3, '环比', '比上季度减少2篇'],
    [3, 3, '环比', '与上季度持平'],
    [10, 0, '环比', '上季度无录用'],
    [10, 0, '同比', '去年同期无录用'],
    [10, null, '同比', null],
  ] as const)('prose: %p against %p (%s) → %p', (current, base, period, text) => {
    expect(describeCountChange(current, base, period)).toBe(text);
  });

  it.each([
    [97, 80, '环比', '+21.3%'],
    [9, 10, '同比', '-10.0%'],
    [10, 1, '环比', '+9篇'], // not +900%
    [1, 3, '环比', '-2篇'],
    [3, 3, '同比', '0篇'],
    [10, 0, '环比', '上季度无录用'],
    [10, 0, '同比', '去年同期无录用'],
    [10, null, '环比', '—'],
  ] as const)('cell: count %p against %p (%s) → %s', (current, base, period, text) => {
    expect(formatCountChange(current, base, period)).toBe(text);
  });

  it('a score against last quarter says 上季度无得分 when there was none', () => {
    expect(formatScoreChange(725000, 0, '环比')).toBe('上季度无得分');
    expect(formatScoreChange(100000, 10000, '环比')).toBe('+9.00分');
  });

  it.each([
    ['“再出发”基层治理', 0, '“再出发”基层治理'],
    ['“青石镇“再出发””', 0, '“青石镇‘再出发’”'],
    ['“a‘b“c”d’e”', 0, '“a‘b“c”d’e”'], // already right: unchanged
    ['“a“b“c”d”e”', 0, '“a‘b“c”d’e”'],
    ['‘单引号’在外层', 0, '“单引号”在外层'],
    ['“再出发”', 1, '‘再出发’'], // a text the notice puts inside “ ”
    ['《关于《条例》的解读》', 0, '《关于〈条例〉的解读》'],
    ['People’s Daily', 0, 'People’s Daily'], // an apostrophe closes nothing
    ['多余的”', 0, '多余的”'],
    ['', 0, ''],
  ])('nests quotes in %p at depth %p → %p', (text, depth, expected) => {
    expect(nestQuotes(text, depth)).toBe(expected);
  });

  it.each([
    ['2026-10-21', 2026, '10月21日'],
    ['2023-05-08', 2023, '5月8日'],
    ['2022-12-30', 2023, '2022年12月30日'], // an adoption of the previous year stays whole
  ])('date %s in a notice of %p → %s', (iso, year, text) => {
    expect(chineseDateIn(iso, year)).toBe(text);
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

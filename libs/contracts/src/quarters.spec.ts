import { quarterKey, quarterLabel, quarterName, splitQuarter } from './quarters';

describe('quarter labels', () => {
  it.each([
    ['2026-Q4', '2026年第四季度'],
    ['2024-Q1', '2024年第一季度'],
    ['2025-Q2', '2025年第二季度'],
    ['2025-Q3', '2025年第三季度'],
    // not a quarter key: printed as given
    ['2025-Q5', '2025-Q5'],
    ['', ''],
  ])('%s → %s', (key, label) => {
    expect(quarterLabel(key)).toBe(label);
  });

  it('names a quarter and turns year + quarter into the key and back', () => {
    expect(quarterName(3)).toBe('第三季度');
    expect(quarterKey(2026, 4)).toBe('2026-Q4');
    expect(splitQuarter('2026-Q4')).toEqual({ year: 2026, q: 4 });
    expect(splitQuarter('2026年第四季度')).toBeNull();
  });
});

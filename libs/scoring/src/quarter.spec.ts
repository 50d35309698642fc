import {
  addMonths,
  businessDate,
  compareQuarter,
  isBusinessDate,
  isBusinessMonth,
  monthBounds,
  monthlyReportDueDate,
  monthsOfQuarter,
  nextQuarter,
  prevQuarter,
  quarterOf,
  quarterRange,
  zonedMidnight,
} from './quarter';

describe('business dates and quarters', () => {
  it.each([
    ['2023-06-30T16:10:00Z', 'Asia/Shanghai', '2023-07-01', '2023-Q3'],
    ['2023-06-30T15:59:59Z', 'Asia/Shanghai', '2023-06-30', '2023-Q2'],
    ['2023-07-01T00:10:00+08:00', 'Asia/Shanghai', '2023-07-01', '2023-Q3'],
    ['2023-12-31T16:00:00Z', 'Asia/Shanghai', '2024-01-01', '2024-Q1'],
    ['2023-07-01T03:00:00Z', 'America/New_York', '2023-06-30', '2023-Q2'],
    ['2023-09-30', 'America/New_York', '2023-09-30', '2023-Q3'],
  ])('businessDate(%p, %p) = %p in %p', (instant, zone, date, quarter) => {
    const d = businessDate(instant, zone);
    expect(d).toBe(date);
    expect(quarterOf(d)).toBe(quarter);
  });

  it('accepts a Date and defaults to Asia/Shanghai', () => {
    expect(businessDate(new Date(Date.UTC(2023, 5, 30, 16, 10)))).toBe('2023-07-01');
  });

  it.each(['not a date', '2023-02-30'])('businessDate(%p) throws', (s) => {
    expect(() => businessDate(s)).toThrow(RangeError);
  });

  it.each([
    ['2024-Q1', '2024-01-01', '2024-03-31'],
    ['2023-Q1', '2023-01-01', '2023-03-31'],
    ['2023-Q2', '2023-04-01', '2023-06-30'],
    ['2023-Q3', '2023-07-01', '2023-09-30'],
    ['2023-Q4', '2023-10-01', '2023-12-31'],
  ])('quarterRange(%p) = %p..%p', (q, start, end) => {
    expect(quarterRange(q)).toEqual({ start, end });
  });

  it.each([
    ['2023-Q4', '2024-Q1', '2023-Q3'],
    ['2024-Q1', '2024-Q2', '2023-Q4'],
  ])('next/prev of %p', (q, next, prev) => {
    expect(nextQuarter(q)).toBe(next);
    expect(prevQuarter(q)).toBe(prev);
  });

  it.each([
    ['2023-Q4', '2024-Q1', -1],
    ['2024-Q1', '2024-Q1', 0],
    ['2024-Q3', '2024-Q2', 1],
  ])('compareQuarter(%p, %p) has sign %p', (a, b, sign) => {
    expect(Math.sign(compareQuarter(a, b))).toBe(sign);
  });

  it.each([
    ['2023-Q3', ['2023-07', '2023-08', '2023-09']],
    ['2023-Q4', ['2023-10', '2023-11', '2023-12']],
  ])('monthsOfQuarter(%p)', (q, months) => {
    expect(monthsOfQuarter(q)).toEqual(months);
  });

  it.each([
    ['2023-09', 5, '2023-10-05'],
    ['2023-12', 28, '2024-01-28'],
    ['2024-01', 31, '2024-02-29'],
  ])('monthlyReportDueDate(%p, %p) = %p', (m, day, due) => {
    expect(monthlyReportDueDate(m, day)).toBe(due);
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-13-01', false],
    ['2023-7-1', false],
  ])('isBusinessDate(%p) = %p', (s, ok) => {
    expect(isBusinessDate(s)).toBe(ok);
  });

  it('monthlyReportDueDate refuses a malformed month', () => {
    expect(() => monthlyReportDueDate('2025-13', 5)).toThrow(RangeError);
  });

  it.each([
    ['2025-01', true],
    ['2025-12', true],
    ['2025-13', false],
    ['2025-00', false],
    ['2025-1', false],
    [202501, false],
  ])('isBusinessMonth(%p) = %p', (value, ok) => {
    expect(isBusinessMonth(value)).toBe(ok);
  });

  it.each([
    ['2024-12', 1, '2025-01'],
    ['2025-01', -1, '2024-12'],
    ['2025-03', -14, '2024-01'],
  ])('addMonths(%p, %p) = %p', (month, n, expected) => {
    expect(addMonths(month, n)).toBe(expected);
  });

  it('gives month bounds in a leap year', () => {
    expect(monthBounds('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
  });

  it.each([
    ['2023-07-01', 'Asia/Shanghai', '2023-06-30T16:00:00.000Z'],
    ['2023-07-01', 'America/New_York', '2023-07-01T04:00:00.000Z'],
    ['2023-03-12', 'America/New_York', '2023-03-12T05:00:00.000Z'],
  ])('zonedMidnight(%p, %p) = %p', (date, zone, instant) => {
    expect(zonedMidnight(date, zone).toISOString()).toBe(instant);
  });

  it.each(['2023Q3', '2023-Q5'])('rejects quarter %p', (q) => {
    expect(() => quarterRange(q)).toThrow(RangeError);
  });
});

import { addMonths, businessDate, isBusinessDate, isBusinessMonth, monthBounds, monthDueDate, parseBusinessInstant, todayBusinessDate, zonedMidnight } from './business-date';

describe('business dates', () => {
  it.each([
    ['2023-06-30T16:10:00Z', 'Asia/Shanghai', '2023-07-01'],
    ['2023-06-30T15:59:59Z', 'Asia/Shanghai', '2023-06-30'],
    ['2024-12-31T16:00:00Z', 'Asia/Shanghai', '2025-01-01'],
    ['2023-07-01T03:00:00Z', 'America/New_York', '2023-06-30'],
  ])('businessDate(%s, %s) = %s', (instant, zone, expected) => {
    expect(businessDate(new Date(instant), zone)).toBe(expected);
  });

  it('todayBusinessDate reads the zone from config', () => {
    const now = new Date('2025-03-04T20:00:00Z');
    expect(todayBusinessDate({ business: { timeZone: 'Asia/Shanghai', monthlyReportDueDay: 5 } } as never, now)).toBe('2025-03-05');
    expect(todayBusinessDate({ business: { timeZone: 'UTC', monthlyReportDueDay: 5 } } as never, now)).toBe('2025-03-04');
  });

  it.each([
    ['2025-01', 5, '2025-02-05'],
    ['2024-12', 5, '2025-01-05'],
    ['2025-11', 28, '2025-12-28'],
    ['2024-01', 31, '2024-02-29'],
  ])('monthDueDate(%s, %d) = %s', (month, day, expected) => {
    expect(monthDueDate(month, day)).toBe(expected);
  });

  it('monthDueDate refuses a malformed month', () => {
    expect(() => monthDueDate('2025-13', 5)).toThrow(RangeError);
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-02-30', false],
    ['2023-04-31', false],
    ['2023-13-01', false],
    ['2023-00-10', false],
    ['2023-1-01', false],
    ['2023-01-01T00:00:00Z', false],
    [20230101, false],
  ])('isBusinessDate(%p) = %p', (value, ok) => {
    expect(isBusinessDate(value)).toBe(ok);
  });

  it.each([
    ['2025-01', true],
    ['2025-12', true],
    ['2025-13', false],
    ['2025-00', false],
    ['2025-1', false],
  ])('isBusinessMonth(%p) = %p', (value, ok) => {
    expect(isBusinessMonth(value)).toBe(ok);
  });

  it('adds months across years and gives month bounds', () => {
    expect(addMonths('2024-12', 1)).toBe('2025-01');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2025-03', -14)).toBe('2024-01');
    expect(monthBounds('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
  });

  it('zonedMidnight is 16:00 UTC of the day before in Asia/Shanghai', () => {
    expect(zonedMidnight('2023-07-01', 'Asia/Shanghai').toISOString()).toBe('2023-06-30T16:00:00.000Z');
  });

  it.each([
    // a wall-clock time without an offset is the business zone's, wherever the server runs
    ['2023-08-05T23:50', 'Asia/Shanghai', '2023-08-05T15:50:00.000Z'],
    ['2023-08-05 23:50:30', 'Asia/Shanghai', '2023-08-05T15:50:30.000Z'],
    ['2023-08-05', 'Asia/Shanghai', '2023-08-04T16:00:00.000Z'],
    // with an offset or Z it is taken as is
    ['2023-08-05T23:50+08:00', 'America/New_York', '2023-08-05T15:50:00.000Z'],
    ['2023-08-05T15:50:00Z', 'Asia/Shanghai', '2023-08-05T15:50:00.000Z'],
  ])('parseBusinessInstant(%s, %s) = %s', (text, zone, expected) => {
    expect(parseBusinessInstant(text, zone)?.toISOString()).toBe(expected);
  });
});

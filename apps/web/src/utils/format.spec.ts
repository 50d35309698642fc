import { afterEach, describe, expect, it } from '@jest/globals';
import { businessDate, currentQuarterRange, dayEndInstant, dayStartInstant, previousMonth, setBusinessZone, today } from './format';

describe('web dates follow the zone the server announced', () => {
  afterEach(() => setBusinessZone('Asia/Shanghai'));

  it.each([
    ['Asia/Shanghai', '2023-07-01', '2023-06-30T16:00:00.000Z', '2023-07-01T15:59:59.999Z'],
    ['America/New_York', '2023-07-01', '2023-07-01T04:00:00.000Z', '2023-07-02T03:59:59.999Z'],
    ['UTC', '2024-02-29', '2024-02-29T00:00:00.000Z', '2024-02-29T23:59:59.999Z'],
  ])('in %s, %s runs from %s to %s', (zone, date, start, end) => {
    setBusinessZone(zone);
    expect(dayStartInstant(date)).toBe(start);
    expect(dayEndInstant(date)).toBe(end);
  });

  it.each([
    ['Asia/Shanghai', '2023-07-01'],
    ['America/New_York', '2023-06-30'],
  ])('the business date of 2023-06-30T16:10Z in %s is %s', (zone, date) => {
    setBusinessZone(zone);
    expect(businessDate('2023-06-30T16:10:00Z')).toBe(date);
  });

  it('derives the previous month and the current quarter from today', () => {
    const [y, m] = today().split('-').map(Number);
    const [start, end] = currentQuarterRange();
    expect(start <= today() && today() <= end).toBe(true);
    expect(Number(start.slice(5, 7)) % 3).toBe(1);
    expect(previousMonth()).toBe(m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`);
  });
});

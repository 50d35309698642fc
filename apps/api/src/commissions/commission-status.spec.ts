import { commissionStatus, ratio, summarize, targetStatus } from './commission-status';

describe('commission completion', () => {
  it.each([
    ['2025-03-10', '2025-03-10', '2026-01-01', 'on-time'],
    ['2025-03-01', '2025-03-10', '2026-01-01', 'on-time'],
    ['2025-03-11', '2025-03-10', '2026-01-01', 'late'],
    [null, '2025-03-10', '2025-03-11', 'missing'],
    [null, '2025-03-10', '2025-03-10', 'pending'],
    [null, '2025-03-10', '2025-03-01', 'pending'],
  ])('answer submitted %p, deadline %s, today %s → %s', (submitted, deadline, today, expected) => {
    expect(targetStatus(submitted, deadline, today)).toBe(expected);
  });

  it('a commission is open through its deadline day', () => {
    expect(commissionStatus('2025-03-10', '2025-03-10')).toBe('open');
    expect(commissionStatus('2025-03-10', '2025-03-11')).toBe('closed');
  });

  it('summarizes statuses with the on-time rate over all targets', () => {
    expect(summarize(['on-time', 'late', 'missing', 'pending', 'on-time', 'on-time'])).toEqual({
      targets: 6, answered: 4, onTime: 3, late: 1, missing: 1, pending: 1, rate: 0.5,
    });
    expect(summarize([])).toMatchObject({ targets: 0, rate: null });
  });

  it.each([
    [1, 3, 0.3333],
    [2, 3, 0.6667],
    [1, 8, 0.125],
    [1, 16, 0.0625],
    [1, 20000, 0.0001],
    [1, 30000, 0],
    [3, 3, 1],
  ])('ratio(%d, %d) = %d', (a, b, expected) => {
    expect(ratio(a, b)).toBe(expected);
  });
});

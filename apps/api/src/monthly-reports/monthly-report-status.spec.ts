import { reportStatus, summarizeReports } from './monthly-report-status';

describe('monthly report status', () => {
  it.each([
    ['2025-02-05', '2025-02-05', '2026-01-01', 'on-time'],
    ['2025-01-20', '2025-02-05', '2026-01-01', 'on-time'],
    ['2025-02-06', '2025-02-05', '2026-01-01', 'late'],
    [null, '2025-02-05', '2025-02-06', 'missing'],
    [null, '2025-02-05', '2025-02-05', 'pending'],
  ])('filed %p, due %s, today %s → %s', (filed, due, today, expected) => {
    expect(reportStatus(filed, due, today)).toBe(expected);
  });

  it('counts each status', () => {
    expect(summarizeReports(['on-time', 'late', 'missing', 'missing', 'pending'])).toEqual({ units: 5, onTime: 1, late: 1, missing: 2, pending: 1 });
  });
});

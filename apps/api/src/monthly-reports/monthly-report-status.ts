/** How a unit stands on one month's report. */
export type ReportStatus = 'on-time' | 'late' | 'missing' | 'pending';

/**
 * Judged by the first filing's business date against the due date (day N of month M+1), so a
 * later correction never turns a late report into an on-time one. Without a filing a month is
 * pending until its due date has passed, then missing.
 */
export function reportStatus(filedDate: string | null, dueDate: string, today: string): ReportStatus {
  if (filedDate) return filedDate <= dueDate ? 'on-time' : 'late';
  return today > dueDate ? 'missing' : 'pending';
}

export interface ComplianceSummary {
  units: number;
  onTime: number;
  late: number;
  missing: number;
  pending: number;
}

export function summarizeReports(statuses: ReportStatus[]): ComplianceSummary {
  const count = (s: ReportStatus) => statuses.filter((x) => x === s).length;
  return { units: statuses.length, onTime: count('on-time'), late: count('late'), missing: count('missing'), pending: count('pending') };
}

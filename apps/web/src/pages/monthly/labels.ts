import { MONTHLY_REPORT_STATUS_LABELS as L, type ReportStatus } from '@app/contracts';

export const REPORT_STATUS: Record<ReportStatus, { label: string; type: 'success' | 'warning' | 'danger' | 'info' }> = {
  'on-time': { label: L['on-time'], type: 'success' },
  late: { label: L.late, type: 'warning' },
  missing: { label: L.missing, type: 'danger' },
  pending: { label: L.pending, type: 'info' },
};

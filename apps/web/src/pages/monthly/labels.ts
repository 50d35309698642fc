import type { ReportStatus } from '@app/contracts';

export const REPORT_STATUS: Record<ReportStatus, { label: string; type: 'success' | 'warning' | 'danger' | 'info' }> = {
  'on-time': { label: '按时报送', type: 'success' },
  late: { label: '逾期报送', type: 'warning' },
  missing: { label: '未报送', type: 'danger' },
  pending: { label: '待报送', type: 'info' },
};

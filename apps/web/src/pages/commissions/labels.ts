import type { TargetStatus } from '@app/contracts';

export const TARGET_STATUS: Record<TargetStatus, { label: string; type: 'success' | 'warning' | 'danger' | 'info' }> = {
  'on-time': { label: '按时完成', type: 'success' },
  late: { label: '逾期完成', type: 'warning' },
  missing: { label: '未完成', type: 'danger' },
  pending: { label: '待完成', type: 'info' },
};

/** 0.6667 → 66.67% */
export const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(2).replace(/\.00$/, '')}%`);

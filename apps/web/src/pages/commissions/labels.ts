import type { CommissionTargetResponse as CommissionTarget, TargetStatus } from '@app/contracts';

export const TARGET_STATUS: Record<TargetStatus, { label: string; type: 'success' | 'warning' | 'danger' | 'info' }> = {
  'on-time': { label: '按时完成', type: 'success' },
  late: { label: '逾期完成', type: 'warning' },
  missing: { label: '未完成', type: 'danger' },
  pending: { label: '待完成', type: 'info' },
};

/**
 * A target's tag as scoring counts it: an answer is 按时/逾期完成 once its article is verified;
 * before that the tag says the answer waits (for submission, or for review).
 */
export function targetTag(t: CommissionTarget): { label: string; type: 'success' | 'warning' | 'danger' | 'info' } {
  if (t.articleId !== null && (t.status === 'pending' || t.status === 'missing')) {
    const waiting = t.articleStatus === 'draft' || t.articleStatus === 'returned' ? '已回复，稿件未提交审核' : '已回复，稿件待核定';
    return { label: t.status === 'missing' ? `${waiting}（已过截止日期）` : waiting, type: 'warning' };
  }
  return TARGET_STATUS[t.status];
}

/** 0.6667 → 66.67% */
export const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(2).replace(/\.00$/, '')}%`);

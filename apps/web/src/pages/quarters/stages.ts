import type { Stage } from '@app/contracts';

export const STAGES: Record<Stage, { label: string; type: 'info' | 'warning' | 'primary' | 'success' }> = {
  open: { label: '进行中', type: 'info' },
  review: { label: '复核（异议期）', type: 'warning' },
  closed: { label: '已关闭', type: 'primary' },
  published: { label: '已发布', type: 'success' },
};
export const STAGE_ORDER: Stage[] = ['open', 'review', 'closed', 'published'];

/** Review queues and actions (信息员 → 审核人 → 办公室). */
import type { EntryStatus, Level } from './enums';

export type ReviewType = 'articles' | 'placements' | 'instructions' | 'items';
export type ReviewAction = 'submit' | 'approve' | 'return' | 'verify' | 'reject' | 'reopen';

/** One row of a review queue (reviewer: submitted of my unit; office: unit-approved of all). */
export interface QueueItem {
  type: ReviewType;
  id: number;
  /** null for a 事项 without a linked article */
  articleId: number | null;
  articleTitle: string;
  /** 事项 only */
  kind: string | null;
  itemTitle: string | null;
  unitId: number;
  unitName: string;
  status: EntryStatus;
  statusLabel: string;
  date: string;
  outletName: string | null;
  level: Level | null;
  levelLabel: string | null;
  prominenceLabel: string | null;
  leaderTitle: string | null;
  evidenceCount: number;
  version: number;
}

export interface BulkResult {
  succeeded: number;
  failed: number;
  results: ({ ok: true; type: ReviewType; id: number } | { ok: false; type: ReviewType; id: number; code: string; message: string })[];
}

export interface BulkDeleteResult {
  succeeded: number;
  failed: number;
  results: ({ ok: true; id: number } | { ok: false; id: number; code: string; message: string })[];
}

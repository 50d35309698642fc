/** Review queues and actions (信息员 → 审核人 → 办公室). */
import { z } from 'zod';
import { ENTRY_STATUSES, LEVELS } from './enums';
import { int } from './responses';

export const REVIEW_TYPES = ['articles', 'placements', 'instructions', 'items'] as const;
export type ReviewType = (typeof REVIEW_TYPES)[number];
export type ReviewAction = 'submit' | 'approve' | 'return' | 'verify' | 'reject' | 'reopen';

/** One row of a review queue (reviewer: submitted of my unit; office: unit-approved of all). */
export const QueueItemSchema = z.object({
  type: z.enum(REVIEW_TYPES),
  id: int(),
  articleId: int().nullable().describe('null for a 事项 without a linked article'),
  articleTitle: z.string().describe("a 事项's own title when it has no linked article"),
  kind: z.string().nullable().describe('事项 only: the catalogue kind'),
  itemTitle: z.string().nullable().describe("事项 only: the item's own title"),
  unitId: int(),
  unitName: z.string(),
  status: z.enum(ENTRY_STATUSES),
  statusLabel: z.string(),
  date: z.string(),
  outletName: z.string().nullable(),
  level: z.enum(LEVELS).nullable(),
  levelLabel: z.string().nullable(),
  prominenceLabel: z.string().nullable(),
  leaderTitle: z.string().nullable(),
  evidenceCount: int(),
  version: int(),
});
export type QueueItem = z.infer<typeof QueueItemSchema>;

/** POST /api/review/:type/:id/:action: where the entry stands now. */
export const ReviewResultSchema = z.object({
  type: z.enum(REVIEW_TYPES),
  id: int(),
  status: z.enum(ENTRY_STATUSES),
  cascaded: int().describe('child entries moved with an article'),
});
export type ReviewResult = z.infer<typeof ReviewResultSchema>;

export const BulkResultSchema = z.object({
  succeeded: int(),
  failed: int(),
  results: z.array(
    z.union([
      ReviewResultSchema.extend({ ok: z.literal(true) }),
      z.object({ ok: z.literal(false), type: z.enum(REVIEW_TYPES), id: int(), code: z.string(), message: z.string() }),
    ]),
  ),
});
export type BulkResult = z.infer<typeof BulkResultSchema>;

export const BulkDeleteResultSchema = z.object({
  succeeded: int(),
  failed: int(),
  results: z.array(z.union([z.object({ ok: z.literal(true), id: int() }), z.object({ ok: z.literal(false), id: int(), code: z.string(), message: z.string() })])),
});
export type BulkDeleteResult = z.infer<typeof BulkDeleteResultSchema>;

/** GET /api/review/evidence-rule: whether evidence may follow later for entries of that date's quarter. */
export const EvidenceRuleResponseSchema = z.object({ date: z.string(), quarter: z.string(), evidenceLater: z.boolean() });
export type EvidenceRuleResponse = z.infer<typeof EvidenceRuleResponseSchema>;

/** Quarters, published snapshots, trends, year rankings and disputes, as the API answers them. */
import { z } from 'zod';
import { LEVELS, QUARTER_GUARDS, type GuardOverride } from './enums';
import { int, JobResponseSchema } from './responses';

export const STAGES = ['open', 'review', 'closed', 'published'] as const;
export type Stage = (typeof STAGES)[number];

/** A guard of close or publish the office overrode, with the reason it gave (the interface in enums.ts). */
export const GuardOverrideSchema = z.object({
  action: z.enum(['close', 'publish']),
  guards: z.array(z.enum(QUARTER_GUARDS)),
  reason: z.string(),
  userId: int(),
  userName: z.string(),
  at: z.string().describe('ISO timestamp'),
}) satisfies z.ZodType<GuardOverride>;

export const QuarterResponseSchema = z.object({
  quarter: z.string(),
  stage: z.enum(STAGES),
  disputeUntil: z.string().nullable(),
  publishedAt: z.string().nullable(),
  revision: int(),
  settledDate: z.string(),
});
export type QuarterResponse = z.infer<typeof QuarterResponseSchema>;

export const PendingEntrySchema = z.object({
  type: z.enum(['articles', 'placements', 'instructions', 'items', 'adjustments']),
  id: int(),
  title: z.string(),
  status: z.string(),
  unitName: z.string().describe("the unit it is for (an article's: the unit that recorded it)"),
});
export type PendingEntry = z.infer<typeof PendingEntrySchema>;

/** An entry left out of the ranking when the quarter was closed; unitName is absent in rows of older versions. */
export const ExcludedEntrySchema = z.object({ type: z.string(), id: int(), title: z.string(), unitName: z.string().optional() });
export type ExcludedEntry = z.infer<typeof ExcludedEntrySchema>;

/** The office's own wording of the notice (文号, opening, requirements…). */
export const NoticeTextsSchema = z.object({
  docNumber: z.string().optional().describe('发文字号, e.g. 示组办〔2023〕12号'),
  opening: z.string().optional(),
  requirements: z.string().optional().describe('五、存在问题和下一步要求'),
  issuer: z.string().optional(),
  issuedDate: z.string().optional().describe('成文日期 YYYY-MM-DD'),
  copyTo: z.string().optional(),
});
export type NoticeTexts = z.infer<typeof NoticeTextsSchema>;

/** The notice texts as stored: the office's wording and, once republished, why (更正原因). */
export const StoredNoticeTextsSchema = NoticeTextsSchema.extend({
  correctionReason: z.string().optional().describe('Why the latest republication corrects the earlier notice (更正原因).'),
});
export type StoredNoticeTexts = z.infer<typeof StoredNoticeTextsSchema>;

export const QuarterDetailResponseSchema = z.object({
  quarter: z.string(),
  stage: z.enum(STAGES),
  version: int(),
  reviewOpenedAt: z.string().nullable(),
  disputeUntil: z.string().nullable(),
  closedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  excludedEntries: z.array(ExcludedEntrySchema).nullable(),
  noticeTexts: StoredNoticeTextsSchema.nullable(),
  backfill: z.boolean().describe('补录: a past quarter loaded from history; the notice title says so'),
  guardOverrides: z.array(GuardOverrideSchema).nullable(),
  pending: z.array(PendingEntrySchema),
  snapshots: z.array(z.object({ id: int(), revision: int(), schemeVersionId: int(), contentHash: z.string(), publishedAt: z.string() })),
});
export type QuarterDetailResponse = z.infer<typeof QuarterDetailResponseSchema>;

/** POST /api/quarters/:quarter/review. */
export const ReviewOpenedSchema = z.object({ quarter: z.string(), stage: z.literal('review'), disputeUntil: z.string() });
export type ReviewOpened = z.infer<typeof ReviewOpenedSchema>;

/** POST /api/quarters/:quarter/close: what was left out, and the guard overridden (if any). */
export const QuarterClosedSchema = z.object({
  quarter: z.string(),
  stage: z.literal('closed'),
  excluded: z.array(ExcludedEntrySchema),
  override: GuardOverrideSchema.nullable(),
});
export type QuarterClosed = z.infer<typeof QuarterClosedSchema>;

/** POST /api/quarters/:quarter/reopen. */
export const QuarterReopenedSchema = z.object({ quarter: z.string(), stage: z.literal('review') });
export type QuarterReopened = z.infer<typeof QuarterReopenedSchema>;

export const SnapshotUnitSchema = z.object({
  unitId: int(),
  unitCode: z.string(),
  unitName: z.string(),
  groupId: int(),
  groupName: z.string(),
  total: int(),
  totalText: z.string(),
  groupRank: int(),
  overallRank: int(),
  articlesSubmitted: int(),
  central: int(),
  provincial: int(),
  municipal: int(),
  district: int(),
  instructions: int(),
  commissionsDone: int(),
  commissionsDue: int(),
  monthlyLate: int(),
  monthlyMissing: int(),
});
export type SnapshotUnit = z.infer<typeof SnapshotUnitSchema>;

const levelCounts = z.record(z.enum(LEVELS), int());

export const SnapshotSummarySchema = z.object({
  articlesSubmitted: int(),
  placements: int(),
  byLevel: levelCounts,
  byChannel: z.record(z.string(), int()),
  instructions: int(),
  commissionsIssued: int(),
  commissionTargets: int(),
  commissionsOnTime: int(),
  excluded: z.array(ExcludedEntrySchema).optional().describe('entries left out when the quarter was closed'),
  backfill: z.boolean().optional().describe('补录 (history) when published'),
});
export type SnapshotSummary = z.infer<typeof SnapshotSummarySchema>;

/** A published quarter, frozen (one revision). */
export const SnapshotResponseSchema = z.object({
  id: int(),
  quarter: z.string(),
  revision: int(),
  schemeVersionId: int(),
  contentHash: z.string(),
  publishedAt: z.string(),
  summary: SnapshotSummarySchema,
  units: z.array(SnapshotUnitSchema),
});
export type SnapshotResponse = z.infer<typeof SnapshotResponseSchema>;

export const TrendPointSchema = z.object({
  quarter: z.string(),
  revision: int(),
  snapshotId: int(),
  placements: int(),
  byLevel: levelCounts,
  byChannel: z.record(z.string(), int()),
  instructions: int(),
  articlesSubmitted: int(),
  top: z.array(z.object({ unitId: int(), name: z.string(), total: int(), totalText: z.string(), rank: int() })),
});
export type TrendPoint = z.infer<typeof TrendPointSchema>;

const YearRowSchema = z.object({
  unitId: int(),
  code: z.string(),
  name: z.string(),
  total: int(),
  totalText: z.string(),
  rank: int(),
  quarters: z.record(z.string(), z.string()).describe('quarter → its published total as text'),
});

export const YearRankingSchema = z.object({
  year: int(),
  quarters: z.array(z.object({ quarter: z.string(), revision: int(), snapshotId: int() })),
  complete: z.boolean(),
  overall: z.array(YearRowSchema),
  groups: z.array(z.object({ groupName: z.string(), rows: z.array(YearRowSchema) })),
});
export type YearRanking = z.infer<typeof YearRankingSchema>;

/** A dispute as recorded (POST /api/quarters/:quarter/disputes and its answer). */
export const DisputeRecordSchema = z.object({
  id: int(),
  quarter: z.string(),
  unitId: int(),
  scoreLineId: int().nullable(),
  reason: z.string(),
  status: z.enum(['open', 'answered']),
  answer: z.string().nullable(),
  answeredBy: int().nullable(),
  answeredAt: z.string().nullable(),
  createdBy: int().nullable(),
  version: int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DisputeRecord = z.infer<typeof DisputeRecordSchema>;

/** A dispute in the quarter's list, with the score line it is about. */
export const DisputeResponseSchema = DisputeRecordSchema.extend({
  line: z
    .object({ id: int(), date: z.string(), ruleLabel: z.string(), explanation: z.string(), amountText: z.string() })
    .nullable()
    .describe('the score line disputed; null for the quarter as a whole or a line a recompute replaced'),
});
export type DisputeResponse = z.infer<typeof DisputeResponseSchema>;

/** An office's place in the latest ranking its parent organisation published (a district in its city's 通报). */
export const ParentRankingPositionSchema = z.object({
  parent: z.object({ id: int(), name: z.string(), regionName: z.string() }),
  quarter: z.string(),
  revision: int(),
  publishedAt: z.string(),
  unit: SnapshotUnitSchema.describe("the office's own row in the parent's ranking"),
  groupSize: int(),
  overallSize: int(),
});
export type ParentRankingPosition = z.infer<typeof ParentRankingPositionSchema>;

/** GET /api/offices/parent-ranking: the latest position, null when the parent has published none. */
export const LatestParentRankingSchema = z.object({ position: ParentRankingPositionSchema.nullable() });
export type LatestParentRanking = z.infer<typeof LatestParentRankingSchema>;

/** POST /api/reminders/monthly-reports: the reminders queued for units still missing the month. */
export const UrgeResultSchema = z.object({
  month: z.string(),
  dueDate: z.string(),
  units: int().describe("Units still missing the month's report, each reminded by the job."),
  job: JobResponseSchema,
});
export type UrgeResult = z.infer<typeof UrgeResultSchema>;

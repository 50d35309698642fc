/** Articles, their placements (录用/刊发) and leaders' instructions (批示), as the API answers them. */
import { z } from 'zod';
import { CHANNELS, ENTRY_STATUSES, LEVELS, MEDIA, PLACEMENT_FORMS, PROMINENCES, RECEIVED_VIA, type OfficeRecordedMark } from './enums';
import { EvidenceFileResponseSchema, int } from './responses';

/** How the office received what it recorded for a unit (the interface in enums.ts, for the web's forms). */
export const OfficeRecordedMarkSchema = z.object({
  receivedVia: z.enum(RECEIVED_VIA).nullable(),
  receivedNote: z.string().nullable(),
}) satisfies z.ZodType<OfficeRecordedMark>;

/** Review columns of an entry (三级负责制). */
export const ReviewedResponseSchema = z.object({
  id: int(),
  version: int(),
  status: z.enum(ENTRY_STATUSES),
  statusLabel: z.string(),
  reviewNote: z.string().nullable(),
});
export type ReviewedResponse = z.infer<typeof ReviewedResponseSchema>;

export const ArticleUnitShareSchema = z.object({
  unitId: int(),
  unitName: z.string().nullable(),
  sharePercent: z.number().nullable().describe('null = equal split'),
  position: int().describe('signing order, 1 = 第一署名单位'),
});
export type ArticleUnitShare = z.infer<typeof ArticleUnitShareSchema>;

export const PlacementResponseSchema = ReviewedResponseSchema.extend({
  articleId: int(),
  outletId: int(),
  outletName: z.string().nullable(),
  level: z.enum(LEVELS).nullable(),
  levelLabel: z.string().nullable(),
  channel: z.enum(CHANNELS).nullable(),
  channelLabel: z.string().nullable(),
  publishedAt: z.string(),
  publishedDate: z.string(),
  page: z.string().nullable(),
  prominence: z.enum(PROMINENCES),
  prominenceLabel: z.string(),
  form: z.enum(PLACEMENT_FORMS),
  formLabel: z.string(),
  medium: z.enum(MEDIA).nullable(),
  url: z.string().nullable(),
  views: int().nullable(),
  shares: int().nullable(),
  evidence: z.array(EvidenceFileResponseSchema),
});
export type PlacementResponse = z.infer<typeof PlacementResponseSchema>;

export const InstructionResponseSchema = ReviewedResponseSchema.extend({
  articleId: int(),
  leaderTitle: z.string(),
  level: z.enum(LEVELS),
  levelLabel: z.string(),
  instructedDate: z.string(),
  content: z.string().nullable(),
  evidence: z.array(EvidenceFileResponseSchema).optional(),
});
export type InstructionResponse = z.infer<typeof InstructionResponseSchema>;

export const ArticleResponseSchema = ReviewedResponseSchema.extend({
  title: z.string(),
  officeRecorded: OfficeRecordedMarkSchema.extend({ by: int().nullable() })
    .nullable()
    .describe('set when the office recorded the submission time for the unit'),
  summary: z.string().nullable(),
  wordCount: int().nullable(),
  genre: z.string().nullable(),
  authors: z.string().nullable(),
  submittedAt: z.string(),
  submittedDate: z.string(),
  ownerUnitId: int(),
  commissionId: int().nullable(),
  verifiedAt: z.string().nullable(),
  units: z.array(ArticleUnitShareSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ArticleResponse = z.infer<typeof ArticleResponseSchema>;

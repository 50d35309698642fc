/** 约稿 (commissioned articles) and their completion, as the API answers them. */
import { z } from 'zod';
import { OfficeRecordedMarkSchema } from './articles';
import { int } from './responses';

/** How one target unit stands on a commission. */
export const TARGET_STATUSES = ['on-time', 'late', 'missing', 'pending'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];
/** Whether a commission still accepts answers on time. */
export type CommissionStatus = 'open' | 'closed';

export const CompletionSummarySchema = z.object({
  targets: int(),
  answered: int(),
  onTime: int(),
  late: int(),
  missing: int(),
  pending: int(),
  rate: z.number().nullable().describe('on-time ÷ targets, 4 decimal places (half-up); null when there are no targets'),
});
export type CompletionSummary = z.infer<typeof CompletionSummarySchema>;

export const CommissionTargetResponseSchema = z.object({
  id: int(),
  commissionId: int(),
  unitId: int(),
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  articleId: int().nullable(),
  articleTitle: z.string().nullable(),
  submittedDate: z.string().nullable().describe("the answering article's submitted business date: what decides on time or late"),
  answeredAt: z.string().nullable(),
  articleStatus: z.string().nullable().describe("the answering article's review status; the answer counts once it is verified"),
  officeRecorded: OfficeRecordedMarkSchema.nullable().describe('set when the office recorded the answer for the unit'),
  status: z.enum(TARGET_STATUSES),
});
export type CommissionTargetResponse = z.infer<typeof CommissionTargetResponseSchema>;

export const CommissionResponseSchema = z.object({
  id: int(),
  topic: z.string(),
  description: z.string().nullable(),
  issuer: z.string().describe('发文单位 category; empty = the office itself'),
  issuedDate: z.string(),
  deadline: z.string(),
  status: z.enum(['open', 'closed']),
  version: int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  targets: z.array(CommissionTargetResponseSchema).describe("every target for the office; only the caller's own for officers and reviewers"),
  summary: CompletionSummarySchema.nullable().describe("null for officers and reviewers: other units' standing is not theirs to see"),
});
export type CommissionResponse = z.infer<typeof CommissionResponseSchema>;

export const UnitCompletionRowSchema = CompletionSummarySchema.extend({ unitId: int(), unitCode: z.string().nullable(), unitName: z.string().nullable() });
export type UnitCompletionRow = z.infer<typeof UnitCompletionRowSchema>;

export const CompletionReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  commissions: int(),
  units: z.array(UnitCompletionRowSchema),
  total: CompletionSummarySchema,
});
export type CompletionReport = z.infer<typeof CompletionReportSchema>;

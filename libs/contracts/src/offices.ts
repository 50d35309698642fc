/** Organization department offices (示例区委组织部办公室), as the API answers them. */
import { z } from 'zod';
import { int } from './responses';
import { StatementResponseSchema } from './scores';

export const OfficeSettingsSchema = z.object({
  monthlyReportDueDay: int().optional(),
  quarterDisputeDays: int().optional(),
  placementEarlyMarginDays: int().optional(),
});

export const OfficeResponseSchema = z.object({
  id: int(),
  code: z.string(),
  name: z.string(),
  regionName: z.string(),
  parentId: int().nullable(),
  issuingAuthority: z.string().nullable(),
  docNumberPrefix: z.string().nullable(),
  settings: OfficeSettingsSchema.nullable().describe("Business settings the office set for itself; an unset key falls back to the deployment's."),
  own: z.boolean().describe("The caller's own office (false: one below it, read-only for leaders)."),
});
export type OfficeResponse = z.infer<typeof OfficeResponseSchema>;

const EffectiveSettingsSchema = z.object({
  monthlyReportDueDay: int().describe('月报截止日：次月第几日'),
  quarterDisputeDays: int().describe('异议期天数'),
  placementEarlyMarginDays: int().describe('刊发日期早于报送日期超过多少天时提醒核实'),
});

/** GET/PATCH /api/offices/settings: the caller's office's business settings. */
export const OfficeSettingsResponseSchema = z.object({
  officeId: int(),
  /** the office's own values; a key absent follows the deployment */
  own: EffectiveSettingsSchema.partial().describe("The office's own values; an absent key follows the deployment."),
  deployment: EffectiveSettingsSchema.describe("The deployment's settings (MONTHLY_REPORT_DUE_DAY, QUARTER_DISPUTE_DAYS, PLACEMENT_EARLY_MARGIN_DAYS)."),
  effective: EffectiveSettingsSchema.describe('What is in force for the office.'),
});
export type OfficeSettingsResponse = z.infer<typeof OfficeSettingsResponseSchema>;

/** GET /api/offices/parent-ranking/:quarter/statement: the office's statement as its parent scored it in a published ranking. */
export const ParentStatementResponseSchema = z.object({
  parent: z.object({ id: int(), name: z.string(), regionName: z.string() }),
  quarter: z.string(),
  revision: int().describe("The parent's published revision the lines are frozen in (the latest of the quarter)."),
  publishedAt: z.string(),
  overallRank: int().describe("The office's rank in the parent's overall ranking."),
  groupRank: int().describe('Its rank in its ranking group there.'),
  total: int().describe("Its total in the parent's ranking (ten-thousandths of a point), which the lines add up to."),
  statement: StatementResponseSchema.describe("Lines as frozen in the parent's snapshot; their sum is the office's total there."),
});
export type ParentStatementResponse = z.infer<typeof ParentStatementResponseSchema>;

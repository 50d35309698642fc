import { z } from 'zod';

const EffectiveSettingsSchema = z.object({
  monthlyReportDueDay: z.number().int().describe('月报截止日：次月第几日'),
  quarterDisputeDays: z.number().int().describe('异议期天数'),
  placementEarlyMarginDays: z.number().int().describe('刊发日期早于报送日期超过多少天时提醒核实'),
});

/** GET/PATCH /api/offices/settings: the caller's office's business settings. */
export const OfficeSettingsResponseSchema = z.object({
  officeId: z.number().int(),
  /** the office's own values; a key absent follows the deployment */
  own: EffectiveSettingsSchema.partial().describe("The office's own values; an absent key follows the deployment."),
  deployment: EffectiveSettingsSchema.describe("The deployment's settings (MONTHLY_REPORT_DUE_DAY, QUARTER_DISPUTE_DAYS, PLACEMENT_EARLY_MARGIN_DAYS)."),
  effective: EffectiveSettingsSchema.describe('What is in force for the office.'),
});
export type OfficeSettingsResponse = z.infer<typeof OfficeSettingsResponseSchema>;

/** Organization department offices (示例区委组织部办公室), as the API answers them. */
import { z } from 'zod';
import { int } from './responses';

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

/** 月度报送 (monthly reports) and their compliance, as the API answers them. */
import { z } from 'zod';
import { LEVELS, RECEIVED_VIA } from './enums';
import { int } from './responses';

export const REPORT_STATUSES = ['on-time', 'late', 'missing', 'pending'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const MonthlyReportResponseSchema = z.object({
  id: int(),
  unitId: int(),
  month: z.string(),
  filedAt: z.string(),
  filedDate: z.string(),
  articlesSubmitted: int(),
  placementsAdopted: int(),
  narrative: z.string().nullable(),
  filedBy: int().nullable(),
  officeRecordedBy: int().nullable().describe('set when the office recorded the report for the unit'),
  receivedVia: z.enum(RECEIVED_VIA).nullable().describe('how the office received the report it recorded'),
  receivedNote: z.string().nullable(),
  version: int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MonthlyReportResponse = z.infer<typeof MonthlyReportResponseSchema>;

/** One filed report in the list, with its due date and whether it came on time. */
export const MonthlyReportListRowSchema = MonthlyReportResponseSchema.extend({ dueDate: z.string(), status: z.enum(REPORT_STATUSES) });
export type MonthlyReportListRow = z.infer<typeof MonthlyReportListRowSchema>;

/** A unit's standing for one month: due date, on time / late / missing, and the report if filed. */
export const MonthStandingSchema = z.object({
  month: z.string(),
  unitId: int(),
  unitCode: z.string(),
  unitName: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  dueDate: z.string(),
  status: z.enum(REPORT_STATUSES),
  report: MonthlyReportResponseSchema.nullable(),
});
export type MonthStanding = z.infer<typeof MonthStandingSchema>;

export const MonthlyDraftSchema = z.object({
  articlesSubmitted: int(),
  placementsAdopted: int(),
  placementsByLevel: z.record(z.enum(LEVELS), int()),
  narrative: z.string(),
});
export type MonthlyDraft = z.infer<typeof MonthlyDraftSchema>;

/** GET /api/monthly-reports/draft/:month: the unit's standing and a draft computed from its records. */
export const MonthStandingWithDraftSchema = MonthStandingSchema.extend({ draft: MonthlyDraftSchema });
export type MonthStandingWithDraft = z.infer<typeof MonthStandingWithDraftSchema>;

export const ComplianceReportSchema = z.object({
  month: z.string(),
  dueDate: z.string(),
  summary: z.object({ units: int(), onTime: int(), late: int(), missing: int(), pending: int() }),
  units: z.array(MonthStandingSchema),
});
export type ComplianceReport = z.infer<typeof ComplianceReportSchema>;

/** 月度报送 (monthly reports) and their compliance, as the API answers them. */
import type { Level } from './enums';

export type ReportStatus = 'on-time' | 'late' | 'missing' | 'pending';

export interface MonthlyReportResponse {
  id: number;
  unitId: number;
  month: string;
  filedAt: string;
  filedDate: string;
  articlesSubmitted: number;
  placementsAdopted: number;
  narrative: string | null;
  version: number;
}

/** A unit's standing for one month: due date, on time / late / missing, and the report if filed. */
export interface MonthStanding {
  month: string;
  unitId: number;
  unitCode: string;
  unitName: string;
  contactName: string | null;
  contactPhone: string | null;
  dueDate: string;
  status: ReportStatus;
  report: MonthlyReportResponse | null;
}

export interface MonthlyDraft {
  articlesSubmitted: number;
  placementsAdopted: number;
  placementsByLevel: Record<Level, number>;
  narrative: string;
}

export interface ComplianceReport {
  month: string;
  dueDate: string;
  summary: { units: number; onTime: number; late: number; missing: number; pending: number };
  units: MonthStanding[];
}

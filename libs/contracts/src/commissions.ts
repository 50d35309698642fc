/** 约稿 (commissioned articles) and their completion, as the API answers them. */
import type { OfficeRecordedMark } from './enums';

/** How one target unit stands on a commission. */
export type TargetStatus = 'on-time' | 'late' | 'missing' | 'pending';

/** Whether a commission still accepts answers on time. */
export type CommissionStatus = 'open' | 'closed';

export interface CompletionSummary {
  targets: number;
  answered: number;
  onTime: number;
  late: number;
  missing: number;
  pending: number;
  /** on-time ÷ targets, 4 decimal places (half-up); null when there are no targets */
  rate: number | null;
}

export interface CommissionTargetResponse {
  id: number;
  commissionId: number;
  unitId: number;
  unitCode: string | null;
  unitName: string | null;
  contactName: string | null;
  contactPhone: string | null;
  articleId: number | null;
  articleTitle: string | null;
  /** the answering article's submitted business date: what decides on time or late */
  submittedDate: string | null;
  answeredAt: string | null;
  /** the answering article's review status; the answer counts once it is verified */
  articleStatus: string | null;
  /** set when the office recorded the answer for the unit */
  officeRecorded: OfficeRecordedMark | null;
  status: TargetStatus;
}

export interface CommissionResponse {
  id: number;
  topic: string;
  description: string | null;
  /** 发文单位 category; empty = the office itself */
  issuer: string;
  issuedDate: string;
  deadline: string;
  status: CommissionStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** every target for the office; only the caller's own for officers and reviewers */
  targets: CommissionTargetResponse[];
  /** null for officers and reviewers: other units' standing is not theirs to see */
  summary: CompletionSummary | null;
}

export interface UnitCompletionRow extends CompletionSummary {
  unitId: number;
  unitCode: string | null;
  unitName: string | null;
}

export interface CompletionReport {
  from: string;
  to: string;
  commissions: number;
  units: UnitCompletionRow[];
  total: CompletionSummary;
}

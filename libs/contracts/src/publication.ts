/** Quarters, published snapshots, trends, year rankings and disputes, as the API answers them. */
import type { GuardOverride, Level } from './enums';

export type Stage = 'open' | 'review' | 'closed' | 'published';

export interface QuarterResponse {
  quarter: string;
  stage: Stage;
  disputeUntil: string | null;
  publishedAt: string | null;
  revision: number;
  settledDate: string;
}

export interface PendingEntry {
  type: 'articles' | 'placements' | 'instructions' | 'items' | 'adjustments';
  id: number;
  title: string;
  status: string;
  unitName: string;
}

/** The office's own wording of the notice (文号, opening, requirements…). */
export interface NoticeTexts {
  docNumber?: string;
  opening?: string;
  requirements?: string;
  issuer?: string;
  issuedDate?: string;
  copyTo?: string;
}

export interface QuarterDetailResponse {
  quarter: string;
  stage: Stage;
  version: number;
  reviewOpenedAt: string | null;
  disputeUntil: string | null;
  closedAt: string | null;
  publishedAt: string | null;
  excludedEntries: PendingEntry[] | null;
  noticeTexts: NoticeTexts | null;
  /** 补录: a past quarter loaded from history; the notice title says so */
  backfill: boolean;
  guardOverrides: GuardOverride[] | null;
  pending: PendingEntry[];
  snapshots: { id: number; revision: number; schemeVersionId: number; contentHash: string; publishedAt: string }[];
}

export interface SnapshotUnit {
  unitId: number;
  unitCode: string;
  unitName: string;
  groupId: number;
  groupName: string;
  total: number;
  totalText: string;
  groupRank: number;
  overallRank: number;
  articlesSubmitted: number;
  central: number;
  provincial: number;
  municipal: number;
  district: number;
  instructions: number;
  commissionsDone: number;
  commissionsDue: number;
  monthlyLate: number;
  monthlyMissing: number;
}

export interface SnapshotSummary {
  articlesSubmitted: number;
  placements: number;
  byLevel: Record<Level, number>;
  byChannel: Record<string, number>;
  instructions: number;
  commissionsIssued: number;
  commissionTargets: number;
  commissionsOnTime: number;
}

/** A published quarter, frozen (one revision). */
export interface SnapshotResponse {
  id: number;
  quarter: string;
  revision: number;
  contentHash: string;
  publishedAt: string;
  summary: SnapshotSummary;
  units: SnapshotUnit[];
}

export interface TrendPoint {
  quarter: string;
  revision: number;
  snapshotId: number;
  placements: number;
  byLevel: Record<Level, number>;
  byChannel: Record<string, number>;
  instructions: number;
  articlesSubmitted: number;
  top: { unitId: number; name: string; total: number; totalText: string; rank: number }[];
}

export interface YearRanking {
  year: number;
  quarters: { quarter: string; revision: number; snapshotId: number }[];
  complete: boolean;
  overall: { unitId: number; code: string; name: string; total: number; totalText: string; rank: number; quarters: Record<string, string> }[];
  [key: string]: unknown;
}

export interface DisputeResponse {
  id: number;
  quarter: string;
  unitId: number;
  scoreLineId: number | null;
  reason: string;
  status: 'open' | 'answered';
  answer: string | null;
  answeredAt: string | null;
  createdAt: string;
  /** the score line disputed; null for the quarter as a whole or a line a recompute replaced */
  line: { id: number; date: string; ruleLabel: string; explanation: string; amountText: string } | null;
}

/** An office's place in the latest ranking its parent organisation published (a district in its city's 通报). */
export interface ParentRankingPosition {
  parent: { id: number; name: string; regionName: string };
  quarter: string;
  revision: number;
  publishedAt: string;
  /** the office's own row in the parent's ranking */
  unit: SnapshotUnit;
  groupSize: number;
  overallSize: number;
}

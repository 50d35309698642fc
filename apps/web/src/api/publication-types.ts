/** Shapes of scoring and publication answers: statements, rankings, quarters, notices, notifications. */
import type { Level } from '@app/contracts';

export interface ScoreLine {
  id: number;
  date: string;
  recordType: string;
  recordTypeLabel: string;
  recordId: number;
  /** The article title, the 约稿 topic, the 事项's kind and title, the 加减分's reason. */
  recordLabel: string;
  /** On a 事项 line: the kind of the item record. */
  itemKind: string | null;
  articleId: number | null;
  articleTitle: string | null;
  ruleId: string;
  ruleLabel: string;
  amount: number;
  amountText: string;
  runningTotalText: string;
  explanation: string;
  /** Where the clause stands in the scheme, e.g. 'adoption.rows[2]', 'items[0]'; null on older lines. */
  clause: string | null;
}

export interface Statement {
  quarter: string;
  unit: { id: number; code: string; name: string };
  schemeVersion: { id: number; versionNo: number; name: string } | null;
  lines: ScoreLine[];
  total: number;
  totalText: string;
}

export interface RankingRow {
  unitId: number;
  code: string;
  name: string;
  groupId: number;
  groupName: string;
  total: number;
  totalText: string;
  rank: number;
  placements: { total: number; media: Record<Level, number>; bulletin: Record<Level, number> };
}

export interface LiveRanking {
  quarter: string;
  schemeVersion: { id: number; versionNo: number; name: string } | null;
  tieRule: string;
  overall: RankingRow[];
  [key: string]: unknown;
}

export type Stage = 'open' | 'review' | 'closed' | 'published';

export interface QuarterItem {
  quarter: string;
  stage: Stage;
  disputeUntil: string | null;
  publishedAt: string | null;
  revision: number;
  settledDate: string;
}

export interface PendingEntry {
  type: 'articles' | 'placements' | 'instructions';
  id: number;
  title: string;
  status: string;
}

export interface NoticeTexts {
  docNumber?: string;
  opening?: string;
  requirements?: string;
  issuer?: string;
  issuedDate?: string;
  copyTo?: string;
}

export interface QuarterDetail {
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

export interface Snapshot {
  id: number;
  quarter: string;
  revision: number;
  contentHash: string;
  publishedAt: string;
  summary: {
    articlesSubmitted: number;
    placements: number;
    byLevel: Record<Level, number>;
    byChannel: Record<string, number>;
    instructions: number;
    commissionsIssued: number;
    commissionTargets: number;
    commissionsOnTime: number;
  };
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

export interface Dispute {
  id: number;
  quarter: string;
  unitId: number;
  scoreLineId: number | null;
  reason: string;
  status: 'open' | 'answered';
  answer: string | null;
  answeredAt: string | null;
  createdAt: string;
}

export interface NoticeItem {
  id: number;
  quarter: string;
  revision: number;
  kind: 'notice' | 'correction';
  publishedAt: string;
  contentHash: string;
  formats: string[];
  read: boolean;
}

export interface NotificationItem {
  id: number;
  kind: string;
  title: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

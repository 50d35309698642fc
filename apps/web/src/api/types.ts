/** Shapes the API answers with (the server's entities as JSON). Shared enums come from @app/contracts. */
import type { Channel, EntryStatus, EvidenceFileResponse, Level, Medium, PlacementForm, Prominence, Role, SessionUser } from '@app/contracts';

interface Versioned {
  id: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface RankingGroup extends Versioned {
  code: string;
  name: string;
  sortOrder: number;
  active: boolean;
}

export interface Unit extends Versioned {
  code: string;
  name: string;
  groupId: number;
  group?: RankingGroup;
  active: boolean;
  contactName: string | null;
  contactPhone: string | null;
}

export interface Outlet extends Versioned {
  code: string;
  name: string;
  aliases: string[];
  level: Level;
  channel: Channel;
  medium: Medium;
  active: boolean;
  placeholder: boolean;
}

export interface UserItem extends SessionUser {
  /** Where reminders are e-mailed; null = in-app messages only. */
  email: string | null;
  active: boolean;
  /** A login hold-off on the account still running (failed logins from some address). */
  throttledUntil: string | null;
  lastLoginAt: string | null;
}

export interface SheetProblem {
  row: number;
  column: string;
  message: string;
  /** articles import: an error keeps the row out, a warning only informs */
  level?: 'error' | 'warning';
  /** articles import: the history sheet (月度报送, 约稿…); absent for the first sheet */
  sheet?: string;
}

/** Result of an import job: counts and the row-by-row problems. */
export interface ImportResult {
  created?: number;
  updated?: number;
  unchanged?: number;
  imported?: number;
  skipped?: number;
  problems?: SheetProblem[];
  [key: string]: unknown;
}

interface Reviewed {
  id: number;
  version: number;
  status: EntryStatus;
  statusLabel: string;
  reviewNote: string | null;
}

export interface ArticleUnitShare {
  unitId: number;
  unitName: string | null;
  /** null = equal split */
  sharePercent: number | null;
  /** signing order, 1 = 第一署名单位 */
  position: number;
}

export type EvidenceItem = EvidenceFileResponse;

export interface Placement extends Reviewed {
  articleId: number;
  outletId: number;
  outletName: string | null;
  level: Level | null;
  levelLabel: string | null;
  channel: Channel | null;
  channelLabel: string | null;
  publishedAt: string;
  publishedDate: string;
  page: string | null;
  prominence: Prominence;
  prominenceLabel: string;
  form: PlacementForm;
  formLabel: string;
  medium: Medium | null;
  url: string | null;
  views: number | null;
  shares: number | null;
  evidence: EvidenceItem[];
}

export interface Instruction extends Reviewed {
  articleId: number;
  leaderTitle: string;
  level: Level;
  instructedDate: string;
  content: string | null;
  evidence?: EvidenceItem[];
}

export interface Article extends Reviewed {
  title: string;
  summary: string | null;
  wordCount: number | null;
  genre: string | null;
  authors: string | null;
  submittedAt: string;
  submittedDate: string;
  ownerUnitId: number;
  commissionId: number | null;
  verifiedAt: string | null;
  units: ArticleUnitShare[];
  createdAt: string;
  updatedAt: string;
}

export type { AdjustmentResponse as Adjustment, ItemKind, ItemRecordResponse as ItemRecord, SimilarArticle, SimilarArticleShown } from '@app/contracts';

export type ReviewType = 'articles' | 'placements' | 'instructions' | 'items';
export type ReviewAction = 'submit' | 'approve' | 'return' | 'verify' | 'reject' | 'reopen';

/** One row of a review queue (reviewer: submitted of my unit; office: unit-approved of all). */
export interface QueueItem {
  type: ReviewType;
  id: number;
  /** null for a 事项 without a linked article */
  articleId: number | null;
  articleTitle: string;
  /** 事项 only */
  kind: string | null;
  itemTitle: string | null;
  unitId: number;
  unitName: string;
  status: EntryStatus;
  statusLabel: string;
  date: string;
  outletName: string | null;
  level: Level | null;
  levelLabel: string | null;
  prominenceLabel: string | null;
  leaderTitle: string | null;
  evidenceCount: number;
  version: number;
}

export interface BulkResult {
  succeeded: number;
  failed: number;
  results: ({ ok: true; type: ReviewType; id: number } | { ok: false; type: ReviewType; id: number; code: string; message: string })[];
}

export interface BulkDeleteResult {
  succeeded: number;
  failed: number;
  results: ({ ok: true; id: number } | { ok: false; id: number; code: string; message: string })[];
}

export type TargetStatus = 'on-time' | 'late' | 'missing' | 'pending';

export interface CompletionSummary {
  targets: number;
  answered: number;
  onTime: number;
  late: number;
  missing: number;
  pending: number;
  rate: number | null;
}

export interface CommissionTarget {
  id: number;
  unitId: number;
  unitCode: string | null;
  unitName: string | null;
  contactName: string | null;
  contactPhone: string | null;
  articleId: number | null;
  articleTitle: string | null;
  submittedDate: string | null;
  answeredAt: string | null;
  /** the answering article's review status; the answer counts once it is verified */
  articleStatus: string | null;
  status: TargetStatus;
}

export interface Commission {
  id: number;
  topic: string;
  description: string | null;
  /** 发文单位 category; empty = the office itself */
  issuer: string;
  issuedDate: string;
  deadline: string;
  status: 'open' | 'closed';
  version: number;
  targets: CommissionTarget[];
  summary: CompletionSummary | null;
}

export interface CompletionReport {
  from: string;
  to: string;
  commissions: number;
  units: (CompletionSummary & { unitId: number; unitCode: string | null; unitName: string | null })[];
  total: CompletionSummary;
}

export type ReportStatus = 'on-time' | 'late' | 'missing' | 'pending';

export interface MonthlyReport {
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
  report: MonthlyReport | null;
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

export type { Role };

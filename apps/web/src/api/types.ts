/** Shapes the API answers with (the server's entities as JSON). Shared enums come from @app/contracts. */
import type { Channel, EntryStatus, Level, Medium, Prominence, Role, SessionUser } from '@app/contracts';

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
  active: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
}

export interface AuditItem {
  id: number;
  userId: number | null;
  username: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  createdAt: string;
}

export interface SheetProblem {
  row: number;
  column: string;
  message: string;
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

interface Reviewed extends Versioned {
  status: EntryStatus;
  reviewNote: string | null;
  verifiedAt?: string | null;
}

export interface ArticleUnitShare {
  unitId: number;
  unit?: Unit;
  unitName?: string;
  sharePercent?: number | null;
  shareBp?: number | null;
}

export interface EvidenceItem {
  id: number;
  fileName: string;
  mimeType: string;
  size: number;
  url?: string;
}

export interface Placement extends Reviewed {
  articleId: number;
  outletId: number;
  outlet?: Outlet;
  outletName?: string;
  publishedAt: string;
  publishedDate: string;
  page: string | null;
  prominence: Prominence;
  medium: Medium | null;
  url: string | null;
  views: number | null;
  shares: number | null;
  evidence?: EvidenceItem[];
  article?: Article;
}

export interface Instruction extends Reviewed {
  articleId: number;
  leaderTitle: string;
  level: Level;
  instructedDate: string;
  content: string | null;
  evidence?: EvidenceItem[];
  article?: Article;
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
  ownerUnit?: Unit;
  commissionId: number | null;
  units?: ArticleUnitShare[];
  placements?: Placement[];
  instructions?: Instruction[];
  placementCount?: number;
}

export interface SimilarArticle {
  id: number;
  title: string;
  submittedDate?: string;
  unitName?: string;
  ownerUnit?: Unit;
  similarity?: number;
}

export type ReviewType = 'articles' | 'placements' | 'instructions';
export type ReviewAction = 'submit' | 'approve' | 'return' | 'verify' | 'reject' | 'reopen';

export interface QueueItem {
  type: ReviewType | 'article' | 'placement' | 'instruction';
  id: number;
  status: EntryStatus;
  title?: string;
  articleId?: number;
  articleTitle?: string;
  unitName?: string;
  unitId?: number;
  outletName?: string;
  level?: Level;
  publishedDate?: string;
  prominence?: Prominence;
  evidence?: EvidenceItem[];
  article?: Article;
  placement?: Placement;
  [key: string]: unknown;
}

export interface CommissionTargetItem {
  unitId: number;
  unit?: Unit;
  unitName?: string;
  articleId: number | null;
  articleTitle?: string | null;
  answeredAt: string | null;
  state?: 'on-time' | 'late' | 'missing' | 'open' | string;
}

export interface Commission extends Versioned {
  topic: string;
  description: string | null;
  issuedDate: string;
  deadline: string;
  targets?: CommissionTargetItem[];
  /** for the officer's inbox: my unit's target */
  myTarget?: CommissionTargetItem;
  [key: string]: unknown;
}

export interface MonthlyReport {
  id?: number;
  unitId: number;
  month: string;
  filedAt?: string | null;
  filedDate?: string | null;
  articlesSubmitted: number;
  placementsAdopted: number;
  narrative: string | null;
  [key: string]: unknown;
}

export type { Role };

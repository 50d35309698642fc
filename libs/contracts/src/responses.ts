import type { AdjustmentStatus, EntryStatus, JobStatus, Level, QueueMode, Role } from './enums';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface HealthResponse {
  status: 'up' | 'down';
  database: 'up' | 'down';
  queue: { mode: QueueMode; status: 'up' | 'down' };
  /** Score recomputes owed but not yet queued (kept in the database while the queue is down); null when the database does not answer. */
  recomputeBacklog: { count: number; oldestAgeSeconds: number | null } | null;
  role: 'api' | 'worker' | 'all';
  version: string;
}

/** What a client needs to know about the server before anyone logs in (GET /api/meta). */
export interface MetaResponse {
  /** IANA zone whose calendar business dates are taken in (BUSINESS_TIMEZONE). */
  businessTimeZone: string;
  version: string;
}

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  officeId: number;
  unitId: number | null;
  mustChangePassword: boolean;
}

/** One login of the caller (登录设备/会话). */
export interface SessionInfo {
  id: number;
  userAgent: string;
  address: string;
  createdAt: string;
  lastSeenAt: string;
  /** The session this request came with. */
  current: boolean;
}

export interface JobResponse {
  id: number;
  name: string;
  businessKey: string;
  status: JobStatus;
  progress: number;
  attempts: number;
  maxAttempts: number;
  error: string | null;
  result: unknown;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** A recorded article whose title reads like the one being typed (GET /api/articles/similar). */
export interface SimilarArticleShown {
  /** The caller may see the article: always for the office; for officers and reviewers, an article their unit is on. */
  ownUnit: true;
  id: number;
  title: string;
  submittedDate: string;
  unitNames: string[];
  similarity: number;
}

/**
 * Another unit's similar article, as an officer or reviewer sees it: that it exists (a joint
 * article is found this way) and how alike the titles read — not its title, units, date or id.
 */
export interface SimilarArticleWithheld {
  ownUnit: false;
  /** Always OTHER_UNIT_SIMILAR_TITLE. */
  title: string;
  similarity: number;
}

export type SimilarArticle = SimilarArticleShown | SimilarArticleWithheld;

/** What stands in for the title of another unit's similar article. */
export const OTHER_UNIT_SIMILAR_TITLE = '其他单位的相似稿件';

/** One kind of 事项 from the scheme catalogue (`items:`), as the recording forms offer it. */
export interface ItemKind {
  kind: string;
  /** label shown to people; the kind itself when the catalogue gives none */
  name: string;
  /** `office`: only the office records it (verified on save) */
  recordedBy: 'unit' | 'office';
  /** points per level (a level must be chosen) rather than one flat value */
  perLevel: boolean;
  /** a record of this kind voids the points of a linked article */
  voidsArticle: boolean;
}

export interface EvidenceFileResponse {
  id: number;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  url: string;
  createdAt: string;
}

/** 事项 record as the API answers it. */
export interface ItemRecordResponse {
  id: number;
  unitId: number;
  unitName: string | null;
  kind: string;
  title: string;
  date: string;
  level: Level | null;
  levelLabel: string | null;
  articleId: number | null;
  articleTitle: string | null;
  note: string | null;
  status: EntryStatus;
  statusLabel: string;
  reviewNote: string | null;
  verifiedAt: string | null;
  version: number;
  evidence: EvidenceFileResponse[];
  createdAt: string;
  updatedAt: string;
}

/** 加减分 as the API answers it. */
export interface AdjustmentResponse {
  id: number;
  unitId: number;
  unitName: string | null;
  quarter: string;
  /** exact decimal text, e.g. "-3" or "2.5" (stored as ten-thousandths) */
  points: string;
  reason: string;
  status: AdjustmentStatus;
  statusLabel: string;
  /** why it was rejected */
  decisionNote: string | null;
  createdBy: number | null;
  createdByName: string | null;
  approvedBy: number | null;
  approvedByName: string | null;
  approvedAt: string | null;
  version: number;
  evidence: EvidenceFileResponse[];
  createdAt: string;
  updatedAt: string;
}

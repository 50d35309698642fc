/**
 * Shapes shared by many features (pages, jobs, sessions, evidence, 事项, 加减分), as the API
 * answers them. Zod schemas: one definition gives the TypeScript type (z.infer) and the
 * OpenAPI component an outside client is generated from.
 */
import { z } from 'zod';
import { ADJUSTMENT_STATUSES, ENTRY_STATUSES, JOB_STATUSES, LEVELS, QUEUE_MODES, ROLES } from './enums';

export const int = () => z.number().int();

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** One page of a list (`?page=`, `?pageSize=`, `?sort=`). */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: int(), page: int(), pageSize: int() });
}

const upDown = z.enum(['up', 'down']);

export const HealthResponseSchema = z.object({
  status: upDown,
  database: upDown,
  queue: z.object({ mode: z.enum(QUEUE_MODES), status: upDown }),
  recomputeBacklog: z
    .object({ count: int(), oldestAgeSeconds: int().nullable() })
    .nullable()
    .describe('Score recomputes owed but not yet queued (kept in the database while the queue is down); null when the database does not answer.'),
  role: z.enum(['api', 'worker', 'all']),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

/** What a client needs to know about the server before anyone logs in (GET /api/meta). */
export const MetaResponseSchema = z.object({
  businessTimeZone: z.string().describe('IANA zone whose calendar business dates are taken in (BUSINESS_TIMEZONE).'),
  version: z.string(),
});
export type MetaResponse = z.infer<typeof MetaResponseSchema>;

export const SessionUserSchema = z.object({
  id: int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  officeId: int(),
  unitId: int().nullable(),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

/** POST /api/auth/login and /api/auth/password: the session token (also set as the cookie) and the user. */
export const SessionAnswerSchema = z.object({ token: z.string(), user: SessionUserSchema });
export type SessionAnswer = z.infer<typeof SessionAnswerSchema>;

/** One login of the caller (登录设备/会话). */
export const SessionInfoSchema = z.object({
  id: int(),
  userAgent: z.string(),
  address: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean().describe('The session this request came with.'),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/** DELETE /api/auth/sessions: how many other sessions were ended. */
export const EndedSessionsSchema = z.object({ ended: int() });
export type EndedSessions = z.infer<typeof EndedSessionsSchema>;

export const JobResponseSchema = z.object({
  id: int(),
  name: z.string(),
  businessKey: z.string(),
  status: z.enum(JOB_STATUSES),
  progress: z.number(),
  attempts: int(),
  maxAttempts: int(),
  error: z.string().nullable(),
  result: z.unknown().describe("The job's result: an import's report (ImportResult), a publication's snapshot, a recompute's counts; null until done."),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type JobResponse = z.infer<typeof JobResponseSchema>;

/** A recorded article whose title reads like the one being typed (GET /api/articles/similar). */
export const SimilarArticleShownSchema = z.object({
  ownUnit: z.literal(true).describe('The caller may see the article: always for the office; for officers and reviewers, an article their unit is on.'),
  id: int(),
  title: z.string(),
  submittedDate: z.string(),
  unitNames: z.array(z.string()),
  similarity: z.number(),
});
export type SimilarArticleShown = z.infer<typeof SimilarArticleShownSchema>;

/**
 * Another unit's similar article, as an officer or reviewer sees it: that it exists (a joint
 * article is found this way) and how alike the titles read — not its title, units, date or id.
 */
export const SimilarArticleWithheldSchema = z.object({
  ownUnit: z.literal(false),
  title: z.string().describe('Always OTHER_UNIT_SIMILAR_TITLE (其他单位的相似稿件).'),
  similarity: z.number(),
});
export type SimilarArticleWithheld = z.infer<typeof SimilarArticleWithheldSchema>;

export const SimilarArticleSchema = z.discriminatedUnion('ownUnit', [SimilarArticleShownSchema, SimilarArticleWithheldSchema]);
export type SimilarArticle = z.infer<typeof SimilarArticleSchema>;

/** One kind of 事项 from the scheme catalogue (`items:`), as the recording forms offer it. */
export const ItemKindSchema = z.object({
  kind: z.string(),
  name: z.string().describe('label shown to people; the kind itself when the catalogue gives none'),
  recordedBy: z.enum(['unit', 'office']).describe('`office`: only the office records it (verified on save)'),
  perLevel: z.boolean().describe('points per level (a level must be chosen) rather than one flat value'),
  voidsArticle: z.boolean().describe('a record of this kind voids the points of a linked article'),
});
export type ItemKind = z.infer<typeof ItemKindSchema>;

export const EvidenceFileResponseSchema = z.object({
  id: int(),
  fileName: z.string(),
  mimeType: z.string(),
  size: int(),
  sha256: z.string(),
  url: z.string(),
  createdAt: z.string(),
});
export type EvidenceFileResponse = z.infer<typeof EvidenceFileResponseSchema>;

/** 事项 record as the API answers it. */
export const ItemRecordResponseSchema = z.object({
  id: int(),
  unitId: int(),
  unitName: z.string().nullable(),
  kind: z.string(),
  title: z.string(),
  date: z.string(),
  level: z.enum(LEVELS).nullable(),
  levelLabel: z.string().nullable(),
  articleId: int().nullable(),
  articleTitle: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(ENTRY_STATUSES),
  statusLabel: z.string(),
  reviewNote: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  version: int(),
  evidence: z.array(EvidenceFileResponseSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ItemRecordResponse = z.infer<typeof ItemRecordResponseSchema>;

/** 加减分 as the API answers it. */
export const AdjustmentResponseSchema = z.object({
  id: int(),
  unitId: int(),
  unitName: z.string().nullable(),
  quarter: z.string(),
  points: z.string().describe('exact decimal text, e.g. "-3" or "2.5" (stored as ten-thousandths)'),
  reason: z.string(),
  status: z.enum(ADJUSTMENT_STATUSES),
  statusLabel: z.string(),
  decisionNote: z.string().nullable().describe('why it was rejected'),
  createdBy: int().nullable(),
  createdByName: z.string().nullable(),
  approvedBy: int().nullable(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  version: int(),
  evidence: z.array(EvidenceFileResponseSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdjustmentResponse = z.infer<typeof AdjustmentResponseSchema>;

/** Scores, rankings, the quarter lifecycle, notices and notifications. */
import type { JobResponse, Page, DisputeResponse as Dispute, RankingResponse, NoticeResponse as NoticeItem, NoticeTexts, NotificationResponse as NotificationItem, ParentRankingPosition, ParentStatementResponse, QuarterDetailResponse as QuarterDetail, QuarterResponse as QuarterItem, SnapshotResponse as Snapshot, StatementResponse, TrendPoint, YearRanking } from '@app/contracts';
import { http, type Query } from './http';

export const scoresApi = {
  statement: (quarter: string, unitId?: number) => http.get<StatementResponse>('/scores/statement', { quarter, unitId }),
  statementHref: (quarter: string, unitId?: number) => http.href('/scores/statement.xlsx', { quarter, unitId }),
  ranking: (quarter: string) => http.get<RankingResponse>('/scores/ranking', { quarter }),
};

export const quartersApi = {
  list: () => http.get<QuarterItem[]>('/quarters'),
  get: (quarter: string) => http.get<QuarterDetail>(`/quarters/${quarter}`),
  snapshot: (quarter: string, revision: number) => http.get<Snapshot>(`/quarters/${quarter}/snapshots/${revision}`),
  /** this office's place in its parent's latest published ranking (null when none) */
  parentRanking: () => http.get<{ position: ParentRankingPosition | null }>('/offices/parent-ranking'),
  /** this office's lines in the ranking its parent published for `quarter` (as frozen there) */
  parentStatement: (quarter: string) => http.get<ParentStatementResponse>(`/offices/parent-ranking/${quarter}/statement`),
  openReview: (quarter: string) => http.post<unknown>(`/quarters/${quarter}/review`),
  close: (quarter: string, excludeUnverified: boolean, overrideReason?: string) =>
    http.post<unknown>(`/quarters/${quarter}/close`, overrideReason ? { excludeUnverified, overrideReason } : { excludeUnverified }),
  reopen: (quarter: string) => http.post<unknown>(`/quarters/${quarter}/reopen`),
  updateTexts: (quarter: string, texts: NoticeTexts) => http.patch<NoticeTexts>(`/quarters/${quarter}/notice-texts`, texts),
  publish: (quarter: string, reason?: string, options: { backfill?: boolean; overrideReason?: string } = {}) =>
    http.post<JobResponse>(`/quarters/${quarter}/publish`, {
      ...(reason ? { reason } : {}),
      ...(options.backfill !== undefined ? { backfill: options.backfill } : {}),
      ...(options.overrideReason ? { overrideReason: options.overrideReason } : {}),
    }),
  disputes: (quarter: string) => http.get<Dispute[]>(`/quarters/${quarter}/disputes`),
  dispute: (quarter: string, body: { reason: string; scoreLineId?: number }) => http.post<Dispute>(`/quarters/${quarter}/disputes`, body),
  answer: (quarter: string, id: number, answer: string) => http.post<Dispute>(`/quarters/${quarter}/disputes/${id}/answer`, { answer }),
};

export const rankingsApi = {
  year: (year: number, through?: string) => http.get<YearRanking>('/rankings/year', { year, through }),
  trend: (count = 8) => http.get<TrendPoint[]>('/rankings/trend', { count }),
  yearHref: (year: number, through?: string) => http.href('/rankings/year.xlsx', { year, through }),
  rankingHref: (quarter: string, revision: number) => http.href(`/quarters/${quarter}/snapshots/${revision}/ranking.xlsx`),
};

export const noticesApi = {
  list: () => http.get<NoticeItem[]>('/notices'),
  view: (id: number) => http.get<{ snapshotId: number; ready: boolean; data: unknown }>(`/notices/${id}`),
  readers: (id: number) => http.get<{ read: number; total: number; users: { userId: number; displayName: string; role: string; unitName: string | null; readAt: string | null }[] }>(`/notices/${id}/readers`),
  docxHref: (id: number) => http.href(`/notices/${id}/notice.docx`),
  xlsxHref: (id: number) => http.href(`/notices/${id}/notice.xlsx`),
};

export const notificationsApi = {
  list: (query: Query) => http.get<Page<NotificationItem> & { unread: number }>('/notifications', query),
  read: (id: number) => http.post<void>(`/notifications/${id}/read`),
  readAll: () => http.post<void>('/notifications/read-all'),
};

/** 2026-Q3 → 2026年第三季度, as the 通报 writes it (one rule for pages and documents) */
export { quarterLabel } from '@app/contracts';

/** Recording: articles, placements, evidence, instructions, review, 约稿 and monthly reports. */
import type { JobResponse, Page, AdjustmentResponse as Adjustment, ArticleResponse as Article, BulkDeleteResult, BulkResult, CommissionResponse as Commission, CommissionTargetResponse as CommissionTarget, ComplianceReport, CompletionReport, EvidenceFileResponse as EvidenceItem, InstructionResponse as Instruction, ItemKind, ItemRecordResponse as ItemRecord, MonthlyDraft, MonthStanding, PlacementResponse as Placement, QueueItem, ReviewAction, ReviewType, SimilarArticle } from '@app/contracts';
import { http, request, upload, type Query } from './http';

export interface ArticleInput {
  title: string;
  summary?: string;
  wordCount?: number;
  genre?: string;
  authors?: string;
  submittedAt?: string;
  units?: { unitId: number; sharePercent?: number }[];
  version?: number;
}

export interface PlacementInput {
  outletId?: number;
  publishedAt: string;
  page?: string;
  prominence?: string;
  form?: string;
  medium?: string;
  url?: string;
  views?: number;
  shares?: number;
  version?: number;
}

export const articlesApi = {
  list: (query: Query) => http.get<Page<Article>>('/articles', query),
  get: (id: number) => http.get<Article>(`/articles/${id}`),
  create: (body: ArticleInput) => http.post<Article>('/articles', body),
  update: (id: number, body: Partial<ArticleInput>) => http.patch<Article>(`/articles/${id}`, body),
  remove: (id: number) => http.del(`/articles/${id}`),
  bulkRemove: (ids: number[]) => http.post<BulkDeleteResult>('/articles/bulk-delete', { ids }),
  similar: (title: string, excludeId?: number) => http.get<SimilarArticle[]>('/articles/similar', { title, excludeId }),
  merge: (id: number, otherId: number) => http.post<void>(`/articles/${id}/merge`, { otherId }),
  markDistinct: (id: number, otherId: number) => http.post<void>(`/articles/${id}/distinct`, { otherId }),
  placements: (id: number) => http.get<Placement[]>(`/articles/${id}/placements`),
  instructions: (id: number) => http.get<Instruction[]>(`/articles/${id}/instructions`),
  addPlacement: (articleId: number, body: PlacementInput) => http.post<Placement>(`/articles/${articleId}/placements`, body),
  addInstruction: (articleId: number, body: Record<string, unknown>) => http.post<Instruction>(`/articles/${articleId}/instructions`, body),
  templateHref: () => http.href('/articles/template.xlsx'),
  exportHref: (query: Query) => http.href('/articles/export.xlsx', query),
  import: (file: File, asStatus?: 'draft' | 'verified') => {
    const form = new FormData();
    form.append('file', file, file.name);
    if (asStatus) form.append('asStatus', asStatus);
    return request<JobResponse>('POST', '/articles/import', form);
  },
  reportHref: (jobId: number) => http.href(`/articles/import/${jobId}/report.xlsx`),
};

export const placementsApi = {
  update: (id: number, body: PlacementInput) => http.patch<Placement>(`/placements/${id}`, body),
  remove: (id: number) => http.del(`/placements/${id}`),
};

export const instructionsApi = {
  remove: (id: number) => http.del(`/instructions/${id}`),
};

export interface ItemInput {
  unitId?: number;
  kind?: string;
  title?: string;
  date?: string;
  level?: string | null;
  articleId?: number | null;
  note?: string | null;
  version?: number;
}

/** 事项 of the kinds the scheme catalogue defines (会议交流发言, 虚假信息…). */
export const itemsApi = {
  kinds: (date?: string) => http.get<ItemKind[]>('/item-kinds', date ? { date } : {}),
  list: (query: Query) => http.get<Page<ItemRecord>>('/items', query),
  get: (id: number) => http.get<ItemRecord>(`/items/${id}`),
  create: (body: ItemInput) => http.post<ItemRecord>('/items', body),
  update: (id: number, body: ItemInput & { version: number }) => http.patch<ItemRecord>(`/items/${id}`, body),
  remove: (id: number) => http.del(`/items/${id}`),
};

export interface AdjustmentInput {
  unitId?: number;
  quarter?: string;
  /** decimal text, e.g. "-3" or "2.5" */
  points?: string;
  reason?: string;
}

/** 加减分: the office records, another office user approves or rejects. */
export const adjustmentsApi = {
  list: (query: Query) => http.get<Page<Adjustment>>('/adjustments', query),
  create: (body: AdjustmentInput) => http.post<Adjustment>('/adjustments', body),
  update: (id: number, body: AdjustmentInput & { version: number }) => http.patch<Adjustment>(`/adjustments/${id}`, body),
  remove: (id: number) => http.del(`/adjustments/${id}`),
  approve: (id: number, version: number) => http.post<Adjustment>(`/adjustments/${id}/approve`, { version }),
  reject: (id: number, version: number, note: string) => http.post<Adjustment>(`/adjustments/${id}/reject`, { version, note }),
};

export const evidenceApi = {
  upload: (owner: 'placements' | 'instructions' | 'items' | 'adjustments', ownerId: number, file: File | Blob, name?: string) => upload<EvidenceItem>(`/${owner}/${ownerId}/evidence`, file, name),
  remove: (id: number) => http.del(`/evidence/${id}`),
};

export const reviewApi = {
  act: (type: ReviewType, id: number, action: ReviewAction, reason?: string) => http.post<unknown>(`/review/${type}/${id}/${action}`, reason ? { reason } : {}),
  bulk: (action: ReviewAction, items: { type: ReviewType; id: number }[], reason?: string) => http.post<BulkResult>('/review/bulk', { action, items, reason }),
  queue: (query: Query) => http.get<Page<QueueItem>>('/review/queue', query),
  evidenceRule: (date: string) => http.get<{ date: string; quarter: string; evidenceLater: boolean }>('/review/evidence-rule', { date }),
};

export const commissionsApi = {
  list: (query: Query) => http.get<Page<Commission>>('/commissions', query),
  inbox: (query: Query) => http.get<Page<Commission>>('/commissions/inbox', query),
  get: (id: number) => http.get<Commission>(`/commissions/${id}`),
  create: (body: Record<string, unknown>) => http.post<Commission>('/commissions', body),
  update: (id: number, body: Record<string, unknown> & { version: number }) => http.patch<Commission>(`/commissions/${id}`, body),
  remove: (id: number) => http.del(`/commissions/${id}`),
  answer: (id: number, articleId: number) => http.post<CommissionTarget>(`/commissions/${id}/answer`, { articleId }),
  completion: (from: string, to: string) => http.get<CompletionReport>('/commissions/completion', { from, to }),
};

export const monthlyApi = {
  get: (month: string) => http.get<MonthStanding>(`/monthly-reports/${month}`),
  file: (month: string, body: { articlesSubmitted: number; placementsAdopted: number; narrative?: string; version?: number }) => http.put<MonthStanding>(`/monthly-reports/${month}`, body),
  draft: (month: string) => http.get<MonthStanding & { draft: MonthlyDraft }>(`/monthly-reports/draft/${month}`),
  history: (query: Query) => http.get<MonthStanding[]>('/monthly-reports/history', query),
  compliance: (month: string) => http.get<ComplianceReport>('/monthly-reports/compliance', { month }),
  /** 一键催报: reminds every unit still missing the month's report (delivered by a job). */
  urge: (month: string) => http.post<{ month: string; dueDate: string; units: number; job: JobResponse }>('/reminders/monthly-reports', { month }),
  complianceHref: (month: string) => http.href('/monthly-reports/compliance.xlsx', { month }),
};

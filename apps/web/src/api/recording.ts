/** Recording: articles, placements, evidence, instructions, review, 约稿 and monthly reports. */
import type { JobResponse, Page } from '@app/contracts';
import { http, upload, type Query } from './http';
import type { Article, Commission, EvidenceItem, Instruction, MonthlyReport, Placement, QueueItem, ReviewAction, ReviewType, SimilarArticle } from './types';

export interface ArticleInput {
  title: string;
  summary?: string;
  wordCount?: number;
  genre?: string;
  authors?: string;
  submittedAt?: string;
  units?: { unitId: number; sharePercent?: number }[];
  commissionId?: number;
  version?: number;
}

export interface PlacementInput {
  outletId: number;
  publishedAt: string;
  page?: string;
  prominence: string;
  medium?: string;
  url?: string;
  views?: number;
  shares?: number;
}

export const articlesApi = {
  list: (query: Query) => http.get<Page<Article>>('/articles', query),
  get: (id: number) => http.get<Article>(`/articles/${id}`),
  create: (body: ArticleInput) => http.post<Article>('/articles', body),
  update: (id: number, body: Partial<ArticleInput>) => http.patch<Article>(`/articles/${id}`, body),
  remove: (id: number) => http.del(`/articles/${id}`),
  similar: async (title: string): Promise<SimilarArticle[]> => {
    const answer = await http.get<SimilarArticle[] | { items: SimilarArticle[] }>('/articles/similar', { title });
    return Array.isArray(answer) ? answer : answer.items;
  },
  addPlacement: (articleId: number, body: PlacementInput) => http.post<Placement>(`/articles/${articleId}/placements`, body),
  addInstruction: (articleId: number, body: Record<string, unknown>) => http.post<Instruction>(`/articles/${articleId}/instructions`, body),
  templateHref: () => http.href('/articles/template.xlsx'),
  exportHref: (query: Query) => http.href('/articles/export.xlsx', query),
  import: (file: File) => upload<JobResponse>('/articles/import', file),
};

export const evidenceApi = {
  upload: (placementId: number, file: File | Blob, name?: string) => upload<EvidenceItem>(`/placements/${placementId}/evidence`, file, name),
  href: (id: number) => http.href(`/evidence/${id}`),
};

export const reviewApi = {
  act: (type: ReviewType, id: number, action: ReviewAction, reason?: string) => http.post<unknown>(`/review/${type}/${id}/${action}`, reason ? { reason } : {}),
  bulk: (action: ReviewAction, items: { type: ReviewType; id: number }[], reason?: string) => http.post<unknown>('/review/bulk', { action, items, reason }),
  queue: (query: Query) => http.get<Page<QueueItem>>('/review/queue', query),
};

export const commissionsApi = {
  list: (query: Query) => http.get<Page<Commission>>('/commissions', query),
  get: (id: number) => http.get<Commission>(`/commissions/${id}`),
  create: (body: Record<string, unknown>) => http.post<Commission>('/commissions', body),
  answer: (id: number, articleId: number) => http.post<unknown>(`/commissions/${id}/answer`, { articleId }),
  completion: (query: Query) => http.get<unknown>('/commissions/completion', query),
};

export const monthlyApi = {
  save: (month: string, body: Partial<MonthlyReport>) => http.put<MonthlyReport>(`/monthly-reports/${month}`, body),
  draft: (month: string) => http.get<MonthlyReport>(`/monthly-reports/draft/${month}`),
  compliance: (month: string) => http.get<unknown>('/monthly-reports/compliance', { month }),
};

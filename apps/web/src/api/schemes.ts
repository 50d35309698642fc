/** 计分办法 versions: documents (YAML), diff, validation and the what-if preview. */
import type { JobResponse, Page, PreviewResponse } from '@app/contracts';
import type { SchemeError } from '@app/scoring';
import { http } from './http';

export interface SchemeVersion {
  id: number;
  versionNo: number;
  name: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  note: string | null;
  locked: boolean;
  lockedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface SchemeVersionDetail extends SchemeVersion {
  document: string;
}

export interface SchemeDiff {
  a: { id: number; versionNo: number; name: string; effectiveFrom: string };
  b: { id: number; versionNo: number; name: string; effectiveFrom: string };
  changes: { path: string; before: unknown; after: unknown }[];
}

/** The what-if preview's answer is the server's contract: rows, per-row hits by level, the ranking by group. */
export type { PreviewGroup, PreviewRow, PreviewRowHits } from '@app/contracts';

export const schemesApi = {
  list: () => http.get<Page<SchemeVersion>>('/schemes', { pageSize: 200 }),
  get: (id: number) => http.get<SchemeVersionDetail>(`/schemes/${id}`),
  create: (body: { effectiveFrom: string; copyOf?: number; document?: string; note?: string }) => http.post<SchemeVersionDetail & { recomputeJob: JobResponse | null }>('/schemes', body),
  update: (id: number, body: { document?: string; note?: string; version: number }) => http.patch<SchemeVersionDetail & { recomputeJob: JobResponse | null }>(`/schemes/${id}`, body),
  validate: (document: string) => http.post<{ valid: boolean; errors: SchemeError[] }>('/schemes/validate', { document }),
  remove: (id: number) => http.del<{ recomputeJob: JobResponse | null }>(`/schemes/${id}`),
  diff: (a: number, b: number) => http.get<SchemeDiff>('/schemes/diff', { a, b }),
  preview: (document: string, quarter: string) => http.post<PreviewResponse>('/schemes/preview', { document, quarter }),
};

/** Reference data the office keeps: units, ranking groups, outlets, users; and the jobs and audit logs. */
import type { AuditEntryResponse, JobResponse, OfficeSettingsResponse, Page, OutletResponse as Outlet, RankingGroupResponse as RankingGroup, UnitResponse as Unit, UserResponse as UserItem } from '@app/contracts';
import { http, upload, type Query } from './http';

export const unitsApi = {
  list: (query: Query) => http.get<Page<Unit>>('/units', query),
  get: (id: number) => http.get<Unit>(`/units/${id}`),
  create: (body: Partial<Unit>) => http.post<Unit>('/units', body),
  update: (id: number, body: Partial<Unit> & { version: number }) => http.patch<Unit>(`/units/${id}`, body),
  remove: (id: number) => http.del(`/units/${id}`),
  /** every active unit, for pickers (an office has a few dozen) */
  all: async () => (await http.get<Page<Unit>>('/units', { pageSize: 200, active: true })).items,
};

export const groupsApi = {
  list: () => http.get<RankingGroup[]>('/ranking-groups'),
  create: (body: Partial<RankingGroup>) => http.post<RankingGroup>('/ranking-groups', body),
  update: (id: number, body: Partial<RankingGroup>) => http.patch<RankingGroup>(`/ranking-groups/${id}`, body),
  remove: (id: number) => http.del(`/ranking-groups/${id}`),
};

export const outletsApi = {
  list: (query: Query) => http.get<Page<Outlet>>('/outlets', query),
  create: (body: Partial<Outlet>) => http.post<Outlet>('/outlets', body),
  update: (id: number, body: Partial<Outlet> & { version: number }) => http.patch<Outlet>(`/outlets/${id}`, body),
  remove: (id: number) => http.del(`/outlets/${id}`),
  exportHref: (query: Query) => http.href('/outlets/export.xlsx', query),
  import: (file: File) => upload<JobResponse>('/outlets/import', file),
};

export const usersApi = {
  list: (query: Query) => http.get<Page<UserItem>>('/users', query),
  create: (body: Record<string, unknown>) => http.post<UserItem>('/users', body),
  update: (id: number, body: Record<string, unknown>) => http.patch<UserItem>(`/users/${id}`, body),
  resetPassword: (id: number, password: string) => http.post<UserItem>(`/users/${id}/reset-password`, { password }),
  unlock: (id: number) => http.post<UserItem>(`/users/${id}/unlock`),
};

export const jobsApi = {
  list: (query: Query) => http.get<Page<JobResponse>>('/jobs', query),
  get: (id: number) => http.get<JobResponse>(`/jobs/${id}`),
};

export const auditApi = {
  list: (query: Query) => http.get<Page<AuditEntryResponse>>('/audit', query),
  exportHref: (query: Query) => http.href('/audit/export.xlsx', query),
};

/** The caller's office's own business settings (null in an update: back to the deployment's). */
export const officeSettingsApi = {
  get: () => http.get<OfficeSettingsResponse>('/offices/settings'),
  update: (body: Record<string, number | null>) => http.patch<OfficeSettingsResponse>('/offices/settings', body),
};

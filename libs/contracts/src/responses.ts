import type { JobStatus, QueueMode, Role } from './enums';

/** The one error body every route answers with. */
export interface ErrorBody {
  statusCode: number;
  /** stable English code, e.g. `validation_failed`, `not_found`, `duplicate` */
  code: string;
  /** Chinese, for people */
  message: string;
  /** field path → Chinese message; empty when the error is not about a field */
  errors: Record<string, string>;
}

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
  role: 'api' | 'worker' | 'all';
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

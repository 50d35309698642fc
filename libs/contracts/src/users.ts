/** Users and the audit log, as the API answers them. */
import type { SessionUser } from './responses';

export interface UserResponse extends SessionUser {
  active: boolean;
  /** A login hold-off on the account still running (failed logins from some address). */
  throttledUntil: string | null;
  lastLoginAt: string | null;
}

export interface AuditEntryResponse {
  id: number;
  userId: number | null;
  username: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  address: string | null;
  userAgent: string | null;
  createdAt: string;
}

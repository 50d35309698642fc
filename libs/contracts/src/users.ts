/** Users, as the API answers them (audit entries: audit.ts). */
import type { SessionUser } from './responses';

export interface UserResponse extends SessionUser {
  /** Where reminders are e-mailed; null = in-app messages only. */
  email: string | null;
  active: boolean;
  /** A login hold-off on the account still running (failed logins from some address). */
  throttledUntil: string | null;
  lastLoginAt: string | null;
}

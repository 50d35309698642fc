/** Users, as the API answers them (audit entries: audit-entry.ts). */
import { z } from 'zod';
import { SessionUserSchema } from './responses';

export const UserResponseSchema = SessionUserSchema.extend({
  email: z.string().nullable().describe('Where reminders are e-mailed; null = in-app messages only.'),
  active: z.boolean(),
  throttledUntil: z.string().nullable().describe('A login hold-off on the account still running (failed logins from some address).'),
  lastLoginAt: z.string().nullable(),
});
export type UserResponse = z.infer<typeof UserResponseSchema>;

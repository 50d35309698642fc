/** One audit entry as the log page and its export show it (the catalogue of names: audit.ts). */
import { z } from 'zod';
import { int } from './responses';

export const AuditEntryResponseSchema = z.object({
  id: int(),
  createdAt: z.string(),
  action: z.string(),
  actionName: z.string().describe('Chinese name of the action (the code itself for an entry written before it had one)'),
  entity: z.string(),
  entityName: z.string(),
  entityId: z.string(),
  subject: z.object({ label: z.string(), link: z.string().nullable() }).describe('the object by its title or name, and the page that shows it (null: no page)'),
  actor: z
    .object({ userId: int().nullable(), username: z.string(), name: z.string(), unitName: z.string().nullable() })
    .describe('the person by real name, with the username and unit'),
  username: z.string().describe("login name of the person (the actor's, repeated for API clients and filters)"),
  userId: int().nullable(),
  before: z.unknown().describe('the stored before image, for API clients; people read `changes`'),
  after: z.unknown().describe('the stored after image'),
  changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string() })).describe('before/after, one row per field that either side holds'),
  address: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type AuditEntryResponse = z.infer<typeof AuditEntryResponseSchema>;

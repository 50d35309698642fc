/** Published notices (通报) and in-app notifications, as the API answers them. */
import { z } from 'zod';
import { ROLES } from './enums';
import { int, pageSchema } from './responses';

export const NoticeResponseSchema = z.object({
  id: int(),
  quarter: z.string(),
  revision: int(),
  kind: z.enum(['notice', 'correction']),
  publishedAt: z.string(),
  contentHash: z.string(),
  formats: z.array(z.string()).describe('files rendered so far: docx, xlsx, json (the web page)'),
  read: z.boolean(),
});
export type NoticeResponse = z.infer<typeof NoticeResponseSchema>;

/** GET /api/notices/:id: the notice as data for the web page, once rendered (the same data the DOCX was made from). */
export const NoticeViewSchema = z.object({
  snapshotId: int(),
  ready: z.boolean(),
  data: z
    .unknown()
    .describe('The notice model (title, narrative, tables, sections: the web page and the DOCX are made from it); null while the files are being rendered.'),
});
export type NoticeView = z.infer<typeof NoticeViewSchema>;

/** GET /api/notices/:id/readers: who has opened the notice. */
export const NoticeReadersSchema = z.object({
  snapshotId: int(),
  read: int(),
  total: int(),
  users: z.array(z.object({ userId: int(), displayName: z.string(), role: z.enum(ROLES), unitName: z.string().nullable(), readAt: z.string().nullable() })),
});
export type NoticeReaders = z.infer<typeof NoticeReadersSchema>;

export const NotificationResponseSchema = z.object({
  id: int(),
  kind: z.string(),
  title: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationResponse = z.infer<typeof NotificationResponseSchema>;

/** GET /api/notifications: a page of the caller's messages and how many are unread. */
export const NotificationPageSchema = pageSchema(NotificationResponseSchema).extend({ unread: int() });
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

import type { NotificationResponse } from '@app/contracts';
import type { Notification } from './notification.entity';

/** A message as the API answers it: without the office, the addressee and the dedupe key, which are bookkeeping. */
export const toNotificationResponse = (n: Notification) =>
  ({
    id: n.id,
    kind: n.kind,
    title: n.title,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  }) satisfies NotificationResponse;

import { Injectable } from '@nestjs/common';
import { In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { NotificationPage, Role } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { PageQuery } from '../common/dto/page.query';
import { notFound } from '../common/app-error';
import type { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import type { Notification } from './notification.entity';
import { NotificationsRepository } from './notifications.repository';
import { Clock } from '../common/clock';
import { desc, findOrder } from '../common/sort';
import { toNotificationResponse } from './notification-response';

export interface NotificationInput {
  kind: string;
  title: string;
  link: string | null;
  /** Same key, same user → one notification, however often a job runs. */
  dedupeKey: string;
}

/** Who received a message: the reminders job e-mails those with an address. */
export interface Recipient {
  id: number;
  unitId: number | null;
  email: string | null;
}

/** Officers and reviewers: the people who act for a unit. */
export const UNIT_PEOPLE: Role[] = ['officer', 'reviewer'];

/** In-app messages: a notice was published, a quarter entered review, a deadline is near. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly users: UsersRepository,
    private readonly clock: Clock,
  ) {}

  /** Sends one message to every active user of the office with one of `roles`. */
  notifyOffice(officeId: number, roles: Role[], input: NotificationInput, manager?: EntityManager): Promise<Recipient[]> {
    return this.send({ officeId, active: true, role: In(roles) }, officeId, input, manager);
  }

  /**
   * Sends one message to the people of these units with one of `roles` (officers and reviewers
   * by default), never to another unit's. With `manager` it is written in the caller's
   * transaction, so the event and its message commit together.
   */
  notifyUnits(officeId: number, unitIds: number[], input: NotificationInput, manager?: EntityManager, roles: Role[] = UNIT_PEOPLE): Promise<Recipient[]> {
    if (unitIds.length === 0) return Promise.resolve([]);
    return this.send({ officeId, active: true, role: In(roles), unitId: In(unitIds) }, officeId, input, manager);
  }

  /** Whether a message with this key went to anyone of the office (a reminder is told once). */
  wasSent(officeId: number, dedupeKey: string, manager?: EntityManager): Promise<boolean> {
    return this.notifications.existsForKey(officeId, dedupeKey, manager);
  }

  private async send(where: FindOptionsWhere<User>, officeId: number, input: NotificationInput, manager?: EntityManager): Promise<Recipient[]> {
    const users = await this.users.findRecipients(where, manager);
    if (users.length === 0) return [];
    const title = input.title.length > 200 ? `${input.title.slice(0, 199)}…` : input.title;
    const rows = users.map((u) => ({ officeId, userId: u.id, kind: input.kind, title, link: input.link, dedupeKey: `${input.dedupeKey}:u${u.id}`.slice(0, 120) }));
    await this.notifications.insertIgnoringDuplicates(rows, manager);
    return users.map((u) => ({ id: u.id, unitId: u.unitId, email: u.email }));
  }

  async list(user: AuthUser, query: PageQuery & { unread?: boolean }): Promise<NotificationPage> {
    const order = findOrder<Notification>(query.sort, { id: 'id', createdAt: 'createdAt', kind: 'kind', readAt: 'readAt' }, [desc('id')]);
    const [items, total] = await this.notifications.pageForUser(user.id, !!query.unread, order, (query.page - 1) * query.pageSize, query.pageSize);
    const unread = await this.notifications.countUnread(user.id);
    return { items: items.map(toNotificationResponse), total, page: query.page, pageSize: query.pageSize, unread };
  }

  async markRead(user: AuthUser, id: number): Promise<void> {
    if (!(await this.notifications.markRead(user.id, id, this.clock.now()))) throw notFound('消息');
  }

  async markAllRead(user: AuthUser): Promise<void> {
    await this.notifications.markAllRead(user.id, this.clock.now());
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Like, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { NotificationPage, Role } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { PageQuery } from '../common/dto/page.query';
import { notFound } from '../common/app-error';
import { User } from '../users/user.entity';
import { Notification } from './notification.entity';
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
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly clock: Clock) {}

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
  async wasSent(officeId: number, dedupeKey: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.exists(Notification, { where: { officeId, dedupeKey: Like(`${dedupeKey}:u%`) } });
  }

  private async send(where: FindOptionsWhere<User>, officeId: number, input: NotificationInput, manager: EntityManager = this.dataSource.manager): Promise<Recipient[]> {
    const users = await manager.find(User, { where, select: { id: true, unitId: true, email: true } });
    if (users.length === 0) return [];
    const title = input.title.length > 200 ? `${input.title.slice(0, 199)}…` : input.title;
    const rows = users.map((u) => ({ officeId, userId: u.id, kind: input.kind, title, link: input.link, dedupeKey: `${input.dedupeKey}:u${u.id}`.slice(0, 120) }));
    await manager.createQueryBuilder().insert().into(Notification).values(rows).orIgnore().execute();
    return users.map((u) => ({ id: u.id, unitId: u.unitId, email: u.email }));
  }

  async list(user: AuthUser, query: PageQuery & { unread?: boolean }): Promise<NotificationPage> {
    const repo = this.dataSource.getRepository(Notification);
    const where = { userId: user.id, ...(query.unread ? { readAt: IsNull() } : {}) };
    const [items, total] = await repo.findAndCount({ where, order: findOrder<Notification>(query.sort, { id: 'id', createdAt: 'createdAt', kind: 'kind', readAt: 'readAt' }, [desc('id')]), skip: (query.page - 1) * query.pageSize, take: query.pageSize });
    const unread = await repo.count({ where: { userId: user.id, readAt: IsNull() } });
    return { items: items.map(toNotificationResponse), total, page: query.page, pageSize: query.pageSize, unread };
  }

  async markRead(user: AuthUser, id: number): Promise<void> {
    const result = await this.dataSource.getRepository(Notification).update({ id, userId: user.id }, { readAt: this.clock.now() });
    if (!result.affected) throw notFound('消息');
  }

  async markAllRead(user: AuthUser): Promise<void> {
    await this.dataSource.getRepository(Notification).update({ userId: user.id, readAt: IsNull() }, { readAt: this.clock.now() });
  }
}

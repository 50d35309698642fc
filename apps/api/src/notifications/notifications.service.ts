import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import type { Page, Role } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { PageQuery } from '../common/dto/page.query';
import { notFound } from '../common/app-error';
import { User } from '../users/user.entity';
import { Notification } from './notification.entity';
import { desc, findOrder } from '../common/sort';

export interface NotificationInput {
  kind: string;
  title: string;
  link: string | null;
  /** Same key, same user → one notification, however often a job runs. */
  dedupeKey: string;
}

/** In-app messages: a notice was published, a quarter entered review, a deadline is near. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Sends one message to every active user of the office with one of `roles`. */
  async notifyOffice(officeId: number, roles: Role[], input: NotificationInput): Promise<number> {
    const users = await this.dataSource.getRepository(User).find({ where: { officeId, active: true, role: In(roles) }, select: { id: true } });
    if (users.length === 0) return 0;
    const rows = users.map((u) => ({ officeId, userId: u.id, kind: input.kind, title: input.title, link: input.link, dedupeKey: `${input.dedupeKey}:u${u.id}`.slice(0, 120) }));
    await this.dataSource.createQueryBuilder().insert().into(Notification).values(rows).orIgnore().execute();
    return rows.length;
  }

  async list(user: AuthUser, query: PageQuery & { unread?: boolean }): Promise<Page<Notification> & { unread: number }> {
    const repo = this.dataSource.getRepository(Notification);
    const where = { userId: user.id, ...(query.unread ? { readAt: IsNull() } : {}) };
    const [items, total] = await repo.findAndCount({ where, order: findOrder<Notification>(query.sort, { id: 'id', createdAt: 'createdAt', kind: 'kind', readAt: 'readAt' }, [desc('id')]), skip: (query.page - 1) * query.pageSize, take: query.pageSize });
    const unread = await repo.count({ where: { userId: user.id, readAt: IsNull() } });
    return { items, total, page: query.page, pageSize: query.pageSize, unread };
  }

  async markRead(user: AuthUser, id: number): Promise<void> {
    const result = await this.dataSource.getRepository(Notification).update({ id, userId: user.id }, { readAt: new Date() });
    if (!result.affected) throw notFound('消息');
  }

  async markAllRead(user: AuthUser): Promise<void> {
    await this.dataSource.getRepository(Notification).update({ userId: user.id, readAt: IsNull() }, { readAt: new Date() });
  }
}

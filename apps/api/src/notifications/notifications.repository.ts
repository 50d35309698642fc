import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Like, type EntityManager, type FindOptionsOrder } from 'typeorm';
import { Notification } from './notification.entity';

export type NotificationRow = Pick<Notification, 'officeId' | 'userId' | 'kind' | 'title' | 'link' | 'dedupeKey'>;

/** Named queries over notifications. `tx` joins a caller's transaction (UnitOfWork). */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: EntityManager): EntityManager {
    return tx ?? this.dataSource.manager;
  }

  /** Inserts the rows; one whose (user, dedupe key) exists already is skipped. */
  async insertIgnoringDuplicates(rows: NotificationRow[], tx?: EntityManager): Promise<void> {
    await this.manager(tx).createQueryBuilder().insert().into(Notification).values(rows).orIgnore().execute();
  }

  /** Whether any user of the office got a message whose key starts with `dedupeKey` (keys end in `:u<userId>`). */
  existsForKey(officeId: number, dedupeKey: string, tx?: EntityManager): Promise<boolean> {
    return this.manager(tx).exists(Notification, { where: { officeId, dedupeKey: Like(`${dedupeKey}:u%`) } });
  }

  pageForUser(userId: number, unreadOnly: boolean, order: FindOptionsOrder<Notification>, skip: number, take: number): Promise<[Notification[], number]> {
    const where = { userId, ...(unreadOnly ? { readAt: IsNull() } : {}) };
    return this.manager().getRepository(Notification).findAndCount({ where, order, skip, take });
  }

  countUnread(userId: number): Promise<number> {
    return this.manager().getRepository(Notification).count({ where: { userId, readAt: IsNull() } });
  }

  /** Marks one of the user's messages read; false when the user has no such message. */
  async markRead(userId: number, id: number, at: Date): Promise<boolean> {
    return !!(await this.manager().getRepository(Notification).update({ id, userId }, { readAt: at })).affected;
  }

  async markAllRead(userId: number, at: Date): Promise<void> {
    await this.manager().getRepository(Notification).update({ userId, readAt: IsNull() }, { readAt: at });
  }
}

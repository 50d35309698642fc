import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { User } from './user.entity';

/**
 * Named queries over users for the features that name, notify or create one (adjustments,
 * notifications, outlet imports, offices). `tx` joins a caller's transaction (UnitOfWork).
 */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: EntityManager): EntityManager {
    return tx ?? this.dataSource.manager;
  }

  /** Each user's display name by id, for responses that show who did something. */
  async displayNamesByIds(ids: number[], tx?: EntityManager): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const users = await this.manager(tx).find(User, { select: { id: true, displayName: true }, where: { id: In(ids) } });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }

  findById(id: number, tx?: EntityManager): Promise<User | null> {
    return this.manager(tx).findOne(User, { where: { id } });
  }

  /** Whom a message goes to: id, unit and e-mail of the users matching `where`. */
  findRecipients(where: FindOptionsWhere<User>, tx?: EntityManager): Promise<Pick<User, 'id' | 'unitId' | 'email'>[]> {
    return this.manager(tx).find(User, { where, select: { id: true, unitId: true, email: true } });
  }

  /** A new, unsaved user (its password is applied before it is inserted). */
  build(fields: Partial<User>): User {
    return this.manager().create(User, fields);
  }

  /** Saves a new or changed user (a changed one is updated by id). */
  save(user: User, tx?: EntityManager): Promise<User> {
    return this.manager(tx).save(User, user);
  }
}

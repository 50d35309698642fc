import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, EntityManager, Repository, type FindOptionsWhere } from 'typeorm';
import type { Page } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { AuditEntry } from './audit-entry.entity';
import type { ListAuditQuery } from './dto/list-audit.query';

/** Who changed what, when, before and after. Writes join the caller's transaction when given one. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  async record(
    actor: AuthUser,
    action: string,
    entity: string,
    entityId: number | string,
    before: unknown,
    after: unknown,
    manager?: EntityManager,
  ): Promise<void> {
    const repo = manager ? manager.getRepository(AuditEntry) : this.entries;
    // updateEntity(false): nobody reads the entry back, so TypeORM need not re-select its id and createdAt.
    await repo.createQueryBuilder().insert().values({
      officeId: actor.officeId,
      userId: actor.id,
      username: actor.username,
      action,
      entity,
      entityId: String(entityId),
      before: snapshot(before) as object,
      after: snapshot(after) as object,
    }).updateEntity(false).execute();
  }

  async list(actor: AuthUser, query: ListAuditQuery): Promise<Page<AuditEntry>> {
    const where: FindOptionsWhere<AuditEntry> = { officeId: actor.officeId };
    if (query.entity) where.entity = query.entity;
    if (query.entityId) where.entityId = query.entityId;
    if (query.username) where.username = query.username;
    if (query.action) where.action = query.action;
    if (query.from || query.to) where.createdAt = Between(new Date(query.from ?? 0), query.to ? new Date(query.to) : new Date('9999-01-01'));
    const [items, total] = await this.entries.findAndCount({ where, order: { id: 'DESC' }, skip: (query.page - 1) * query.pageSize, take: query.pageSize });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }
}

/** Stores plain data only; never a password hash. */
function snapshot(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const plain = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  if (plain && typeof plain === 'object') delete plain.passwordHash;
  return plain;
}

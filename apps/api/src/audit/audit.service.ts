import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, EntityManager, In, LessThan, Repository, type FindOptionsWhere } from 'typeorm';
import type { Page } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { currentClient } from '../common/request-context';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { AuditEntry } from './audit-entry.entity';
import type { ListAuditQuery } from './dto/list-audit.query';
import { Clock } from '../common/clock';
import { desc, findOrder } from '../common/sort';

/** An audit entry not tied to a signed-in caller (a login attempt) or named explicitly. */
export interface AuditEvent {
  /** 0 for an event no office owns (an unknown username). */
  officeId: number;
  userId: number | null;
  username: string;
  action: string;
  entity: string;
  entityId: number | string;
  before?: unknown;
  after?: unknown;
}

/** Office of events that belong to no office; every office sees them. */
export const NO_OFFICE = 0;

const DAY_MS = 86_400_000;

/**
 * Who changed what, when, from where, before and after. Writes join the caller's transaction
 * when given one. There is deliberately no update or delete of single entries: only the purge
 * of entries past AUDIT_RETENTION_DAYS.
 */
@Injectable()
export class AuditService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Audit');
  private purgeTimer: NodeJS.Timeout | null = null;

  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async record(
    actor: AuthUser,
    action: string,
    entity: string,
    entityId: number | string,
    before: unknown,
    after: unknown,
    manager?: EntityManager,
  ): Promise<void> {
    await this.recordEvent({ officeId: actor.officeId, userId: actor.id, username: actor.username, action, entity, entityId, before, after }, manager);
  }

  async recordEvent(event: AuditEvent, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditEntry) : this.entries;
    const client = currentClient();
    // updateEntity(false): nobody reads the entry back, so TypeORM need not re-select its id and createdAt.
    await repo.createQueryBuilder().insert().values({
      officeId: event.officeId,
      userId: event.userId,
      username: event.username.slice(0, 50),
      action: event.action,
      entity: event.entity,
      entityId: String(event.entityId),
      before: snapshot(event.before) as object,
      after: snapshot(event.after) as object,
      address: client?.address ?? null,
      userAgent: client?.userAgent ?? null,
    }).updateEntity(false).execute();
  }

  async list(actor: AuthUser, query: ListAuditQuery): Promise<Page<AuditEntry>> {
    const where: FindOptionsWhere<AuditEntry> = { officeId: In([actor.officeId, NO_OFFICE]) };
    if (query.entity) where.entity = query.entity;
    if (query.entityId) where.entityId = query.entityId;
    if (query.username) where.username = query.username;
    if (query.action) where.action = query.action;
    if (query.from || query.to) where.createdAt = Between(new Date(query.from ?? 0), query.to ? new Date(query.to) : new Date('9999-01-01'));
    const [items, total] = await this.entries.findAndCount({ where, order: findOrder<AuditEntry>(query.sort, { id: 'id', createdAt: 'createdAt', username: 'username', action: 'action', entity: 'entity', address: 'address' }, [desc('id')]), skip: (query.page - 1) * query.pageSize, take: query.pageSize });
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** Deletes entries older than the retention (never less than 180 days: the setting's floor). */
  async purgeExpired(now = this.clock.now()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.audit.retentionDays * DAY_MS);
    const result = await this.entries.delete({ createdAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }

  onApplicationBootstrap() {
    const purge = () => this.purgeExpired().catch((error: Error) => this.logger.warn(`audit purge failed: ${error.message}`));
    void purge();
    this.purgeTimer = setInterval(() => void purge(), DAY_MS).unref();
  }

  onModuleDestroy() {
    if (this.purgeTimer) clearInterval(this.purgeTimer);
  }
}

/** Stores plain data only; never a password hash. */
function snapshot(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const plain = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  if (plain && typeof plain === 'object') delete plain.passwordHash;
  return plain;
}

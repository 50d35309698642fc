import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { Between, EntityManager, In, LessThan, Repository, type FindOptionsWhere } from 'typeorm';
import type { AuditAction, AuditEntity, AuditEntryResponse, Page } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { currentClient } from '../common/request-context';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { User } from '../users/user.entity';
import { AuditEntry } from './audit-entry.entity';
import { AuditRepository } from './audit.repository';
import { resolveSubjects } from './audit-subjects';
import { auditTime, toAuditResponse, type AuditActor } from './audit-view';
import type { ListAuditQuery } from './dto/list-audit.query';
import { Clock } from '../common/clock';
import { desc, findOrder } from '../common/sort';

/** An audit entry not tied to a signed-in caller (a login attempt) or named explicitly. */
export interface AuditEvent {
  /** 0 for an event no office owns (an unknown username). */
  officeId: number;
  userId: number | null;
  username: string;
  action: AuditAction;
  entity: AuditEntity;
  entityId: number | string;
  before?: unknown;
  after?: unknown;
}

/** Office of events that belong to no office; every office sees them. */
export const NO_OFFICE = 0;

const DAY_MS = 86_400_000;
/** Entries read and written per step of an export. */
const EXPORT_BATCH = 500;

/**
 * Who changed what, when, from where, before and after. Writes join the caller's transaction
 * when given one. There is deliberately no update or delete of single entries: only the purge
 * of entries past AUDIT_RETENTION_DAYS.
 */
/** Columns of the log (?sort=), each the entry's own column of the same name. */
const AUDIT_SORT = Object.fromEntries(['id', 'createdAt', 'username', 'action', 'entity', 'address'].map((c) => [c, c]));

@Injectable()
export class AuditService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Audit');
  private purgeTimer: NodeJS.Timeout | null = null;

  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    private readonly log: AuditRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async record(
    actor: AuthUser,
    action: AuditAction,
    entity: AuditEntity,
    entityId: number | string,
    before: unknown,
    after: unknown,
    manager?: EntityManager,
  ): Promise<void> {
    await this.recordEvent({ officeId: actor.officeId, userId: actor.id, username: actor.username, action, entity, entityId, before, after }, manager);
  }

  async recordEvent(event: AuditEvent, manager?: EntityManager): Promise<void> {
    const client = currentClient();
    await this.log.insert({
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
    }, manager);
  }

  /** A page of the office's log, newest first, each entry named and laid out for people. */
  async list(actor: AuthUser, query: ListAuditQuery): Promise<Page<AuditEntryResponse>> {
    const where = await this.filters(actor, query);
    const [items, total] = await this.entries.findAndCount({ where, order: findOrder<AuditEntry>(query.sort, AUDIT_SORT, [desc('id')]), skip: (query.page - 1) * query.pageSize, take: query.pageSize });
    return { items: await this.present(actor, items), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * The log GET /api/audit would list with these filters, every page, as a workbook. Written
   * by exceljs' streaming writer in batches, so a long log is never held in memory at once.
   */
  async export(actor: AuthUser, query: ListAuditQuery): Promise<Readable> {
    const where = await this.filters(actor, query);
    await this.record(actor, 'export', 'audit', '-', null, { query: { ...query, page: undefined, pageSize: undefined } });
    const out = new PassThrough();
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
    const sheet = book.addWorksheet('审计日志');
    sheet.columns = [
      { header: '时间', width: 18 }, { header: '操作人', width: 12 }, { header: '用户名', width: 14 }, { header: '单位', width: 18 },
      { header: '操作', width: 14 }, { header: '对象类型', width: 12 }, { header: '对象', width: 40 }, { header: '变更内容', width: 60 }, { header: '地址', width: 16 },
    ];
    sheet.getRow(1).font = { bold: true };
    const zone = this.config.business.timeZone;
    const write = async () => {
      let afterId: number | null = null;
      for (;;) {
        const batch: AuditEntry[] = await this.entries.find({ where: afterId === null ? where : { ...where, id: LessThan(afterId) }, order: { id: 'DESC' }, take: EXPORT_BATCH });
        if (batch.length === 0) break;
        for (const e of await this.present(actor, batch)) {
          const changes = e.changes.map((c) => `${c.label}：${c.before} → ${c.after}`).join('\n');
          sheet.addRow([auditTime(e.createdAt, zone), e.actor.name, e.actor.username, e.actor.unitName ?? '—', e.actionName, e.entityName, e.subject.label, changes, e.address ?? '']).commit();
        }
        afterId = batch[batch.length - 1].id;
      }
      sheet.commit();
      await book.commit();
    };
    write().catch((error: Error) => out.destroy(error));
    return out;
  }

  /** The query as a where clause on the caller's office (and the events no office owns). */
  private async filters(actor: AuthUser, query: ListAuditQuery): Promise<FindOptionsWhere<AuditEntry>> {
    const where: FindOptionsWhere<AuditEntry> = { officeId: In([actor.officeId, NO_OFFICE]) };
    if (query.entity) where.entity = query.entity;
    if (query.entityId) where.entityId = query.entityId;
    if (query.username) where.username = query.username.trim().toLowerCase();
    if (query.action) where.action = query.action;
    if (query.unitId) {
      const people = await this.entries.manager.getRepository(User).find({ select: { id: true }, where: { officeId: actor.officeId, unitId: query.unitId } });
      const ids = people.map((u) => u.id).filter((id) => query.userId === undefined || id === query.userId);
      // -1: no one of that unit (or the person is not of it), so no entry matches.
      where.userId = In(ids.length ? ids : [-1]);
    } else if (query.userId) {
      where.userId = query.userId;
    }
    if (query.from || query.to) where.createdAt = Between(new Date(query.from ?? 0), query.to ? new Date(query.to) : new Date('9999-01-01'));
    return where;
  }

  private async present(actor: AuthUser, entries: AuditEntry[]): Promise<AuditEntryResponse[]> {
    const manager = this.entries.manager;
    const subjects = await resolveSubjects(manager, actor.officeId, entries);
    const userIds = [...new Set(entries.map((e) => e.userId).filter((id): id is number => id !== null))];
    const people = userIds.length ? await manager.getRepository(User).find({ where: { id: In(userIds) }, relations: { unit: true } }) : [];
    const actors = new Map<number, AuditActor>(people.map((u) => [u.id, { name: u.displayName, unitName: u.unit?.name ?? null }]));
    const zone = this.config.business.timeZone;
    return entries.map((e) => toAuditResponse(e, subjects.get(e.id)!, e.userId === null ? undefined : actors.get(e.userId), zone));
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

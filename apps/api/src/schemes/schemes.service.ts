import type { SchemeDiffResponse, SchemeValidationResult } from '@app/contracts';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { compareQuarter, diffSchemes, prevQuarter } from '@app/scoring';
import type { JobResponse, Page } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { conflict, invalid, notFound } from '../common/app-error';
import { isUniqueViolation } from '../common/db-errors';
import type { PageQuery } from '../common/dto/page.query';
import { JobsService, toJobResponse } from '../jobs/jobs.service';
import { UnitOfWork } from '../database/unit-of-work';
import { ScoreLedgerRepository } from '../score-ledger/score-ledger.repository';
import type { CreateSchemeVersionDto, UpdateSchemeVersionDto } from './dto/scheme.dto';
import { itemDateRange, itemKindsInUseErrors } from './item-kinds-in-use';
import { schemeFieldErrors } from './scheme-document';
import { diffDocuments, loadSchemeText, summarizeScheme, type LoadedScheme } from './scheme-load';
import { toSchemeVersionDetail, toSchemeVersionResponse, type SchemeSaveResponse, type SchemeVersionDetail, type SchemeVersionResponse } from './scheme-response';
import { SchemeVersion } from './scheme-version.entity';
import { SchemesRepository } from './schemes.repository';
import { Clock } from '../common/clock';
import { quarterLabel } from '@app/contracts';
import { desc, sortRows } from '../common/sort';

/**
 * 计分办法 versions: validated documents, each in force from its quarter until the next
 * version's; frozen once a published ranking used them (lock).
 */
@Injectable()
export class SchemesService {
  private readonly logger = new Logger('SchemesService');
  /** Compiled documents by version id, valid while the row's optimistic version is unchanged. */
  private readonly compiled = new Map<number, { version: number; scheme: LoadedScheme }>();

  constructor(
    private readonly repo: SchemesRepository,
    private readonly scoreLines: ScoreLedgerRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, query: PageQuery): Promise<Page<SchemeVersionResponse>> {
    const all = await this.versionsOf(user.officeId);
    const ordered = sortRows(all, query.sort, { versionNo: 'versionNo', name: 'name', effectiveFrom: 'effectiveFrom', updatedAt: 'updatedAt' }, [desc('effectiveFrom')]);
    const items = ordered.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
    return { items: items.map((v) => toSchemeVersionResponse(v, all)), total: all.length, page: query.page, pageSize: query.pageSize };
  }

  async get(user: AuthUser, id: number): Promise<SchemeVersionDetail> {
    const version = await this.findOrFail(user, id);
    return toSchemeVersionDetail(version, await this.versionsOf(user.officeId), summarizeScheme(this.compile(version)));
  }

  /** Checks a draft against the office's outlets; saves nothing. */
  async validate(user: AuthUser, document: string): Promise<SchemeValidationResult> {
    const result = loadSchemeText(document, { outletCodes: await this.outletCodes(user.officeId) });
    return result.ok
      ? { valid: true, errors: [], warnings: result.scheme.warnings, summary: summarizeScheme(result.scheme) }
      : { valid: false, errors: result.errors, warnings: result.warnings, summary: null };
  }

  /** A draft compiled for the preview, or 422 with the document's field errors. */
  async compileDraft(officeId: number, document: string): Promise<LoadedScheme> {
    const result = loadSchemeText(document, { outletCodes: await this.outletCodes(officeId) });
    if (!result.ok) throw invalid(schemeFieldErrors(result.errors), '计分办法有误，请按提示修改');
    return result.scheme;
  }

  async create(user: AuthUser, dto: CreateSchemeVersionDto): Promise<SchemeSaveResponse> {
    if ((dto.document === undefined) === (dto.copyOf === undefined)) {
      const message = dto.document === undefined ? '请填写计分办法内容，或选择要复制的版本' : '计分办法内容与复制来源只能二选一';
      throw invalid({ document: message, copyOf: message });
    }
    const text = dto.copyOf !== undefined ? (await this.findOrFail(user, dto.copyOf, 'copyOf')).document : dto.document!;
    const all = await this.versionsOf(user.officeId);
    const errors = { ...this.effectiveFromErrors(dto.effectiveFrom, all) };
    const result = loadSchemeText(text, { outletCodes: await this.outletCodes(user.officeId) });
    if (!result.ok) Object.assign(errors, schemeFieldErrors(result.errors));
    else if (Object.keys(errors).length === 0) {
      Object.assign(errors, await this.itemKindsInUse(this.uow.manager, user.officeId, result.scheme.compiled, dto.effectiveFrom, nextVersionStart(all, dto.effectiveFrom)));
    }
    if (Object.keys(errors).length > 0 || !result.ok) throw invalid(errors, '计分办法版本有误，未保存，请按提示修改');

    const saved = await this.uow.run(async (manager) => {
      const latest = await this.repo.highestVersionNo(manager, user.officeId);
      try {
        const row = await this.repo.insert(manager, {
          officeId: user.officeId,
          versionNo: (latest ?? 0) + 1,
          name: dto.name ?? result.scheme.compiled.name.slice(0, 100),
          effectiveFrom: dto.effectiveFrom,
          document: text,
          note: dto.note || null,
          lockedAt: null,
          createdBy: user.id,
        });
        await this.audit.record(user, 'create', 'scheme_version', row.id, null, row, manager);
        return row;
      } catch (error) {
        // Two saves at once: the unique indexes decide; the loser retries with fresh data.
        if (isUniqueViolation(error)) throw conflict('duplicate_version', '同时有其他人保存了计分办法版本，请刷新后重试', { effectiveFrom: '请刷新后重试' });
        throw error;
      }
    });
    const job = await this.queueRecompute(user, saved, `计分办法第 ${saved.versionNo} 版自 ${saved.effectiveFrom} 起生效`);
    return { ...toSchemeVersionDetail(saved, [...all, saved], summarizeScheme(result.scheme)), recomputeJob: job };
  }

  async update(user: AuthUser, id: number, dto: UpdateSchemeVersionDto): Promise<SchemeSaveResponse> {
    const before = await this.findOrFail(user, id);
    if (before.lockedAt) throw lockedError(before);
    const changes: Partial<SchemeVersion> = {};
    if (dto.document !== undefined && dto.document !== before.document) {
      const result = loadSchemeText(dto.document, { outletCodes: await this.outletCodes(user.officeId) });
      if (!result.ok) throw invalid(schemeFieldErrors(result.errors), '计分办法有误，未保存，请按提示修改');
      const until = nextVersionStart(await this.versionsOf(user.officeId), before.effectiveFrom);
      const inUse = await this.itemKindsInUse(this.uow.manager, user.officeId, result.scheme.compiled, before.effectiveFrom, until);
      if (Object.keys(inUse).length > 0) throw invalid(inUse, '计分办法有误，未保存，请按提示修改');
      changes.document = dto.document;
    }
    if (dto.name !== undefined) changes.name = dto.name;
    if (dto.note !== undefined) changes.note = dto.note || null;
    if (Object.keys(changes).length > 0) {
      await this.uow.run(async (manager) => {
        // The lock is checked again inside the write: lock() bumps the row version, so a
        // publication between our read and this update makes the update a stale save.
        await this.repo.updateVersioned(manager, id, dto.version, changes);
        const after = await this.repo.findByIdOrFail(manager, id);
        if (after.lockedAt) throw lockedError(after);
        await this.audit.record(user, 'update', 'scheme_version', id, pick(before, changes), changes, manager);
      });
    }
    const saved = await this.findOrFail(user, id);
    const job = changes.document !== undefined ? await this.queueRecompute(user, saved, `计分办法第 ${saved.versionNo} 版已修改`) : null;
    return { ...(await this.get(user, id)), recomputeJob: job };
  }

  /**
   * Deletes a version no published ranking used (a draft made by mistake, or a plan dropped),
   * with its computed score lines; the quarters it covered are recomputed under the version
   * then in force. The last remaining version stays: without one nothing can be scored.
   */
  async remove(user: AuthUser, id: number): Promise<{ recomputeJob: JobResponse | null }> {
    const removed = await this.uow.run(async (manager) => {
      const version = await this.repo.findOfOffice(user.officeId, id, manager);
      if (!version) throw notFound('计分办法版本');
      if (version.lockedAt) throw conflict('scheme_locked', `第 ${version.versionNo} 版已用于发布排名，不能删除`);
      if ((await this.repo.countOfOffice(manager, user.officeId)) <= 1) {
        throw conflict('last_version', '这是唯一的计分办法版本，不能删除；可直接修改它');
      }
      // Conditional on the row being unlocked still: a publication locking it meanwhile wins.
      if (!(await this.repo.deleteUnlocked(manager, id))) throw conflict('scheme_locked', `第 ${version.versionNo} 版已用于发布排名，不能删除`);
      // Its quarters fall to the version before it, which must be able to score their 事项.
      const all = await this.versionsOf(user.officeId, manager);
      const previous = versionInForce(all, prevQuarter(version.effectiveFrom));
      if (previous) {
        const inUse = await this.itemKindsInUse(manager, user.officeId, this.compile(previous).compiled, version.effectiveFrom, nextVersionStart(all, version.effectiveFrom));
        if (inUse.document) throw conflict('item_kind_in_use', `删除后这些季度按第 ${previous.versionNo} 版计分：${inUse.document}`);
      }
      // Its lines belong to the ledger: dropped there, in this transaction.
      await this.scoreLines.deleteVersionLines(manager, user.officeId, id);
      await this.audit.record(user, 'delete', 'scheme_version', id, version, null, manager);
      return version;
    });
    this.compiled.delete(id);
    return { recomputeJob: await this.queueRecompute(user, removed, `计分办法第 ${removed.versionNo} 版已删除`) };
  }

  async diff(user: AuthUser, a: number, b: number): Promise<SchemeDiffResponse> {
    const [va, vb] = [await this.findOrFail(user, a, 'a'), await this.findOrFail(user, b, 'b')];
    const brief = (v: SchemeVersion) => ({ id: v.id, versionNo: v.versionNo, name: v.name, effectiveFrom: v.effectiveFrom });
    const changes = diffSchemes(...diffDocuments(this.compile(va), this.compile(vb))).map((c) => ({ path: c.path, before: c.before ?? null, after: c.after ?? null }));
    return { a: brief(va), b: brief(vb), changes };
  }

  /**
   * Freezes a version (publication calls this when a ranking uses it); idempotent. Goes through
   * the query builder so the row version is bumped and an edit already in flight fails.
   */
  async lock(versionId: number, manager: EntityManager = this.uow.manager): Promise<void> {
    await this.repo.lock(manager, versionId, this.clock.now());
  }

  /** Every version of an office, oldest effectiveFrom first. */
  versionsOf(officeId: number, manager: EntityManager = this.uow.manager): Promise<SchemeVersion[]> {
    return this.repo.versionsOf(officeId, manager);
  }

  /**
   * The version in force for a quarter: the greatest effectiveFrom ≤ quarter, or null. Inside
   * a transaction pass its manager: a read on a second pooled connection while the transaction
   * holds one deadlocks the pool under load (MariaDB).
   */
  async inForce(officeId: number, quarter: string, manager: EntityManager = this.uow.manager): Promise<SchemeVersion | null> {
    return versionInForce(await this.versionsOf(officeId, manager), quarter);
  }

  /**
   * A stored version loaded for the format-2 engine (validated when saved, so loading cannot
   * fail); a format-1 document is converted here, its stored text stays as written.
   */
  compile(version: SchemeVersion): LoadedScheme {
    const hit = this.compiled.get(version.id);
    if (hit && hit.version === version.version) return hit.scheme;
    const result = loadSchemeText(version.document);
    if (!result.ok) throw new Error(`stored scheme version ${version.id} does not compile: ${result.errors.map((e) => e.message).join('; ')}`);
    this.compiled.set(version.id, { version: version.version, scheme: result.scheme });
    return result.scheme;
  }

  outletCodes(officeId: number): Promise<string[]> {
    return this.repo.outletCodes(officeId);
  }

  private async itemKindsInUse(tx: EntityManager, officeId: number, scheme: LoadedScheme['compiled'], from: string, until: string | null) {
    const { fromDate, untilDate } = itemDateRange(from, until);
    return itemKindsInUseErrors(await this.repo.itemKindCounts(tx, officeId, fromDate, untilDate), scheme);
  }

  private async findOrFail(user: AuthUser, id: number, field?: string): Promise<SchemeVersion> {
    const version = await this.repo.findOfOffice(user.officeId, id);
    if (version) return version;
    if (field) throw invalid({ [field]: '计分办法版本不存在' });
    throw notFound('计分办法版本');
  }

  /** Overlapping periods and periods reaching back before a published version are refused. */
  private effectiveFromErrors(effectiveFrom: string, all: readonly SchemeVersion[]): Record<string, string> {
    const same = all.find((v) => v.effectiveFrom === effectiveFrom);
    if (same) return { effectiveFrom: `${quarterLabel(effectiveFrom)}起已有第 ${same.versionNo} 版生效，生效期不能重叠；请修改该版本或另选季度` };
    const locked = all.filter((v) => v.lockedAt !== null).at(-1);
    if (locked && compareQuarter(effectiveFrom, locked.effectiveFrom) < 0) {
      return { effectiveFrom: `第 ${locked.versionNo} 版（${locked.effectiveFrom} 起）已用于发布排名，新版本不能早于 ${locked.effectiveFrom} 生效` };
    }
    return {};
  }

  /**
   * The version is saved whatever the queue says; while the queue is down the recompute is
   * stored and queued when it is back. The key names the row version: a job already running for an older document
   * must not swallow this one.
   */
  private async queueRecompute(user: AuthUser, saved: SchemeVersion, reason: string): Promise<JobResponse | null> {
    const fromQuarter = saved.effectiveFrom;
    const payload = { officeId: user.officeId, fromQuarter, reason };
    const options = { businessKey: `scheme:${user.officeId}:${saved.id}:${saved.version}`, officeId: user.officeId, createdBy: user.id };
    try {
      return toJobResponse(await this.jobs.enqueue('scores.recompute', payload, options));
    } catch (error) {
      // Stored instead: the job sweep queues it once the queue is back.
      this.logger.warn(`score recompute from ${fromQuarter} stored until the queue is back: ${(error as Error).message}`);
      await this.jobs.request('scores.recompute', payload, options);
      return null;
    }
  }
}

/** Where the period of a version starting at `from` ends (the next version's start, exclusive), or null. */
function nextVersionStart(versions: readonly { effectiveFrom: string }[], from: string): string | null {
  let next: string | null = null;
  for (const v of versions) if (compareQuarter(v.effectiveFrom, from) > 0 && (!next || compareQuarter(v.effectiveFrom, next) < 0)) next = v.effectiveFrom;
  return next;
}

/** The version in force for `quarter` among `versions`: greatest effectiveFrom ≤ quarter. */
export function versionInForce<T extends { effectiveFrom: string }>(versions: readonly T[], quarter: string): T | null {
  let best: T | null = null;
  for (const v of versions) {
    if (compareQuarter(v.effectiveFrom, quarter) <= 0 && (!best || compareQuarter(v.effectiveFrom, best.effectiveFrom) > 0)) best = v;
  }
  return best;
}

function lockedError(v: SchemeVersion) {
  return conflict('scheme_locked', `第 ${v.versionNo} 版已用于发布排名，不能修改；如需调整，请复制为新版本`);
}

function pick(before: SchemeVersion, changes: Partial<SchemeVersion>) {
  return Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof SchemeVersion]]));
}

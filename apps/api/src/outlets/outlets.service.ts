import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { OutletResponse, Page } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError, badRequest, conflict, notFound } from '../common/app-error';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { isUniqueViolation } from '../common/db-errors';
import { updateVersioned } from '../common/optimistic';
import { assertNotReferenced } from '../database/references';
import { UnitOfWork } from '../database/unit-of-work';
import { JobsService } from '../jobs/jobs.service';
import { JobHandler } from '../jobs/job-handler.decorator';
import type { JobPayloads } from '../jobs/job.types';
import { FileStore } from '../storage/file-store.service';
import { storeRecompute } from '../score-ledger/request-recompute';
import type { CreateOutletDto, ListOutletsQuery, UpdateOutletDto } from './dto/outlet.dto';
import { loadOutletCatalogue } from './outlet-catalogue';
import { readOutletSheet, writeOutletSheet, type SheetProblem } from './outlet-sheet';
import { Outlet } from './outlet.entity';
import { OutletsRepository } from './outlets.repository';
import { toOutletResponse } from './outlet-response';
import { UsersRepository } from '../users/users.repository';
import { Containing } from '../common/like';
import { asc, findOrder } from '../common/sort';

export interface OutletImportResult {
  created: number;
  updated: number;
  unchanged: number;
  problems: SheetProblem[];
}

/** Columns of the outlet list and its export (?sort=). */
const OUTLET_SORT = { code: 'code', name: 'name', level: 'level', channel: 'channel', medium: 'medium', active: 'active' };

@Injectable()
export class OutletsService {
  constructor(
    @InjectRepository(Outlet) private readonly outlets: Repository<Outlet>,
    private readonly uow: UnitOfWork,
    private readonly repo: OutletsRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly files: FileStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(user: AuthUser, query: ListOutletsQuery): Promise<Page<OutletResponse>> {
    const [items, total] = await this.outlets.findAndCount({
      where: await this.filter(user, query),
      order: findOrder<Outlet>(query.sort, OUTLET_SORT, [asc('level'), asc('channel'), asc('code')]),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: items.map((o) => toOutletResponse(o, user.officeId)), total, page: query.page, pageSize: query.pageSize };
  }

  async export(user: AuthUser, query: ListOutletsQuery): Promise<Buffer> {
    const items = await this.outlets.find({ where: await this.filter(user, query), order: findOrder<Outlet>(query.sort, OUTLET_SORT, [asc('level'), asc('channel'), asc('code')]) });
    return writeOutletSheet(items);
  }

  /** The outlets the caller's office sees: its own and those shared from the offices above (OutletsRepository.visibleIds). */
  private async filter(user: AuthUser, query: ListOutletsQuery): Promise<FindOptionsWhere<Outlet> | FindOptionsWhere<Outlet>[]> {
    const { ids } = await this.repo.visibleIds(user.officeId);
    const base: FindOptionsWhere<Outlet> = ids === null ? { officeId: user.officeId } : { id: In(ids) };
    if (query.level) base.level = query.level;
    if (query.channel) base.channel = query.channel;
    if (query.active !== undefined) base.active = query.active;
    if (!query.q) return base;
    return [{ ...base, name: Containing(query.q) }, { ...base, code: Containing(query.q.toUpperCase()) }, { ...base, aliases: Containing(query.q) as never }];
  }

  async get(user: AuthUser, id: number): Promise<OutletResponse> {
    const outlet = await this.repo.findVisible(user.officeId, id);
    if (!outlet) throw notFound('媒体/刊物');
    return toOutletResponse(outlet, user.officeId);
  }

  /** An outlet the caller's office may change: its own. One shared from above is seen but refused (403). */
  async findOrFail(user: AuthUser, id: number): Promise<Outlet> {
    const outlet = await this.repo.findVisible(user.officeId, id);
    if (!outlet) throw notFound('媒体/刊物');
    if (outlet.officeId !== user.officeId) {
      throw new AppError(HttpStatus.FORBIDDEN, 'outlet_not_own', `「${outlet.name}」由上级组织部维护，只能查看和选用，不能修改`, { id: '上级组织部的媒体刊物不能修改' });
    }
    return outlet;
  }

  create(user: AuthUser, dto: CreateOutletDto): Promise<OutletResponse> {
    return this.uow.run(async (manager) => {
      // One shared from above under the same code or name would be shadowed by this one.
      const shared = (await this.repo.findAllVisible(user.officeId, manager)).find((o) => o.officeId !== user.officeId && (o.code === dto.code || o.name === dto.name));
      if (shared) throw conflict('duplicate_outlet', `上级组织部已有「${shared.name}」（${shared.code}），可直接选用`, shared.code === dto.code ? { code: '上级组织部已有此代码' } : { name: '上级组织部已有此名称' });
      try {
        const saved = await this.repo.insert({ ...dto, aliases: dto.aliases ?? [], officeId: user.officeId }, manager);
        await this.audit.record(user, 'create', 'outlet', saved.id, null, saved, manager);
        return toOutletResponse(saved, user.officeId);
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('duplicate_outlet', `代码 ${dto.code} 或名称「${dto.name}」已存在`, { code: '代码或名称已存在', name: '代码或名称已存在' });
        throw error;
      }
    });
  }

  async update(user: AuthUser, id: number, dto: UpdateOutletDto): Promise<OutletResponse> {
    const before = await this.findOrFail(user, id);
    const { version, ...changes } = dto;
    const request = await this.uow.run(async (manager) => {
      try {
        await updateVersioned(manager, Outlet, id, version, { ...changes, placeholder: false });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('duplicate_outlet', `名称「${dto.name}」已存在`, { name: '名称已存在' });
        throw error;
      }
      await this.audit.record(user, changes.active === false ? 'deactivate' : 'update', 'outlet', id, before, changes, manager);
      // An outlet's level, channel or medium is part of every placement score there.
      const rescored = (['level', 'channel', 'medium'] as const).some((k) => changes[k] !== undefined && changes[k] !== before[k]);
      if (!rescored) return [];
      // Offices below may have recorded placements on it (outlets are shared down the tree).
      const offices = await this.repo.subtreeIds(user.officeId, manager);
      const requests = [];
      for (const officeId of offices) requests.push(await storeRecompute(this.jobs, { officeId, reason: 'outlet' }, user.id, manager));
      return requests;
    });
    if (request.length > 0) await this.jobs.handOver(request);
    return this.get(user, id);
  }

  async remove(user: AuthUser, id: number): Promise<void> {
    const outlet = await this.findOrFail(user, id);
    await this.uow.run(async (manager) => {
      await assertNotReferenced(manager, 'outlet', id, `「${outlet.name}」`);
      await this.repo.delete(id, manager);
      await this.audit.record(user, 'delete', 'outlet', id, outlet, null, manager);
    });
  }

  /** Stores the uploaded sheet and queues its import; the job's result is the row-by-row report. */
  async startImport(user: AuthUser, file: Express.Multer.File | undefined) {
    if (!file) throw badRequest('file_required', '请上传 .xlsx 文件', { file: '必填' });
    if (!/\.xlsx$/i.test(file.originalname)) throw badRequest('invalid_file_type', '只接受 .xlsx 文件', { file: '只接受 .xlsx 文件' });
    // Multer stops bigger files; this catches the one byte it lets through (UploadsModule).
    if (file.size > this.config.uploads.maxBytes) {
      const message = `文件不能超过 ${Math.floor(this.config.uploads.maxBytes / 1024 / 1024)} MB`;
      throw new AppError(HttpStatus.PAYLOAD_TOO_LARGE, 'file_too_large', message, { file: message });
    }
    const stored = await this.files.put(file.buffer, 'xlsx');
    return this.jobs.enqueue('outlets.import', { officeId: user.officeId, fileKey: stored.key, fileName: file.originalname, userId: user.id }, {
      businessKey: `${user.officeId}:${stored.sha256}`,
      officeId: user.officeId,
      createdBy: user.id,
    });
  }

  /**
   * Upserts by code in one transaction: importing the same sheet twice changes nothing the
   * second time. A row that would break a uniqueness rule (a code repeated in the sheet, a name
   * another outlet holds) becomes a problem of that row instead of failing the whole import.
   */
  @JobHandler('outlets.import')
  async runImport(payload: JobPayloads['outlets.import']): Promise<OutletImportResult> {
    const { rows, problems } = await readOutletSheet(await this.readUpload(payload.fileKey));
    const result: OutletImportResult = { created: 0, updated: 0, unchanged: 0, problems: [...problems] };
    const request = await this.uow.run(async (manager) => {
      const visible = await this.repo.findAllVisible(payload.officeId, manager);
      const existing = new Map(visible.filter((o) => o.officeId === payload.officeId).map((o) => [o.code, o]));
      // Outlets shared from above come back in an exported sheet: as they are, they change nothing.
      const shared = new Map(visible.filter((o) => o.officeId !== payload.officeId).map((o) => [o.code, o]));
      // Names are unique per office; MariaDB compares them case-insensitively, so do we.
      const codeByName = new Map([...existing.values()].map((o) => [o.name.toLowerCase(), o.code]));
      const rowByCode = new Map<string, number>();
      for (const row of rows) {
        const { row: rowNumber, ...fields } = row;
        const firstRow = rowByCode.get(row.code);
        if (firstRow !== undefined) {
          result.problems.push({ row: rowNumber, column: '代码', message: `代码 ${row.code} 与第 ${firstRow} 行重复，已忽略本行` });
          continue;
        }
        rowByCode.set(row.code, rowNumber);
        const above = shared.get(row.code);
        if (above) {
          if (JSON.stringify([above.name, above.aliases, above.level, above.channel, above.medium]) === JSON.stringify([fields.name, fields.aliases, fields.level, fields.channel, fields.medium])) result.unchanged++;
          else result.problems.push({ row: rowNumber, column: '代码', message: `代码 ${row.code}（${above.name}）由上级组织部维护，不能修改，已忽略本行` });
          continue;
        }
        const holder = codeByName.get(fields.name.toLowerCase());
        if (holder !== undefined && holder !== row.code) {
          result.problems.push({ row: rowNumber, column: '名称', message: `名称「${fields.name}」已被代码 ${holder} 的媒体/刊物使用` });
          continue;
        }
        const current = existing.get(row.code);
        if (!current) {
          await this.repo.insert({ ...fields, officeId: payload.officeId }, manager);
          result.created++;
        } else if (JSON.stringify([current.name, current.aliases, current.level, current.channel, current.medium]) !== JSON.stringify([fields.name, fields.aliases, fields.level, fields.channel, fields.medium])) {
          await this.repo.update(current.id, { ...fields, placeholder: false }, manager);
          codeByName.delete(current.name.toLowerCase());
          result.updated++;
        } else {
          result.unchanged++;
        }
        codeByName.set(fields.name.toLowerCase(), row.code);
      }
      // One audit entry per import, by the person who uploaded the sheet.
      const uploader = payload.userId ? await this.users.findById(payload.userId, manager) : null;
      if (uploader && result.created + result.updated > 0) {
        const actor = { id: uploader.id, username: uploader.username, displayName: uploader.displayName, role: uploader.role, officeId: payload.officeId, unitId: uploader.unitId };
        await this.audit.record(actor, 'import', 'outlet-import', payload.fileKey.slice(0, 40), null, { fileName: payload.fileName, created: result.created, updated: result.updated }, manager);
      }
      // Updated outlets may have changed level or channel: their placements score differently.
      return result.updated > 0 ? storeRecompute(this.jobs, { officeId: payload.officeId, reason: 'outlet-import' }, payload.userId ?? null, manager) : null;
    });
    if (request) await this.jobs.handOver([request]);
    result.problems.sort((a, b) => a.row - b.row);
    return result;
  }

  private async readUpload(fileKey: string): Promise<Buffer> {
    try {
      return await this.files.get(fileKey);
    } catch (error) {
      if (error instanceof AppError && error.code === 'file_missing') throw new Error('上传的表格文件已不存在，请重新上传');
      throw error;
    }
  }

  /** Loads the shipped catalogue into an office (demo seed and new offices). */
  async installCatalogue(officeId: number, manager?: EntityManager): Promise<number> {
    const catalogue = loadOutletCatalogue();
    const outlets = manager?.getRepository(Outlet) ?? this.outlets;
    const existing = new Set((await outlets.find({ where: { officeId }, select: { code: true } })).map((o) => o.code));
    const missing = catalogue.filter((o) => !existing.has(o.code));
    if (missing.length > 0) await outlets.insert(missing.map((o) => ({ ...o, placeholder: o.placeholder ?? false, officeId })));
    return missing.length;
  }
}

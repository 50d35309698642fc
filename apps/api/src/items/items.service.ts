import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { quarterOf } from '@app/scoring';
import type { ItemKind, ItemRecordResponse, Level, Page } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { scopedUnitId } from '../auth/scope';
import { AuditService } from '../audit/audit.service';
import { loadVisibleArticle } from '../articles/article-access';
import { AppError, conflict, forbidden, invalid } from '../common/app-error';
import { updateVersioned } from '../common/optimistic';
import { newDraftReview } from '../database/review-columns';
import { releaseEvidenceFiles } from '../evidence/evidence-file-cleanup';
import { EvidenceRepository } from '../evidence/evidence.repository';
import type { JobRequest } from '../jobs/job-request.entity';
import { JobsService } from '../jobs/jobs.service';
import { storeRecompute } from '../score-ledger/request-recompute';
import { FileStore } from '../storage/file-store.service';
import { UnitsRepository } from '../units/units.repository';
import { UnitOfWork } from '../database/unit-of-work';
import type { CreateItemDto, ListItemsQuery, UpdateItemDto } from './dto/item.dto';
import { assertItemEditable, loadVisibleItem } from './item-access';
import { checkItemKind, type ItemKindCheck } from './item-kind-check';
import { ItemKindsReader } from './item-kinds';
import { ItemRecord } from './item-record.entity';
import { ItemsRepository } from './items.repository';
import { toItemResponse } from './item-response';
import { Clock } from '../common/clock';

const isOffice = (user: AuthUser) => user.role === 'office' || user.role === 'admin';
const kindError = (checked: Extract<ItemKindCheck, { ok: false }>) =>
  new AppError(HttpStatus.UNPROCESSABLE_ENTITY, checked.code, checked.message, { [checked.field]: checked.message });

/**
 * 事项 records: a unit's officer records them as drafts for the three-level review; the office
 * records them already verified (核定) — and alone records the kinds the scheme catalogue marks
 * `recordedBy: office`. A change to a verified item requests a recompute of its quarter.
 */
@Injectable()
export class ItemsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly itemRecords: ItemsRepository,
    private readonly evidence: EvidenceRepository,
    private readonly units: UnitsRepository,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly kinds: ItemKindsReader,
    private readonly files: FileStore,
    private readonly clock: Clock,
  ) {}

  catalogue(user: AuthUser, date?: string): Promise<ItemKind[]> {
    return this.kinds.kinds(user.officeId, date ?? this.clock.today());
  }

  async list(user: AuthUser, query: ListItemsQuery): Promise<Page<ItemRecordResponse>> {
    const unitId = scopedUnitId(user, query.unitId);
    const [rows, total] = await this.itemRecords.findPage(user.officeId, unitId, query);
    return { items: await this.responses(rows), total, page: query.page, pageSize: query.pageSize };
  }

  async get(user: AuthUser, id: number): Promise<ItemRecordResponse> {
    const item = await loadVisibleItem(this.uow.manager, user, id);
    return (await this.responses([item]))[0];
  }

  async create(user: AuthUser, dto: CreateItemDto): Promise<ItemRecordResponse> {
    this.checkDate(dto.date);
    const unitId = this.unitOf(user, dto.unitId);
    await this.assertKind(user, dto.kind, dto.level ?? null, dto.date);
    const { id, request } = await this.uow.run(async (manager) => {
      await this.assertUnit(manager, user, unitId);
      if (dto.articleId) await this.assertArticle(manager, user, dto.articleId, unitId);
      // The office's own record is its verification (核定): it needs no review of its own.
      const review = isOffice(user)
        ? { status: 'verified' as const, reviewNote: null, verifiedBy: user.id, verifiedAt: this.clock.now(), createdBy: user.id }
        : newDraftReview(user.id);
      const saved = await this.itemRecords.insert({
        officeId: user.officeId, unitId, kind: dto.kind, title: dto.title, itemDate: dto.date, level: dto.level ?? null,
        articleId: dto.articleId ?? null, note: dto.note || null, ...review,
      }, manager);
      await this.audit.record(user, 'create', 'item', saved.id, null, { ...dto, unitId, status: review.status }, manager);
      return { id: saved.id, request: review.status === 'verified' ? await this.storeRecompute(manager, user, [dto.date]) : null };
    });
    if (request) await this.jobs.handOver([request]);
    return this.get(user, id);
  }

  async update(user: AuthUser, id: number, dto: UpdateItemDto): Promise<ItemRecordResponse> {
    if (dto.date !== undefined) this.checkDate(dto.date);
    await this.uow.run(async (manager) => {
      const item = await loadVisibleItem(manager, user, id);
      assertItemEditable(user, item);
      const { version, date, unitId, ...fields } = dto;
      const changes: Partial<ItemRecord> = { ...fields };
      if (date !== undefined) changes.itemDate = date;
      if (fields.note !== undefined) changes.note = fields.note || null;
      if (unitId !== undefined && unitId !== item.unitId) {
        if (!isOffice(user)) throw forbidden('只能登记本单位的事项');
        await this.assertUnit(manager, user, unitId);
        changes.unitId = unitId;
      }
      await this.assertKind(user, fields.kind ?? item.kind, fields.level === undefined ? item.level : fields.level, date ?? item.itemDate);
      const articleId = fields.articleId === undefined ? item.articleId : fields.articleId;
      if (articleId && (fields.articleId !== undefined || changes.unitId !== undefined)) await this.assertArticle(manager, user, articleId, changes.unitId ?? item.unitId);
      await updateVersioned(manager, ItemRecord, id, version, changes);
      await this.audit.record(user, 'update', 'item', id, toItemResponse(item), dto, manager);
    });
    return this.get(user, id);
  }

  /** Drafts and returned items only, as placements: anything in review stays on record. */
  async remove(user: AuthUser, id: number): Promise<void> {
    const fileKeys = await this.uow.run(async (manager) => {
      const item = await loadVisibleItem(manager, user, id);
      assertItemEditable(user, item);
      if (item.status !== 'draft' && item.status !== 'returned') throw conflict('not_deletable', '已提交的事项记录不能删除');
      const fileKeys = await this.evidence.deleteForOwner('item', id, manager);
      await this.itemRecords.delete(id, manager);
      await this.audit.record(user, 'delete', 'item', id, toItemResponse(item), null, manager);
      return fileKeys;
    });
    await releaseEvidenceFiles(this.evidence, this.files, fileKeys);
  }

  /** Stores (in the caller's transaction) the recompute of the quarters of these item dates. */
  storeRecompute(manager: EntityManager, user: AuthUser, dates: string[]): Promise<JobRequest> {
    const quarters = [...new Set(dates.map(quarterOf))].sort();
    return storeRecompute(this.jobs, { officeId: user.officeId, quarters, reason: 'item' }, user.id, manager);
  }

  private async responses(items: ItemRecord[]): Promise<ItemRecordResponse[]> {
    if (items.length === 0) return [];
    const ids = items.map((i) => i.id);
    const unitIds = [...new Set(items.map((i) => i.unitId))];
    const articleIds = [...new Set(items.map((i) => i.articleId).filter((a): a is number => a !== null))];
    const [unitName, evidence, title] = await Promise.all([
      this.units.namesByIds(unitIds),
      this.evidence.findForOwners('item', ids),
      this.itemRecords.articleTitles(articleIds),
    ]);
    return items.map((i) => toItemResponse(
      i,
      { unitName: unitName.get(i.unitId), articleTitle: i.articleId === null ? null : title.get(i.articleId) },
      evidence.filter((e) => e.ownerId === i.id),
    ));
  }

  private unitOf(user: AuthUser, requested?: number): number {
    if (isOffice(user)) {
      if (!requested) throw invalid({ unitId: '办公室登记事项时必须选择单位' });
      return requested;
    }
    if (user.role !== 'officer' || !user.unitId) throw forbidden('只有信息员或办公室可以登记事项');
    if (requested !== undefined && requested !== user.unitId) throw forbidden('只能登记本单位的事项');
    return user.unitId;
  }

  private async assertUnit(manager: EntityManager, user: AuthUser, unitId: number) {
    const unit = await this.units.findInOffice(user.officeId, unitId, manager);
    if (!unit) throw invalid({ unitId: '单位不存在' });
    if (!unit.active) throw invalid({ unitId: `单位「${unit.name}」已停用` });
  }

  /** A linked article must be one the caller may see and one the item's unit is on. */
  private async assertArticle(manager: EntityManager, user: AuthUser, articleId: number, unitId: number) {
    const article = await loadVisibleArticle(manager, user, articleId).catch(() => {
      throw invalid({ articleId: '稿件不存在' });
    });
    if (!article.units!.some((u) => u.unitId === unitId)) throw invalid({ articleId: '该稿件不是此单位报送的' });
  }

  /**
   * Before a record is verified (核定): the engine scores only verified records, so this is the
   * last gate for one that no longer fits its quarter's catalogue (stored before this check, or
   * beside a scheme version saved at the same moment). Reads in the caller's transaction
   * (`manager`): a second connection beside it deadlocks the pool under load.
   */
  async assertScorable(officeId: number, item: ItemRecord, manager: EntityManager): Promise<void> {
    const checked = checkItemKind(await this.kinds.kinds(officeId, item.itemDate, manager), item.kind, item.level, item.itemDate);
    if (!checked.ok) throw kindError(checked);
  }

  /**
   * The record must fit the catalogue of the scheme in force on its date (see checkItemKind:
   * otherwise, once verified, it breaks every recompute of its quarter), and a kind the
   * catalogue keeps to the office is the office's to record.
   */
  private async assertKind(user: AuthUser, kind: string, level: Level | null, date: string) {
    const checked = checkItemKind(await this.kinds.kinds(user.officeId, date), kind, level, date);
    if (!checked.ok) throw kindError(checked);
    if (!isOffice(user) && checked.kind.recordedBy === 'office') throw forbidden(`「${kind}」由办公室登记，单位不能自行录入`);
  }

  private checkDate(date: string) {
    if (date > this.clock.today()) throw invalid({ date: '事项日期不能晚于今天' });
  }
}


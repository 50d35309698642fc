import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { assertCanAddChild, assertEditable, loadVisibleArticle, loadVisibleArticleForChild } from '../articles/article-access';
import { conflict, invalid, notFound } from '../common/app-error';
import { businessDate, parseBusinessInstant } from '../common/business-date';
import { isUniqueViolation } from '../common/db-errors';
import { updateVersioned } from '../common/optimistic';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { releaseEvidenceFiles } from '../evidence/evidence-file-cleanup';
import { EvidenceRepository } from '../evidence/evidence.repository';
import type { Outlet } from '../outlets/outlet.entity';
import { OutletsRepository } from '../outlets/outlets.repository';
import type { CreatePlacementDto, UpdatePlacementDto } from './dto/placement.dto';
import { toPlacementResponse, type PlacementResponse } from './placement-response';
import { Placement } from './placement.entity';
import { PlacementsRepository } from './placements.repository';
import { UnitOfWork } from '../database/unit-of-work';
import { newDraftReview } from '../database/review-columns';
import { FileStore } from '../storage/file-store.service';
import { Clock } from '../common/clock';
import { OfficeSettingsReader } from '../offices/office-settings.reader';

export interface Warning {
  field: string;
  message: string;
}

@Injectable()
export class PlacementsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly placements: PlacementsRepository,
    private readonly evidence: EvidenceRepository,
    private readonly outlets: OutletsRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly files: FileStore,
    private readonly clock: Clock,
    private readonly settings: OfficeSettingsReader,
  ) {}

  async listForArticle(user: AuthUser, articleId: number): Promise<PlacementResponse[]> {
    await loadVisibleArticle(this.uow.manager, user, articleId);
    const placements = await this.placements.findForArticleWithOutlets(articleId);
    const evidence = await this.evidence.findForOwners('placement', placements.map((p) => p.id));
    return placements.map((p) => toPlacementResponse(p, evidence.filter((e) => e.ownerId === p.id)));
  }

  /** Loads a placement with its article, checking that the caller may see it. */
  async loadVisible(manager: EntityManager, user: AuthUser, id: number) {
    const placement = await this.placements.findInOfficeWithOutlet(user.officeId, id, manager);
    if (!placement) throw notFound('录用记录');
    const article = await loadVisibleArticle(manager, user, placement.articleId).catch(() => {
      throw notFound('录用记录');
    });
    return { placement, article };
  }

  async get(user: AuthUser, id: number): Promise<PlacementResponse> {
    const { placement } = await this.loadVisible(this.uow.manager, user, id);
    const evidence = await this.evidence.findForOwners('placement', [id]);
    return toPlacementResponse(placement, evidence);
  }

  async create(user: AuthUser, articleId: number, dto: CreatePlacementDto): Promise<PlacementResponse & { warnings: Warning[] }> {
    const margin = await this.earlyMarginDays(user.officeId);
    return this.uow.run(async (manager) => {
      const article = await loadVisibleArticleForChild(manager, user, articleId);
      assertCanAddChild(user, article);
      const outlet = await this.activeOutlet(manager, user, dto.outletId);
      const { publishedAt, publishedDate, warnings } = this.publication(dto.publishedAt, article.submittedDate, margin);
      const placement = this.placements.build({
        officeId: user.officeId,
        articleId,
        outletId: outlet.id,
        publishedAt,
        publishedDate,
        page: dto.page ?? null,
        prominence: dto.prominence ?? 'normal',
        medium: dto.medium ?? null,
        form: dto.form ?? 'full',
        url: dto.url ?? null,
        views: dto.views ?? null,
        shares: dto.shares ?? null,
        externalKey: null,
        ...newDraftReview(user.id),
      });
      try {
        // The answer is built from what was written and the outlet already loaded: no re-read
        // of the row (TypeORM's select of the defaulted columns) nor of the article.
        Object.assign(placement, { id: await this.placements.insert(placement, manager), version: 1, outlet });
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicatePlacement(outlet.name, publishedDate);
        throw error;
      }
      await this.audit.record(user, 'create', 'placement', placement.id, null, dto, manager);
      return { ...toPlacementResponse(placement), warnings };
    });
  }

  async update(user: AuthUser, id: number, dto: UpdatePlacementDto): Promise<PlacementResponse & { warnings: Warning[] }> {
    const margin = dto.publishedAt !== undefined ? await this.earlyMarginDays(user.officeId) : 0;
    const warnings = await this.uow.run(async (manager) => {
      const { placement, article } = await this.loadVisible(manager, user, id);
      assertEditable(user, article, placement.status, '录用记录');
      const { version, publishedAt: publishedText, ...fields } = dto;
      const changes: Partial<Placement> = { ...fields };
      let warnings: Warning[] = [];
      if (dto.outletId !== undefined) await this.activeOutlet(manager, user, dto.outletId);
      if (publishedText !== undefined) {
        const publication = this.publication(publishedText, article.submittedDate, margin);
        Object.assign(changes, { publishedAt: publication.publishedAt, publishedDate: publication.publishedDate });
        warnings = publication.warnings;
      }
      try {
        await updateVersioned(manager, Placement, id, version, changes);
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicatePlacement('该媒体', changes.publishedDate ?? placement.publishedDate);
        throw error;
      }
      await this.audit.record(user, 'update', 'placement', id, toPlacementResponse(placement), dto, manager);
      return warnings;
    });
    return { ...(await this.get(user, id)), warnings };
  }

  async remove(user: AuthUser, id: number): Promise<void> {
    const fileKeys = await this.uow.run(async (manager) => {
      const { placement, article } = await this.loadVisible(manager, user, id);
      assertEditable(user, article, placement.status, '录用记录');
      if (placement.status !== 'draft' && placement.status !== 'returned') throw conflict('not_deletable', '已提交的录用记录不能删除');
      const fileKeys = await this.evidence.deleteForOwner('placement', id, manager);
      await this.placements.delete(id, manager);
      await this.audit.record(user, 'delete', 'placement', id, toPlacementResponse(placement), null, manager);
      return fileKeys;
    });
    await releaseEvidenceFiles(this.evidence, this.files, fileKeys);
  }

  private async activeOutlet(manager: EntityManager, user: AuthUser, outletId: number): Promise<Outlet> {
    const outlet = await this.outlets.findVisible(user.officeId, outletId, manager);
    if (!outlet) throw invalid({ outletId: '媒体/刊物不存在' });
    if (!outlet.active) throw invalid({ outletId: `「${outlet.name}」已停用` });
    return outlet;
  }

  /**
   * The office's 刊发日期 margin (placementEarlyMarginDays), read before a save's transaction
   * opens: read inside it, it took a second pooled connection while the transaction held one,
   * and on MariaDB 20 saves at once (the pool's size) could each wait for another for good.
   */
  private async earlyMarginDays(officeId: number): Promise<number> {
    return (await this.settings.forOffice(officeId)).placementEarlyMarginDays;
  }

  /**
   * A publication date in the future is an error; one more than `margin` days before the
   * article was submitted is allowed (articles are sometimes recorded late) but flagged as a warning.
   */
  private publication(text: string, submittedDate: string, margin: number) {
    const zone = this.config.business.timeZone;
    const publishedAt = parseBusinessInstant(text, zone);
    if (!publishedAt) throw invalid({ publishedAt: '日期格式不正确（应为 YYYY-MM-DD）' });
    const publishedDate = businessDate(publishedAt, zone);
    if (publishedDate > this.clock.today()) throw invalid({ publishedAt: '刊发日期不能晚于今天' });
    const warnings: Warning[] = [];
    const earliest = new Date(Date.parse(`${submittedDate}T00:00:00Z`) - margin * 86_400_000).toISOString().slice(0, 10);
    if (publishedDate < earliest) {
      warnings.push({ field: 'publishedAt', message: `刊发日期 ${publishedDate} 比稿件报送日期 ${submittedDate} 早 ${margin} 天以上，请核实` });
    }
    return { publishedAt, publishedDate, warnings };
  }
}

function duplicatePlacement(outletName: string, date: string) {
  return conflict('duplicate_placement', `同一稿件在${outletName} ${date} 已有录用记录`, { outletId: '同一稿件同一天在同一媒体只能录用一次' });
}

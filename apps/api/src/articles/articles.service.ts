import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Page } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError, badRequest, conflict, forbidden, invalid } from '../common/app-error';
import { businessDate, parseBusinessInstant } from '../common/business-date';
import { CommissionsService } from '../commissions/commissions.service';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { UnitOfWork } from '../database/unit-of-work';
import { FileStore } from '../storage/file-store.service';
import { assertEditable } from './article-access';
import { assertNotBackdated, recordsTodayOnly } from './article-backdating';
import { toArticleResponse, type ArticleResponse } from './article-response';
import { resolveShares } from './article-shares';
import { ArticlesRepository } from './articles.repository';
import type { ArticleUnitDto, CreateArticleDto, ListArticlesQuery, UpdateArticleDto } from './dto/article.dto';
import { normalizeTitle } from './title-similarity';
import { newDraftReview } from '../database/review-columns';
import { Clock } from '../common/clock';

@Injectable()
export class ArticlesService {
  constructor(
    private readonly articles: ArticlesRepository,
    private readonly uow: UnitOfWork,
    private readonly commissions: CommissionsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly files: FileStore,
  ) {}

  async list(user: AuthUser, query: ListArticlesQuery): Promise<Page<ArticleResponse>> {
    const { rows, total } = await this.articles.listPage(user, query);
    return { items: rows.map(toArticleResponse), total, page: query.page, pageSize: query.pageSize };
  }

  async get(user: AuthUser, id: number): Promise<ArticleResponse> {
    return toArticleResponse(await this.articles.findVisible(user, id));
  }

  async create(user: AuthUser, dto: CreateArticleDto): Promise<ArticleResponse> {
    const ownerUnitId = this.ownerUnit(user, dto.ownerUnitId);
    const units = resolveShares(dto.units ?? [{ unitId: ownerUnitId }]);
    if (!units.some((u) => u.unitId === ownerUnitId)) throw invalid({ units: '报送单位必须包含本单位' });
    const submittedAt = this.submittedAt(user, dto.submittedAt);
    const id = await this.uow.run(async (tx) => {
      await this.assertUnits(tx, user, dto.units ?? [{ unitId: ownerUnitId }]);
      const articleId = await this.articles.insert(tx, {
        officeId: user.officeId,
        title: dto.title,
        normalizedTitle: normalizeTitle(dto.title),
        summary: dto.summary ?? null,
        wordCount: dto.wordCount ?? null,
        genre: dto.genre ?? null,
        authors: dto.authors ?? null,
        submittedAt,
        submittedDate: businessDate(submittedAt, this.config.business.timeZone),
        ownerUnitId,
        commissionId: null,
        externalKey: null,
        ...newDraftReview(user.id),
      }, units);
      await this.audit.record(user, 'create', 'article', articleId, null, { ...dto, units }, tx);
      return articleId;
    });
    return this.get(user, id);
  }

  async update(user: AuthUser, id: number, dto: UpdateArticleDto): Promise<ArticleResponse> {
    await this.uow.run(async (tx) => {
      const article = await this.articles.findVisible(user, id, tx);
      assertEditable(user, article, article.status, '稿件');
      const { version, units: unitDtos, submittedAt: submittedText, ...fields } = dto;
      const changes: Partial<typeof article> = { ...fields };
      if (fields.title !== undefined) changes.normalizedTitle = normalizeTitle(fields.title);
      if (submittedText !== undefined) {
        changes.submittedAt = this.submittedAt(user, submittedText, article.submittedDate);
        changes.submittedDate = businessDate(changes.submittedAt, this.config.business.timeZone);
      }
      await this.articles.updateVersioned(tx, id, version, changes);
      if (unitDtos) {
        const units = resolveShares(unitDtos);
        if (!units.some((u) => u.unitId === article.ownerUnitId)) throw invalid({ units: '报送单位必须包含本单位' });
        await this.assertUnits(tx, user, unitDtos);
        await this.articles.replaceUnits(tx, id, units);
      }
      await this.audit.record(user, 'update', 'article', id, toArticleResponse(article), dto, tx);
    });
    return this.get(user, id);
  }

  /** Only drafts without placements can be deleted; anything submitted stays on record. */
  async remove(user: AuthUser, id: number): Promise<void> {
    await this.uow.run((tx) => this.removeDraft(tx, user, id, false));
  }

  /**
   * Deletes drafts the officer picked in the list (an import gone wrong, say) with their draft
   * placements, 批示 and evidence: each in its own transaction, each with its own answer.
   */
  async bulkRemove(user: AuthUser, ids: number[]) {
    const results: ({ id: number; ok: true } | { id: number; ok: false; code: string; message: string })[] = [];
    for (const id of ids) {
      try {
        const fileKeys = await this.uow.run((tx) => this.removeDraft(tx, user, id, true));
        await this.articles.releaseEvidenceFiles(this.files, fileKeys);
        results.push({ id, ok: true });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push({ id, ok: false, code: error.code, message: error.message });
      }
    }
    return { succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, results };
  }

  /** Deletes a draft article (with its entries when `withEntries`); answers the evidence files to release after commit. */
  private async removeDraft(tx: EntityManager, user: AuthUser, id: number, withEntries: boolean): Promise<string[]> {
    const article = await this.articles.findVisible(user, id, tx);
    assertEditable(user, article, article.status, '稿件');
    if (article.status !== 'draft') throw conflict('not_deletable', '只有草稿可以删除');
    const { placements, instructions } = await this.articles.findEntries(tx, id);
    if (!withEntries && placements.length + instructions.length > 0) throw conflict('not_deletable', '稿件下还有录用或批示记录，请先删除它们');
    const fileKeys: string[] = [];
    for (const [ownerType, entries] of [['placement', placements], ['instruction', instructions]] as const) {
      for (const entry of entries) {
        fileKeys.push(...await this.articles.deleteEntry(tx, ownerType, entry.id));
        await this.audit.record(user, 'delete', ownerType, entry.id, { articleId: id, status: entry.status }, null, tx);
      }
    }
    // A 约稿 answered with this draft goes back to unanswered rather than pointing at nothing.
    await this.commissions.relinkAnswers(tx, id, null);
    await this.articles.delete(tx, id);
    await this.audit.record(user, 'delete', 'article', id, toArticleResponse(article), null, tx);
    return fileKeys;
  }

  private ownerUnit(user: AuthUser, requested?: number): number {
    if (user.role === 'officer') return user.unitId!;
    if (user.role === 'office' || user.role === 'admin') {
      if (!requested) throw invalid({ ownerUnitId: '办公室代录时必须选择报送单位' });
      return requested;
    }
    throw forbidden('只有信息员或办公室可以录入稿件');
  }

  /** The submission instant of `text` (default now); `stored` is the business date an edit starts from. */
  private submittedAt(user: AuthUser, text?: string, stored?: string): Date {
    if (text === undefined) return this.clock.now();
    const instant = parseBusinessInstant(text, this.config.business.timeZone);
    if (!instant) throw invalid({ submittedAt: '日期格式不正确' });
    if (instant.getTime() > this.clock.now().getTime() + 60_000) throw invalid({ submittedAt: '报送时间不能晚于当前时间' });
    if (recordsTodayOnly(user.role)) assertNotBackdated(businessDate(instant, this.config.business.timeZone), this.clock.today(), stored);
    return instant;
  }

  private async assertUnits(tx: EntityManager, user: AuthUser, units: ArticleUnitDto[]) {
    const ids = units.map((u) => u.unitId);
    const found = await this.articles.findOfficeUnits(user.officeId, ids, tx);
    units.forEach((u, i) => {
      const unit = found.find((f) => f.id === u.unitId);
      if (!unit) throw invalid({ [`units.${i}.unitId`]: '单位不存在' });
      if (!unit.active) throw invalid({ [`units.${i}.unitId`]: `单位「${unit.name}」已停用` });
    });
    if (ids.length === 0) throw badRequest('units_required', '至少需要一个报送单位');
  }
}

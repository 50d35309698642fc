import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { isUnitScoped } from '../auth/scope';
import { AuditService } from '../audit/audit.service';
import { AppError, conflict, forbidden } from '../common/app-error';
import { businessDate } from '../common/business-date';
import { officeMarks, recordedInstant, submissionView } from '../common/office-recording';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import type { CommissionTargetResponse, CompletionReport } from '@app/contracts';
import { summarize } from './commission-status';
import type { TargetView } from './commission-views';
import { CommissionsRepository } from './commissions.repository';
import { CommissionsService } from './commissions.service';
import type { AnswerCommissionDto, CompletionQuery, RecordAnswerDto } from './dto/commission.dto';
import { Clock } from '../common/clock';

/** A unit answering itself replaces whatever the office had recorded for it. */
const NO_OFFICE_MARKS = { receivedVia: null, receivedNote: null, officeRecordedBy: null };

/** Target units answer a commission with one of their articles; the office reads completion. */
@Injectable()
export class CommissionAnswersService {
  constructor(
    private readonly repo: CommissionsRepository,
    private readonly commissions: CommissionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Links the unit's article to its target. Answering again replaces the article (a wrong pick
   * can be corrected); the target row is what completion reads, and the article's commissionId
   * mirrors it so the articles feature can show the link.
   */
  async answer(user: AuthUser, commissionId: number, dto: AnswerCommissionDto): Promise<CommissionTargetResponse> {
    const unitId = user.unitId;
    if (unitId === null) throw forbidden('只有单位信息员可以回复约稿');
    return this.link(user, commissionId, unitId, dto.articleId, null);
  }

  /**
   * The office records a unit's answer it received by e-mail, on paper or by phone, with the
   * time it came in. The engine judges an answer by its article's submission time, so that time
   * is set on the article too; both rows are marked office-recorded and audited.
   */
  async record(user: AuthUser, commissionId: number, unitId: number, dto: RecordAnswerDto): Promise<CommissionTargetResponse> {
    const at = recordedInstant(dto.answeredAt, this.config.business.timeZone, 'answeredAt', this.clock.now());
    return this.link(user, commissionId, unitId, dto.articleId, { at, marks: officeMarks(user, dto) });
  }

  private async link(user: AuthUser, commissionId: number, unitId: number, articleId: number, recorded: { at: Date; marks: ReturnType<typeof officeMarks> } | null): Promise<CommissionTargetResponse> {
    await this.commissions.changeAndRescore(user, async (manager) => {
      const commission = await this.commissions.findOrFail(user, commissionId, manager);
      const target = await this.repo.findTarget(commissionId, unitId, manager);
      if (!target) throw new AppError(HttpStatus.FORBIDDEN, 'not_targeted', '该单位不是该约稿的对象，不能回复');
      const article = await this.repo.findArticle(user.officeId, articleId, manager);
      if (!article) throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'unknown_article', '回复的稿件不存在', { articleId: '稿件不存在' });
      const ours = await this.repo.isArticleOfUnit(article.id, unitId, manager);
      if (!ours) throw new AppError(HttpStatus.FORBIDDEN, 'article_not_yours', '只能用该单位的稿件回复约稿', { articleId: '不是该单位的稿件' });
      if (article.commissionId !== null && article.commissionId !== commission.id) {
        throw conflict('article_used', '该稿件已用于回复另一项约稿', { articleId: `已用于回复约稿 #${article.commissionId}` });
      }
      if (target.articleId === article.id && !recorded) return { value: null, deadlines: [] };

      const before = { ...target };
      const previous = target.articleId;
      const changes = { articleId: article.id, answeredAt: recorded?.at ?? this.clock.now(), ...(recorded?.marks ?? NO_OFFICE_MARKS) };
      await this.repo.updateTarget(target.id, changes, manager);
      await this.audit.record(user, recorded ? 'office-record' : 'answer', 'commission_target', target.id, before, { ...target, ...changes }, manager);
      if (recorded) {
        const submission = { submittedAt: recorded.at, submittedDate: businessDate(recorded.at, this.config.business.timeZone), ...recorded.marks };
        await this.repo.setArticleSubmission(article.id, submission, manager);
        await this.audit.record(user, 'office-record', 'article', article.id, submissionView(article), submissionView(submission), manager);
      }
      // A joint article may answer for several targets of the same commission: unlink only when none still uses it.
      if (previous !== null && previous !== article.id && !(await this.repo.otherTargetUsesArticle(commissionId, previous, target.id, manager))) {
        await this.linkArticle(manager, user, previous, commissionId, null);
      }
      if (article.commissionId !== commission.id) await this.linkArticle(manager, user, article.id, null, commission.id);
      const quarters = recorded ? [commission.deadline, article.submittedDate] : [commission.deadline];
      return { value: null, deadlines: quarters };
    });
    const view = await this.commissions.get(user, commissionId);
    return view.targets.find((t) => t.unitId === unitId)!;
  }

  /** Sets articles.commissionId (the articles feature owns the table, not this link), audited when it changed. */
  private async linkArticle(manager: EntityManager, user: AuthUser, articleId: number, from: number | null, to: number | null) {
    if (await this.repo.setArticleCommission(articleId, from, to, manager)) await this.audit.record(user, 'link_commission', 'article', articleId, { commissionId: from }, { commissionId: to }, manager);
  }

  /** Per-unit completion over the commissions whose deadline falls in [from, to]. */
  async completion(user: AuthUser, query: CompletionQuery): Promise<CompletionReport> {
    if (query.to < query.from) throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'range_reversed', '结束日期不能早于开始日期', { to: '结束日期不能早于开始日期' });
    const commissions = await this.repo.findByDeadline(user.officeId, query.from, query.to);
    const targets = [...(await this.commissions.targetViews(user.officeId, commissions, this.commissions.today())).values()]
      .flat()
      .filter((t) => !isUnitScoped(user) || t.unitId === user.unitId);
    const byUnit = new Map<number, TargetView[]>();
    for (const t of targets) byUnit.set(t.unitId, [...(byUnit.get(t.unitId) ?? []), t]);
    const units = [...byUnit.values()]
      .map((list) => ({ unitId: list[0].unitId, unitCode: list[0].unitCode, unitName: list[0].unitName, ...summarize(list.map((t) => t.status)) }))
      .sort((a, b) => (a.unitCode ?? '').localeCompare(b.unitCode ?? ''));
    return { from: query.from, to: query.to, commissions: commissions.length, units, total: summarize(targets.map((t) => t.status)) };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { quarterOf } from '@app/scoring';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-error';
import { businessDate } from '../common/business-date';
import { officeMarks, recordedInstant, submissionView } from '../common/office-recording';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { UnitOfWork } from '../database/unit-of-work';
import { JobsService } from '../jobs/jobs.service';
import { storeRecompute } from '../score-ledger/request-recompute';
import { toArticleResponse, type ArticleResponse } from './article-response';
import { ArticlesRepository } from './articles.repository';
import type { RecordSubmissionDto } from './dto/article.dto';

/**
 * The office records or corrects when a unit's article really reached it (by e-mail, on paper,
 * by phone), whatever the article's review state: the time decides the quarter and whether a
 * 约稿 it answers was on time, so the change is marked office-recorded, audited with the old and
 * new value, and rescored.
 */
@Injectable()
export class ArticleSubmissionService {
  constructor(
    private readonly articles: ArticlesRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async record(user: AuthUser, id: number, dto: RecordSubmissionDto): Promise<ArticleResponse> {
    const zone = this.config.business.timeZone;
    const submittedAt = recordedInstant(dto.submittedAt, zone, 'submittedAt', this.clock.now());
    const request = await this.uow.run(async (tx) => {
      const article = await this.articles.findInOffice(user.officeId, id, tx);
      if (!article) throw notFound('稿件');
      const changes = { submittedAt, submittedDate: businessDate(submittedAt, zone), ...officeMarks(user, dto) };
      await this.articles.updateVersioned(tx, id, dto.version, changes);
      await this.audit.record(user, 'office-record', 'article', id, submissionView(article), submissionView(changes), tx);
      const quarters = new Set([quarterOf(article.submittedDate), quarterOf(changes.submittedDate)]);
      if (article.commissionId !== null) {
        const deadline = await this.articles.commissionDeadline(tx, article.commissionId);
        if (deadline) quarters.add(quarterOf(deadline));
      }
      return storeRecompute(this.jobs, { officeId: user.officeId, quarters: [...quarters].sort(), reason: 'article-submission' }, user.id, tx);
    });
    await this.jobs.handOver([request]);
    return toArticleResponse(await this.articles.findVisible(user, id));
  }
}

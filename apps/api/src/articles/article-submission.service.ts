import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { quarterOf } from '@app/scoring';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-error';
import { businessDate } from '../common/business-date';
import { updateVersioned } from '../common/optimistic';
import { officeMarks, recordedInstant, submissionView } from '../common/office-recording';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { JobsService } from '../jobs/jobs.service';
import { storeRecompute } from '../score-ledger/request-recompute';
import { toArticleResponse, type ArticleResponse } from './article-response';
import { Article } from './article.entity';
import type { RecordSubmissionDto } from './dto/article.dto';
import { loadVisibleArticle } from './article-access';

/**
 * The office records or corrects when a unit's article really reached it (by e-mail, on paper,
 * by phone), whatever the article's review state: the time decides the quarter and whether a
 * 约稿 it answers was on time, so the change is marked office-recorded, audited with the old and
 * new value, and rescored.
 */
@Injectable()
export class ArticleSubmissionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async record(user: AuthUser, id: number, dto: RecordSubmissionDto): Promise<ArticleResponse> {
    const zone = this.config.business.timeZone;
    const submittedAt = recordedInstant(dto.submittedAt, zone, 'submittedAt', this.clock.now());
    const request = await this.dataSource.transaction(async (manager) => {
      const article = await manager.findOne(Article, { where: { id, officeId: user.officeId } });
      if (!article) throw notFound('稿件');
      const changes = { submittedAt, submittedDate: businessDate(submittedAt, zone), ...officeMarks(user, dto) };
      await updateVersioned(manager, Article, id, dto.version, changes);
      await this.audit.record(user, 'office-record', 'article', id, submissionView(article), submissionView(changes), manager);
      const quarters = new Set([quarterOf(article.submittedDate), quarterOf(changes.submittedDate)]);
      if (article.commissionId !== null) {
        const [c] = await manager.query('SELECT deadline FROM commissions WHERE id = ?', [article.commissionId]);
        if (c) quarters.add(quarterOf(String(c.deadline)));
      }
      return storeRecompute(this.jobs, { officeId: user.officeId, quarters: [...quarters].sort(), reason: 'article-submission' }, user.id, manager);
    });
    await this.jobs.handOver([request]);
    return toArticleResponse(await loadVisibleArticle(this.dataSource.manager, user, id));
  }
}

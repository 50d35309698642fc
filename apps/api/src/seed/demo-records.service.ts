import { Inject, Injectable, Logger } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { ArticleUnit } from '../articles/article-unit.entity';
import { Article } from '../articles/article.entity';
import { normalizeTitle } from '../articles/title-similarity';
import type { AuthUser } from '../auth/auth-user';
import { zonedMidnight } from '../common/business-date';
import { CommissionTarget } from '../commissions/commission-target.entity';
import { Commission } from '../commissions/commission.entity';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { Instruction } from '../instructions/instruction.entity';
import { MonthlyReport } from '../monthly-reports/monthly-report.entity';
import { Outlet } from '../outlets/outlet.entity';
import { Placement } from '../placements/placement.entity';
import { QuartersService } from '../publication/quarters.service';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { generateDemoRecords, rng, type DemoRecords } from './demo-records';
import { Clock } from '../common/clock';
import { UnitOfWork } from '../database/unit-of-work';

/**
 * Fills the freshly seeded demo district with a year of records and publishes its past
 * quarters through the real jobs, so a leader who logs in first sees notices and trends.
 */
@Injectable()
export class DemoRecordsService {
  private readonly logger = new Logger('DemoRecords');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly quarters: QuartersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async seed(officeId: number): Promise<void> {
    const units = await this.uow.manager.getRepository(Unit).find({ where: { officeId }, order: { id: 'ASC' } });
    const outlets = await this.uow.manager.getRepository(Outlet).find({ where: { officeId } });
    const records = generateDemoRecords(units, outlets, this.clock.today(), this.config.business.monthlyReportDueDay);
    const officeUser = await this.uow.manager.getRepository(User).findOneByOrFail({ officeId, role: 'office' });
    await this.uow.run((manager) => this.insert(manager, officeId, officeUser.id, records));
    const actor: AuthUser = { id: officeUser.id, username: officeUser.username, displayName: officeUser.displayName, role: 'office', officeId, unitId: null };
    for (const quarter of records.published) {
      await this.quarters.updateTexts(actor, quarter, { docNumber: `示组办〔${quarter.slice(0, 4)}〕${Number(quarter.slice(6)) * 3 + 1}号`, copyTo: '区委办公室' });
      await this.quarters.close(actor, quarter, { excludeUnverified: true });
      await this.quarters.publish(actor, quarter, {});
    }
    this.logger.log(`demo records: ${records.articles.length} articles, ${records.commissions.length} commissions, ${records.reports.length} monthly reports; publishing ${records.published.join(', ')}`);
  }

  /** The same year of records for a small office, told by another seed, not published (the demo city's other districts). */
  async seedUnpublished(officeId: number, seed: number): Promise<number> {
    const units = await this.uow.manager.getRepository(Unit).find({ where: { officeId }, order: { id: 'ASC' } });
    const outlets = await this.uow.manager.getRepository(Outlet).find({ where: { officeId } });
    const records = generateDemoRecords(units, outlets, this.clock.today(), this.config.business.monthlyReportDueDay, rng(seed));
    const officeUser = await this.uow.manager.getRepository(User).findOneByOrFail({ officeId, role: 'office' });
    await this.uow.run((manager) => this.insert(manager, officeId, officeUser.id, records));
    return records.articles.length;
  }

  private async insert(manager: EntityManager, officeId: number, officeUserId: number, records: DemoRecords) {
    const zone = this.config.business.timeZone;
    const at = (date: string, hour = 9) => new Date(zonedMidnight(date, zone).getTime() + hour * 3_600_000);
    const review = (status: Article['status']) => ({ status, reviewNote: null, verifiedBy: status === 'verified' ? officeUserId : null, verifiedAt: status === 'verified' ? this.clock.now() : null, createdBy: null });
    const ids = new Map<string, number>();
    for (const a of records.articles) {
      const article = await manager.save(Article, manager.create(Article, {
        officeId, title: a.title, normalizedTitle: normalizeTitle(a.title), summary: null, wordCount: 800 + (a.title.length * 37) % 2200, genre: '信息', authors: null,
        submittedAt: at(a.submittedDate), submittedDate: a.submittedDate, ownerUnitId: a.units[0], commissionId: null, externalKey: a.key, ...review(a.status),
      }));
      ids.set(a.key, article.id);
      await manager.insert(ArticleUnit, a.units.map((unitId, i) => ({ articleId: article.id, unitId, shareBp: null, position: i + 1 })));
      const childStatus = a.status === 'draft' ? 'draft' : a.status;
      for (const p of a.placements) {
        await manager.insert(Placement, {
          officeId, articleId: article.id, outletId: p.outletId, publishedAt: at(p.publishedDate, 7), publishedDate: p.publishedDate, page: p.page, prominence: p.prominence,
          medium: null, url: null, views: null, shares: null, externalKey: null, ...review(childStatus),
        });
      }
      if (a.instruction) {
        await manager.insert(Instruction, {
          officeId, articleId: article.id, leaderTitle: a.instruction.leaderTitle, level: a.instruction.level, instructedDate: a.instruction.date, content: null, ...review(childStatus),
        });
      }
    }
    for (const c of records.commissions) {
      const commission = await manager.save(Commission, manager.create(Commission, { officeId, topic: c.topic, description: null, issuedDate: c.issuedDate, deadline: c.deadline, createdBy: officeUserId }));
      for (const t of c.targets) {
        const articleId = t.articleKey ? ids.get(t.articleKey) ?? null : null;
        await manager.insert(CommissionTarget, { commissionId: commission.id, unitId: t.unitId, articleId, answeredAt: articleId ? this.clock.now() : null });
        if (articleId) await manager.update(Article, { id: articleId }, { commissionId: commission.id });
      }
    }
    for (const r of records.reports) {
      await manager.insert(MonthlyReport, {
        officeId, unitId: r.unitId, month: r.month, filedAt: at(r.filedDate, 10), filedDate: r.filedDate, articlesSubmitted: 0, placementsAdopted: 0, narrative: null, filedBy: null,
      });
    }
  }
}

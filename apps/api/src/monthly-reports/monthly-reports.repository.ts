import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, type DeepPartial, type EntityManager, type FindOptionsOrder, type FindOptionsWhere } from 'typeorm';
import type { Level } from '@app/contracts';
import { toNumber } from '../common/db-errors';
import { MonthlyReport } from './monthly-report.entity';

/** Named queries over monthly_reports (月度报送). `tx` joins a caller's transaction (UnitOfWork). */
@Injectable()
export class MonthlyReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: EntityManager): EntityManager {
    return tx ?? this.dataSource.manager;
  }

  /** A unit's report of a month, or null. */
  findOne(officeId: number, unitId: number, month: string, tx?: EntityManager): Promise<MonthlyReport | null> {
    return this.manager(tx).findOne(MonthlyReport, { where: { officeId, unitId, month } });
  }

  insert(row: DeepPartial<MonthlyReport>, tx?: EntityManager): Promise<MonthlyReport> {
    const manager = this.manager(tx);
    return manager.save(MonthlyReport, manager.create(MonthlyReport, row));
  }

  /** Every report of the office for a month. */
  findForMonth(officeId: number, month: string): Promise<MonthlyReport[]> {
    return this.manager().find(MonthlyReport, { where: { officeId, month } });
  }

  /** A unit's reports of the months from..to. */
  findForUnitBetween(officeId: number, unitId: number, from: string, to: string): Promise<MonthlyReport[]> {
    return this.manager().find(MonthlyReport, { where: { officeId, unitId, month: Between(from, to) } });
  }

  findPage(where: FindOptionsWhere<MonthlyReport>, order: FindOptionsOrder<MonthlyReport>, skip: number, take: number): Promise<[MonthlyReport[], number]> {
    return this.manager().findAndCount(MonthlyReport, { where, order, skip, take });
  }

  /**
   * Cross-feature read (articles): verified articles the unit is on (joint ones included)
   * submitted between first and last. Raw SQL so monthly reports do not depend on the articles service.
   */
  async countVerifiedArticles(officeId: number, unitId: number, first: string, last: string): Promise<number> {
    const rows = await this.manager().query(
      `SELECT COUNT(DISTINCT a.id) AS n FROM articles a JOIN article_units au ON au.articleId = a.id
       WHERE a.officeId = ? AND au.unitId = ? AND a.submittedDate >= ? AND a.submittedDate <= ? AND a.status = 'verified'`,
      [officeId, unitId, first, last],
    );
    return toNumber(rows[0]?.n);
  }

  /** Cross-feature read (placements, outlets, article units): the unit's verified placements published between first and last, per outlet level. */
  async countVerifiedPlacementsByLevel(officeId: number, unitId: number, first: string, last: string): Promise<{ level: Level; n: number }[]> {
    const rows: { level: Level; n: unknown }[] = await this.manager().query(
      `SELECT o.level AS level, COUNT(*) AS n FROM placements p
       JOIN article_units au ON au.articleId = p.articleId
       JOIN outlets o ON o.id = p.outletId
       WHERE p.officeId = ? AND au.unitId = ? AND p.publishedDate >= ? AND p.publishedDate <= ? AND p.status = 'verified'
       GROUP BY o.level`,
      [officeId, unitId, first, last],
    );
    return rows.map((r) => ({ level: r.level, n: toNumber(r.n) }));
  }
}

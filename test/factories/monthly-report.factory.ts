import type { DataSource } from 'typeorm';
import { MonthlyReport } from '../../apps/api/src/monthly-reports/monthly-report.entity';
import { instant, TEST_TIME_ZONE } from './records';

/** Inserts a unit's monthly report, filed at `filedAt` (its date in the business zone decides lateness). */
export class MonthlyReportFactory {
  constructor(private readonly ds: DataSource, private readonly timeZone = TEST_TIME_ZONE) {}

  async create(o: { officeId: number; unitId: number; month: string; filedAt: Date | string }): Promise<MonthlyReport> {
    const filed = instant(o.filedAt, this.timeZone);
    return this.ds.getRepository(MonthlyReport).save({
      officeId: o.officeId,
      unitId: o.unitId,
      month: o.month,
      filedAt: filed.at,
      filedDate: filed.date,
      articlesSubmitted: 0,
      placementsAdopted: 0,
      narrative: null,
      filedBy: null,
    });
  }

  /** Files every month of `months` for every unit on the 1st of the next month (on time). */
  async fileOnTime(officeId: number, unitIds: readonly number[], months: readonly string[]): Promise<void> {
    for (const month of months) {
      const [y, m] = month.split('-').map(Number);
      const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
      for (const unitId of unitIds) await this.create({ officeId, unitId, month, filedAt: `${next}T10:00:00+08:00` });
    }
  }
}

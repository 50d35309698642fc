import type { MonthlyReportResponse } from '@app/contracts';
import type { MonthlyReport } from './monthly-report.entity';

/** A filed report as the API answers it: the entity without `officeId`, which is internal scoping. */
export const toMonthlyReportResponse = (r: MonthlyReport) =>
  ({
    id: r.id,
    unitId: r.unitId,
    month: r.month,
    filedAt: r.filedAt.toISOString(),
    filedDate: r.filedDate,
    articlesSubmitted: r.articlesSubmitted,
    placementsAdopted: r.placementsAdopted,
    narrative: r.narrative,
    filedBy: r.filedBy,
    officeRecordedBy: r.officeRecordedBy,
    receivedVia: r.receivedVia,
    receivedNote: r.receivedNote,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }) satisfies MonthlyReportResponse;

import { formatPoints } from '../fixed-point';
import { monthlyReportDueDate, monthsOfQuarter } from '../quarter';
import type { QuarterContext } from './context';

/**
 * Monthly reports, for every unit and month of the quarter whose due date (dueDay of the
 * following month) is on or before asOfDate: `late` when filed after the due date, `missing`
 * when not filed and the due date is before asOfDate (on the due date itself a unit may still
 * file). A filing dated after asOfDate counts as not filed yet. Line date is the due date.
 */
export function scoreMonthlyReports(ctx: QuarterContext): void {
  const { scheme, asOfDate } = ctx;
  const { dueDay, late, missing } = scheme.monthlyReport;
  for (const month of monthsOfQuarter(ctx.quarter)) {
    const due = monthlyReportDueDate(month, dueDay);
    if (due > asOfDate) continue;
    for (const unit of ctx.index.input.units) {
      const report = ctx.index.reports.get(`${unit.id}|${month}`);
      const filed = report?.filedDate && report.filedDate <= asOfDate ? report.filedDate : null;
      if (filed && filed <= due) continue;
      if (!filed && due === asOfDate) continue;
      const amount = filed ? late : missing;
      if (amount === 0) continue;
      const why = filed
        ? `${month} 月度报告逾期报送（应于 ${due} 前报送，实际 ${filed}）`
        : `${month} 月度报告未报送（应于 ${due} 前报送）`;
      ctx.out.push({
        unitId: unit.id,
        quarter: ctx.quarter,
        amount,
        ruleId: filed ? 'monthly-report.late' : 'monthly-report.missing',
        recordType: 'monthly-report',
        recordId: month,
        date: due,
        explanation: `${why}：计 ${formatPoints(amount, 4)} 分`,
      });
    }
  }
}

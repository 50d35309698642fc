import { addMonths } from '../../../common/business-date';
import { cellCount, cellText } from '../sheet-cells';
import { cellMonth, cellTime } from './history-cells';
import { SheetReport, type HistoryContext } from './history-context';
import type { HistoryRow, HistorySheetSpec } from './history-sheet';

const COLUMNS = ['报送单位', '报告月份', '报送时间', '报送稿件数', '录用篇次', '情况说明'] as const;
type Column = (typeof COLUMNS)[number];

export const MONTHLY_REPORT_SHEET: HistorySheetSpec<Column> = {
  name: '月度报送',
  columns: COLUMNS,
  widths: { 报送单位: 26, 报告月份: 10, 报送时间: 18, 报送稿件数: 10, 录用篇次: 10, 情况说明: 40 },
  help: [
    ['报送单位', '必填', '单位代码或名称。一个单位一个月只有一份月报；第一列以「示例」开头的行不会导入。'],
    ['报告月份', '必填', '所报告的月份，如 2025-03 或 2025年3月。'],
    ['报送时间', '必填', '办公室实际收到月报的时间（邮件、纸质、电话），如 2025-04-05 23:50；只写日期时按当天 0 点。按此时间判断是否按时报送，不能早于所报告月份的第一天，也不能晚于现在。'],
    ['报送稿件数', '选填', '月报中填报的本月报送稿件数，非负整数。'],
    ['录用篇次', '选填', '月报中填报的本月录用篇次，非负整数。'],
    ['情况说明', '选填', '月报正文或收到方式的说明，最长 2000 字。'],
  ],
  example: ['示例：临江街道党工委', '2025-03', '2025-04-03 16:20', 12, 3, '电子邮件报送'],
};

export interface MonthlyReportDraft {
  row: number;
  key: string;
  unitId: number;
  month: string;
  filedAt: Date;
  filedDate: string;
  articlesSubmitted: number;
  placementsAdopted: number;
  narrative: string | null;
}

/** Checks the 月度报送 rows: one report per unit and month, filed between the month's start and now. */
export function validateMonthlyReports(rows: HistoryRow<Column>[], ctx: HistoryContext): { drafts: MonthlyReportDraft[]; report: SheetReport } {
  const report = new SheetReport(MONTHLY_REPORT_SHEET.name, ctx.units);
  const drafts: MonthlyReportDraft[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const unit = report.unit(row, '报送单位', cellText(cells['报送单位']));
    const month = cellMonth(cells['报告月份'], ctx.date1904);
    if (!month) report.error(row, '报告月份', '报告月份必填');
    else if (!month.ok) report.error(row, '报告月份', month.message);
    else if (month.value > ctx.today.slice(0, 7)) report.error(row, '报告月份', `报告月份 ${month.value} 晚于本月`);
    const filed = cellTime(cells['报送时间'], ctx.timeZone, ctx.date1904);
    if (!filed) report.error(row, '报送时间', '报送时间必填（办公室收到月报的时间）');
    else if (!filed.ok) report.error(row, '报送时间', filed.message);
    else if (filed.value.instant > ctx.now) report.error(row, '报送时间', `报送时间 ${filed.value.date} ${filed.value.time} 晚于现在`);
    else if (month?.ok && filed.value.date < `${month.value}-01`) report.error(row, '报送时间', `报送时间 ${filed.value.date} 早于所报告月份 ${month.value} 的第一天`);
    else if (month?.ok && filed.value.date > `${addMonths(month.value, 12)}-01`) report.warn(row, '报送时间', `报送时间 ${filed.value.date} 比所报告月份晚一年以上，请核实（已导入）`);
    const articles = cellCount(cells['报送稿件数'], '报送稿件数');
    if (articles && !articles.ok) report.error(row, '报送稿件数', articles.message);
    const placements = cellCount(cells['录用篇次'], '录用篇次');
    if (placements && !placements.ok) report.error(row, '录用篇次', placements.message);
    const narrative = report.text(row, '情况说明', cellText(cells['情况说明']), 2000, false);
    if (report.invalidRows.has(row) || !unit || !month?.ok || !filed?.ok) continue;
    const key = `${unit.id}|${month.value}`;
    const first = seen.get(key);
    if (first !== undefined) {
      report.error(row, '报告月份', `与第 ${first} 行重复：${unit.name} ${month.value} 的月报只能有一行`);
      continue;
    }
    seen.set(key, row);
    drafts.push({
      row, key, unitId: unit.id, month: month.value, filedAt: filed.value.instant, filedDate: filed.value.date,
      articlesSubmitted: articles?.ok ? articles.value : 0, placementsAdopted: placements?.ok ? placements.value : 0, narrative: narrative || null,
    });
  }
  return { drafts, report };
}

import { cellText } from '../sheet-cells';
import { cellTime, foldKey } from './history-cells';
import { SheetReport, type HistoryContext } from './history-context';
import type { HistoryRow, HistorySheetSpec } from './history-sheet';

const COLUMNS = ['约稿编号', '回复单位', '稿件编号', '回复时间'] as const;
type Column = (typeof COLUMNS)[number];

export const COMMISSION_ANSWER_SHEET: HistorySheetSpec<Column> = {
  name: '约稿回复',
  columns: COLUMNS,
  widths: { 约稿编号: 14, 回复单位: 26, 稿件编号: 16, 回复时间: 18 },
  help: [
    ['约稿编号', '必填', '「约稿」表中（或以前导入过）的约稿编号。以「示例」开头的行不会导入。'],
    ['回复单位', '必填', '约稿对象之一（单位代码或名称）；一个单位对一项约稿只回复一次。'],
    ['稿件编号', '必填', '回复所用稿件在「稿件录用」表中的编号（或已录入稿件的编号），稿件的报送单位须包含回复单位。按稿件的报送日期判断是否在截止日期前完成。'],
    ['回复时间', '必填', '办公室收到回复的时间，如 2025-03-18 10:00；不能早于约稿下发日期，也不能晚于现在。'],
  ],
  example: ['示例-YG01', '临江街道党工委', 'LJ-2025-001', '2025-03-18 10:00'],
};

export interface AnswerDraft {
  row: number;
  key: string;
  commissionKey: string;
  unitId: number;
  articleKey: string;
  answeredAt: Date;
  answeredDate: string;
}

/** Checks the 约稿回复 rows on their own; whether the 约稿, target and article exist is the plan's business. */
export function validateAnswers(rows: HistoryRow<Column>[], ctx: HistoryContext): { drafts: AnswerDraft[]; report: SheetReport } {
  const report = new SheetReport(COMMISSION_ANSWER_SHEET.name, ctx.units);
  const drafts: AnswerDraft[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const commissionKey = foldKey(report.text(row, '约稿编号', cellText(cells['约稿编号']), 50));
    const unit = report.unit(row, '回复单位', cellText(cells['回复单位']));
    const articleKey = foldKey(report.text(row, '稿件编号', cellText(cells['稿件编号']), 100));
    const answered = cellTime(cells['回复时间'], ctx.timeZone, ctx.date1904);
    if (!answered) report.error(row, '回复时间', '回复时间必填');
    else if (!answered.ok) report.error(row, '回复时间', answered.message);
    else if (answered.value.instant > ctx.now) report.error(row, '回复时间', `回复时间 ${answered.value.date} ${answered.value.time} 晚于现在`);
    if (report.invalidRows.has(row) || !unit || !answered?.ok) continue;
    const key = `${commissionKey}|${unit.id}`;
    const first = seen.get(key);
    if (first !== undefined) {
      report.error(row, '回复单位', `与第 ${first} 行重复：${unit.name} 对约稿「${commissionKey}」只能回复一次`);
      continue;
    }
    seen.set(key, row);
    drafts.push({ row, key, commissionKey, unitId: unit.id, articleKey, answeredAt: answered.value.instant, answeredDate: answered.value.date });
  }
  return { drafts, report };
}

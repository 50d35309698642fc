import { cellDate, cellText } from '../sheet-cells';
import { foldKey } from './history-cells';
import { SheetReport, type HistoryContext } from './history-context';
import type { HistoryRow, HistorySheetSpec } from './history-sheet';

const COLUMNS = ['约稿编号', '约稿主题', '发文单位', '下发日期', '截止日期', '约稿对象', '约稿说明'] as const;
type Column = (typeof COLUMNS)[number];

export const COMMISSION_SHEET: HistorySheetSpec<Column> = {
  name: '约稿',
  columns: COLUMNS,
  widths: { 约稿编号: 14, 约稿主题: 36, 发文单位: 16, 下发日期: 12, 截止日期: 12, 约稿对象: 40, 约稿说明: 36 },
  help: [
    ['约稿编号', '必填', '办公室自己的约稿编号（最长 50 字，不区分大小写和全角半角），用于识别同一项约稿，「约稿回复」表按它对应。以「示例」开头的行不会导入。'],
    ['约稿主题', '必填', '最长 200 字。'],
    ['发文单位', '选填', '约稿的发文单位类别，如 区委组织部、市委办公室（计分办法可按发文单位区别计分），最长 50 字；不填为本办公室。'],
    ['下发日期', '必填', '不能晚于今天。'],
    ['截止日期', '必填', '不能早于下发日期；在截止日期（含当天）前报送回复稿件的为按时完成。'],
    ['约稿对象', '必填', '约稿对象单位的代码或名称，多个用「、」分隔。'],
    ['约稿说明', '选填', '最长 2000 字。'],
  ],
  example: ['示例-YG01', '乡村振兴主题约稿', '区委组织部', '2025-03-01', '2025-03-20', '临江街道党工委、青石镇党委', ''],
};

export interface CommissionDraft {
  row: number;
  key: string;
  topic: string;
  issuer: string;
  issuedDate: string;
  deadline: string;
  unitIds: number[];
  description: string | null;
}

/** Checks the 约稿 rows: a key, a topic, dates in order and at least one target unit. */
export function validateCommissions(rows: HistoryRow<Column>[], ctx: HistoryContext): { drafts: CommissionDraft[]; report: SheetReport } {
  const report = new SheetReport(COMMISSION_SHEET.name, ctx.units);
  const drafts: CommissionDraft[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const key = foldKey(report.text(row, '约稿编号', cellText(cells['约稿编号']), 50));
    const topic = report.text(row, '约稿主题', cellText(cells['约稿主题']), 200);
    const issuer = report.text(row, '发文单位', cellText(cells['发文单位']), 50, false);
    const issued = cellDate(cells['下发日期'], ctx.date1904);
    if (!issued) report.error(row, '下发日期', '下发日期必填');
    else if (!issued.ok) report.error(row, '下发日期', issued.message);
    else if (issued.value > ctx.today) report.error(row, '下发日期', `下发日期 ${issued.value} 晚于今天（${ctx.today}）`);
    const deadline = cellDate(cells['截止日期'], ctx.date1904);
    if (!deadline) report.error(row, '截止日期', '截止日期必填');
    else if (!deadline.ok) report.error(row, '截止日期', deadline.message);
    else if (issued?.ok && deadline.value < issued.value) report.error(row, '截止日期', `截止日期 ${deadline.value} 早于下发日期 ${issued.value}`);
    const unitIds = report.unitList(row, '约稿对象', cellText(cells['约稿对象']));
    const description = report.text(row, '约稿说明', cellText(cells['约稿说明']), 2000, false);
    if (report.invalidRows.has(row) || !issued?.ok || !deadline?.ok) continue;
    const first = seen.get(key);
    if (first !== undefined) {
      report.error(row, '约稿编号', `约稿编号「${key}」与第 ${first} 行重复`);
      continue;
    }
    seen.set(key, row);
    drafts.push({ row, key, topic, issuer, issuedDate: issued.value, deadline: deadline.value, unitIds, description: description || null });
  }
  return { drafts, report };
}

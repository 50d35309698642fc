import type { Level } from '@app/contracts';
import { cellDate, cellText } from '../sheet-cells';
import { foldKey } from './history-cells';
import { LEVEL_CHOICES, levelOf, SheetReport, type HistoryContext } from './history-context';
import type { HistoryRow, HistorySheetSpec } from './history-sheet';

const COLUMNS = ['稿件编号', '批示领导', '批示级别', '批示日期', '批示内容'] as const;
type Column = (typeof COLUMNS)[number];

export const INSTRUCTION_SHEET: HistorySheetSpec<Column> = {
  name: '批示',
  columns: COLUMNS,
  widths: { 稿件编号: 16, 批示领导: 26, 批示级别: 10, 批示日期: 12, 批示内容: 50 },
  help: [
    ['稿件编号', '必填', '被批示稿件在「稿件录用」表中的编号（或已录入稿件的编号）；批示加分按稿件的报送单位和份额分配。以「示例」开头的行不会导入。'],
    ['批示领导', '必填', '如 省委常委、组织部长，最长 100 字。'],
    ['批示级别', '必填', `${LEVEL_CHOICES}。`],
    ['批示日期', '必填', '不能晚于今天；决定计入哪个季度。'],
    ['批示内容', '选填', '最长 2000 字。'],
  ],
  example: ['示例-LJ-2025-001', '省委常委、组织部长', '省级', '2025-03-25', ''],
};

export interface InstructionDraft {
  row: number;
  key: string;
  articleKey: string;
  leaderTitle: string;
  level: Level;
  date: string;
  content: string | null;
}

/** Checks the 批示 rows; whether the article exists is the plan's business. */
export function validateInstructions(rows: HistoryRow<Column>[], ctx: HistoryContext): { drafts: InstructionDraft[]; report: SheetReport } {
  const report = new SheetReport(INSTRUCTION_SHEET.name, ctx.units);
  const drafts: InstructionDraft[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const articleKey = foldKey(report.text(row, '稿件编号', cellText(cells['稿件编号']), 100));
    const leaderTitle = report.text(row, '批示领导', cellText(cells['批示领导']), 100);
    const levelText = cellText(cells['批示级别']);
    const level = levelOf(levelText);
    if (!level) report.error(row, '批示级别', levelText ? `批示级别「${levelText}」无效，应为 ${LEVEL_CHOICES}` : '批示级别必填');
    const date = cellDate(cells['批示日期'], ctx.date1904);
    if (!date) report.error(row, '批示日期', '批示日期必填');
    else if (!date.ok) report.error(row, '批示日期', date.message);
    else if (date.value > ctx.today) report.error(row, '批示日期', `批示日期 ${date.value} 晚于今天（${ctx.today}）`);
    const content = report.text(row, '批示内容', cellText(cells['批示内容']), 2000, false);
    if (report.invalidRows.has(row) || !level || !date?.ok) continue;
    const key = `${articleKey}|${foldKey(leaderTitle)}|${date.value}`;
    const first = seen.get(key);
    if (first !== undefined) {
      report.error(row, '批示领导', `与第 ${first} 行重复：同一稿件同一天同一领导的批示只记一次`);
      continue;
    }
    seen.set(key, row);
    drafts.push({ row, key, articleKey, leaderTitle, level, date: date.value, content: content || null });
  }
  return { drafts, report };
}

import type { Level } from '@app/contracts';
import { quarterOf } from '@app/scoring';
import { checkItemKind } from '../../../items/item-kind-check';
import { normalizeTitle } from '../../title-similarity';
import { cellDate, cellText } from '../sheet-cells';
import { foldKey } from './history-cells';
import { LEVEL_CHOICES, levelOf, SheetReport, type HistoryContext } from './history-context';
import type { HistoryRow, HistorySheetSpec } from './history-sheet';

const COLUMNS = ['报送单位', '事项类型', '事项标题', '事项日期', '级别', '关联稿件编号', '备注'] as const;
type Column = (typeof COLUMNS)[number];

export const ITEM_SHEET: HistorySheetSpec<Column> = {
  name: '事项',
  columns: COLUMNS,
  widths: { 报送单位: 26, 事项类型: 16, 事项标题: 40, 事项日期: 12, 级别: 10, 关联稿件编号: 16, 备注: 36 },
  help: [
    ['报送单位', '必填', '单位代码或名称。以「示例」开头的行不会导入。'],
    ['事项类型', '必填', '事项日期所在季度施行的计分办法中「事项」目录里的类型（见「事项类型」表），如 会议交流发言。'],
    ['事项标题', '必填', '最长 200 字；同一单位同一天同一类型同一标题的事项只记一次。'],
    ['事项日期', '必填', '不能晚于今天；决定计入哪个季度。'],
    ['级别', '按类型', `按级别计分的类型必填：${LEVEL_CHOICES}；其他类型不填。`],
    ['关联稿件编号', '选填', '相关稿件的编号（如虚假信息所涉稿件），须在「稿件录用」表中或已录入。'],
    ['备注', '选填', '最长 2000 字。'],
  ],
  example: ['示例：临江街道党工委', '会议交流发言', '在全市组织工作会议上作交流发言', '2025-05-12', '市级', '', ''],
};

export interface ItemDraft {
  row: number;
  key: string;
  unitId: number;
  kind: string;
  title: string;
  date: string;
  level: Level | null;
  articleKey: string | null;
  note: string | null;
}

/** Checks the 事项 rows against the catalogue of the scheme in force on each row's date. */
export function validateItems(rows: HistoryRow<Column>[], ctx: HistoryContext): { drafts: ItemDraft[]; report: SheetReport } {
  const report = new SheetReport(ITEM_SHEET.name, ctx.units);
  const drafts: ItemDraft[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const unit = report.unit(row, '报送单位', cellText(cells['报送单位']));
    const kindText = report.text(row, '事项类型', cellText(cells['事项类型']), 40);
    const title = report.text(row, '事项标题', cellText(cells['事项标题']), 200);
    const date = cellDate(cells['事项日期'], ctx.date1904);
    if (!date) report.error(row, '事项日期', '事项日期必填');
    else if (!date.ok) report.error(row, '事项日期', date.message);
    else if (date.value > ctx.today) report.error(row, '事项日期', `事项日期 ${date.value} 晚于今天（${ctx.today}）`);
    const levelText = cellText(cells['级别']);
    const level = levelText ? levelOf(levelText) : null;
    if (level === undefined) report.error(row, '级别', `级别「${levelText}」无效，应为 ${LEVEL_CHOICES}`);
    let kind: string | null = null;
    if (kindText && date?.ok) {
      const checked = checkItemKind(ctx.itemKinds(quarterOf(date.value)), kindText, level ?? null, date.value);
      if (checked.ok) kind = checked.kind.kind;
      // An unreadable level is reported above already.
      else if (checked.field === 'kind') report.error(row, '事项类型', checked.message);
      else if (level !== undefined) report.error(row, '级别', checked.message);
    }
    const articleText = report.text(row, '关联稿件编号', cellText(cells['关联稿件编号']), 100, false);
    const note = report.text(row, '备注', cellText(cells['备注']), 2000, false);
    if (report.invalidRows.has(row) || !unit || !kind || !date?.ok || level === undefined) continue;
    const key = `${unit.id}|${kind}|${normalizeTitle(title)}|${date.value}`;
    const first = seen.get(key);
    if (first !== undefined) {
      report.error(row, '事项标题', `与第 ${first} 行重复：同一单位同一天同一类型同一标题的事项只记一次`);
      continue;
    }
    seen.set(key, row);
    drafts.push({ row, key, unitId: unit.id, kind, title, date: date.value, level, articleKey: articleText ? foldKey(articleText) : null, note: note || null });
  }
  return { drafts, report };
}

import type { CellValue } from 'exceljs';
import { columnLetter, mergedRange } from '../../../common/xlsx/cell-refs';
import type { WorkbookSheets } from '../../../common/xlsx/first-sheet';
import { EXAMPLE_KEY_PREFIX, type ImportProblem } from '../article-sheet-layout';
import { cellText } from '../sheet-cells';

/**
 * One history sheet of the import workbook (月度报送, 约稿, 约稿回复, 批示, 事项): its name,
 * columns, the 说明 lines and the template's example row. The sheets sit beside 稿件录用 in the
 * same workbook, so one upload loads a whole year and answers can name articles of the same file.
 */
export interface HistorySheetSpec<C extends string = string> {
  name: string;
  columns: readonly C[];
  widths: Record<C, number>;
  /** column, required?, explanation */
  help: [C, string, string][];
  /** The template's example row; its first cell starts with 示例, so it is never imported. */
  example: (string | number | Date | null)[];
}

export interface HistoryRow<C extends string = string> {
  row: number;
  cells: Record<C, CellValue>;
}

export interface HistorySheetContent<C extends string = string> {
  rows: HistoryRow<C>[];
  problems: ImportProblem[];
  date1904: boolean;
}

/** A history sheet holds at most this many rows (a city's year of monthly reports is ~3,000). */
export const MAX_HISTORY_ROWS = 20_000;

/** A problem of a history sheet: its row, column and message, with the sheet's name. */
export const sheetProblem = (sheet: string, row: number, column: string, message: string, level: ImportProblem['level'] = 'error'): ImportProblem => ({ sheet, row, column, message, level });

/**
 * Reads one history sheet by name; a workbook without it gives no rows and no problem (the
 * sheets are each optional). Wrong headers refuse the sheet as a whole; merged cells refuse
 * the rows under them; blank rows and the example row are skipped.
 */
export async function readHistorySheet<C extends string>(book: WorkbookSheets, spec: HistorySheetSpec<C>): Promise<HistorySheetContent<C>> {
  const sheet = await book.open(spec.name);
  if (!sheet) return { rows: [], problems: [], date1904: false };
  const problem = (row: number, column: string, message: string) => sheetProblem(spec.name, row, column, message);
  const rows: HistoryRow<C>[] = [];
  let header = false;
  let lastRow = 0;
  for await (const sheetRow of sheet.rows) {
    lastRow = sheetRow.number;
    if (!header) {
      const found = spec.columns.map((_, i) => (sheetRow.number === 1 ? cellText(sheetRow.getCell(i + 1).value) : ''));
      const bad = spec.columns.findIndex((name, i) => found[i] !== name);
      if (bad >= 0) {
        const was = found[bad] ? `「${found[bad]}」` : '空白';
        return { rows: [], date1904: sheet.date1904, problems: [problem(1, spec.columns[bad], `表头不正确：第一行应依次为「${spec.columns.join('、')}」，第 ${bad + 1} 列（${columnLetter(bad + 1)} 列）应为「${spec.columns[bad]}」，实际为${was}。请使用下载的模板`)] };
      }
      header = true;
      continue;
    }
    const cells = {} as Record<C, CellValue>;
    let blank = true;
    spec.columns.forEach((name, i) => {
      cells[name] = sheetRow.getCell(i + 1).value;
      if (blank && cellText(cells[name]) !== '') blank = false;
    });
    if (blank || cellText(cells[spec.columns[0]]).startsWith(EXAMPLE_KEY_PREFIX)) continue;
    if (rows.length >= MAX_HISTORY_ROWS) return { rows: [], date1904: sheet.date1904, problems: [problem(0, '', `工作表超过 ${MAX_HISTORY_ROWS} 行数据，请拆分为多个文件后导入`)] };
    rows.push({ row: sheetRow.number, cells });
  }
  const problems: ImportProblem[] = [];
  const merged = new Set<number>();
  for (const range of sheet.merges) {
    const r = mergedRange(range);
    if (!r) continue;
    problems.push(problem(r.top, spec.columns[r.left - 1] ?? columnLetter(r.left), r.message));
    for (let row = Math.max(2, r.top); row <= Math.min(r.bottom, lastRow); row++) merged.add(row);
  }
  return { rows: rows.filter((r) => !merged.has(r.row)), problems, date1904: sheet.date1904 };
}

/** Report order inside one sheet: by row, then by column as laid out. */
export function compareSheetProblems(columns: readonly string[]) {
  return (a: ImportProblem, b: ImportProblem) => a.row - b.row || columns.indexOf(a.column) - columns.indexOf(b.column);
}

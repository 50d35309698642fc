import type { CellValue } from 'exceljs';
import { cellAddress, columnLetter, mergedRange } from '../../common/xlsx/cell-refs';
import { NOT_A_SPREADSHEET, PART_LIMITS, readFirstSheet, tooLargeMessage, tooManyRowsMessage, type FirstSheet, type SheetLimits } from '../../common/xlsx/first-sheet';
import { ARTICLE_COLUMNS, EXAMPLE_KEY_PREFIX, LATER_COLUMNS, MAX_IMPORT_ROWS, type ArticleColumn, type ImportProblem } from './article-sheet-layout';
import { cellText } from './sheet-cells';

export { NOT_A_SPREADSHEET, type SheetLimits };

/** One non-empty data row as it stands in the sheet, cells keyed by header. */
export interface SheetRow {
  row: number;
  cells: Record<ArticleColumn, CellValue>;
}

export interface SheetContent {
  rows: SheetRow[];
  /** File-level problems (not a spreadsheet, wrong headers, merged cells, too many rows). */
  problems: ImportProblem[];
  /** Rows covered by a merged range: reported once per range, never imported. */
  mergedRows: Set<number>;
  date1904: boolean;
}

export const SHEET_LIMITS: SheetLimits = { rows: MAX_IMPORT_ROWS, ...PART_LIMITS };

const empty = (problems: ImportProblem[]): SheetContent => ({ rows: [], problems, mergedRows: new Set(), date1904: false });
const fileProblem = (message: string, row = 0, column = '', code?: string): ImportProblem => ({ row, column, message, level: 'error', ...(code ? { code } : {}) });
const tooManyRows = (limit: number) => fileProblem(tooManyRowsMessage(limit), 0, '', 'too_many_rows');
const tooLarge = (limits: SheetLimits) => fileProblem(tooLargeMessage(limits.rows), 0, '', 'sheet_too_large');

/**
 * Reads the first worksheet of an uploaded file in the template layout. Everything that makes
 * the file as a whole unusable is one problem and no rows; merged cells are one problem per
 * range and the rows under them are left out (see mergedRange).
 *
 * The sheet is read as a stream and never held whole (readFirstSheet): reading stops at the
 * row limit and every part of the archive is inflated under a byte cap.
 */
export async function readArticleSheet(content: Buffer, limits: SheetLimits = SHEET_LIMITS): Promise<SheetContent> {
  const read = await readFirstSheet(content, limits, (sheet) => articleRows(sheet, limits));
  if ('value' in read) return read.value;
  return empty([read.refused === 'too_large' ? tooLarge(limits) : fileProblem(NOT_A_SPREADSHEET)]);
}

async function articleRows(sheet: FirstSheet, limits: SheetLimits): Promise<SheetContent> {
  let header: string[] | null = null;
  const rows: SheetRow[] = [];
  let lastRow = 0;
  for await (const sheetRow of sheet.rows) {
    lastRow = sheetRow.number;
    if (header === null) {
      header = ARTICLE_COLUMNS.map((_, i) => (sheetRow.number === 1 ? cellText(sheetRow.getCell(i + 1).value) : ''));
      const problem = headerProblem(header);
      if (problem) return empty([problem]);
      if (sheetRow.number === 1) continue;
    }
    const cells = {} as Record<ArticleColumn, CellValue>;
    let blank = true;
    ARTICLE_COLUMNS.forEach((name, i) => {
      const value = sheetRow.getCell(i + 1).value;
      cells[name] = value;
      if (blank && cellText(value) !== '') blank = false;
    });
    if (blank || cellText(cells['编号']).startsWith(EXAMPLE_KEY_PREFIX)) continue;
    if (rows.length >= limits.rows) return empty([tooManyRows(limits.rows)]);
    rows.push({ row: sheetRow.number, cells });
  }
  if (header === null) return empty([headerProblem(ARTICLE_COLUMNS.map(() => ''))!]);

  linkCells(rows, await sheet.links());

  const problems: ImportProblem[] = [];
  const mergedRows = new Set<number>();
  for (const range of sheet.merges) {
    const r = mergedRange(range);
    if (!r) continue;
    problems.push(fileProblem(r.message, r.top, ARTICLE_COLUMNS[r.left - 1] ?? columnLetter(r.left)));
    // Rows below the last one read hold nothing; merged rows count as rows of the file.
    for (let row = Math.max(2, r.top); row <= Math.min(r.bottom, lastRow); row++) {
      mergedRows.add(row);
      if (mergedRows.size > limits.rows) return empty([tooManyRows(limits.rows)]);
    }
  }
  return { rows: rows.filter((r) => !mergedRows.has(r.row)), problems, mergedRows, date1904: sheet.date1904 };
}

function headerProblem(header: string[]): ImportProblem | null {
  const bad = ARTICLE_COLUMNS.findIndex((name, i) => header[i] !== name && !(LATER_COLUMNS.has(name) && header[i] === '' && header.slice(i).every((h) => h === '')));
  if (bad < 0) return null;
  const found = header[bad] ? `「${header[bad]}」` : '空白';
  return fileProblem(`表头不正确：第一行应依次为「${ARTICLE_COLUMNS.join('、')}」，第 ${bad + 1} 列（${columnLetter(bad + 1)} 列）应为「${ARTICLE_COLUMNS[bad]}」，实际为${found}。请使用下载的模板`, 1, ARTICLE_COLUMNS[bad]);
}

/**
 * Hyperlinks are listed after the rows in the sheet XML, so the stream reader cannot attach
 * them while reading: give the linked cells the value a loaded workbook would have.
 */
function linkCells(rows: SheetRow[], links: Map<string, string>) {
  if (links.size === 0) return;
  const byRow = new Map(rows.map((r) => [r.row, r]));
  for (const [ref, hyperlink] of links) {
    const at = cellAddress(ref);
    const row = at && byRow.get(at.row);
    const column = at && ARTICLE_COLUMNS[at.column - 1];
    if (!row || !column) continue;
    row.cells[column] = { text: cellText(row.cells[column]), hyperlink } as CellValue;
  }
}

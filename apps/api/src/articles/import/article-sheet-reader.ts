import ExcelJS, { type CellValue } from 'exceljs';
import { ARTICLE_COLUMNS, EXAMPLE_KEY_PREFIX, MAX_IMPORT_ROWS, type ArticleColumn, type ImportProblem } from './article-sheet-layout';
import { cellText } from './sheet-cells';

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

export const NOT_A_SPREADSHEET = '文件不是有效的 Excel（.xlsx）表格';

const empty = (problems: ImportProblem[]): SheetContent => ({ rows: [], problems, mergedRows: new Set(), date1904: false });
const fileProblem = (message: string, row = 0, column = ''): ImportProblem => ({ row, column, message, level: 'error' });

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** 'B3:C4' → rows 3–4, columns 2–3. */
function parseRange(range: string): { top: number; bottom: number; left: number; right: number } | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range.replace(/\$/g, '').toUpperCase());
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { top: Number(m[2]), bottom: Number(m[4]), left: col(m[1]), right: col(m[3]) };
}

function mergedRanges(sheet: ExcelJS.Worksheet): string[] {
  const fromModel = (sheet.model as { merges?: string[] }).merges;
  if (Array.isArray(fromModel)) return fromModel;
  const internal = (sheet as unknown as { _merges?: Record<string, { range?: string }> })._merges ?? {};
  return Object.values(internal).map((m) => m.range ?? '').filter(Boolean);
}

/**
 * Reads the first worksheet of an uploaded file in the template layout. Everything that makes
 * the file as a whole unusable is one problem and no rows; merged cells are one problem per
 * range and the rows under them are left out (a merged cell repeats its value on every row,
 * which would silently copy a title or a unit onto rows that did not say so).
 */
export async function readArticleSheet(content: Buffer): Promise<SheetContent> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return empty([fileProblem(NOT_A_SPREADSHEET)]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return empty([fileProblem(NOT_A_SPREADSHEET)]);

  const header = ARTICLE_COLUMNS.map((_, i) => cellText(sheet.getRow(1).getCell(i + 1).value));
  const bad = ARTICLE_COLUMNS.findIndex((name, i) => header[i] !== name);
  if (bad >= 0) {
    const found = header[bad] ? `「${header[bad]}」` : '空白';
    return empty([fileProblem(`表头不正确：第一行应依次为「${ARTICLE_COLUMNS.join('、')}」，第 ${bad + 1} 列（${columnLetter(bad + 1)} 列）应为「${ARTICLE_COLUMNS[bad]}」，实际为${found}。请使用下载的模板`, 1, ARTICLE_COLUMNS[bad])]);
  }

  const problems: ImportProblem[] = [];
  const mergedRows = new Set<number>();
  for (const range of mergedRanges(sheet)) {
    const r = parseRange(range);
    if (!r) continue;
    const column = ARTICLE_COLUMNS[r.left - 1] ?? columnLetter(r.left);
    const rows = r.top === r.bottom ? `第 ${r.top} 行` : `第 ${r.top}–${r.bottom} 行`;
    problems.push(fileProblem(`${range} 是合并单元格（${rows}）：请取消合并，并在每一行填写完整后重新导入；这些行未导入`, r.top, column));
    for (let row = Math.max(2, r.top); row <= r.bottom; row++) mergedRows.add(row);
  }

  const rows: SheetRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const sheetRow = sheet.getRow(r);
    const cells = {} as Record<ArticleColumn, CellValue>;
    let blank = true;
    ARTICLE_COLUMNS.forEach((name, i) => {
      const value = sheetRow.getCell(i + 1).value;
      cells[name] = value;
      if (blank && cellText(value) !== '') blank = false;
    });
    if (blank || mergedRows.has(r)) continue;
    if (cellText(cells['编号']).startsWith(EXAMPLE_KEY_PREFIX)) continue;
    rows.push({ row: r, cells });
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    return empty([fileProblem(`表格有 ${rows.length} 行数据，一次最多导入 ${MAX_IMPORT_ROWS} 行，请拆分为多个文件后导入`)]);
  }
  return { rows, problems, mergedRows, date1904: Boolean(workbook.properties?.date1904) };
}

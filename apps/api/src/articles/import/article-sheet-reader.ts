import type { Readable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import ExcelJS, { type CellValue } from 'exceljs';
import { ARTICLE_COLUMNS, EXAMPLE_KEY_PREFIX, MAX_IMPORT_ROWS, type ArticleColumn, type ImportProblem } from './article-sheet-layout';
import { cellText } from './sheet-cells';
import { NotAZipError, PartTooLargeError, openEntry, zipEntries, type ZipEntry } from './xlsx-zip';

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

/**
 * How much of a file one import reads. The rows are the import's own limit; the byte and
 * string caps stop a small upload that inflates into gigabytes (a zip bomb) or holds millions
 * of strings before anything is kept. A 20,000-row sheet written by Excel or WPS is about
 * 10–30 MB of sheet XML and well under 300,000 distinct strings.
 */
export interface SheetLimits {
  rows: number;
  sheetBytes: number;
  sharedStringsBytes: number;
  sharedStrings: number;
  /** workbook.xml, styles, relationships. */
  otherPartBytes: number;
}

export const SHEET_LIMITS: SheetLimits = {
  rows: MAX_IMPORT_ROWS,
  sheetBytes: 64 * 1024 * 1024,
  sharedStringsBytes: 32 * 1024 * 1024,
  sharedStrings: 500_000,
  otherPartBytes: 16 * 1024 * 1024,
};

/** Rows (and shared strings) read between two turns of the event loop: the server keeps answering. */
const ROWS_PER_TURN = 500;

export const NOT_A_SPREADSHEET = '文件不是有效的 Excel（.xlsx）表格';

const empty = (problems: ImportProblem[]): SheetContent => ({ rows: [], problems, mergedRows: new Set(), date1904: false });
const fileProblem = (message: string, row = 0, column = '', code?: string): ImportProblem => ({ row, column, message, level: 'error', ...(code ? { code } : {}) });
const tooManyRows = (limit: number) => fileProblem(`表格超过 ${limit} 行数据，一次最多导入 ${limit} 行，请拆分为多个文件后导入`, 0, '', 'too_many_rows');
const tooLarge = (limits: SheetLimits) => fileProblem(`表格内容过多（解压后过大或文字过多），一次最多导入 ${limits.rows} 行，请拆分为多个文件后导入`, 0, '', 'sheet_too_large');

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** 'C' → 3, 'AA' → 27. */
const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** 'B3:C4' → rows 3–4, columns 2–3. */
function parseRange(range: string): { top: number; bottom: number; left: number; right: number } | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range.replace(/\$/g, '').toUpperCase());
  if (!m) return null;
  return { top: Number(m[2]), bottom: Number(m[4]), left: columnNumber(m[1]), right: columnNumber(m[3]) };
}

/**
 * exceljs' stream reader, driven part by part through its part parsers (exceljs 4.4 internals):
 * its own driver reads parts in archive order, inflates without a cap and spills a sheet that
 * comes before the shared strings to a temp file.
 */
interface PartsReader {
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { id: number; name: string; rId: string }[] };
  properties?: { model?: { date1904?: boolean } };
  sharedStrings?: unknown[];
  _parseRels(stream: Readable): Promise<void>;
  _parseWorkbook(stream: Readable): Promise<void>;
  _parseStyles(stream: Readable): Promise<void>;
  _parseSharedStrings(stream: Readable): AsyncGenerator<{ index: number; text: unknown }>;
  _parseWorksheet(stream: Readable, sheetNo: string): Generator<{ eventType: string; value: SheetStream }>;
}

interface SheetStream extends AsyncIterable<ExcelJS.Row> {
  hyperlinks?: Record<string, { ref: string; rId: string }>;
}

/** Beyond the row limit, or too much to read: the file is refused as a whole. */
class Refused extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.message);
  }
}

const xmlDecode = (s: string) => s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

/** rId → target of a sheet's relationships (its hyperlinks' addresses). */
function relationshipTargets(xml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const [tag] of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(tag)?.[1];
    const target = /\bTarget="([^"]*)"/.exec(tag)?.[1];
    if (id && target !== undefined) targets.set(id, xmlDecode(target));
  }
  return targets;
}

/** Picks `<mergeCell ref="…"/>` out of the sheet XML going by (exceljs' stream reader skips them). */
function mergeCollector(into: Set<string>): (chunk: Buffer) => void {
  let tail = '';
  return (chunk) => {
    // latin1 maps bytes to characters one to one: the ASCII tags match whatever the text around them.
    const text = tail + chunk.toString('latin1');
    for (const m of text.matchAll(/<mergeCell\s+ref="([^"]{1,40})"/g)) into.add(m[1]);
    tail = text.slice(-80);
  };
}

/** 'L12' → { row: 12, column: 12 }. */
function cellAddress(ref: string): { row: number; column: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref.replace(/\$/g, '').toUpperCase());
  if (!m) return null;
  return { row: Number(m[2]), column: columnNumber(m[1]) };
}

/**
 * Reads the first worksheet of an uploaded file in the template layout. Everything that makes
 * the file as a whole unusable is one problem and no rows; merged cells are one problem per
 * range and the rows under them are left out (a merged cell repeats its value on every row,
 * which would silently copy a title or a unit onto rows that did not say so).
 *
 * The sheet is read as a stream and never held whole: reading stops at the row limit, every
 * part of the archive is inflated under a byte cap, and the event loop gets a turn every few
 * hundred rows, so a huge or hostile file costs bounded memory and the server keeps answering.
 */
export async function readArticleSheet(content: Buffer, limits: SheetLimits = SHEET_LIMITS): Promise<SheetContent> {
  let entries: Map<string, ZipEntry>;
  try {
    entries = zipEntries(content);
  } catch (error) {
    if (error instanceof NotAZipError || error instanceof RangeError) return empty([fileProblem(NOT_A_SPREADSHEET)]);
    throw error;
  }
  const opened: Readable[] = [];
  const open = (entry: ZipEntry, limit: number, onChunk?: (chunk: Buffer) => void) => {
    const stream = openEntry(content, entry, limit, onChunk);
    opened.push(stream);
    return stream;
  };
  try {
    return await readEntries(entries, content, limits, open);
  } catch (error) {
    if (error instanceof Refused) return empty([error.problem]);
    if (error instanceof PartTooLargeError) return empty([tooLarge(limits)]);
    // Anything else the parser trips over is a damaged or foreign file, not a server fault.
    return empty([fileProblem(NOT_A_SPREADSHEET)]);
  } finally {
    for (const stream of opened) stream.destroy();
  }
}

async function readEntries(
  entries: Map<string, ZipEntry>,
  content: Buffer,
  limits: SheetLimits,
  open: (entry: ZipEntry, limit: number, onChunk?: (chunk: Buffer) => void) => Readable,
): Promise<SheetContent> {
  const part = (name: string) => entries.get(name);
  const workbookPart = part('xl/workbook.xml');
  const relsPart = part('xl/_rels/workbook.xml.rels');
  if (!workbookPart || !relsPart) return empty([fileProblem(NOT_A_SPREADSHEET)]);

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(undefined as never, {
    worksheets: 'emit', sharedStrings: 'emit', hyperlinks: 'cache', styles: 'cache', entries: 'ignore',
  }) as unknown as PartsReader;
  // Workbook, relationships, styles and shared strings first, whatever their order in the archive.
  await reader._parseRels(open(relsPart, limits.otherPartBytes));
  await reader._parseWorkbook(open(workbookPart, limits.otherPartBytes));
  const styles = part('xl/styles.xml');
  if (styles) await reader._parseStyles(open(styles, limits.otherPartBytes));
  const strings: unknown[] = [];
  const sharedPart = part('xl/sharedStrings.xml');
  if (sharedPart) {
    for await (const { text } of reader._parseSharedStrings(open(sharedPart, limits.sharedStringsBytes))) {
      if (strings.push(text) > limits.sharedStrings) throw new Refused(tooLarge(limits));
      if (strings.length % (ROWS_PER_TURN * 20) === 0) await yieldToEventLoop();
    }
  }
  reader.sharedStrings = strings;

  const first = reader.model?.sheets?.[0];
  const target = first && reader.workbookRels?.find((r) => r.Id === first.rId)?.Target;
  if (!target) return empty([fileProblem(NOT_A_SPREADSHEET)]);
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  const sheetPart = part(sheetPath);
  if (!sheetPart) return empty([fileProblem(NOT_A_SPREADSHEET)]);
  const sheetNo = /sheet(\d+)\.xml$/.exec(sheetPath)?.[1] ?? String(first.id);

  const merges = new Set<string>();
  const [{ value: sheet }] = [...reader._parseWorksheet(open(sheetPart, limits.sheetBytes, mergeCollector(merges)), sheetNo)];

  let header: string[] | null = null;
  const rows: SheetRow[] = [];
  let lastRow = 0;
  for await (const sheetRow of sheet) {
    lastRow = sheetRow.number;
    if (lastRow % ROWS_PER_TURN === 0) await yieldToEventLoop();
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
    if (rows.length >= limits.rows) throw new Refused(tooManyRows(limits.rows));
    rows.push({ row: sheetRow.number, cells });
  }
  if (header === null) return empty([headerProblem(ARTICLE_COLUMNS.map(() => ''))!]);

  linkCells(rows, sheet.hyperlinks ?? {}, await sheetLinks(entries, content, sheetPath, limits, open));

  const problems: ImportProblem[] = [];
  const mergedRows = new Set<number>();
  for (const range of merges) {
    const r = parseRange(range);
    if (!r) continue;
    const column = ARTICLE_COLUMNS[r.left - 1] ?? columnLetter(r.left);
    const rowsText = r.top === r.bottom ? `第 ${r.top} 行` : `第 ${r.top}–${r.bottom} 行`;
    problems.push(fileProblem(`${range} 是合并单元格（${rowsText}）：请取消合并，并在每一行填写完整后重新导入；这些行未导入`, r.top, column));
    // Rows below the last one read hold nothing; merged rows count as rows of the file.
    for (let row = Math.max(2, r.top); row <= Math.min(r.bottom, lastRow); row++) {
      mergedRows.add(row);
      if (mergedRows.size > limits.rows) return empty([tooManyRows(limits.rows)]);
    }
  }
  return {
    rows: rows.filter((r) => !mergedRows.has(r.row)),
    problems,
    mergedRows,
    date1904: Boolean(reader.properties?.model?.date1904),
  };
}

function headerProblem(header: string[]): ImportProblem | null {
  const bad = ARTICLE_COLUMNS.findIndex((name, i) => header[i] !== name);
  if (bad < 0) return null;
  const found = header[bad] ? `「${header[bad]}」` : '空白';
  return fileProblem(`表头不正确：第一行应依次为「${ARTICLE_COLUMNS.join('、')}」，第 ${bad + 1} 列（${columnLetter(bad + 1)} 列）应为「${ARTICLE_COLUMNS[bad]}」，实际为${found}。请使用下载的模板`, 1, ARTICLE_COLUMNS[bad]);
}

/** The sheet's relationships (hyperlink targets by rId), if it has any. */
async function sheetLinks(
  entries: Map<string, ZipEntry>,
  content: Buffer,
  sheetPath: string,
  limits: SheetLimits,
  open: (entry: ZipEntry, limit: number) => Readable,
): Promise<Map<string, string>> {
  const rels = entries.get(sheetPath.replace(/([^/]+)$/, '_rels/$1.rels'));
  if (!rels) return new Map();
  const chunks: Buffer[] = [];
  for await (const chunk of open(rels, limits.otherPartBytes)) chunks.push(chunk as Buffer);
  return relationshipTargets(Buffer.concat(chunks).toString('utf8'));
}

/**
 * Hyperlinks are listed after the rows in the sheet XML, so the stream reader cannot attach
 * them while reading: give the linked cells the value a loaded workbook would have.
 */
function linkCells(rows: SheetRow[], links: Record<string, { rId: string }>, targets: Map<string, string>) {
  if (targets.size === 0) return;
  const byRow = new Map(rows.map((r) => [r.row, r]));
  for (const [ref, link] of Object.entries(links)) {
    const at = cellAddress(ref);
    const row = at && byRow.get(at.row);
    const column = at && ARTICLE_COLUMNS[at.column - 1];
    const hyperlink = targets.get(link.rId);
    if (!row || !column || hyperlink === undefined) continue;
    row.cells[column] = { text: cellText(row.cells[column]), hyperlink } as CellValue;
  }
}

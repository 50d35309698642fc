import type { Readable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type ExcelJS from 'exceljs';
import { partsReader, relationshipTargets, worksheetRows, type PartsReader } from './exceljs-parts';
import { NotAZipError, PartTooLargeError, XlsxArchive } from './xlsx-archive';

/**
 * How much of a file one import reads. The rows are the import's own limit (counted by the
 * caller: what counts as a row is its business); the byte and string caps stop a small upload
 * that inflates into gigabytes (a zip bomb) or holds millions of strings before anything is
 * kept. A 20,000-row sheet written by Excel or WPS is about 10–30 MB of sheet XML and well
 * under 300,000 distinct strings.
 */
export interface SheetLimits {
  rows: number;
  sheetBytes: number;
  sharedStringsBytes: number;
  sharedStrings: number;
  /** workbook.xml, styles, relationships. */
  otherPartBytes: number;
}

export const PART_LIMITS: Omit<SheetLimits, 'rows'> = {
  sheetBytes: 64 * 1024 * 1024,
  sharedStringsBytes: 32 * 1024 * 1024,
  sharedStrings: 500_000,
  otherPartBytes: 16 * 1024 * 1024,
};

export const NOT_A_SPREADSHEET = '文件不是有效的 Excel（.xlsx）表格';
export const tooManyRowsMessage = (limit: number) => `表格超过 ${limit} 行数据，一次最多导入 ${limit} 行，请拆分为多个文件后导入`;
export const tooLargeMessage = (limit: number) => `表格内容过多（解压后过大或文字过多），一次最多导入 ${limit} 行，请拆分为多个文件后导入`;

/** Rows (and shared strings) read between two turns of the event loop: the server keeps answering. */
const ROWS_PER_TURN = 500;

/** The first worksheet of a file, read as it streams by. */
export interface FirstSheet {
  /** Its non-empty rows in order (read once). */
  rows: AsyncIterable<ExcelJS.Row>;
  /** Merged ranges ('B3:C4'): complete once the rows are read. */
  merges: ReadonlySet<string>;
  /** Hyperlink targets by cell ('L12'), once the rows are read (they follow the rows in the XML). */
  links(): Promise<Map<string, string>>;
  date1904: boolean;
}

/** Why a file is refused as a whole before the caller sees a row. */
export type SheetRefusal = 'not_a_spreadsheet' | 'no_sheet' | 'too_large';

class TooManyStrings extends Error {}

/**
 * Reads the first worksheet of an .xlsx as a stream and hands it to `read`; never holds the
 * sheet whole. Every part is inflated under a byte cap, the shared strings are counted, the
 * event loop gets a turn every few hundred rows, and whatever `read` leaves unread is dropped
 * when it returns — so a huge or hostile file costs bounded memory and the server keeps answering.
 * Anything the parser trips over is a damaged or foreign file, not a server fault.
 */
export async function readFirstSheet<T>(content: Buffer, limits: SheetLimits, read: (sheet: FirstSheet) => Promise<T>): Promise<{ value: T } | { refused: SheetRefusal }> {
  return withWorkbook<T>(content, limits, async (archive, reader) => {
    const first = reader.model?.sheets?.[0];
    if (!first) return { refused: 'no_sheet' };
    const sheet = await openSheet(archive, reader, first, limits);
    return typeof sheet === 'string' ? { refused: sheet } : { value: await read(sheet) };
  });
}

/** A workbook's worksheets by name, each opened when asked for (read one before opening the next). */
export interface WorkbookSheets {
  names: string[];
  /** The sheet named `name`, or null when the workbook has none of that name. */
  open(name: string): Promise<FirstSheet | null>;
}

/** As readFirstSheet, for a workbook whose sheets are read by name (the same caps apply to each). */
export async function readWorkbookSheets<T>(content: Buffer, limits: SheetLimits, read: (book: WorkbookSheets) => Promise<T>): Promise<{ value: T } | { refused: SheetRefusal }> {
  return withWorkbook<T>(content, limits, async (archive, reader) => {
    const entries = reader.model?.sheets ?? [];
    const open = async (name: string) => {
      const entry = entries.find((e) => e.name.trim() === name);
      if (!entry) return null;
      const sheet = await openSheet(archive, reader, entry, limits);
      if (typeof sheet === 'string') throw new NotAZipError(sheet);
      return sheet;
    };
    return { value: await read({ names: entries.map((e) => e.name), open }) };
  });
}

async function withWorkbook<T>(
  content: Buffer,
  limits: SheetLimits,
  use: (archive: XlsxArchive, reader: PartsReader) => Promise<{ value: T } | { refused: SheetRefusal }>,
): Promise<{ value: T } | { refused: SheetRefusal }> {
  let archive: XlsxArchive;
  try {
    archive = await XlsxArchive.open(content);
  } catch (error) {
    if (error instanceof NotAZipError) return { refused: 'not_a_spreadsheet' };
    throw error;
  }
  try {
    const reader = await openWorkbook(archive, limits);
    return typeof reader === 'string' ? { refused: reader } : await use(archive, reader);
  } catch (error) {
    if (error instanceof PartTooLargeError || error instanceof TooManyStrings) return { refused: 'too_large' };
    return { refused: 'not_a_spreadsheet' };
  } finally {
    archive.close();
  }
}

/** Workbook, relationships, styles and shared strings, whatever their order in the archive. */
async function openWorkbook(archive: XlsxArchive, limits: SheetLimits): Promise<PartsReader | SheetRefusal> {
  if (!archive.has('xl/workbook.xml') || !archive.has('xl/_rels/workbook.xml.rels')) return 'not_a_spreadsheet';
  const reader = partsReader();
  await reader._parseRels(await archive.open('xl/_rels/workbook.xml.rels', limits.otherPartBytes));
  await reader._parseWorkbook(await archive.open('xl/workbook.xml', limits.otherPartBytes));
  if (archive.has('xl/styles.xml')) await reader._parseStyles(await archive.open('xl/styles.xml', limits.otherPartBytes));
  reader.sharedStrings = archive.has('xl/sharedStrings.xml') ? await sharedStrings(reader, await archive.open('xl/sharedStrings.xml', limits.sharedStringsBytes), limits) : [];
  return reader;
}

type SheetEntry = NonNullable<NonNullable<PartsReader['model']>['sheets']>[number];

async function openSheet(archive: XlsxArchive, reader: PartsReader, entry: SheetEntry, limits: SheetLimits): Promise<FirstSheet | SheetRefusal> {
  const target = reader.workbookRels?.find((r) => r.Id === entry.rId)?.Target;
  if (!target) return 'not_a_spreadsheet';
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  if (!archive.has(sheetPath)) return 'not_a_spreadsheet';
  const sheetNo = /sheet(\d+)\.xml$/.exec(sheetPath)?.[1] ?? String(entry.id);

  const merges = new Set<string>();
  const sheet = worksheetRows(reader, await archive.open(sheetPath, limits.sheetBytes, mergeCollector(merges)), sheetNo);
  const relsPath = sheetPath.replace(/([^/]+)$/, '_rels/$1.rels');
  return {
    rows: turnTaking(sheet),
    merges,
    links: async () => {
      if (!archive.has(relsPath)) return new Map();
      const targets = await relationshipTargets(await archive.open(relsPath, limits.otherPartBytes));
      const links = new Map<string, string>();
      for (const [ref, link] of Object.entries(sheet.hyperlinks ?? {})) {
        const linkTarget = targets.get(link.rId);
        if (linkTarget !== undefined) links.set(ref, linkTarget);
      }
      return links;
    },
    date1904: Boolean(reader.properties?.model?.date1904),
  };
}

async function sharedStrings(reader: PartsReader, stream: Readable, limits: SheetLimits): Promise<unknown[]> {
  const strings: unknown[] = [];
  for await (const { text } of reader._parseSharedStrings(stream)) {
    if (strings.push(text) > limits.sharedStrings) throw new TooManyStrings();
    if (strings.length % (ROWS_PER_TURN * 20) === 0) await yieldToEventLoop();
  }
  return strings;
}

async function* turnTaking(rows: AsyncIterable<ExcelJS.Row>): AsyncGenerator<ExcelJS.Row> {
  let n = 0;
  for await (const row of rows) {
    if (++n % ROWS_PER_TURN === 0) await yieldToEventLoop();
    yield row;
  }
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

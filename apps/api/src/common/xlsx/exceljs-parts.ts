import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * exceljs' stream reader driven part by part through its part parsers — private methods of
 * exceljs 4.4.0 (package.json pins that exact version; check this file before upgrading).
 *
 * Why not its public `new WorkbookReader(stream)`: that takes the whole archive and unzips it
 * itself (unzipper), so
 * - nothing caps what a part inflates to: a byte cap on its input bounds the compressed size
 *   only, which is exactly what a zip bomb keeps small;
 * - it reads parts in archive order, and a sheet stored before the shared strings (Excel
 *   stores it so) is spilled whole to a temp file first;
 * - the sheet XML never passes through our hands, and its reader skips `<mergeCell>`, so
 *   merged cells could not be found.
 * Here each part comes from yauzl under its own cap, in the order the sheet needs them.
 */
export interface PartsReader {
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

/** One worksheet's rows as exceljs reads them; hyperlinks (ref → rId) are complete once the rows are read. */
export interface SheetStream extends AsyncIterable<ExcelJS.Row> {
  hyperlinks?: Record<string, { ref: string; rId: string }>;
}

/** A reader that caches styles (dates need the number formats) and hyperlinks and emits shared strings to us. */
export function partsReader(): PartsReader {
  return new ExcelJS.stream.xlsx.WorkbookReader(undefined as never, {
    worksheets: 'emit', sharedStrings: 'emit', hyperlinks: 'cache', styles: 'cache', entries: 'ignore',
  }) as unknown as PartsReader;
}

/** The rows of one worksheet part. */
export function worksheetRows(reader: PartsReader, stream: Readable, sheetNo: string): SheetStream {
  const [{ value }] = [...reader._parseWorksheet(stream, sheetNo)];
  return value;
}

/** rId → target of a relationships part (a sheet's hyperlink addresses). */
export async function relationshipTargets(stream: Readable): Promise<Map<string, string>> {
  const reader = partsReader();
  await reader._parseRels(stream);
  return new Map((reader.workbookRels ?? []).map((r) => [r.Id, r.Target]));
}

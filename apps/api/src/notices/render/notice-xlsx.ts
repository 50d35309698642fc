import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { LEVEL_LABELS } from '@app/contracts';
import {
  ADOPTION_COLUMNS,
  ADOPTION_LEGEND,
  EXCLUDED_COLUMNS,
  RANKING_COLUMNS,
  adoptionAttachmentTitle,
  excludedAttachmentTitle,
  excludedRows,
  marks,
  noticeTitle,
  rankingAttachmentTitle,
  rankingTables,
  type NoticeAdoption,
  type NoticeData,
  type RankingTable,
} from '@app/notice';

export const ADOPTION_SHEET = '录用情况一览';
export const EXCLUDED_SHEET = '未核定记录';
/** The adoption sheet leads with 层级 so it can be filtered and sorted; the DOCX shows levels as spanning rows instead. */
export const ADOPTION_SHEET_COLUMNS = ['层级', ...ADOPTION_COLUMNS] as const;

/** The full 附件2, a chunk at a time, already in notice order (level, outlet, date, title). */
export type AdoptionChunks = AsyncIterable<readonly NoticeAdoption[]> | Iterable<readonly NoticeAdoption[]>;

const SCORE_FORMAT = '0.00';
const CHANGE_FORMAT = '+0.0%;-0.0%;0.0%';
const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
const RANKING_WIDTHS = [6, 18, 8, 8, 8, 8, 8, 8, 10, 14, 10, 10];
const ADOPTION_WIDTHS = [8, 20, 50, 22, 16, 8, 8];
const EXCLUDED_WIDTHS = [6, 24, 10, 60];

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, bottom: thin, left: thin, right: thin };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const TEXT_FONT: Partial<ExcelJS.Font> = { name: '仿宋', size: 11 };

// One style object per kind of cell, shared by every cell of that kind: the streaming writer
// caches a style object's id, so a row costs no style work (a fresh object per cell made it
// serialise fonts and borders a million times at province scale). Never mutate these.
const cellStyle = (horizontal: 'left' | 'center', numFmt?: string): Partial<ExcelJS.Style> => ({
  border: BORDER,
  font: TEXT_FONT,
  alignment: { horizontal, vertical: 'middle', wrapText: true },
  ...(numFmt ? { numFmt } : {}),
});
const STYLE = {
  center: cellStyle('center'),
  left: cellStyle('left'),
  score: cellStyle('center', SCORE_FORMAT),
  change: cellStyle('center', CHANGE_FORMAT),
  date: cellStyle('center', DATE_FORMAT),
  head: { font: { name: '黑体', size: 11, bold: true }, fill: HEAD_FILL, border: BORDER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } } as Partial<ExcelJS.Style>,
  title: { font: { name: '黑体', size: 14, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } } as Partial<ExcelJS.Style>,
  legend: { font: { name: '仿宋', size: 10 } } as Partial<ExcelJS.Style>,
};

// Excel refuses these characters and names longer than 31; names must also be unique.
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[\\/?*[\]:]/g, '_').slice(0, 31) || '分组';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, 28)}(${i})`;
  taken.add(name);
  return name;
}

type Sheet = ExcelJS.Worksheet;
type Writer = ExcelJS.stream.xlsx.WorkbookWriter;

function addRow(sheet: Sheet, values: unknown[], styles: Partial<ExcelJS.Style>[]): void {
  const row = sheet.addRow(values);
  styles.forEach((style, i) => (row.getCell(i + 1).style = style));
  row.commit();
}

/** Title in row 1 (merged), header in row 2, data from row 3; the header stays visible when scrolling. */
function startSheet(workbook: Writer, name: string, title: string, columns: readonly string[], widths: number[]): Sheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
  });
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns.length } };
  sheet.columns = widths.map((width) => ({ width }));
  sheet.mergeCells(1, 1, 1, columns.length);
  const titleRow = sheet.getRow(1);
  titleRow.height = 28;
  titleRow.getCell(1).value = title;
  titleRow.getCell(1).style = STYLE.title;
  titleRow.commit();
  addRow(sheet, [...columns], columns.map(() => STYLE.head));
  return sheet;
}

function writeRanking(workbook: Writer, data: NoticeData, table: RankingTable, taken: Set<string>): void {
  const base = rankingAttachmentTitle({ ...data, kind: 'notice' });
  const title = `${base}（${table.name}${data.kind === 'correction' ? '，更正后' : ''}）`;
  const sheet = startSheet(workbook, sheetName(table.name, taken), title, RANKING_COLUMNS, RANKING_WIDTHS);
  const { center, score, change } = STYLE;
  for (const r of table.rows) {
    addRow(
      sheet,
      [r.rank, r.unitName, r.articlesSubmitted, r.central, r.provincial, r.municipal, r.district, r.instructions, r.commissions, r.monthly, r.scoreValue, r.changeValue ?? r.change],
      [center, center, center, center, center, center, center, center, center, center, score, r.changeValue === null ? center : change],
    );
  }
  sheet.commit();
}

async function writeAdoptions(workbook: Writer, data: NoticeData, adoptions: AdoptionChunks, taken: Set<string>): Promise<void> {
  const sheet = startSheet(workbook, sheetName(ADOPTION_SHEET, taken), adoptionAttachmentTitle(data), ADOPTION_SHEET_COLUMNS, ADOPTION_WIDTHS);
  const { center, left, date: dated } = STYLE;
  const dateStyles = [center, center, left, center, dated, center, center];
  const textStyles = [center, center, left, center, center, center, center];
  for await (const chunk of adoptions) {
    for (const a of chunk) {
      const [y, m, d] = a.publishedDate.split('-').map(Number);
      // A real date cell (midnight UTC, which is how exceljs maps Excel's zone-less dates) so the column sorts and filters.
      const date = y && m && d ? new Date(Date.UTC(y, m - 1, d)) : a.publishedDate;
      // empty 版面/备注 stay empty cells rather than empty strings
      addRow(
        sheet,
        [LEVEL_LABELS[a.level], a.unitNames.join('、'), a.title, a.outletName, date, a.page || null, marks(a) || null],
        date instanceof Date ? dateStyles : textStyles,
      );
    }
  }
  const legend = sheet.addRow([ADOPTION_LEGEND]);
  sheet.mergeCells(legend.number, 1, legend.number, ADOPTION_SHEET_COLUMNS.length);
  legend.getCell(1).style = STYLE.legend;
  legend.commit();
  sheet.commit();
}

/** 附件3: the entries left out of the ranking when the quarter was closed, with their units. */
function writeExcluded(workbook: Writer, data: NoticeData, taken: Set<string>): void {
  const sheet = startSheet(workbook, sheetName(EXCLUDED_SHEET, taken), excludedAttachmentTitle(data), EXCLUDED_COLUMNS, EXCLUDED_WIDTHS);
  const { center, left } = STYLE;
  for (const r of excludedRows(data)) addRow(sheet, [Number(r[0]), r[1], r[2], r[3]], [center, center, center, left]);
  sheet.commit();
}

/**
 * The notice's tables as a workbook: one sheet per group, then 总排名, then 录用情况一览 (left
 * out of a correction, which carries the ranking only), then 未核定记录 (附件3) when entries were
 * left out at closing. Scores are numbers shown with two decimals.
 *
 * 录用情况一览 is the full 附件2 whatever the DOCX lists: it is written from `adoptions`, which
 * must be every adoption of the quarter in notice order (the builder streams them from the
 * database in chunks), not from data.adoptions, which may hold only the levels the DOCX lists.
 * Rows go out through exceljs' streaming writer one by one into `out` (a file: see
 * FileStore.putStream), so memory does not grow with the list. The writer ends `out`.
 */
export async function writeNoticeXlsx(out: Writable, data: NoticeData, adoptions: AdoptionChunks): Promise<void> {
  // Timestamps from the data, not the clock, keep the file a pure function of its input.
  const issued = /^(\d{4})-(\d{2})-(\d{2})$/.exec(data.texts.issuedDate ?? '');
  const stamp = issued ? new Date(Date.UTC(+issued[1], +issued[2] - 1, +issued[3])) : new Date(0);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = data.office.name;
  workbook.title = noticeTitle(data);
  workbook.created = workbook.modified = stamp;
  const taken = new Set<string>();
  for (const table of rankingTables(data)) writeRanking(workbook, data, table, taken);
  if (data.kind !== 'correction') await writeAdoptions(workbook, data, adoptions, taken);
  if (data.kind !== 'correction' && data.summary.excluded.length > 0) writeExcluded(workbook, data, taken);
  await workbook.commit();
}

/** writeNoticeXlsx into memory: the workbook as one buffer (small notices, tests). */
export async function renderNoticeXlsx(data: NoticeData, adoptions: AdoptionChunks): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (chunk: Buffer) => parts.push(chunk));
  await writeNoticeXlsx(out, data, adoptions);
  return Buffer.concat(parts);
}

import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
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
import { writePackage } from './ooxml-package';

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

/** Text of the template row that stands for the adoption rows while exceljs writes the sheet. */
const TEMPLATE_MARK = 'pubscore-adoption-rows';
const FIRST_ROW = 3;

/**
 * 录用情况一览 as exceljs writes it, but when there are adoptions with one template row (row 3)
 * where they go: styled as a dated adoption row, so the workbook's styles hold every style a row
 * uses, and the ids exceljs gave them can be read off it. The rows are written by adoptionSheetXml.
 */
function writeAdoptionSheet(workbook: Writer, data: NoticeData, taken: Set<string>, template: boolean): Sheet {
  const sheet = startSheet(workbook, sheetName(ADOPTION_SHEET, taken), adoptionAttachmentTitle(data), ADOPTION_SHEET_COLUMNS, ADOPTION_WIDTHS);
  const { center, left, date: dated } = STYLE;
  if (template) addRow(sheet, [TEMPLATE_MARK, '', '', '', new Date(0), null, null], [center, center, left, center, dated, center, center]);
  const legend = sheet.addRow([ADOPTION_LEGEND]);
  sheet.mergeCells(legend.number, 1, legend.number, ADOPTION_SHEET_COLUMNS.length);
  legend.getCell(1).style = STYLE.legend;
  legend.commit();
  sheet.commit();
  return sheet;
}

// Characters a cell cannot hold are dropped and markup characters escaped, as exceljs does (utils.xmlEncode).
// eslint-disable-next-line no-control-regex
const XML_SPECIAL = /[&"'<>\x7F\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const escapeXml = (text: string): string => text.replace(XML_SPECIAL, (c) => ESCAPES[c] ?? '');
const COLUMN_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
const DAY_MS = 24 * 3600 * 1000;
/** Excel's serial day number of a date at midnight UTC (exceljs: utils.dateToExcel). */
const EXCEL_EPOCH_DAYS = 25569;

/**
 * The adoption sheet's XML with one row per adoption in place of the template row, written as
 * exceljs writes a row (same attributes, style ids, cell types: text as t="str", the date as
 * Excel's day number, empty 版面/备注 as styled empty cells), a chunk at a time; the legend
 * row and its merge move below the last row.
 */
async function* adoptionSheetXml(xml: string, adoptions: AsyncIterable<readonly NoticeAdoption[]>): AsyncGenerator<string> {
  const start = xml.indexOf(`<row r="${FIRST_ROW}" `);
  const end = xml.indexOf('</row>', start) + '</row>'.length;
  const template = xml.slice(start, end);
  const styleOf = (column: string) => new RegExp(`<c r="${column}${FIRST_ROW}" s="(\\d+)"`).exec(template)?.[1];
  const [center, left, dated] = [styleOf('A'), styleOf('C'), styleOf('E')];
  if (start < 0 || !template.includes(`<v>${TEMPLATE_MARK}</v>`) || !center || !left || !dated) throw new Error('exceljs did not write the adoption template row as expected');
  const open = template.slice(0, template.indexOf('>') + 1);
  const legendEnd = xml.indexOf('</row>', end) + '</row>'.length;
  const legend = xml.slice(end, legendEnd);
  const mergeRef = `<mergeCell ref="A${FIRST_ROW + 1}:G${FIRST_ROW + 1}"/>`;
  if (!legend.startsWith(`<row r="${FIRST_ROW + 1}" `) || !xml.includes(mergeRef, legendEnd)) throw new Error('exceljs did not write the adoption legend as expected');

  const textStyles = [center, center, left, center, center, center, center];
  const dateStyles = [center, center, left, center, dated, center, center];
  yield xml.slice(0, start);
  let n = FIRST_ROW;
  for await (const chunk of adoptions) {
    let rows = '';
    for (const a of chunk) {
      const [y, m, d] = a.publishedDate.split('-').map(Number);
      const day = y && m && d ? EXCEL_EPOCH_DAYS + Date.UTC(y, m - 1, d) / DAY_MS : null;
      const values = [LEVEL_LABELS[a.level], a.unitNames.join('、'), a.title, a.outletName, day ?? a.publishedDate, a.page || null, marks(a) || null];
      const styles = day === null ? textStyles : dateStyles;
      rows += open.replace(`r="${FIRST_ROW}"`, `r="${n}"`);
      values.forEach((value, i) => {
        const head = `<c r="${COLUMN_LETTERS[i]}${n}" s="${styles[i]}"`;
        if (value === null) rows += `${head}/>`;
        else if (typeof value === 'number') rows += `${head}><v>${value}</v></c>`;
        else rows += `${head} t="str"><v>${escapeXml(value)}</v></c>`;
      });
      rows += '</row>';
      n++;
    }
    yield rows;
  }
  yield legend.replace(/ r="([A-G]?)\d+"/g, (_, column: string) => ` r="${column}${n}"`);
  yield xml.slice(legendEnd).replace(mergeRef, `<mergeCell ref="A${n}:G${n}"/>`);
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
 * exceljs writes the workbook with a template row in its place (a province's 250,000 rows
 * through exceljs' row objects took 8 s); the rows are then written as XML straight into that
 * sheet while the file is zipped to `out` (see ooxml-package), so memory does not grow with the
 * list. `out` is left open: its owner ends it (FileStore.putStream does).
 */
export async function writeNoticeXlsx(out: Writable, data: NoticeData, adoptions: AdoptionChunks): Promise<void> {
  // Timestamps from the data, not the clock, keep the file a pure function of its input.
  const issued = /^(\d{4})-(\d{2})-(\d{2})$/.exec(data.texts.issuedDate ?? '');
  const stamp = issued ? new Date(Date.UTC(+issued[1], +issued[2] - 1, +issued[3])) : new Date(0);
  const packed = new PassThrough();
  const parts: Buffer[] = [];
  packed.on('data', (chunk: Buffer) => parts.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: packed, useStyles: true, useSharedStrings: false });
  workbook.creator = data.office.name;
  workbook.title = noticeTitle(data);
  workbook.created = workbook.modified = stamp;
  const taken = new Set<string>();
  for (const table of rankingTables(data)) writeRanking(workbook, data, table, taken);
  const rows = data.kind !== 'correction' ? await unlessEmpty(adoptions) : null;
  const adoptionSheet = data.kind !== 'correction' ? writeAdoptionSheet(workbook, data, taken, rows !== null) : null;
  if (data.kind !== 'correction' && data.summary.excluded.length > 0) writeExcluded(workbook, data, taken);
  await workbook.commit();
  await finished(packed);
  const zip = Buffer.concat(parts);
  if (!adoptionSheet || !rows) {
    if (!out.write(zip)) await once(out, 'drain');
    return;
  }
  await writePackage(out, zip, `xl/worksheets/sheet${adoptionSheet.id}.xml`, (xml) => adoptionSheetXml(xml, rows));
}

/** The adoption chunks, or null when there are none (the sheet then has its legend only). */
async function unlessEmpty(adoptions: AdoptionChunks): Promise<AsyncIterable<readonly NoticeAdoption[]> | null> {
  const chunks = (async function* () {
    yield* adoptions;
  })();
  let first = await chunks.next();
  while (!first.done && first.value.length === 0) first = await chunks.next();
  if (first.done) return null;
  const head = first.value;
  return (async function* () {
    yield head;
    yield* chunks;
  })();
}

/** writeNoticeXlsx into memory: the workbook as one buffer (small notices, tests). */
export async function renderNoticeXlsx(data: NoticeData, adoptions: AdoptionChunks): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (chunk: Buffer) => parts.push(chunk));
  await writeNoticeXlsx(out, data, adoptions);
  out.end();
  await finished(out);
  return Buffer.concat(parts);
}

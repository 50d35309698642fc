import ExcelJS from 'exceljs';
import { LEVEL_LABELS } from '@app/contracts';
import type { NoticeData } from './notice-data';
import { noticeTitle } from './notice-narrative';
import { ADOPTION_COLUMNS, ADOPTION_LEGEND, RANKING_COLUMNS, adoptionAttachmentTitle, adoptionGroups, rankingAttachmentTitle, rankingTables, type RankingTable } from './notice-tables';

export const ADOPTION_SHEET = '录用情况一览';
/** The adoption sheet leads with 层级 so it can be filtered and sorted; the DOCX shows levels as spanning rows instead. */
export const ADOPTION_SHEET_COLUMNS = ['层级', ...ADOPTION_COLUMNS] as const;

const SCORE_FORMAT = '0.00';
const CHANGE_FORMAT = '+0.0%;-0.0%;0.0%';
const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
const RANKING_WIDTHS = [6, 18, 8, 8, 8, 8, 8, 8, 10, 14, 10, 10];
const ADOPTION_WIDTHS = [8, 20, 50, 22, 16, 8, 8];

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, bottom: thin, left: thin, right: thin };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

// Excel refuses these characters and names longer than 31; names must also be unique.
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[\\/?*[\]:]/g, '_').slice(0, 31) || '分组';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, 28)}(${i})`;
  taken.add(name);
  return name;
}

/** Title in row 1 (merged), header in row 2, data from row 3; the header stays visible when scrolling. */
function startSheet(workbook: ExcelJS.Workbook, name: string, title: string, columns: readonly string[], widths: number[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
  });
  sheet.columns = widths.map((width) => ({ width }));
  sheet.mergeCells(1, 1, 1, columns.length);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { name: '黑体', size: 14, bold: true };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 28;
  const header = sheet.getRow(2);
  header.values = [...columns];
  header.eachCell((cell) => {
    cell.font = { name: '黑体', size: 11, bold: true };
    cell.fill = HEAD_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns.length } };
  return sheet;
}

function styleRow(row: ExcelJS.Row, count: number, leftColumns: number[]): void {
  for (let c = 1; c <= count; c++) {
    const cell = row.getCell(c);
    cell.border = BORDER;
    cell.font = { name: '仿宋', size: 11 };
    cell.alignment = { horizontal: leftColumns.includes(c) ? 'left' : 'center', vertical: 'middle', wrapText: true };
  }
}

function writeRanking(workbook: ExcelJS.Workbook, data: NoticeData, table: RankingTable, taken: Set<string>): void {
  const base = rankingAttachmentTitle({ ...data, kind: 'notice' });
  const title = `${base}（${table.name}${data.kind === 'correction' ? '，更正后' : ''}）`;
  const sheet = startSheet(workbook, sheetName(table.name, taken), title, RANKING_COLUMNS, RANKING_WIDTHS);
  for (const r of table.rows) {
    const row = sheet.addRow([
      r.rank,
      r.unitName,
      r.articlesSubmitted,
      r.central,
      r.provincial,
      r.municipal,
      r.district,
      r.instructions,
      r.commissions,
      r.monthly,
      r.scoreValue,
      r.changeValue ?? '—',
    ]);
    styleRow(row, RANKING_COLUMNS.length, []);
    row.getCell(11).numFmt = SCORE_FORMAT;
    if (r.changeValue !== null) row.getCell(12).numFmt = CHANGE_FORMAT;
  }
}

function writeAdoptions(workbook: ExcelJS.Workbook, data: NoticeData, taken: Set<string>): void {
  const sheet = startSheet(workbook, sheetName(ADOPTION_SHEET, taken), adoptionAttachmentTitle(data), ADOPTION_SHEET_COLUMNS, ADOPTION_WIDTHS);
  for (const g of adoptionGroups(data)) {
    for (const a of g.rows) {
      const [y, m, d] = a.isoDate.split('-').map(Number);
      // A real date cell (midnight UTC, which is how exceljs maps Excel's zone-less dates) so the column sorts and filters.
      const date = y && m && d ? new Date(Date.UTC(y, m - 1, d)) : a.isoDate;
      // empty 版面/备注 stay empty cells rather than empty strings
      const row = sheet.addRow([LEVEL_LABELS[g.level], a.units, a.title, a.outlet, date, a.page || null, a.marks || null]);
      styleRow(row, ADOPTION_SHEET_COLUMNS.length, [3]);
      if (date instanceof Date) row.getCell(5).numFmt = DATE_FORMAT;
    }
  }
  const legend = sheet.addRow([ADOPTION_LEGEND]);
  legend.getCell(1).font = { name: '仿宋', size: 10 };
  sheet.mergeCells(legend.number, 1, legend.number, ADOPTION_SHEET_COLUMNS.length);
}

/**
 * The notice's tables as a workbook: one sheet per group, then 总排名, then 录用情况一览 (left
 * out of a correction, which carries the ranking only). Scores are numbers shown with two decimals.
 */
export async function renderNoticeXlsx(data: NoticeData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = data.office.name;
  workbook.title = noticeTitle(data);
  // Timestamps from the data, not the clock, keep the file a pure function of its input.
  const issued = /^(\d{4})-(\d{2})-(\d{2})$/.exec(data.texts.issuedDate ?? '');
  workbook.created = workbook.modified = issued ? new Date(Date.UTC(+issued[1], +issued[2] - 1, +issued[3])) : new Date(0);
  const taken = new Set<string>();
  for (const table of rankingTables(data)) writeRanking(workbook, data, table, taken);
  if (data.kind !== 'correction') writeAdoptions(workbook, data, taken);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

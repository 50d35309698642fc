import ExcelJS from 'exceljs';
import { CHANNEL_LABELS, LEVEL_LABELS, PLACEMENT_FORM_LABELS, PLACEMENT_FORMS, PROMINENCE_LABELS, PROMINENCES, type Channel, type Level } from '@app/contracts';
import {
  ARTICLE_COLUMNS, COLUMN_HELP, COLUMN_WIDTHS, DATA_SHEET_NAME, GENERAL_HELP, HELP_SHEET_NAME, LEVEL_WORDS, type ImportProblem,
} from './article-sheet-layout';

/** One sheet row in column order; dates as 'YYYY-MM-DD' (written as date cells). */
export type ArticleSheetRow = [
  key: string, units: string, title: string, wordCount: number | null, genre: string, authors: string,
  submittedDate: string, outlet: string, publishedDate: string, page: string, prominence: string, url: string,
  form: string, views: number | null, signingOrder: string,
];

export interface ReferenceLists {
  units: { code: string; name: string }[];
  outlets: { name: string; aliases: string[]; level: Level; channel: Channel }[];
}

const DATE_COLUMNS = new Set([ARTICLE_COLUMNS.indexOf('报送日期'), ARTICLE_COLUMNS.indexOf('刊发日期')]);
const PROMINENCE_COLUMN = ARTICLE_COLUMNS.indexOf('位置') + 1;
const FORM_COLUMN = ARTICLE_COLUMNS.indexOf('采用形式') + 1;
/** The 位置 dropdown covers this many rows below the header (enough for a month's sheet). */
const DROPDOWN_ROWS = 2000;

const asDateCell = (date: string) => (date ? new Date(`${date}T00:00:00Z`) : null);

/**
 * The articles workbook: the data sheet in the import layout, then 说明 (each column and its
 * allowed values) and the office's units and outlets to copy names from. The template is
 * this with one example row; an export is this with the records, so it can be re-imported.
 */
export async function writeArticleWorkbook(rows: ArticleSheetRow[], lists: ReferenceLists, example?: ArticleSheetRow, moreSheets?: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(DATA_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ARTICLE_COLUMNS.map((header) => ({ header, width: COLUMN_WIDTHS[header] }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  const add = (values: ArticleSheetRow) => sheet.addRow(values.map((v, i) => (DATE_COLUMNS.has(i) ? asDateCell(v as string) : v === '' ? null : v)));
  if (example) add(example).font = { italic: true, color: { argb: 'FF808080' } };
  for (const row of rows) add(row);
  for (const i of DATE_COLUMNS) sheet.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
  const choices = `"${PROMINENCES.map((p) => PROMINENCE_LABELS[p]).join(',')}"`;
  const formChoices = `"${PLACEMENT_FORMS.map((f) => PLACEMENT_FORM_LABELS[f]).join(',')}"`;
  for (let r = 2; r <= DROPDOWN_ROWS + 1; r++) {
    sheet.getCell(r, PROMINENCE_COLUMN).dataValidation = { type: 'list', allowBlank: true, formulae: [choices], showErrorMessage: true, errorTitle: '位置', error: '请选择 头条、头版 或 一般' };
    sheet.getCell(r, FORM_COLUMN).dataValidation = { type: 'list', allowBlank: true, formulae: [formChoices], showErrorMessage: true, errorTitle: '采用形式', error: '请选择 全文、摘编 或 综合' };
  }
  moreSheets?.(workbook);
  writeHelpSheet(workbook, lists);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeHelpSheet(workbook: ExcelJS.Workbook, lists: ReferenceLists) {
  const help = workbook.addWorksheet(HELP_SHEET_NAME);
  help.columns = [{ width: 14 }, { width: 22 }, { width: 100 }];
  help.addRow(['稿件录用导入说明']).font = { bold: true, size: 14 };
  GENERAL_HELP.forEach((line, i) => help.addRow([`${i + 1}.`, line]));
  help.addRow([]);
  help.addRow(['列名', '是否必填', '说明']).font = { bold: true };
  for (const [column, required, text] of COLUMN_HELP) help.addRow([column, required, text]);
  help.addRow([]);
  help.addRow(['位置可选值', PROMINENCES.map((p) => PROMINENCE_LABELS[p]).join('、')]);
  help.addRow(['采用形式可选值', PLACEMENT_FORMS.map((f) => PLACEMENT_FORM_LABELS[f]).join('、')]);
  help.addRow(['媒体层级', Object.values(LEVEL_LABELS).join('、'), '层级和类型由媒体/刊物目录决定，表中无需填写']);
  help.addRow(['日期写法', '2023-04-10、2023/4/10、2023.4.10、2023年4月10日，或 Excel 日期单元格']);
  help.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));

  const units = workbook.addWorksheet('单位列表');
  units.columns = [{ header: '单位代码', width: 12 }, { header: '单位名称', width: 30 }];
  units.getRow(1).font = { bold: true };
  for (const u of lists.units) units.addRow([u.code, u.name]);

  const outlets = workbook.addWorksheet('媒体刊物列表');
  outlets.columns = [{ header: '名称', width: 32 }, { header: '别名', width: 44 }, { header: '层级', width: 10 }, { header: '类型', width: 18 }];
  outlets.getRow(1).font = { bold: true };
  for (const o of lists.outlets) outlets.addRow([o.name, o.aliases.join('、'), LEVEL_LABELS[o.level], CHANNEL_LABELS[o.channel]]);
}

/** The row-by-row import report: 行号, 列, 问题, 级别 (row 0 = the file as a whole, shown blank). */
export async function writeImportReport(problems: ImportProblem[], fileName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('导入检查结果', { views: [{ state: 'frozen', ySplit: 1 }] });
  // A workbook with history sheets names the sheet of each problem (the first sheet's have none).
  const sheets = problems.some((p) => p.sheet) ? [DATA_SHEET_NAME] : null;
  sheet.columns = [...(sheets ? [{ header: '工作表', width: 12 }] : []), { header: '行号', width: 8 }, { header: '列', width: 12 }, { header: '问题', width: 90 }, { header: '级别', width: 8 }];
  sheet.getRow(1).font = { bold: true };
  for (const p of problems) {
    const row = sheet.addRow([...(sheets ? [p.sheet ?? sheets[0]] : []), p.row > 0 ? p.row : null, p.column || null, p.message, LEVEL_WORDS[p.level]]);
    if (p.level === 'error') row.getCell(sheets ? 5 : 4).font = { color: { argb: 'FFC00000' } };
  }
  if (problems.length === 0) sheet.addRow([null, null, `「${fileName}」全部行检查通过`, null]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

import ExcelJS from 'exceljs';
import { CHANNELS, LEVELS, LEVEL_LABELS, MEDIA, MEDIUM_LABELS, type Channel, type Level, type Medium } from '@app/contracts';
import { columnLetter, mergedRange } from '../common/xlsx/cell-refs';
import { NOT_A_SPREADSHEET, PART_LIMITS, readFirstSheet, tooLargeMessage, tooManyRowsMessage, type FirstSheet, type SheetLimits } from '../common/xlsx/first-sheet';
import type { Outlet } from './outlet.entity';

/** Columns of the outlet sheet, in order: the export writes them, the import expects them. */
export const OUTLET_COLUMNS = ['代码', '名称', '别名', '层级', '类型', '载体'] as const;

const CHANNEL_WORDS: Record<Channel, string> = { media: '宣传', bulletin: '信息' };

export interface OutletRow {
  row: number;
  code: string;
  name: string;
  aliases: string[];
  level: Level;
  channel: Channel;
  medium: Medium;
}

export interface SheetProblem {
  row: number;
  column: string;
  message: string;
  /** Set on problems that refuse the file as a whole: too_many_rows, sheet_too_large. */
  code?: string;
}

/**
 * Above this many rows an outlet sheet is refused as a whole: its import is one transaction,
 * and a district's whole catalogue is a few hundred outlets.
 */
export const MAX_OUTLET_ROWS = 5_000;
export const OUTLET_SHEET_LIMITS: SheetLimits = { rows: MAX_OUTLET_ROWS, ...PART_LIMITS };

function pick<T extends string>(raw: string, values: readonly T[], labels: Record<T, string>): T | undefined {
  const text = raw.trim();
  // An empty cell is missing, not a prefix of every label.
  if (!text) return undefined;
  return values.find((v) => v === text || labels[v] === text || labels[v].startsWith(text));
}

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  return String(value);
};

type OutletSheet = { rows: OutletRow[]; problems: SheetProblem[] };
const refused = (problem: SheetProblem): OutletSheet => ({ rows: [], problems: [problem] });

/**
 * Reads an outlet sheet; returns valid rows and a problem per bad cell (Chinese, row and column
 * named). Read as a stream like the articles import: a file beyond the row limit, or one that
 * inflates past the caps, is refused as a whole without being held in memory.
 */
export async function readOutletSheet(content: Buffer, limits: SheetLimits = OUTLET_SHEET_LIMITS): Promise<OutletSheet> {
  const read = await readFirstSheet(content, limits, (sheet) => outletRows(sheet, limits));
  if ('value' in read) return read.value;
  if (read.refused === 'too_large') return refused({ row: 0, column: '', message: tooLargeMessage(limits.rows), code: 'sheet_too_large' });
  return refused({ row: 0, column: '', message: read.refused === 'no_sheet' ? '表格中没有工作表' : NOT_A_SPREADSHEET });
}

async function outletRows(sheet: FirstSheet, limits: SheetLimits): Promise<OutletSheet> {
  let header: string[] | null = null;
  const rows: OutletRow[] = [];
  const problems: SheetProblem[] = [];
  let count = 0;
  let lastRow = 0;
  for await (const sheetRow of sheet.rows) {
    const r = (lastRow = sheetRow.number);
    const values = OUTLET_COLUMNS.map((_, i) => cellText(sheetRow.getCell(i + 1).value).trim());
    if (header === null) {
      header = r === 1 ? values : OUTLET_COLUMNS.map(() => '');
      const problem = headerProblem(header);
      if (problem) return refused(problem);
      if (r === 1) continue;
    }
    if (values.every((v) => v === '')) continue;
    if (++count > limits.rows) return refused({ row: 0, column: '', message: tooManyRowsMessage(limits.rows), code: 'too_many_rows' });
    const [code, name, aliases, levelText, channelText, mediumText] = values;
    const level = pick(levelText, LEVELS, LEVEL_LABELS);
    const channel = pick(channelText, CHANNELS, CHANNEL_WORDS);
    const medium = pick(mediumText, MEDIA, MEDIUM_LABELS);
    const rowProblems: SheetProblem[] = [];
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(code)) rowProblems.push({ row: r, column: '代码', message: '代码必填，只能包含字母、数字、下划线和短横线，最长 40 个字符' });
    if (!name || name.length > 100) rowProblems.push({ row: r, column: '名称', message: '名称必填，最长 100 个字符' });
    if (!level) rowProblems.push({ row: r, column: '层级', message: `层级「${levelText}」无效，应为 中央级/省级/市级/区级` });
    if (!channel) rowProblems.push({ row: r, column: '类型', message: `类型「${channelText}」无效，应为 宣传/信息` });
    if (!medium) rowProblems.push({ row: r, column: '载体', message: `载体「${mediumText}」无效，应为 ${MEDIA.map((m) => MEDIUM_LABELS[m]).join('/')}` });
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    rows.push({ row: r, code: code.toUpperCase(), name, aliases: aliases.split(/[、,，;；]/).map((a) => a.trim()).filter(Boolean), level: level!, channel: channel!, medium: medium! });
  }
  if (header === null) return refused(headerProblem(OUTLET_COLUMNS.map(() => ''))!);
  // A merged range's value stands on its first row only: leave the rows out and say so, as the articles import does.
  const merged = new Set<number>();
  const mergeProblems: SheetProblem[] = [];
  for (const range of sheet.merges) {
    const m = mergedRange(range);
    if (!m) continue;
    mergeProblems.push({ row: m.top, column: OUTLET_COLUMNS[m.left - 1] ?? columnLetter(m.left), message: m.message });
    for (let row = Math.max(2, m.top); row <= Math.min(m.bottom, lastRow); row++) merged.add(row);
  }
  return {
    rows: rows.filter((row) => !merged.has(row.row)),
    problems: [...mergeProblems, ...problems.filter((p) => !merged.has(p.row))],
  };
}

function headerProblem(header: string[]): SheetProblem | null {
  const bad = OUTLET_COLUMNS.findIndex((name, i) => header[i] !== name);
  if (bad < 0) return null;
  return { row: 1, column: OUTLET_COLUMNS[bad], message: `表头应为「${OUTLET_COLUMNS.join('、')}」，第 ${bad + 1} 列是「${header[bad]}」` };
}

/** Writes outlets in the same layout the import reads (so an export is also a template). */
export async function writeOutletSheet(outlets: Outlet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('媒体刊物');
  sheet.addRow([...OUTLET_COLUMNS]);
  sheet.getRow(1).font = { bold: true };
  for (const o of outlets) {
    sheet.addRow([o.code, o.name, o.aliases.join('、'), LEVEL_LABELS[o.level], CHANNEL_WORDS[o.channel], MEDIUM_LABELS[o.medium]]);
  }
  sheet.columns.forEach((column, i) => (column.width = [14, 30, 40, 10, 8, 10][i]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

import ExcelJS from 'exceljs';
import { CHANNELS, LEVELS, LEVEL_LABELS, MEDIA, MEDIUM_LABELS, type Channel, type Level, type Medium } from '@app/contracts';
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
}

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

/** Reads an outlet sheet; returns valid rows and a problem per bad cell (Chinese, row and column named). */
export async function readOutletSheet(content: Buffer): Promise<{ rows: OutletRow[]; problems: SheetProblem[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return { rows: [], problems: [{ row: 0, column: '', message: '文件不是有效的 Excel（.xlsx）表格' }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [], problems: [{ row: 0, column: '', message: '表格中没有工作表' }] };
  const header = OUTLET_COLUMNS.map((_, i) => cellText(sheet.getRow(1).getCell(i + 1).value).trim());
  const badHeader = OUTLET_COLUMNS.findIndex((name, i) => header[i] !== name);
  if (badHeader >= 0) {
    return { rows: [], problems: [{ row: 1, column: OUTLET_COLUMNS[badHeader], message: `表头应为「${OUTLET_COLUMNS.join('、')}」，第 ${badHeader + 1} 列是「${header[badHeader]}」` }] };
  }
  const rows: OutletRow[] = [];
  const problems: SheetProblem[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const values = OUTLET_COLUMNS.map((_, i) => cellText(sheet.getRow(r).getCell(i + 1).value).trim());
    if (values.every((v) => v === '')) continue;
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
  return { rows, problems };
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

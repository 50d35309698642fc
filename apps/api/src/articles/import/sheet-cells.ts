import type { CellValue } from 'exceljs';
import { isBusinessDate } from '../../common/business-date';
import { businessRange } from '../../common/business-range';

/** A formula's cached result, or the value itself. */
function plain(value: CellValue): CellValue {
  if (value && typeof value === 'object' && !(value instanceof Date) && 'result' in value) return (value.result ?? null) as CellValue;
  return value;
}

/** What a person sees in the cell, trimmed ('' for empty). Dates come out as YYYY-MM-DD. */
export function cellText(raw: CellValue): string {
  const value = plain(raw);
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('text' in value) return cellText(value.text as CellValue);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value).trim();
}

/** A link cell: the hyperlink target when the cell is a link, else its text. */
export function cellUrl(raw: CellValue): string {
  if (raw && typeof raw === 'object' && 'hyperlink' in raw && typeof raw.hyperlink === 'string') return raw.hyperlink.trim();
  return cellText(raw);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

// Excel's 1900 system counts days from 1899-12-30 (it believes 1900 was a leap year, so
// serials from March 1900 on — all a business sheet holds — land on the right day).
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');

function fromSerial(serial: number, date1904: boolean): string {
  const ms = (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(serial) * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

const TEXT_DATE = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * A calendar date from a cell: a date cell, an Excel serial number, or text written
 * 2023-04-10, 2023/4/10, 2023.4.10, 2023年4月10日 (a time after it is ignored). Date cells
 * carry the wall-clock date in UTC fields, whatever the server's zone.
 */
export function cellDate(raw: CellValue, date1904 = false): Parsed<string> | null {
  const value = plain(raw);
  let date: string | null = null;
  let shown: string;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, message: '日期无效' };
    date = value.toISOString().slice(0, 10);
    shown = date;
  } else if (typeof value === 'number') {
    shown = String(value);
    // 20230410 typed into a number cell is a date written without separators, not a serial.
    if (Number.isInteger(value) && value >= 19000101 && value <= 29991231) date = `${shown.slice(0, 4)}-${shown.slice(4, 6)}-${shown.slice(6, 8)}`;
    else if (value > 0 && value < 2_958_466) date = fromSerial(value, date1904);
  } else {
    shown = cellText(value).normalize('NFKC');
    if (shown === '') return null;
    const m = TEXT_DATE.exec(shown);
    if (m) date = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
    else if (/^\d{8}$/.test(shown)) date = `${shown.slice(0, 4)}-${shown.slice(4, 6)}-${shown.slice(6, 8)}`;
    else if (/^\d{5}(\.\d+)?$/.test(shown)) date = fromSerial(Number(shown), date1904);
  }
  if (!date || !isBusinessDate(date)) return { ok: false, message: `日期「${shown}」无法识别，请写成 2023-04-10 或设为日期格式` };
  // The business range's start also catches a bare year (2023 read as a serial is 1905-07-15);
  // its end needs no check here: the row validator refuses any date after today.
  const { minDate } = businessRange();
  if (date < minDate) return { ok: false, message: `日期「${shown}」早于 ${minDate}，请检查` };
  return { ok: true, value: date };
}

/**
 * A whole number ≥ 0 from a number cell or text such as 1800, 1,800 or 1800字 (the unit word
 * is `what`'s: 字 for 字数, 次 for 阅读量), at most `max`.
 */
export function cellCount(raw: CellValue, what = '字数', max = 10_000_000): Parsed<number> | null {
  const bad = (shown: unknown): Parsed<number> => ({ ok: false, message: `「${shown}」不是有效的${what}（应为 0 到 ${max} 之间的整数）` });
  const value = plain(raw);
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= max ? { ok: true, value } : bad(value);
  const text = cellText(value).normalize('NFKC');
  if (text === '') return null;
  const m = /^(\d{1,10}(?:,\d{3})*)\s*[字次]?$/.exec(text);
  if (!m) return bad(text);
  const parsed = Number(m[1].replace(/,/g, ''));
  return parsed <= max ? { ok: true, value: parsed } : bad(text);
}

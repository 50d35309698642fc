import type { CellValue } from 'exceljs';
import { isBusinessMonth, zonedMidnight } from '../../../common/business-date';
import { businessRange } from '../../../common/business-range';
import { cellDate, cellText, type Parsed } from '../sheet-cells';

/** A wall-clock time on a business date, and the instant it is in the business zone. */
export interface SheetTime {
  date: string;
  /** HH:MM; 00:00 when the cell held a date only. */
  time: string;
  instant: Date;
}

const TIME = /(?:[ T]|日\s*)(\d{1,2}):(\d{2})(?::\d{2})?$/;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A filing or answer time: a date-time cell (exceljs gives the wall clock in UTC fields), an
 * Excel serial with a fraction, or text 2025-04-05 23:50 / 2025年4月5日 23:50; a date alone is
 * that day at 00:00. The wall clock is read in the business zone: an office types the time it
 * sees on the e-mail or the paper.
 */
export function cellTime(raw: CellValue, timeZone: string, date1904 = false): Parsed<SheetTime> | null {
  const date = cellDate(raw, date1904);
  if (!date) return null;
  if (!date.ok) return { ok: false, message: date.message.replace('日期', '时间').replace('2023-04-10', '2023-04-10 09:30') };
  let minutes = 0;
  const value = raw && typeof raw === 'object' && 'result' in raw ? raw.result : raw;
  if (value instanceof Date) minutes = value.getUTCHours() * 60 + value.getUTCMinutes();
  else if (typeof value === 'number') minutes = Math.round((value - Math.floor(value)) * 1440) % 1440;
  else {
    const m = TIME.exec(cellText(value as CellValue).normalize('NFKC'));
    if (m) {
      const [h, min] = [Number(m[1]), Number(m[2])];
      if (h > 23 || min > 59) return { ok: false, message: `时间「${cellText(value as CellValue)}」无效，时应为 0–23，分应为 0–59` };
      minutes = h * 60 + min;
    }
  }
  const time = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  return { ok: true, value: { date: date.value, time, instant: new Date(zonedMidnight(date.value, timeZone).getTime() + minutes * 60_000) } };
}

/** A month 'YYYY-MM' from 2025-03, 2025/3, 2025年3月 or a date cell (its month). */
export function cellMonth(raw: CellValue, date1904 = false): Parsed<string> | null {
  const text = cellText(raw).normalize('NFKC');
  if (text === '') return null;
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$/.exec(text);
  let month: string | null = m ? `${m[1]}-${pad(Number(m[2]))}` : null;
  if (!month) {
    const date = cellDate(raw, date1904);
    if (date?.ok) month = date.value.slice(0, 7);
  }
  if (!month || !isBusinessMonth(month)) return { ok: false, message: `月份「${text}」无法识别，请写成 2025-03 或 2025年3月` };
  const { minMonth } = businessRange();
  if (month < minMonth) return { ok: false, message: `月份「${text}」早于 ${minMonth}，请检查` };
  return { ok: true, value: month };
}

/** Stable keys compare case- and width-insensitively (MariaDB's collation does; SQLite must agree). */
export const foldKey = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim().toUpperCase();

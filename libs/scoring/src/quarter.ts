// The one business calendar of pubscore, shared by the server and the web app: business dates
// are calendar dates ('YYYY-MM-DD') in the configured zone, months are 'YYYY-MM', quarters
// 'YYYY-Qn'. Fixed-width strings compare correctly as text, so no Date maths is needed once an
// instant has been turned into its business date.

/** Default zone business dates are taken in. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const STRICT_MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_RE = /^(\d{4})-Q([1-4])$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone the runtime's Intl knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isBusinessDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/**
 * Calendar date ('YYYY-MM-DD') of an instant in `timeZone`:
 * 2023-06-30T16:10:00Z → '2023-07-01' in Asia/Shanghai.
 * A bare 'YYYY-MM-DD' string is already a business date and is returned unchanged.
 * @throws RangeError for an invalid instant or time zone.
 */
export function businessDate(instant: Date | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  if (typeof instant === 'string' && DATE_RE.test(instant)) {
    if (!isBusinessDate(instant)) throw new RangeError(`无效日期：${instant}`);
    return instant;
  }
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) throw new RangeError(`无效时间：${String(instant)}`);
  let y = '';
  let mo = '';
  let da = '';
  for (const part of formatterFor(timeZone).formatToParts(d)) {
    if (part.type === 'year') y = part.value;
    else if (part.type === 'month') mo = part.value;
    else if (part.type === 'day') da = part.value;
  }
  return `${y.padStart(4, '0')}-${mo}-${da}`;
}

/** Days in a month (1-12) of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function parseQuarter(q: string): { year: number; n: number } {
  const m = QUARTER_RE.exec(q);
  if (!m) throw new RangeError(`无效季度：${q}（应为 YYYY-Qn）`);
  return { year: Number(m[1]), n: Number(m[2]) };
}

/** True for a quarter written 'YYYY-Qn'. */
export function isQuarter(q: unknown): q is string {
  return typeof q === 'string' && QUARTER_RE.test(q);
}

/** Quarter ('YYYY-Qn') of a business date or a month ('YYYY-MM'). */
export function quarterOf(date: string): string {
  const m = DATE_RE.exec(date) ?? MONTH_RE.exec(date);
  if (!m) throw new RangeError(`无效日期：${date}`);
  return `${m[1]}-Q${Math.floor((Number(m[2]) - 1) / 3) + 1}`;
}

/** First and last business date of a quarter: '2023-Q3' → { start: '2023-07-01', end: '2023-09-30' }. */
export function quarterRange(q: string): { start: string; end: string } {
  const { year, n } = parseQuarter(q);
  const first = (n - 1) * 3 + 1;
  const last = first + 2;
  return {
    start: `${year}-${pad2(first)}-01`,
    end: `${year}-${pad2(last)}-${pad2(daysInMonth(year, last))}`,
  };
}

/** The quarter after `q`. */
export function nextQuarter(q: string): string {
  const { year, n } = parseQuarter(q);
  return n === 4 ? `${year + 1}-Q1` : `${year}-Q${n + 1}`;
}

/** The quarter before `q`. */
export function prevQuarter(q: string): string {
  const { year, n } = parseQuarter(q);
  return n === 1 ? `${year - 1}-Q4` : `${year}-Q${n - 1}`;
}

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareQuarter(a: string, b: string): number {
  const x = parseQuarter(a);
  const y = parseQuarter(b);
  return x.year !== y.year ? x.year - y.year : x.n - y.n;
}

/** The three months ('YYYY-MM') of a quarter. */
export function monthsOfQuarter(q: string): string[] {
  const { year, n } = parseQuarter(q);
  const first = (n - 1) * 3 + 1;
  return [0, 1, 2].map((i) => `${year}-${pad2(first + i)}`);
}

/** True for a month written 'YYYY-MM' (2025-13 is not). */
export function isBusinessMonth(value: unknown): value is string {
  return typeof value === 'string' && STRICT_MONTH_RE.test(value);
}

function parseMonth(month: string): [number, number] {
  if (!isBusinessMonth(month)) throw new RangeError(`无效月份：${month}（应为 YYYY-MM）`);
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
}

/** `month` moved by `n` months: addMonths('2024-12', 1) = '2025-01'. */
export function addMonths(month: string, n: number): string {
  const [y, m] = parseMonth(month);
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${pad2((index % 12) + 1)}`;
}

/** First and last business date of a month: '2024-02' → { first: '2024-02-01', last: '2024-02-29' }. */
export function monthBounds(month: string): { first: string; last: string } {
  const [y, m] = parseMonth(month);
  return { first: `${month}-01`, last: `${month}-${pad2(daysInMonth(y, m))}` };
}

/**
 * Due date of the monthly report on `month` ('YYYY-MM'): day `dueDay` of the following month,
 * clamped to that month's last day (settings and schemes allow 1–28, so clamping only guards
 * direct callers).
 */
export function monthlyReportDueDate(month: string, dueDay: number): string {
  const next = addMonths(month, 1);
  const [y, m] = parseMonth(next);
  return `${next}-${pad2(Math.min(Math.max(1, Math.trunc(dueDay)), daysInMonth(y, m)))}`;
}

/**
 * Reads what people type for "when": a bare date means midnight of that day in the business
 * zone (so 2023-07-01 is Q3 wherever the code runs); a full ISO timestamp is taken as is.
 */
export function parseBusinessInstant(value: string, timeZone: string): Date | null {
  if (isBusinessDate(value)) return zonedMidnight(value, timeZone);
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t);
}

/** UTC instant of 00:00 on `date` in `timeZone` (zones with daylight saving get one correction). */
export function zonedMidnight(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d);
  const offset = zoneOffsetMs(new Date(guess), timeZone);
  const corrected = zoneOffsetMs(new Date(guess - offset), timeZone);
  return new Date(guess - corrected);
}

/** Building an Intl formatter costs about a millisecond: keep one per zone (imports call this per row). */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function zoneOffsetMs(instant: Date, timeZone: string): number {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    offsetFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

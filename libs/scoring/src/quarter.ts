/** Default zone business dates are taken in. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
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

/** Due date of the monthly report on `month` ('YYYY-MM'): day `dueDay` of the following month. */
export function monthlyReportDueDate(month: string, dueDay: number): string {
  const m = MONTH_RE.exec(month);
  if (!m) throw new RangeError(`无效月份：${month}（应为 YYYY-MM）`);
  let year = Number(m[1]);
  let mo = Number(m[2]) + 1;
  if (mo === 13) {
    mo = 1;
    year += 1;
  }
  return `${year}-${pad2(mo)}-${pad2(dueDay)}`;
}

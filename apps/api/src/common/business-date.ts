import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isQuarter } from '@app/scoring';
import type { AppConfig } from '../config/app-config';
import { dateInRange, dateRangeMessage, monthInRange, monthRangeMessage, quarterInRange, quarterRangeMessage } from './business-range';

// Business dates are calendar dates in the configured zone (Asia/Shanghai by default), written
// 'YYYY-MM-DD'; months are 'YYYY-MM'. Plain strings compare correctly, so no Date maths is
// needed once an instant has been turned into its business date.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar date ('YYYY-MM-DD') of an instant in `timeZone`: 2023-06-30T16:10Z → '2023-07-01' in Asia/Shanghai. */
export function businessDate(instant: Date, timeZone: string): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError(`无效时间：${String(instant)}`);
  // formatToParts, not a locale's fixed layout: ICU data differs between Node builds.
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

/** Today's business date. */
export function todayBusinessDate(config: Pick<AppConfig, 'business'>, now = new Date()): string {
  return businessDate(now, config.business.timeZone);
}

/** The current business month ('YYYY-MM'). */
export function currentBusinessMonth(config: Pick<AppConfig, 'business'>, now = new Date()): string {
  return todayBusinessDate(config, now).slice(0, 7);
}

/** A real calendar date written as YYYY-MM-DD (2023-02-30 is not). */
export function isBusinessDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** A month written as YYYY-MM (2025-13 is not). */
export function isBusinessMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH_RE.test(value);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseMonth(month: string): [number, number] {
  if (!isBusinessMonth(month)) throw new RangeError(`无效月份：${month}`);
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
}

/** `month` moved by `n` months: addMonths('2024-12', 1) = '2025-01'. */
export function addMonths(month: string, n: number): string {
  const [y, m] = parseMonth(month);
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** First and last business date of a month: '2024-02' → 2024-02-01 … 2024-02-29. */
export function monthBounds(month: string): { first: string; last: string } {
  const [y, m] = parseMonth(month);
  return { first: `${month}-01`, last: `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
}

/**
 * The due date of the monthly report for `month` ('YYYY-MM'): day `dueDay` of the next month,
 * clamped to that month's last day (config allows 1–28, so clamping only guards direct callers).
 */
export function monthDueDate(month: string, dueDay: number): string {
  const next = addMonths(month, 1);
  const [y, m] = parseMonth(next);
  const day = Math.min(Math.max(1, Math.trunc(dueDay)), daysInMonth(y, m));
  return `${next}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads what people type for "when": a bare date means midnight of that day in the business
 * zone (so 2023-07-01 is Q3 wherever the server runs), a wall-clock time without an offset
 * (2023-08-05T23:50) is that time in the business zone, and a timestamp with Z or an offset is
 * taken as is.
 */
export function parseBusinessInstant(value: string, timeZone: string): Date | null {
  if (isBusinessDate(value)) return zonedMidnight(value, timeZone);
  const wall = WALL_CLOCK_RE.exec(value);
  if (wall && isBusinessDate(wall[1])) {
    const [h, m, sec] = [Number(wall[2]), Number(wall[3]), Number(wall[4] ?? 0)];
    return new Date(zonedMidnight(wall[1], timeZone).getTime() + ((h * 60 + m) * 60 + sec) * 1000);
  }
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t);
}

// 'YYYY-MM-DD HH:mm[:ss]' or with a T, and no offset: a time on the business zone's clock.
const WALL_CLOCK_RE = /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/** UTC instant of 00:00 on `date` in `timeZone` (handles zones with DST by one correction). */
export function zonedMidnight(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d);
  const offset = zoneOffsetMs(new Date(guess), timeZone);
  const first = guess - offset;
  const corrected = zoneOffsetMs(new Date(first), timeZone);
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

/** Applies a format check and, for values that pass it, a range check (two codes, two messages). */
function formatAndRange(format: PropertyDecorator, range: PropertyDecorator): PropertyDecorator {
  return (target, key) => {
    format(target, key);
    range(target, key);
  };
}

/** DTO field: a real calendar date 'YYYY-MM-DD' inside the business range (common/validation.ts gives the Chinese format message). */
export const IsBusinessDate = (options?: ValidationOptions) =>
  formatAndRange(
    ValidateBy({ name: 'isBusinessDate', validator: { validate: (v) => isBusinessDate(v), defaultMessage: () => 'must be a YYYY-MM-DD date' } }, options),
    ValidateBy({ name: 'businessDateInRange', validator: { validate: (v) => !isBusinessDate(v) || dateInRange(v), defaultMessage: () => dateRangeMessage() } }, options),
  );

/** DTO field: a month 'YYYY-MM' inside the business range. */
export const IsBusinessMonth = (options?: ValidationOptions) =>
  formatAndRange(
    ValidateBy({ name: 'isBusinessMonth', validator: { validate: (v) => isBusinessMonth(v), defaultMessage: () => '月份格式不正确（应为 YYYY-MM）' } }, options),
    ValidateBy({ name: 'businessMonthInRange', validator: { validate: (v) => !isBusinessMonth(v) || monthInRange(v), defaultMessage: () => monthRangeMessage() } }, options),
  );

/** DTO field: a quarter 'YYYY-Qn' inside the business range. */
export const IsBusinessQuarter = (options?: ValidationOptions) =>
  formatAndRange(
    ValidateBy({ name: 'isQuarter', validator: { validate: (v) => isQuarter(v), defaultMessage: () => '季度格式不正确（应为 YYYY-Qn，如 2024-Q3）' } }, options),
    ValidateBy({ name: 'quarterInRange', validator: { validate: (v) => !isQuarter(v) || quarterInRange(v), defaultMessage: () => quarterRangeMessage() } }, options),
  );

// 'YYYY-MM-DD', optionally followed by a wall-clock time and an offset, each part range-checked:
// Date.parse alone rolls 2026-02-30T10:00 over into March.
const DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})(?:[T ]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/;

/** A real calendar date, or one with a valid time of day: what "when" fields accept. */
export function isBusinessDateOrTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_TIME_RE.exec(value);
  return m !== null && isBusinessDate(m[1]) && !Number.isNaN(Date.parse(value));
}

/** DTO field: a business date or an ISO timestamp whose date lies inside the business range. */
export const IsBusinessDateOrTime = (options?: ValidationOptions) =>
  formatAndRange(
    ValidateBy({ name: 'isBusinessDate', validator: { validate: (v) => isBusinessDateOrTime(v), defaultMessage: () => 'must be a YYYY-MM-DD date' } }, options),
    ValidateBy({ name: 'businessDateInRange', validator: { validate: (v) => !isBusinessDateOrTime(v) || dateInRange(v.slice(0, 10)), defaultMessage: () => dateRangeMessage() } }, options),
  );

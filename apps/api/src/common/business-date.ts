import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isBusinessDate, isBusinessMonth, isQuarter } from '@app/scoring';
import { dateInRange, dateRangeMessage, monthInRange, monthRangeMessage, quarterInRange, quarterRangeMessage } from './business-range';

// The business calendar itself (dates, months, quarters, zones) lives in libs/scoring/src/quarter.ts,
// shared with the web app; here are only its DTO decorators. Today's date comes from the Clock
// (common/clock.ts).
export { addMonths, businessDate, isBusinessDate, isBusinessMonth, monthBounds, monthlyReportDueDate as monthDueDate, parseBusinessInstant, zonedMidnight } from '@app/scoring';

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

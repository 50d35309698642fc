import { businessDate, quarterOf } from '@app/scoring';
import { systemNow } from './clock';

/**
 * The one business date range: every date, month and quarter accepted from outside lies in
 * [BUSINESS_DATE_MIN, Dec 31 of the current business year + BUSINESS_YEARS_AHEAD]. Outside it
 * the calendar helpers would meet years such as 0000 or 10000 in stored rows and every later
 * recompute or quarter list would fail for everyone.
 *
 * Why a module-level value and not DI: class-validator's decorators are bound when the DTO
 * classes load, before any Nest container exists, and class-validator keeps one process-wide
 * registry (`useContainer` would be just as global, and would make each DTO check depend on
 * whichever app registered last). So the range is published once, from the validated config, in
 * the one place the config becomes injectable (ConfigModule.forRoot); the DTO validators, the
 * route-param pipes and the spreadsheet import all read it here. Until then (unit specs) it
 * holds the documented defaults.
 */
export interface BusinessRangeSettings {
  /** 'YYYY-MM-DD', the earliest accepted business date. */
  minDate: string;
  /** The latest accepted date is Dec 31 of the current business year plus this many years. */
  yearsAhead: number;
  /** Zone whose calendar decides the current year. */
  timeZone: string;
}

export const DEFAULT_BUSINESS_RANGE: Readonly<BusinessRangeSettings> = { minDate: '2000-01-01', yearsAhead: 10, timeZone: 'Asia/Shanghai' };

let settings: BusinessRangeSettings = { ...DEFAULT_BUSINESS_RANGE };

/** Called once from the loaded config (ConfigModule.forRoot); tests may call it again. */
export function setBusinessRange(next: BusinessRangeSettings): void {
  settings = { ...next };
}

export interface BusinessRange {
  minDate: string;
  maxDate: string;
  minMonth: string;
  maxMonth: string;
  minQuarter: string;
  maxQuarter: string;
}

/** The range as of `now` (its upper end moves on at New Year). */
export function businessRange(now = systemNow()): BusinessRange {
  const year = Number(businessDate(now, settings.timeZone).slice(0, 4)) + settings.yearsAhead;
  const maxYear = String(year).padStart(4, '0');
  return {
    minDate: settings.minDate,
    maxDate: `${maxYear}-12-31`,
    minMonth: settings.minDate.slice(0, 7),
    maxMonth: `${maxYear}-12`,
    minQuarter: quarterOf(settings.minDate),
    maxQuarter: `${maxYear}-Q4`,
  };
}

// Fixed-width strings ('YYYY-MM-DD', 'YYYY-MM', 'YYYY-Qn') compare correctly as text.

/** A well-formed business date inside the range. */
export function dateInRange(date: string, range = businessRange()): boolean {
  return date >= range.minDate && date <= range.maxDate;
}

/** A well-formed month inside the range. */
export function monthInRange(month: string, range = businessRange()): boolean {
  return month >= range.minMonth && month <= range.maxMonth;
}

/** A well-formed quarter inside the range (the one holding the first day counts). */
export function quarterInRange(quarter: string, range = businessRange()): boolean {
  return quarter >= range.minQuarter && quarter <= range.maxQuarter;
}

export const dateRangeMessage = (range = businessRange()) => `日期须在 ${range.minDate} 至 ${range.maxDate} 之间`;
export const monthRangeMessage = (range = businessRange()) => `月份须在 ${range.minMonth} 至 ${range.maxMonth} 之间`;
export const quarterRangeMessage = (range = businessRange()) => `季度须在 ${range.minQuarter} 至 ${range.maxQuarter} 之间`;

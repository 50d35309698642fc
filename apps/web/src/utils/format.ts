import { addMonths, businessDate as calendarDate, DEFAULT_TIME_ZONE, quarterOf, quarterRange, zonedMidnight } from '@app/scoring/quarter';
import { CHANNEL_LABELS, ENTRY_STATUS_LABELS, LEVEL_LABELS, MEDIUM_LABELS, PROMINENCE_LABELS, type Channel, type EntryStatus, type Level, type Medium, type Prominence } from '@app/contracts';

// Business dates and times are shown in the server's business zone (BUSINESS_TIME_ZONE, read
// from GET /api/meta before the app mounts) whatever the browser's zone; the calendar itself is
// the server's (libs/scoring/src/quarter.ts).
let zone = DEFAULT_TIME_ZONE;
let dateTime = dateTimeFormat(zone);

function dateTimeFormat(timeZone: string) {
  return new Intl.DateTimeFormat('zh-CN', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
}

/** Sets the business zone the server announced (main.ts, before mounting). */
export function setBusinessZone(timeZone: string): void {
  zone = timeZone;
  dateTime = dateTimeFormat(timeZone);
}

/** The business zone in use. */
export function businessZone(): string {
  return zone;
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const d = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? '—' : dateTime.format(d).replace(/\//g, '-');
}

/** Today's business date, YYYY-MM-DD. */
export function today(): string {
  return calendarDate(new Date(), zone);
}

/** The business date (YYYY-MM-DD) of an instant. */
export function businessDate(value: string | Date): string {
  return calendarDate(typeof value === 'string' ? new Date(value) : value, zone);
}

/** A business date turned into the instant of its local noon, so that no zone moves it to another day. */
export function dateToInstant(date: string): string {
  return new Date(zonedMidnight(date, zone).getTime() + 12 * 3_600_000).toISOString();
}

/** The first instant (ISO) of a business date, for APIs that filter by instants. */
export function dayStartInstant(date: string): string {
  return zonedMidnight(date, zone).toISOString();
}

/** The last millisecond (ISO) of a business date. */
export function dayEndInstant(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const dayAfter = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return new Date(zonedMidnight(dayAfter, zone).getTime() - 1).toISOString();
}

/** YYYY-MM of the month before today (the month a monthly report is due for). */
export function previousMonth(): string {
  return addMonths(today().slice(0, 7), -1);
}

/** The current business quarter's first and last date. */
export function currentQuarterRange(): [string, string] {
  const { start, end } = quarterRange(quarterOf(today()));
  return [start, end];
}

export const levelLabel = (v: string | null | undefined) => (v ? LEVEL_LABELS[v as Level] ?? v : '—');
export const channelLabel = (v: string | null | undefined) => (v ? CHANNEL_LABELS[v as Channel] ?? v : '—');
export const mediumLabel = (v: string | null | undefined) => (v ? MEDIUM_LABELS[v as Medium] ?? v : '—');
export const prominenceLabel = (v: string | null | undefined) => (v ? PROMINENCE_LABELS[v as Prominence] ?? v : '—');
export const statusLabel = (v: string | null | undefined) => (v ? ENTRY_STATUS_LABELS[v as EntryStatus] ?? v : '—');

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `[{value,label}]` for an el-select from a label map. */
export function options<T extends string>(values: readonly T[], labels: Record<T, string>) {
  return values.map((value) => ({ value, label: labels[value] }));
}

import { CHANNEL_LABELS, ENTRY_STATUS_LABELS, LEVEL_LABELS, MEDIUM_LABELS, PROMINENCE_LABELS, type Channel, type EntryStatus, type Level, type Medium, type Prominence } from '@app/contracts';

/** Business dates and times are shown in Asia/Shanghai whatever the browser's zone (DESIGN.md). */
export const BUSINESS_ZONE = 'Asia/Shanghai';

const dateTime = new Intl.DateTimeFormat('zh-CN', { timeZone: BUSINESS_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
const dateOnly = new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const d = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? '—' : dateTime.format(d).replace(/\//g, '-');
}

/** Today's business date, YYYY-MM-DD. */
export function today(): string {
  return dateOnly.format(new Date());
}

/** The business date (YYYY-MM-DD) of an instant. */
export function businessDate(value: string | Date): string {
  return dateOnly.format(typeof value === 'string' ? new Date(value) : value);
}

/** A business date turned into the instant of its local noon, so that no zone moves it to another day. */
export function dateToInstant(date: string): string {
  return `${date}T12:00:00+08:00`;
}

/** YYYY-MM of the month before today (the month a monthly report is due for). */
export function previousMonth(): string {
  const [y, m] = today().split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
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

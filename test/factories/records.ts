import type { EntryStatus } from '@app/contracts';
import { businessDate, parseBusinessInstant } from '../../apps/api/src/common/business-date';

/** The zone the test apps run in (config BUSINESS_TIME_ZONE default). */
export const TEST_TIME_ZONE = 'Asia/Shanghai';

/**
 * An instant as the app stores it (UTC) and its business date in the zone: '2023-07-01T00:10+08:00'
 * → 2023-06-30T16:10Z and '2023-07-01'. A bare 'YYYY-MM-DD' means midnight of that day in the zone.
 */
export function instant(value: Date | string, timeZone = TEST_TIME_ZONE): { at: Date; date: string } {
  const at = value instanceof Date ? value : parseBusinessInstant(value, timeZone);
  if (!at) throw new Error(`not a date or timestamp: ${String(value)}`);
  return { at, date: businessDate(at, timeZone) };
}

/** The review columns of an entry in `status` (verified entries carry a verification time). */
export function reviewColumns(status: EntryStatus = 'verified') {
  return { status, reviewNote: null, verifiedBy: null, verifiedAt: status === 'verified' ? new Date() : null, createdBy: null };
}

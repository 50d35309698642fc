import { HttpStatus } from '@nestjs/common';
import type { Role } from '@app/contracts';
import { AppError } from '../common/app-error';

/** Error code of a unit's article dated before today (issue #14: officers cannot back-date). */
export const BACKDATED_CODE = 'backdated_submission';
export const BACKDATED_MESSAGE = '信息员只能报送当天的稿件；以前报送的请联系办公室代为登记';

/**
 * Whether `role` records only what reaches the office today. A unit's own people may not date
 * an article earlier: the submission time decides its quarter and whether a 约稿 was answered in
 * time, so an older time is the office's to record (PUT /api/articles/:id/submission, marked
 * and audited).
 */
export const recordsTodayOnly = (role: Role) => role === 'officer' || role === 'reviewer';

/**
 * Refuses a submission date before `today` unless it is the date already stored (editing an
 * old draft's title keeps its date). Dates are business dates ('YYYY-MM-DD'), compared as text.
 */
export function assertNotBackdated(date: string, today: string, stored?: string): void {
  if (date === stored || date >= today) return;
  throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, BACKDATED_CODE, BACKDATED_MESSAGE, { submittedAt: BACKDATED_MESSAGE });
}

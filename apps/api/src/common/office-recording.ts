import { Column } from 'typeorm';
import { RECEIVED_VIA, type ReceivedVia } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { invalid } from './app-error';
import { parseBusinessInstant } from './business-date';

/**
 * The columns that mark a record (or its time) as entered by the office for a unit, with how it
 * came in. Null on what units file themselves. Declared once and applied per entity as
 * decorators, so the three tables carry the same names and types.
 */
export const ReceivedViaColumn = () => Column({ type: 'simple-enum', enum: RECEIVED_VIA, nullable: true });
export const ReceivedNoteColumn = () => Column({ type: 'varchar', length: 200, nullable: true });
export const OfficeRecordedByColumn = () => Column({ type: 'int', nullable: true });

/**
 * The instant an office-recorded time stands for: `text` as parseBusinessInstant reads it (a
 * wall-clock time is the business zone's), refused when it lies in the future. The DTO has
 * already checked the format and the business date range.
 */
export function recordedInstant(text: string, timeZone: string, field: string, now: Date): Date {
  const instant = parseBusinessInstant(text, timeZone);
  if (!instant) throw invalid({ [field]: '时间格式不正确' });
  if (instant.getTime() > now.getTime()) throw invalid({ [field]: '时间不能晚于当前时间' });
  return instant;
}

/** The marks an office-recorded row carries. */
export function officeMarks(user: AuthUser, dto: { receivedVia: ReceivedVia; receivedNote: string }) {
  return { receivedVia: dto.receivedVia, receivedNote: dto.receivedNote, officeRecordedBy: user.id };
}

/** What the audit log keeps of an article's recorded submission: the time that counts and how it came in. */
export function submissionView(a: { submittedAt: Date; submittedDate: string; receivedVia: ReceivedVia | null; receivedNote: string | null }) {
  return { submittedAt: a.submittedAt.toISOString(), submittedDate: a.submittedDate, receivedVia: a.receivedVia, receivedNote: a.receivedNote };
}

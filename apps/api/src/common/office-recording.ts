import { Column } from 'typeorm';

/** How the office received something it records on a unit's behalf (e-mail, paper, phone…). */
export const RECEIVED_VIA = ['email', 'paper', 'phone', 'fax', 'other'] as const;
export type ReceivedVia = (typeof RECEIVED_VIA)[number];

export const RECEIVED_VIA_LABELS: Record<ReceivedVia, string> = { email: '电子邮件', paper: '纸质', phone: '电话', fax: '传真', other: '其他' };

/**
 * The columns that mark a record (or its time) as entered by the office for a unit, with how it
 * came in. Null on what units file themselves. Declared once and applied per entity as
 * decorators, so the three tables carry the same names and types.
 */
export const ReceivedViaColumn = () => Column({ type: 'simple-enum', enum: RECEIVED_VIA, nullable: true });
export const ReceivedNoteColumn = () => Column({ type: 'varchar', length: 200, nullable: true });
export const OfficeRecordedByColumn = () => Column({ type: 'int', nullable: true });

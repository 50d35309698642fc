import { Column } from 'typeorm';
import { RECEIVED_VIA } from '@app/contracts';

/**
 * The columns that mark a record (or its time) as entered by the office for a unit, with how it
 * came in. Null on what units file themselves. Declared once and applied per entity as
 * decorators, so the three tables carry the same names and types.
 */
export const ReceivedViaColumn = () => Column({ type: 'simple-enum', enum: RECEIVED_VIA, nullable: true });
export const ReceivedNoteColumn = () => Column({ type: 'varchar', length: 200, nullable: true });
export const OfficeRecordedByColumn = () => Column({ type: 'int', nullable: true });

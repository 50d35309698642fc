import { Column, Entity, Index } from 'typeorm';
import type { ReceivedVia } from '@app/contracts';
import { OfficeRecordedByColumn, ReceivedNoteColumn, ReceivedViaColumn } from '../common/office-recording';
import { OfficeOwnedEntity } from '../database/base.entity';

/** 月度报送情况: a unit's report for one month, due by a day of the next month. */
@Entity('monthly_reports')
@Index(['unitId', 'month'], { unique: true })
export class MonthlyReport extends OfficeOwnedEntity {
  @Column({ type: 'int' })
  unitId: number;

  /** YYYY-MM, the month reported on */
  @Column({ type: 'varchar', length: 7 })
  month: string;

  /** First filing; a later correction does not make a late report on time. */
  @Column({ type: 'datetime' })
  filedAt: Date;

  @Column({ type: 'varchar', length: 10 })
  filedDate: string;

  @Column({ type: 'int', default: 0 })
  articlesSubmitted: number;

  @Column({ type: 'int', default: 0 })
  placementsAdopted: number;

  @Column({ type: 'text', nullable: true })
  narrative: string | null;

  @Column({ type: 'int', nullable: true })
  filedBy: number | null;

  /** Set when the office recorded this (or its time) for the unit: how it came in, a note, and who. */
  @ReceivedViaColumn()
  receivedVia: ReceivedVia | null;

  @ReceivedNoteColumn()
  receivedNote: string | null;

  @OfficeRecordedByColumn()
  officeRecordedBy: number | null;
}

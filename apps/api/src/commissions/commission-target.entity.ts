import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { ReceivedVia } from '@app/contracts';
import { OfficeRecordedByColumn, ReceivedNoteColumn, ReceivedViaColumn } from '../common/office-recording';
import { Commission } from './commission.entity';

/** One target unit of a commission and the article it answered with. */
@Entity('commission_targets')
@Index(['commissionId', 'unitId'], { unique: true })
export class CommissionTarget {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  commissionId: number;

  @ManyToOne(() => Commission, (c) => c.targets, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'commissionId' })
  commission?: Relation<Commission>;

  @Index()
  @Column({ type: 'int' })
  unitId: number;

  @Column({ type: 'int', nullable: true })
  articleId: number | null;

  @Column({ type: 'datetime', nullable: true })
  answeredAt: Date | null;

  /** Set when the office recorded this (or its time) for the unit: how it came in, a note, and who. */
  @ReceivedViaColumn()
  receivedVia: ReceivedVia | null;

  @ReceivedNoteColumn()
  receivedNote: string | null;

  @OfficeRecordedByColumn()
  officeRecordedBy: number | null;
}

import { Column, Entity, Index } from 'typeorm';
import { OfficeOwnedEntity } from '../database/base.entity';

/** A unit's objection to its draft ranking during the review window, and the office's answer. */
@Entity('disputes')
@Index(['officeId', 'quarter'])
export class Dispute extends OfficeOwnedEntity {
  @Column({ type: 'varchar', length: 7 })
  quarter: string;

  @Column({ type: 'int' })
  unitId: number;

  /** The score line disputed, when it is about one line. */
  @Column({ type: 'int', nullable: true })
  scoreLineId: number | null;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'simple-enum', enum: ['open', 'answered'], default: 'open' })
  status: 'open' | 'answered';

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ type: 'int', nullable: true })
  answeredBy: number | null;

  @Column({ type: 'datetime', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;
}

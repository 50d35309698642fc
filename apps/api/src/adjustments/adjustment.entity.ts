import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { ADJUSTMENT_STATUSES, type AdjustmentStatus } from '@app/contracts';
import { OfficeOwnedEntity } from '../database/base.entity';
import { Unit } from '../units/unit.entity';

/**
 * 加减分: points the office adds to or takes from a unit in a quarter, with a reason and
 * evidence. One office user records it, another approves or rejects it; only approved ones count.
 */
@Entity('adjustments')
@Index(['officeId', 'quarter', 'status'])
@Index(['officeId', 'unitId', 'quarter'])
export class Adjustment extends OfficeOwnedEntity {
  @Column({ type: 'int' })
  unitId: number;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unitId' })
  unit?: Relation<Unit>;

  /** YYYY-Qn */
  @Column({ type: 'varchar', length: 7 })
  quarter: string;

  /** Ten-thousandths of a point, signed (fixed-point, never a float). */
  @Column({ type: 'int' })
  points: number;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ type: 'simple-enum', enum: ADJUSTMENT_STATUSES, default: 'pending' })
  status: AdjustmentStatus;

  /** Why the approver rejected it. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  decisionNote: string | null;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;

  /** Who approved or rejected it: never the user who recorded it. */
  @Column({ type: 'int', nullable: true })
  approvedBy: number | null;

  @Column({ type: 'datetime', nullable: true })
  approvedAt: Date | null;
}

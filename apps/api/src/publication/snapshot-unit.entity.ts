import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One unit's row in a snapshot: total, ranks and the counts the ranking table shows. */
@Entity('snapshot_units')
@Index(['snapshotId', 'unitId'], { unique: true })
export class SnapshotUnit {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  snapshotId: number;

  @Column({ type: 'int' })
  unitId: number;

  @Column({ type: 'varchar', length: 32 })
  unitCode: string;

  @Column({ type: 'varchar', length: 100 })
  unitName: string;

  @Column({ type: 'int' })
  groupId: number;

  @Column({ type: 'varchar', length: 50 })
  groupName: string;

  /** ten-thousandths of a point */
  @Column({ type: 'int' })
  total: number;

  @Column({ type: 'int' })
  groupRank: number;

  @Column({ type: 'int' })
  overallRank: number;

  @Column({ type: 'int', default: 0 })
  articlesSubmitted: number;

  @Column({ type: 'int', default: 0 })
  central: number;

  @Column({ type: 'int', default: 0 })
  provincial: number;

  @Column({ type: 'int', default: 0 })
  municipal: number;

  @Column({ type: 'int', default: 0 })
  district: number;

  @Column({ type: 'int', default: 0 })
  instructions: number;

  @Column({ type: 'int', default: 0 })
  commissionsDone: number;

  @Column({ type: 'int', default: 0 })
  commissionsDue: number;

  @Column({ type: 'int', default: 0 })
  monthlyLate: number;

  @Column({ type: 'int', default: 0 })
  monthlyMissing: number;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A copy of a score line as it stood when the snapshot was published. */
@Entity('snapshot_lines')
@Index(['snapshotId', 'unitId'])
export class SnapshotLine {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  snapshotId: number;

  @Column({ type: 'int' })
  unitId: number;

  @Column({ type: 'int' })
  amount: number;

  @Column({ type: 'varchar', length: 40 })
  ruleId: string;

  @Column({ type: 'varchar', length: 20 })
  recordType: string;

  @Column({ type: 'int' })
  recordId: number;

  @Column({ type: 'int', nullable: true })
  articleId: number | null;

  @Column({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'varchar', length: 500 })
  explanation: string;
}

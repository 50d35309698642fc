import { Column, Entity, Index } from 'typeorm';
import { LineColumns } from '../score-ledger/line-columns';

/** A copy of a score line as it stood when the snapshot was published. */
@Entity('snapshot_lines')
@Index(['snapshotId', 'unitId'])
export class SnapshotLine extends LineColumns {
  @Column({ type: 'int' })
  snapshotId: number;
}

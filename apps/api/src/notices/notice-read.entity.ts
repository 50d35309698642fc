import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who has opened a published notice (the office sees the list). */
@Entity('notice_reads')
@Index(['snapshotId', 'userId'], { unique: true })
export class NoticeRead {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  snapshotId: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'datetime' })
  firstReadAt: Date;
}

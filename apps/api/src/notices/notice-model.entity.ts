import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What a snapshot's notice says, frozen at publication: the notice data and the full adoption
 * list as one file (see NoticeModelStore). Every rendering of the notice reads this and
 * nothing else, so a later edit of the records cannot change a published notice.
 */
@Entity('notice_models')
@Index(['snapshotId'], { unique: true })
export class NoticeModel {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  officeId: number;

  @Column({ type: 'int' })
  snapshotId: number;

  @Column({ type: 'varchar', length: 80 })
  fileKey: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}

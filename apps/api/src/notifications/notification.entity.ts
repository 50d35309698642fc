import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app message to one user (a notice was published, a deadline is near…). */
@Entity('notifications')
@Index(['userId', 'readAt'])
export class Notification {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  officeId: number;

  @Column({ type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** web route to open, e.g. /notices/12 */
  @Column({ type: 'varchar', length: 200, nullable: true })
  link: string | null;

  /** Avoids a second copy when a job is delivered twice. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 120 })
  dedupeKey: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  readAt: Date | null;
}

import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from '../users/user.entity';

/** One login on one device: its token carries this id, and the guard reads the row on every request. */
@Entity('sessions')
@Index(['userId', 'expiresAt'])
export class Session {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 255 })
  userAgent: string;

  @Column({ type: 'varchar', length: 64 })
  address: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  /** Moved forward at most once a minute, so a busy session costs one write a minute. */
  @Column({ type: 'datetime' })
  lastSeenAt: Date;

  /** The absolute end (SESSION_TTL_HOURS after login), whatever the activity. */
  @Column({ type: 'datetime' })
  expiresAt: Date;

  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Failed logins for one typed username from one client address. Kept in the database so that
 * every API process sees the same count; keyed by address so that failures from one place never
 * hold off the account's owner logging in from another.
 */
@Entity('login_throttles')
@Index(['username', 'address'], { unique: true })
export class LoginThrottle {
  @PrimaryGeneratedColumn()
  id: number;

  /** As typed (trimmed, lower case), whether or not such an account exists. */
  @Column({ type: 'varchar', length: 50 })
  username: string;

  @Column({ type: 'varchar', length: 64 })
  address: string;

  /** Attempts since the last success; each is counted before its password is checked. */
  @Column({ type: 'int', default: 0 })
  failures: number;

  @Column({ type: 'datetime' })
  lastFailureAt: Date;

  /** Until then every attempt for this username from this address is refused. */
  @Column({ type: 'datetime', nullable: true })
  heldUntil: Date | null;
}

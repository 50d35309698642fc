import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One change to a record by a person, or one security event (login, export …): who, when,
 * from where, what, before and after. No route changes or deletes an entry; entries older
 * than AUDIT_RETENTION_DAYS (at least 180) are purged. officeId 0: an event no office owns
 * (a login attempt with an unknown username), shown to every office.
 */
@Entity('audit_log')
@Index(['officeId', 'entity', 'entityId'])
@Index(['officeId', 'createdAt'])
export class AuditEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  officeId: number;

  @Column({ type: 'int', nullable: true })
  userId: number | null;

  @Column({ type: 'varchar', length: 50 })
  username: string;

  /** create | update | delete | status:<to> | login | login-failed | export | … */
  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ type: 'varchar', length: 40 })
  entity: string;

  @Column({ type: 'varchar', length: 40 })
  entityId: string;

  @Column({ type: 'simple-json', nullable: true })
  before: unknown;

  @Column({ type: 'simple-json', nullable: true })
  after: unknown;

  /** Client address of the request that caused the entry (null for background jobs). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  userAgent: string | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}

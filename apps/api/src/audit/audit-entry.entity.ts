import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One change to a record by a person: who, when, what, before and after. */
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

  /** create | update | delete | status:<to> | deactivate | … */
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

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}

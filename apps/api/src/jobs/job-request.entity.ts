import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Work that is owed but not yet handed to the queue (an outbox). A change that must be
 * followed by a job (a verification → its score recompute) stores its request here in the
 * change's own transaction, so a committed change always has one; the request is handed to
 * the queue right after the commit, or by the job sweep once the queue is back.
 */
@Entity('job_requests')
@Index(['name', 'createdAt'])
export class JobRequest {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'int', nullable: true })
  officeId: number | null;

  @Column({ type: 'varchar', length: 200 })
  businessKey: string;

  @Column({ type: 'varchar', length: 10, default: 'running' })
  joinWhile: 'running' | 'queued';

  @Column({ type: 'simple-json' })
  payload: unknown;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;

  /** When the oldest of the requests merged into this one was made (the backlog's age). */
  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}

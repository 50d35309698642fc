import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { JOB_STATUSES, type JobStatus } from '@app/contracts';

/**
 * The state of one queued job, kept in the database in both queue modes so the UI shows
 * progress the same way. (name, businessKey) identifies the work: enqueuing it again while
 * one is queued or running returns that one instead of starting a second.
 */
@Entity('jobs')
@Index(['name', 'businessKey'])
@Index(['officeId', 'createdAt'])
export class JobRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', nullable: true })
  officeId: number | null;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'varchar', length: 200 })
  businessKey: string;

  /**
   * `name` + newline + `businessKey` while the job can be joined (see EnqueueOptions.joinWhile),
   * else null. Unique, so two enqueues racing each other cannot both insert: the loser joins.
   */
  @Column({ type: 'varchar', length: 261, nullable: true, unique: true })
  activeKey: string | null;

  /** Whether a running job is still joined by a new enqueue (`running`) or only a queued one. */
  @Column({ type: 'varchar', length: 10, default: 'running' })
  joinWhile: 'running' | 'queued';

  @Column({ type: 'simple-json' })
  payload: unknown;

  @Column({ type: 'simple-enum', enum: JOB_STATUSES, default: 'queued' })
  status: JobStatus;

  /** 0–100 */
  @Column({ type: 'int', default: 0 })
  progress: number;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'int', default: 1 })
  maxAttempts: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'simple-json', nullable: true })
  result: unknown;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @Column({ type: 'datetime', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  finishedAt: Date | null;
}

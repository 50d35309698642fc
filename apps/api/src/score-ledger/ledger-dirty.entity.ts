import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A mark that an office's stored score lines may be stale: written with every recompute
 * request (same transaction), deleted by a recompute that covered it and that started after
 * it was written (`id` is the sequence: a mark newer than the recompute's start survives it).
 * One of: a quarter; an article (the quarters it touches); or every quarter from
 * `fromQuarter` on (null: every quarter).
 */
@Entity('ledger_dirty')
@Index(['officeId', 'quarter'])
@Index(['officeId', 'articleId'])
export class LedgerDirty {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  officeId: number;

  /** YYYY-Qn; null with `articleId` null: every quarter from `fromQuarter` on. */
  @Column({ type: 'varchar', length: 7, nullable: true })
  quarter: string | null;

  @Column({ type: 'varchar', length: 7, nullable: true })
  fromQuarter: string | null;

  @Column({ type: 'int', nullable: true })
  articleId: number | null;
}

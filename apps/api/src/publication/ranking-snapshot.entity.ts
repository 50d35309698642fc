import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Figures of the whole quarter that the notice's 总体情况 quotes. */
export interface SnapshotSummary {
  articlesSubmitted: number;
  placements: number;
  byLevel: Record<string, number>;
  byChannel: Record<string, number>;
  instructions: number;
  commissionsIssued: number;
  commissionTargets: number;
  commissionsOnTime: number;
  excluded: { type: string; id: number; title: string }[];
  /** 补录: the quarter was published from history loaded afterwards (absent in older snapshots). */
  backfill?: boolean;
}

/**
 * A frozen, published ranking of one quarter (one revision). Never updated after it is
 * written; a correction is a new revision. The content hash covers every unit row and line.
 */
@Entity('ranking_snapshots')
@Index(['officeId', 'quarter', 'revision'], { unique: true })
export class RankingSnapshot {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  officeId: number;

  @Column({ type: 'varchar', length: 7 })
  quarter: string;

  /** 1 for the first publication, 2… for corrections (更正通报). */
  @Column({ type: 'int' })
  revision: number;

  @Column({ type: 'int' })
  schemeVersionId: number;

  @Column({ type: 'varchar', length: 64 })
  contentHash: string;

  /** The publication job that wrote it: a second delivery of that job finds it and stops. */
  @Index({ unique: true })
  @Column({ type: 'int' })
  jobId: number;

  @Column({ type: 'simple-json' })
  summary: SnapshotSummary;

  @Column({ type: 'int', nullable: true })
  publishedBy: number | null;

  @CreateDateColumn({ type: 'datetime' })
  publishedAt: Date;
}

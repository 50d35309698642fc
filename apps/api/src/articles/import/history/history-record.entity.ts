import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const HISTORY_KINDS = ['monthly_report', 'commission', 'commission_answer', 'instruction', 'item'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

/**
 * A record the office loaded from a history workbook (补录): which record, under which stable
 * key, in which quarter, by which import. It marks the record as office-recorded without a
 * column on every feature's table, makes a second import of the same rows a no-op (the key is
 * unique per office and kind), and tells the quarter it holds history.
 */
@Entity('history_records')
@Index(['officeId', 'kind', 'stableKey'], { unique: true })
@Index(['officeId', 'quarter'])
export class HistoryRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  officeId: number;

  @Column({ type: 'simple-enum', enum: HISTORY_KINDS })
  kind: HistoryKind;

  /** The row's stable key as folded text (约稿编号, unit + month…), at most 300 characters. */
  @Column({ type: 'varchar', length: 300 })
  stableKey: string;

  /** The id in the kind's own table (monthly_reports, commissions, commission_targets, instructions, item_records). */
  @Column({ type: 'int' })
  recordId: number;

  /** YYYY-Qn the record counts in. */
  @Column({ type: 'varchar', length: 7 })
  quarter: string;

  /** The import job that loaded it. */
  @Column({ type: 'int', nullable: true })
  jobId: number | null;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}

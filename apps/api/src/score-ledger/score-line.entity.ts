import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 得分明细: one signed amount for one unit in one quarter under one scheme version, with the
 * rule and the record that produced it. Amounts are integers in ten-thousandths of a point.
 */
@Entity('score_lines')
@Index(['officeId', 'schemeVersionId', 'quarter', 'unitId'])
@Index(['officeId', 'schemeVersionId', 'articleId'])
export class ScoreLine {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  officeId: number;

  @Column({ type: 'int' })
  schemeVersionId: number;

  /** YYYY-Qn */
  @Column({ type: 'varchar', length: 7 })
  quarter: string;

  @Column({ type: 'int' })
  unitId: number;

  /** ten-thousandths of a point (fixed-point, 4 decimals) */
  @Column({ type: 'int' })
  amount: number;

  @Column({ type: 'varchar', length: 40 })
  ruleId: string;

  @Column({ type: 'varchar', length: 20 })
  recordType: string;

  @Column({ type: 'int' })
  recordId: number;

  @Column({ type: 'int', nullable: true })
  articleId: number | null;

  /** business date of the record */
  @Column({ type: 'varchar', length: 10 })
  date: string;

  @Column({ type: 'varchar', length: 500 })
  explanation: string;
}

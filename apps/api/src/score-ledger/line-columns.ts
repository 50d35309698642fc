import { Column, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The columns of a score line: a signed amount for one unit, the rule and the record that
 * produced it. Stored lines (score_lines) and their frozen copies in a published snapshot
 * (snapshot_lines) share them, so a copy can never drift from what it copies.
 */
export abstract class LineColumns {
  @PrimaryGeneratedColumn()
  id: number;

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

  /**
   * Path of the scheme clause behind the line (format-2 engine), e.g. 'adoption.rows[2]',
   * 'targets[0]', 'total.deductions'; null on lines computed before it was recorded.
   */
  @Column({ type: 'varchar', length: 100, nullable: true })
  clause: string | null;
}

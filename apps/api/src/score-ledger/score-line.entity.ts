import { Column, Entity, Index } from 'typeorm';
import { LineColumns } from './line-columns';

/**
 * 得分明细: one signed amount for one unit in one quarter under one scheme version, with the
 * rule and the record that produced it. Amounts are integers in ten-thousandths of a point.
 */
@Entity('score_lines')
@Index(['officeId', 'schemeVersionId', 'quarter', 'unitId'])
@Index(['officeId', 'schemeVersionId', 'articleId'])
export class ScoreLine extends LineColumns {
  @Column({ type: 'int' })
  officeId: number;

  @Column({ type: 'int' })
  schemeVersionId: number;

  /** YYYY-Qn */
  @Column({ type: 'varchar', length: 7 })
  quarter: string;
}

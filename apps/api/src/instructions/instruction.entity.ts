import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { LEVELS, type Level } from '@app/contracts';
import { Article } from '../articles/article.entity';
import { ReviewedEntity } from '../database/review-columns';

/** 领导批示: a leader's written instruction on an article. */
@Entity('instructions')
@Index(['officeId', 'instructedDate'])
@Index(['officeId', 'status', 'instructedDate'])
export class Instruction extends ReviewedEntity {
  @Index()
  @Column({ type: 'int' })
  articleId: number;

  @ManyToOne(() => Article, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'articleId' })
  article?: Relation<Article>;

  /** e.g. 省委常委、组织部长 */
  @Column({ type: 'varchar', length: 100 })
  leaderTitle: string;

  @Column({ type: 'simple-enum', enum: LEVELS })
  level: Level;

  /** Business date of the instruction: decides the quarter. */
  @Column({ type: 'varchar', length: 10 })
  instructedDate: string;

  @Column({ type: 'text', nullable: true })
  content: string | null;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Two similar titles the office has looked at and marked as different articles. */
@Entity('article_distinct_pairs')
@Index(['officeId', 'articleIdA', 'articleIdB'], { unique: true })
export class ArticleDistinctPair {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  officeId: number;

  /** the smaller id */
  @Column({ type: 'int' })
  articleIdA: number;

  @Column({ type: 'int' })
  articleIdB: number;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Unit } from '../units/unit.entity';
import { Article } from './article.entity';

/**
 * A unit on an article, with its declared share (basis points of 100%; null = equal split)
 * and its signing position (1 = 第一署名单位): schemes split by position.
 */
@Entity('article_units')
@Index(['articleId', 'unitId'], { unique: true })
@Index(['articleId', 'position'], { unique: true })
export class ArticleUnit {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  articleId: number;

  @ManyToOne(() => Article, (a) => a.units, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'articleId' })
  article?: Relation<Article>;

  @Index()
  @Column({ type: 'int' })
  unitId: number;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unitId' })
  unit?: Relation<Unit>;

  /** 6000 = 60%; all shares of an article sum to 10000, or all are null. */
  @Column({ type: 'int', nullable: true })
  shareBp: number | null;

  /** 1-based signing order, unique per article. */
  @Column({ type: 'int', default: 1 })
  position: number;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { LEVELS, type Level } from '@app/contracts';
import { Article } from '../articles/article.entity';
import { ReviewedEntity } from '../database/review-columns';
import { Unit } from '../units/unit.entity';

/**
 * 事项: a record of a kind the office defines in its scheme's catalogue (会议交流发言, 网评文章,
 * 调研报告, 虚假信息…), with the same three-level review and evidence as placements.
 */
@Entity('item_records')
@Index(['officeId', 'status', 'itemDate'])
@Index(['officeId', 'itemDate'])
@Index(['officeId', 'unitId', 'itemDate'])
export class ItemRecord extends ReviewedEntity {
  @Column({ type: 'int' })
  unitId: number;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unitId' })
  unit?: Relation<Unit>;

  /** The catalogue's kind code, e.g. 会议交流发言. */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Business date (Asia/Shanghai): decides the quarter. */
  @Column({ type: 'varchar', length: 10 })
  itemDate: string;

  /** Null for kinds with a flat value. */
  @Column({ type: 'simple-enum', enum: LEVELS, nullable: true })
  level: Level | null;

  /** The linked article, e.g. the one a 虚假信息 finding voids. */
  @Index()
  @Column({ type: 'int', nullable: true })
  articleId: number | null;

  /** Deleting a draft article only unlinks the item: the item stays on record. */
  @ManyToOne(() => Article, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'articleId' })
  article?: Relation<Article>;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}

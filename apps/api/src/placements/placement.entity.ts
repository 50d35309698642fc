import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { MEDIA, PLACEMENT_FORMS, PROMINENCES, type Medium, type PlacementForm, type Prominence } from '@app/contracts';
import { Article } from '../articles/article.entity';
import { ReviewedEntity } from '../database/review-columns';
import { Outlet } from '../outlets/outlet.entity';

/** 录用/刊发: one adoption of an article by one outlet on one (business) date. */
@Entity('placements')
@Index(['articleId', 'outletId', 'publishedDate'], { unique: true })
// Covering for the quarter's aggregates (ranking placement counts, totals by level, the notice's
// scan): a verified adoption's outlet and article are read from the index, not the row. `id`
// right after the date keeps the index in (date, id) order, the order of the notice's keyset
// scan and of the review queue's pages: without it SQLite scanned (officeId, publishedDate)
// and filtered the status instead (155 ms a queue page at city size).
@Index(['officeId', 'status', 'publishedDate', 'id', 'outletId', 'articleId'])
@Index(['officeId', 'publishedDate'])
export class Placement extends ReviewedEntity {
  @Column({ type: 'int' })
  articleId: number;

  @ManyToOne(() => Article, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'articleId' })
  article?: Relation<Article>;

  @Index()
  @Column({ type: 'int' })
  outletId: number;

  @ManyToOne(() => Outlet, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outletId' })
  outlet?: Relation<Outlet>;

  @Column({ type: 'datetime' })
  publishedAt: Date;

  /** Business date (Asia/Shanghai) of publishedAt: decides the quarter. */
  @Column({ type: 'varchar', length: 10 })
  publishedDate: string;

  /** 版面 / 栏目, e.g. 第4版 or 要闻 */
  @Column({ type: 'varchar', length: 50, nullable: true })
  page: string | null;

  @Column({ type: 'simple-enum', enum: PROMINENCES, default: 'normal' })
  prominence: Prominence;

  /** 采用形式: 全文 (the default), 摘编 or 综合 (merged with other units' information). */
  @Column({ type: 'simple-enum', enum: PLACEMENT_FORMS, default: 'full' })
  form: PlacementForm;

  /** When the outlet publishes in several media (a newspaper's WeChat account), which one. */
  @Column({ type: 'simple-enum', enum: MEDIA, nullable: true })
  medium: Medium | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  url: string | null;

  /** 浏览量 / 转发量 of new-media placements, kept so a scheme can weigh reach later. */
  @Column({ type: 'int', nullable: true })
  views: number | null;

  @Column({ type: 'int', nullable: true })
  shares: number | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  externalKey: string | null;
}

import { Column, Entity, Index, OneToMany, type Relation } from 'typeorm';
import type { ReceivedVia } from '@app/contracts';
import { OfficeRecordedByColumn, ReceivedNoteColumn, ReceivedViaColumn } from '../common/office-recording';
import { ReviewedEntity } from '../database/review-columns';
import { ArticleUnit } from './article-unit.entity';

/** 稿件/信息: one piece of writing by one or more units. */
@Entity('articles')
@Index(['officeId', 'externalKey'], { unique: true })
@Index(['officeId', 'normalizedTitle'])
@Index(['officeId', 'submittedDate'])
@Index(['officeId', 'status', 'submittedDate'])
export class Article extends ReviewedEntity {
  @Column({ type: 'varchar', length: 200 })
  title: string;

  /** Title without punctuation, spaces or width differences: what duplicate detection compares. */
  @Column({ type: 'varchar', length: 200 })
  normalizedTitle: string;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ type: 'int', nullable: true })
  wordCount: number | null;

  /** 体裁: 消息, 通讯, 经验交流, 言论, 图片… */
  @Column({ type: 'varchar', length: 30, nullable: true })
  genre: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  authors: string | null;

  @Column({ type: 'datetime' })
  submittedAt: Date;

  /** Business date (Asia/Shanghai) of submittedAt, for deadlines and quarters. */
  @Column({ type: 'varchar', length: 10 })
  submittedDate: string;

  /** The unit whose officer created it; every unit on the article can see it. */
  @Index()
  @Column({ type: 'int' })
  ownerUnitId: number;

  @Index()
  @Column({ type: 'int', nullable: true })
  commissionId: number | null;

  /** Stable key of an imported spreadsheet row: re-importing the same row is a no-op. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  externalKey: string | null;

  /** Set when the office recorded this (or its time) for the unit: how it came in, a note, and who. */
  @ReceivedViaColumn()
  receivedVia: ReceivedVia | null;

  @ReceivedNoteColumn()
  receivedNote: string | null;

  @OfficeRecordedByColumn()
  officeRecordedBy: number | null;

  @OneToMany(() => ArticleUnit, (u) => u.article, { cascade: true })
  units?: Relation<ArticleUnit[]>;
}

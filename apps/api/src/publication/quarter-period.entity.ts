import { Column, Entity, Index } from 'typeorm';
import { OfficeOwnedEntity } from '../database/base.entity';

export const QUARTER_STAGES = ['open', 'review', 'closed', 'published'] as const;
export type QuarterStage = (typeof QUARTER_STAGES)[number];

/** Editable parts of the notice (通报) the office writes before publishing. */
export interface NoticeTexts {
  /** 发文字号, e.g. 示组办〔2023〕12号 */
  docNumber?: string;
  opening?: string;
  /** 五、存在问题和下一步要求 */
  requirements?: string;
  issuer?: string;
  /** 成文日期 YYYY-MM-DD */
  issuedDate?: string;
  copyTo?: string;
  /** Why the latest republication corrects the earlier notice (更正原因). */
  correctionReason?: string;
}

/**
 * A quarter's lifecycle: open → review (draft ranking visible, disputes until disputeUntil)
 * → closed → published. Republishing after a correction keeps it published and adds a revision.
 */
@Entity('quarter_periods')
@Index(['officeId', 'quarter'], { unique: true })
export class QuarterPeriod extends OfficeOwnedEntity {
  /** YYYY-Qn */
  @Column({ type: 'varchar', length: 7 })
  quarter: string;

  @Column({ type: 'simple-enum', enum: QUARTER_STAGES, default: 'open' })
  stage: QuarterStage;

  @Column({ type: 'datetime', nullable: true })
  reviewOpenedAt: Date | null;

  /** Last business date on which units may dispute a line. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  disputeUntil: string | null;

  @Column({ type: 'datetime', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'datetime', nullable: true })
  publishedAt: Date | null;

  /** Unverified entries the office chose to leave out when closing: [{ type, id, title }]. */
  @Column({ type: 'simple-json', nullable: true })
  excludedEntries: { type: string; id: number; title: string }[] | null;

  @Column({ type: 'simple-json', nullable: true })
  noticeTexts: NoticeTexts | null;

  /**
   * 补录: a past quarter whose records the office loaded from history (set by the history
   * import, or by the office when publishing); the quarter page and the notice say so.
   */
  @Column({ type: 'boolean', default: false })
  backfill: boolean;
}

import { Column } from 'typeorm';
import { ENTRY_STATUSES, type EntryStatus } from '@app/contracts';
import { OfficeOwnedEntity } from './base.entity';

/** An entry that goes through the three-level review (article, placement, instruction). */
export abstract class ReviewedEntity extends OfficeOwnedEntity {
  // No index of its own: with five values it only tempted MariaDB into intersecting it with
  // the officeId index (46 ms for the office's queue count at city size). Each entity has
  // (officeId, status, date), which serves the queues, their counts and the loaders.
  @Column({ type: 'simple-enum', enum: ENTRY_STATUSES, default: 'draft' })
  status: EntryStatus;

  /** Why the entry was returned or rejected (shown to the officer). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reviewNote: string | null;

  @Column({ type: 'int', nullable: true })
  verifiedBy: number | null;

  @Column({ type: 'datetime', nullable: true })
  verifiedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;
}

/** The review columns of an entry someone just typed in by hand: a draft, not yet looked at. */
export function newDraftReview(createdBy: number): Pick<ReviewedEntity, 'status' | 'reviewNote' | 'verifiedBy' | 'verifiedAt' | 'createdBy'> {
  return { status: 'draft', reviewNote: null, verifiedBy: null, verifiedAt: null, createdBy };
}

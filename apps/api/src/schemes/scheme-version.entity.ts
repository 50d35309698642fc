import { Column, Entity, Index } from 'typeorm';
import { OfficeOwnedEntity } from '../database/base.entity';

/**
 * One version of a 计分办法. The document is the YAML the office edited; it is validated on
 * save and immutable once a published ranking used it. It applies from effectiveFrom until
 * the next version's effectiveFrom.
 */
@Entity('scheme_versions')
@Index(['officeId', 'versionNo'], { unique: true })
@Index(['officeId', 'effectiveFrom'], { unique: true })
export class SchemeVersion extends OfficeOwnedEntity {
  @Column({ type: 'int' })
  versionNo: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** YYYY-Qn */
  @Column({ type: 'varchar', length: 7 })
  effectiveFrom: string;

  @Column({ type: 'text' })
  document: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  /** Set when a published ranking used this version: from then on it cannot change. */
  @Column({ type: 'datetime', nullable: true })
  lockedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;
}

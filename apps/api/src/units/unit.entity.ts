import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { OfficeOwnedEntity } from '../database/base.entity';
import { RankingGroup } from './ranking-group.entity';

/** 报送单位: a sub-unit that submits articles; belongs to one ranking group. */
@Entity('units')
@Index(['officeId', 'code'], { unique: true })
export class Unit extends OfficeOwnedEntity {
  /** Stored upper-case so that codes compare the same on SQLite and MariaDB. */
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'int' })
  groupId: number;

  @ManyToOne(() => RankingGroup, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'groupId' })
  group?: Relation<RankingGroup>;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'varchar', length: 50, nullable: true })
  contactName: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  contactPhone: string | null;

  /**
   * Set on the unit that stands for an office below in its parent's ranking (a district in its
   * city): its score is the parent's scheme over the roll-up of that office's verified records
   * (score-ledger/rollup-loader.ts).
   */
  @Index({ unique: true })
  @Column({ type: 'int', nullable: true })
  childOfficeId: number | null;
}

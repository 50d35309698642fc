import { Column, Entity, OneToMany, type Relation } from 'typeorm';
import { OfficeOwnedEntity } from '../database/base.entity';
import { CommissionTarget } from './commission-target.entity';

/** 约稿: the office asks target units for an article on a topic by a deadline. */
@Entity('commissions')
export class Commission extends OfficeOwnedEntity {
  @Column({ type: 'varchar', length: 200 })
  topic: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 10 })
  issuedDate: string;

  /** Business date; an article submitted on or before it is on time. */
  @Column({ type: 'varchar', length: 10 })
  deadline: string;

  /** 发文单位 category (区委组织部, 市委办公室…) a scheme may value differently; empty = the office itself. */
  @Column({ type: 'varchar', length: 50, default: '' })
  issuer: string;

  @Column({ type: 'int', nullable: true })
  createdBy: number | null;

  @OneToMany(() => CommissionTarget, (t) => t.commission, { cascade: true })
  targets?: Relation<CommissionTarget[]>;
}

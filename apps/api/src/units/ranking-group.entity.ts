import { Column, Entity, Index } from 'typeorm';
import { OfficeOwnedEntity } from '../database/base.entity';

/** 排名分组: units ranked against each other (镇街组, 部门组, …). */
@Entity('ranking_groups')
@Index(['officeId', 'code'], { unique: true })
export class RankingGroup extends OfficeOwnedEntity {
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}

import { Column, CreateDateColumn, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * Columns every record owned by an office carries. `officeId` scopes every query so that a
 * deployment can later hold several offices (a city ranking its districts) without a data
 * migration (shared/DESIGN.md, "Growth"). `version` makes a second concurrent save a conflict.
 */
export abstract class OfficeOwnedEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  officeId: number;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt: Date;

  @VersionColumn({ type: 'int', default: 1 })
  version: number;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { ROLES, type Role } from '@app/contracts';
import { OfficeOwnedEntity } from '../database/base.entity';
import { Unit } from '../units/unit.entity';

/** An account. Officers and reviewers are bound to one unit (unitId), others to none. */
@Entity('users')
export class User extends OfficeOwnedEntity {
  /** Lower-case, unique across the deployment: people log in without naming their office. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 50 })
  username: string;

  @Column({ type: 'varchar', length: 50 })
  displayName: string;

  /** Where reminders are e-mailed (SMTP_URL); null = in-app messages only. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  email: string | null;

  @Column({ type: 'simple-enum', enum: ROLES })
  role: Role;

  @Column({ type: 'int', nullable: true })
  unitId: number | null;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'unitId' })
  unit?: Relation<Unit> | null;

  @Column({ type: 'varchar', length: 100 })
  passwordHash: string;

  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** When the password was last set; PASSWORD_MAX_AGE_DAYS counts from here (null: from createdAt). */
  @Column({ type: 'datetime', nullable: true })
  passwordChangedAt: Date | null;

  /** Bumped on password change, reset, role change and disabling: every token issued before is refused. */
  @Column({ type: 'int', default: 0 })
  tokenVersion: number;

  @Column({ type: 'datetime', nullable: true })
  lastLoginAt: Date | null;
}

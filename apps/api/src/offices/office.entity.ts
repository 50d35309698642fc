import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';

/**
 * Business settings an office may set for itself; an unset key falls back to the deployment's
 * setting (MONTHLY_REPORT_DUE_DAY, QUARTER_DISPUTE_DAYS, PLACEMENT_EARLY_MARGIN_DAYS).
 */
export interface OfficeSettings {
  monthlyReportDueDay?: number;
  quarterDisputeDays?: number;
  placementEarlyMarginDays?: number;
}

/**
 * An organization department office (示例区委组织部办公室) that owns units, outlets and schemes.
 * Offices form a tree (province → city → district): `parentId` is the office above, null for
 * the deployment's root. What an office may see of another follows the tree (offices/office-tree.ts).
 */
@Entity('offices')
export class Office {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Short name of the district or city, used in notice titles (全区 / 全市). */
  @Column({ type: 'varchar', length: 50 })
  regionName: string;

  @Index()
  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @ManyToOne(() => Office, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parentId' })
  parent?: Relation<Office> | null;

  /** 发文机关标志 printed in red at the head of the notice (null: the office's name). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  issuingAuthority: string | null;

  /** 发文字号 prefix, e.g. 示组办 (the notice's number reads 示组办〔2026〕3号). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  docNumberPrefix: string | null;

  @Column({ type: 'simple-json', nullable: true })
  settings: OfficeSettings | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}

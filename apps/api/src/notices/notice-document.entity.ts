import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A rendered notice file of one snapshot: DOCX, XLSX, and the JSON the web view shows, all
 * made once from the same data so the three never disagree. Rendering again replaces nothing.
 */
@Entity('notice_documents')
@Index(['snapshotId', 'format'], { unique: true })
export class NoticeDocument {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  officeId: number;

  @Column({ type: 'int' })
  snapshotId: number;

  @Column({ type: 'simple-enum', enum: ['docx', 'xlsx', 'json'] })
  format: 'docx' | 'xlsx' | 'json';

  @Column({ type: 'varchar', length: 80 })
  fileKey: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}

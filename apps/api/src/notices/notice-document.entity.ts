import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A rendered notice file (DOCX or XLSX) of one snapshot; rendering again replaces nothing. */
@Entity('notice_documents')
@Index(['snapshotId', 'format'], { unique: true })
export class NoticeDocument {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  officeId: number;

  @Column({ type: 'int' })
  snapshotId: number;

  @Column({ type: 'simple-enum', enum: ['docx', 'xlsx'] })
  format: 'docx' | 'xlsx';

  @Column({ type: 'varchar', length: 80 })
  fileKey: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}

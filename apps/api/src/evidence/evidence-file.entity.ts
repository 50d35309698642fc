import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const EVIDENCE_OWNERS = ['placement', 'instruction', 'item', 'adjustment'] as const;
export type EvidenceOwner = (typeof EVIDENCE_OWNERS)[number];

/** A screenshot, PDF or scan proving a placement, an instruction, a 事项 or a 加减分; the bytes live in the FileStore. */
@Entity('evidence_files')
@Index(['ownerType', 'ownerId'])
export class EvidenceFile {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'int' })
  officeId: number;

  @Column({ type: 'simple-enum', enum: EVIDENCE_OWNERS })
  ownerType: EvidenceOwner;

  @Column({ type: 'int' })
  ownerId: number;

  @Column({ type: 'varchar', length: 80 })
  fileKey: string;

  @Column({ type: 'varchar', length: 200 })
  fileName: string;

  @Column({ type: 'varchar', length: 100 })
  mimeType: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'int', nullable: true })
  uploadedBy: number | null;

  @CreateDateColumn({ type: 'datetime' })
  createdAt: Date;
}

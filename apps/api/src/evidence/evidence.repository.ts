import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { EvidenceFile, type EvidenceOwner } from './evidence-file.entity';

export type EvidenceRow = Pick<EvidenceFile, 'officeId' | 'ownerType' | 'ownerId' | 'fileKey' | 'fileName' | 'mimeType' | 'size' | 'sha256' | 'uploadedBy'>;

/**
 * Named queries over evidence_files, the one table evidence owns. The features whose entries
 * carry evidence (placements, instructions, 事项, 加减分) read and delete their entries' files
 * through these. `tx` joins a caller's transaction (UnitOfWork).
 */
@Injectable()
export class EvidenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: EntityManager): EntityManager {
    return tx ?? this.dataSource.manager;
  }

  /** The evidence of these entries, oldest first. */
  findForOwners(ownerType: EvidenceOwner, ownerIds: number[], tx?: EntityManager): Promise<EvidenceFile[]> {
    if (ownerIds.length === 0) return Promise.resolve([]);
    return this.manager(tx).find(EvidenceFile, { where: { ownerType, ownerId: In(ownerIds) }, order: { id: 'ASC' } });
  }

  /** Which of these entries have at least one evidence file. */
  async ownersWithEvidence(ownerType: EvidenceOwner, ownerIds: number[], tx?: EntityManager): Promise<Set<number>> {
    if (ownerIds.length === 0) return new Set();
    const rows: { ownerId: unknown }[] = await this.manager(tx)
      .createQueryBuilder(EvidenceFile, 'f')
      .select('f.ownerId', 'ownerId')
      .where('f.ownerType = :owner AND f.ownerId IN (:...ids)', { owner: ownerType, ids: ownerIds })
      .getRawMany();
    return new Set(rows.map((r) => Number(r.ownerId)));
  }

  findInOffice(officeId: number, id: number, tx?: EntityManager): Promise<EvidenceFile | null> {
    return this.manager(tx).findOne(EvidenceFile, { where: { id, officeId } });
  }

  insert(row: EvidenceRow, tx?: EntityManager): Promise<EvidenceFile> {
    const manager = this.manager(tx);
    return manager.save(EvidenceFile, manager.create(EvidenceFile, row));
  }

  async delete(id: number, tx?: EntityManager): Promise<void> {
    await this.manager(tx).delete(EvidenceFile, { id });
  }

  /**
   * Deletes an entry's evidence rows (the entry is being deleted) and returns their file keys,
   * to be released once the transaction has committed (releaseEvidenceFiles).
   */
  async deleteForOwner(ownerType: EvidenceOwner, ownerId: number, tx?: EntityManager): Promise<string[]> {
    const manager = this.manager(tx);
    const evidence = await manager.find(EvidenceFile, { select: { id: true, fileKey: true }, where: { ownerType, ownerId } });
    await manager.delete(EvidenceFile, { ownerType, ownerId });
    return evidence.map((e) => e.fileKey);
  }

  /** Whether any evidence row still refers to the stored file. */
  async isFileReferenced(fileKey: string): Promise<boolean> {
    return (await this.manager().getRepository(EvidenceFile).count({ where: { fileKey } })) > 0;
  }
}

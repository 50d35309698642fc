import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FileStore } from '../storage/file-store.service';
import { EvidenceFile } from './evidence-file.entity';

const logger = new Logger('EvidenceFiles');

/** What tells whether a stored file is still referred to (EvidenceRepository). */
export interface EvidenceReferences {
  isFileReferenced(fileKey: string): Promise<boolean>;
}

/**
 * After a transaction that deleted evidence rows has committed: removes each file no evidence
 * row refers to any more (files are content-addressed, so another row may share one). Evidence
 * keys never collide with notices' or imports' files (.png/.jpg/.gif/.webp/.pdf only). A failure
 * here leaves an unreferenced file behind and is only logged: the delete itself has happened.
 * `refs` is the EvidenceRepository; a manager (or DataSource) is still accepted for callers
 * outside the evidence features that have not moved to it yet.
 */
export async function releaseEvidenceFiles(refs: EvidenceReferences | Pick<EntityManager, 'getRepository'>, files: FileStore, keys: Iterable<string>): Promise<void> {
  const isReferenced = 'isFileReferenced' in refs
    ? (key: string) => refs.isFileReferenced(key)
    : async (key: string) => (await refs.getRepository(EvidenceFile).count({ where: { fileKey: key } })) > 0;
  for (const key of new Set(keys)) {
    try {
      await files.removeUnreferenced(key, () => isReferenced(key));
    } catch (error) {
      logger.warn(`evidence file ${key} kept after its rows were deleted: ${(error as Error).message}`);
    }
  }
}

import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { FileStore } from '../storage/file-store.service';
import { EvidenceFile } from './evidence-file.entity';

const logger = new Logger('EvidenceFiles');

/**
 * After a transaction that deleted evidence rows has committed: removes each file no evidence
 * row refers to any more (files are content-addressed, so another row may share one). Evidence
 * keys never collide with notices' or imports' files (.png/.jpg/.gif/.webp/.pdf only). A failure
 * here leaves an unreferenced file behind and is only logged: the delete itself has happened.
 */
export async function releaseEvidenceFiles(dataSource: DataSource, files: FileStore, keys: Iterable<string>): Promise<void> {
  for (const key of new Set(keys)) {
    try {
      await files.removeUnreferenced(key, async () => (await dataSource.getRepository(EvidenceFile).count({ where: { fileKey: key } })) > 0);
    } catch (error) {
      logger.warn(`evidence file ${key} kept after its rows were deleted: ${(error as Error).message}`);
    }
  }
}

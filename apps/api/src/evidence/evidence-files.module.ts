import { Module } from '@nestjs/common';
import { EvidenceRepository } from './evidence.repository';

/**
 * The evidence table on its own, below every feature whose entries carry evidence: EvidenceModule
 * imports those features (to check an upload's owner), so they cannot import it back.
 */
@Module({ providers: [EvidenceRepository], exports: [EvidenceRepository] })
export class EvidenceFilesModule {}

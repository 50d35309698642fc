import { Module } from '@nestjs/common';
import { SnapshotsRepository } from './snapshots.repository';

/**
 * What a publication froze, for reading: used by PublicationModule and by notices, which are made
 * from snapshots (a module of its own so NoticesModule need not import PublicationModule).
 */
@Module({ providers: [SnapshotsRepository], exports: [SnapshotsRepository] })
export class SnapshotsModule {}

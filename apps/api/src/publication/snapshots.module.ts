import { Module } from '@nestjs/common';
import { SnapshotFreezer } from './snapshot-freezer';
import { SnapshotsRepository } from './snapshots.repository';

/**
 * What a publication froze, for reading, and the seam through which the notices freeze theirs
 * with it: shared by PublicationModule and NoticesModule (notices are made from snapshots).
 */
@Module({ providers: [SnapshotsRepository, SnapshotFreezer], exports: [SnapshotsRepository, SnapshotFreezer] })
export class SnapshotsModule {}

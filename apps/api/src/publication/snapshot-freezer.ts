import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RankingSnapshot } from './ranking-snapshot.entity';

type Freeze = (tx: EntityManager, snapshot: RankingSnapshot) => Promise<void>;

/**
 * What publication asks of the notices inside its transaction: freeze what the new snapshot's
 * notice says, from the records the snapshot was taken from. The notices supply it at boot
 * (NoticeModelStore): they depend on publication, never the reverse, so publication holds only
 * this seam. One instance, in SnapshotsModule, which both import.
 */
@Injectable()
export class SnapshotFreezer {
  private freezeWith: Freeze | null = null;

  /** Called once, by the notices, before any job runs (jobs start at application bootstrap). */
  use(freeze: Freeze): void {
    if (this.freezeWith) throw new Error('a snapshot freezer is already set');
    this.freezeWith = freeze;
  }

  freeze(tx: EntityManager, snapshot: RankingSnapshot): Promise<void> {
    if (!this.freezeWith) throw new Error('no snapshot freezer is set: NoticesModule is not loaded');
    return this.freezeWith(tx, snapshot);
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Seam } from '../common/seam';
import type { RankingSnapshot } from './ranking-snapshot.entity';

type Freeze = (tx: EntityManager, snapshot: RankingSnapshot) => Promise<void>;

/**
 * What publication asks of the notices inside its transaction: freeze what the new snapshot's
 * notice says, from the records the snapshot was taken from. The notices supply it at boot
 * (NoticeModelStore): they depend on publication, never the reverse, so publication holds only
 * this seam. One instance, in SnapshotsModule, which both import.
 */
@Injectable()
export class SnapshotFreezer extends Seam<Freeze> {
  constructor() {
    super('snapshot freezer', 'NoticesModule');
  }

  freeze(tx: EntityManager, snapshot: RankingSnapshot): Promise<void> {
    return this.supplied(tx, snapshot);
  }
}

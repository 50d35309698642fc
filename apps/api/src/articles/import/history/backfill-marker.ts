import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Seam } from '../../../common/seam';

type Mark = (tx: EntityManager, officeId: number, quarters: readonly string[]) => Promise<void>;

/**
 * What the history import asks of publication inside its transaction: mark the past quarters it
 * loaded as 补录, so their notices say so. Publication supplies it at boot (QuartersService):
 * publication depends on recording, never the reverse, so the import holds only this seam.
 * One instance, exported by ArticlesModule.
 */
@Injectable()
export class BackfillMarker extends Seam<Mark> {
  constructor() {
    super('backfill marker', 'PublicationModule');
  }

  mark(tx: EntityManager, officeId: number, quarters: readonly string[]): Promise<void> {
    return quarters.length ? this.supplied(tx, officeId, quarters) : Promise.resolve();
  }
}

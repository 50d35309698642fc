import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

type Mark = (tx: EntityManager, officeId: number, quarters: readonly string[]) => Promise<void>;

/**
 * What the history import asks of publication inside its transaction: mark the past quarters it
 * loaded as 补录, so their notices say so. Publication supplies it at boot (QuartersService):
 * publication depends on recording, never the reverse, so the import holds only this seam
 * (the layer rule in .dependency-cruiser.cjs). One instance, exported by ArticlesModule.
 */
@Injectable()
export class BackfillMarker {
  private markWith: Mark | null = null;

  /** Called once, by publication, before any import job runs (jobs start at application bootstrap). */
  use(mark: Mark): void {
    if (this.markWith) throw new Error('a backfill marker is already set');
    this.markWith = mark;
  }

  mark(tx: EntityManager, officeId: number, quarters: readonly string[]): Promise<void> {
    if (!this.markWith) throw new Error('no backfill marker is set: PublicationModule is not loaded');
    return quarters.length ? this.markWith(tx, officeId, quarters) : Promise.resolve();
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { quarterOf } from '@app/scoring';
import type { ItemKind } from '@app/contracts';
import type { LoadedScheme } from '../schemes/scheme-load';
import { SchemesService } from '../schemes/schemes.service';

/**
 * The 事项 kinds of a scheme as the engine compiled them (its `items:` catalogue, in order), so
 * what can be recorded is exactly what the engine scores. A format-1 scheme has none.
 */
export function itemKindsOf(scheme: LoadedScheme): ItemKind[] {
  return [...scheme.compiled.items.values()].map((k) => ({ kind: k.kind, name: k.kind, recordedBy: k.recordedBy, perLevel: !k.flat, voidsArticle: k.voidsArticle }));
}

/** The catalogue of the scheme version in force on a business date. */
@Injectable()
export class ItemKindsReader {
  constructor(private readonly schemes: SchemesService) {}

  /** `manager`: the caller's transaction, when it runs inside one. */
  async kinds(officeId: number, date: string, manager?: EntityManager): Promise<ItemKind[]> {
    const version = await this.schemes.inForce(officeId, quarterOf(date), manager);
    return version ? itemKindsOf(this.schemes.compile(version)) : [];
  }
}

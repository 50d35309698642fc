import { Injectable } from '@nestjs/common';
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

  async kinds(officeId: number, date: string): Promise<ItemKind[]> {
    const version = await this.schemes.inForce(officeId, quarterOf(date));
    return version ? itemKindsOf(this.schemes.compile(version)) : [];
  }
}

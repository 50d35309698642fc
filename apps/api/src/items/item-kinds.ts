import { Injectable } from '@nestjs/common';
import { parse } from 'yaml';
import { quarterOf } from '@app/scoring';
import type { ItemKind } from '@app/contracts';
import { SchemesService } from '../schemes/schemes.service';

/**
 * The 事项 kinds a scheme document declares in its `items:` list (scheme format 2), read
 * leniently: an entry without a usable `kind` is skipped, a document without the list (today's
 * format) has no kinds. Deliberately tiny and separate from the engine: the scheme wiring of
 * issue #12 replaces it with the compiled catalogue.
 */
export function itemKindsOf(document: string): ItemKind[] {
  let doc: unknown;
  try {
    doc = parse(document);
  } catch {
    return [];
  }
  const list = doc && typeof doc === 'object' ? (doc as { items?: unknown }).items : undefined;
  if (!Array.isArray(list)) return [];
  const kinds: ItemKind[] = [];
  for (const entry of list) {
    if (!entry || typeof entry !== 'object') continue;
    const e = entry as Record<string, unknown>;
    const kind = typeof e.kind === 'string' || typeof e.kind === 'number' ? String(e.kind).trim() : '';
    if (!kind || kinds.some((k) => k.kind === kind)) continue;
    kinds.push({
      kind,
      name: typeof e.name === 'string' && e.name.trim() ? e.name.trim() : kind,
      recordedBy: e.recordedBy === 'office' ? 'office' : 'unit',
      perLevel: e.points !== null && typeof e.points === 'object',
      voidsArticle: e.voids === 'article',
    });
  }
  return kinds;
}

/** The catalogue of the scheme version in force on a business date. */
@Injectable()
export class ItemKindsReader {
  constructor(private readonly schemes: SchemesService) {}

  async kinds(officeId: number, date: string): Promise<ItemKind[]> {
    const version = await this.schemes.inForce(officeId, quarterOf(date));
    return version ? itemKindsOf(version.document) : [];
  }

  /** Whether only the office may record `kind` under the scheme in force on `date`. */
  async officeOnly(officeId: number, kind: string, date: string): Promise<boolean> {
    return (await this.kinds(officeId, date)).some((k) => k.kind === kind && k.recordedBy === 'office');
  }
}

import type { DataSource } from 'typeorm';
import type { EntryStatus, Level } from '@app/contracts';
import { ItemRecord } from '../../apps/api/src/items/item-record.entity';
import { reviewColumns } from './records';
import { nextSeq } from './sequence';

/** Inserts a 事项 record of a unit (verified unless told otherwise); its kind is not checked against a scheme. */
export class ItemFactory {
  constructor(private readonly ds: DataSource) {}

  async create(o: { officeId: number; unitId: number; itemDate: string; kind?: string; title?: string; level?: Level | null; status?: EntryStatus }): Promise<ItemRecord> {
    return this.ds.getRepository(ItemRecord).save({
      officeId: o.officeId,
      unitId: o.unitId,
      kind: o.kind ?? 'meeting-speech',
      title: o.title ?? `测试事项 ${nextSeq()}`,
      itemDate: o.itemDate,
      level: o.level ?? null,
      articleId: null,
      note: null,
      ...reviewColumns(o.status),
    });
  }
}

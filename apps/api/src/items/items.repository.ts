import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, type EntityManager } from 'typeorm';
import type { ListItemsQuery } from './dto/item.dto';
import { ItemRecord } from './item-record.entity';
import { desc, orderBy } from '../common/sort';

/** Named queries over item_records (事项). `tx` joins a caller's transaction (UnitOfWork). */
@Injectable()
export class ItemsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: EntityManager): EntityManager {
    return tx ?? this.dataSource.manager;
  }

  /** One page of the office's items matching the list filters (`unitId`: the unit the caller is kept to, or asked for). */
  findPage(officeId: number, unitId: number | undefined, query: ListItemsQuery): Promise<[ItemRecord[], number]> {
    const qb = this.manager().createQueryBuilder(ItemRecord, 'i').where('i.officeId = :officeId', { officeId });
    if (unitId !== undefined) qb.andWhere('i.unitId = :unitId', { unitId });
    if (query.kind) qb.andWhere('i.kind = :kind', { kind: query.kind.trim() });
    if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    if (query.level) qb.andWhere('i.level = :level', { level: query.level });
    if (query.from) qb.andWhere('i.itemDate >= :from', { from: query.from });
    if (query.to) qb.andWhere('i.itemDate <= :to', { to: query.to });
    return orderBy(qb, query.sort, { id: 'i.id', date: 'i.itemDate', kind: 'i.kind', title: 'i.title', level: 'i.level', status: 'i.status' }, [desc('i.itemDate'), desc('i.id')])
      .skip((query.page - 1) * query.pageSize).take(query.pageSize).getManyAndCount();
  }

  insert(row: DeepPartial<ItemRecord>, tx?: EntityManager): Promise<ItemRecord> {
    const manager = this.manager(tx);
    return manager.save(ItemRecord, manager.create(ItemRecord, row));
  }

  async delete(id: number, tx?: EntityManager): Promise<void> {
    await this.manager(tx).delete(ItemRecord, { id });
  }

  /**
   * Linked articles' titles by id. Cross-feature read: the articles feature owns that table
   * and has no repository to ask yet, so only the titles are read here.
   */
  async articleTitles(articleIds: number[]): Promise<Map<number, string>> {
    if (articleIds.length === 0) return new Map();
    const rows: { id: unknown; title: string }[] = await this.manager().query(`SELECT id, title FROM articles WHERE id IN (${articleIds.map(() => '?').join(', ')})`, articleIds);
    return new Map(rows.map((a) => [Number(a.id), a.title]));
  }
}

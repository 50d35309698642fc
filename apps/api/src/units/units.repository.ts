import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type DeepPartial, type EntityManager } from 'typeorm';
import { RankingGroup } from './ranking-group.entity';
import { Unit } from './unit.entity';

/**
 * Named queries over units and ranking groups, for this feature and the features that name a
 * unit (adjustments, items, commissions, monthly reports, users, offices). `tx` joins a
 * caller's transaction (UnitOfWork); without it the query runs on its own.
 */
@Injectable()
export class UnitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: EntityManager): EntityManager {
    return tx ?? this.dataSource.manager;
  }

  /** A unit of the office, or null. */
  findInOffice(officeId: number, id: number, tx?: EntityManager): Promise<Unit | null> {
    return this.manager(tx).findOne(Unit, { where: { id, officeId } });
  }

  /** The units of the office among `ids` (unknown ids are simply missing). */
  findManyInOffice(officeId: number, ids: number[], tx?: EntityManager): Promise<Unit[]> {
    return this.manager(tx).find(Unit, { where: { officeId, id: In(ids) } });
  }

  /** Each unit's name by id, for responses that show it. */
  async namesByIds(ids: number[], tx?: EntityManager): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const units = await this.manager(tx).find(Unit, { select: { id: true, name: true }, where: { id: In(ids) } });
    return new Map(units.map((u) => [u.id, u.name]));
  }

  /** The office's active units with their ranking group. */
  findActiveWithGroups(officeId: number): Promise<Unit[]> {
    return this.manager().find(Unit, { where: { officeId, active: true }, relations: { group: true } });
  }

  /** The unit that stands for an office below in its parent's ranking (units.childOfficeId). */
  findByChildOffice(childOfficeId: number): Promise<Unit | null> {
    return this.manager().findOneBy(Unit, { childOfficeId });
  }

  findByCode(officeId: number, code: string, tx?: EntityManager): Promise<Unit | null> {
    return this.manager(tx).findOneBy(Unit, { officeId, code });
  }

  insert(row: DeepPartial<Unit>, tx?: EntityManager): Promise<Unit> {
    const manager = this.manager(tx);
    return manager.save(Unit, manager.create(Unit, row));
  }

  findGroupInOffice(officeId: number, id: number, tx?: EntityManager): Promise<RankingGroup | null> {
    return this.manager(tx).findOneBy(RankingGroup, { id, officeId });
  }

  async delete(id: number, tx?: EntityManager): Promise<void> {
    await this.manager(tx).delete(Unit, { id });
  }

  insertGroup(row: DeepPartial<RankingGroup>, tx?: EntityManager): Promise<RankingGroup> {
    const manager = this.manager(tx);
    return manager.save(RankingGroup, manager.create(RankingGroup, row));
  }

  async deleteGroup(id: number, tx?: EntityManager): Promise<void> {
    await this.manager(tx).delete(RankingGroup, { id });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, type EntityManager } from 'typeorm';
import { Outlet } from './outlet.entity';

/** Named queries over outlets, for this feature and those that record against one (placements). `tx` joins a caller's transaction (UnitOfWork). */
@Injectable()
export class OutletsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: EntityManager): EntityManager {
    return tx ?? this.dataSource.manager;
  }

  /** Every outlet of the office. */
  findAllInOffice(officeId: number, tx?: EntityManager): Promise<Outlet[]> {
    return this.manager(tx).find(Outlet, { where: { officeId } });
  }

  insert(row: DeepPartial<Outlet>, tx?: EntityManager): Promise<Outlet> {
    const manager = this.manager(tx);
    return manager.save(Outlet, manager.create(Outlet, row));
  }

  async update(id: number, changes: Partial<Outlet>, tx?: EntityManager): Promise<void> {
    await this.manager(tx).update(Outlet, { id }, changes);
  }

  async delete(id: number, tx?: EntityManager): Promise<void> {
    await this.manager(tx).delete(Outlet, { id });
  }

  /** An outlet of the office, or null. */
  findInOffice(officeId: number, id: number, tx?: EntityManager): Promise<Outlet | null> {
    return this.manager(tx).findOne(Outlet, { where: { id, officeId } });
  }
}

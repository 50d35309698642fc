import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type DeepPartial, type EntityManager } from 'typeorm';
import { ancestorIds, subtreeIds } from '../offices/office-tree';
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

  /**
   * The ids of the outlets `officeId` sees: its own and those of the offices above it. An
   * office's own outlet shadows an ancestor's of the same code: offices created before outlets
   * were shared hold their own copy of the catalogue, which keeps its placements and stays the
   * one they see. `chain` is null when the office has no office above it (only its own count).
   */
  async visibleIds(officeId: number, tx?: EntityManager): Promise<{ chain: number[]; ids: number[] | null }> {
    const chain = await ancestorIds(this.manager(tx), officeId);
    if (chain.length === 1) return { chain, ids: null };
    const rows = await this.manager(tx).find(Outlet, { where: { officeId: In(chain) }, select: { id: true, code: true, officeId: true } });
    const nearest = new Map<string, { id: number; depth: number }>();
    for (const r of rows) {
      const depth = chain.indexOf(r.officeId);
      const seen = nearest.get(r.code);
      if (!seen || depth < seen.depth) nearest.set(r.code, { id: r.id, depth });
    }
    return { chain, ids: [...nearest.values()].map((n) => n.id) };
  }

  /** The office and those below it, which see its outlets. */
  subtreeIds(officeId: number, tx?: EntityManager): Promise<number[]> {
    return subtreeIds(this.manager(tx), officeId);
  }

  /** Every outlet the office sees (visibleIds). */
  async findAllVisible(officeId: number, tx?: EntityManager): Promise<Outlet[]> {
    const { ids } = await this.visibleIds(officeId, tx);
    return this.manager(tx).find(Outlet, { where: ids === null ? { officeId } : { id: In(ids) } });
  }

  /** An outlet the office sees (its own or an ancestor's not shadowed by its own), or null. */
  async findVisible(officeId: number, id: number, tx?: EntityManager): Promise<Outlet | null> {
    const outlet = await this.manager(tx).findOne(Outlet, { where: { id } });
    if (!outlet || outlet.officeId === officeId) return outlet;
    const { ids } = await this.visibleIds(officeId, tx);
    return ids?.includes(id) ? outlet : null;
  }
}

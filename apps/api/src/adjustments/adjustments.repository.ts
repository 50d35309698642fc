import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, type EntityManager } from 'typeorm';
import type { PageQuery } from '../common/dto/page.query';
import { desc, orderBy } from '../common/sort';
import type { AdjustmentStatus } from '@app/contracts';
import { Adjustment } from './adjustment.entity';

export interface AdjustmentFilter {
  unitId?: number;
  status?: AdjustmentStatus;
  /** pending ones this user did not record (the four-eyes inbox) */
  awaitingUserId?: number;
  quarter?: string;
}

/** Named queries over adjustments (加减分). `tx` joins a caller's transaction (UnitOfWork). */
@Injectable()
export class AdjustmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: EntityManager): EntityManager {
    return tx ?? this.dataSource.manager;
  }

  /** One page of the office's adjustments matching `filter`, newest quarter first unless `page.sort` says otherwise. */
  findPage(officeId: number, filter: AdjustmentFilter, page: PageQuery): Promise<[Adjustment[], number]> {
    const qb = this.manager().createQueryBuilder(Adjustment, 'a').where('a.officeId = :officeId', { officeId });
    if (filter.unitId !== undefined) qb.andWhere('a.unitId = :unitId', { unitId: filter.unitId });
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.awaitingUserId !== undefined) {
      qb.andWhere("a.status = 'pending'").andWhere('(a.createdBy IS NULL OR a.createdBy <> :me)', { me: filter.awaitingUserId });
    }
    if (filter.quarter) qb.andWhere('a.quarter = :quarter', { quarter: filter.quarter });
    return orderBy(qb, page.sort, { id: 'a.id', quarter: 'a.quarter', points: 'a.points', status: 'a.status', reason: 'a.reason' }, [desc('a.quarter'), desc('a.id')])
      .skip((page.page - 1) * page.pageSize).take(page.pageSize).getManyAndCount();
  }

  insert(row: DeepPartial<Adjustment>, tx?: EntityManager): Promise<Adjustment> {
    const manager = this.manager(tx);
    return manager.save(Adjustment, manager.create(Adjustment, row));
  }

  async delete(id: number, tx?: EntityManager): Promise<void> {
    await this.manager(tx).delete(Adjustment, { id });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Outlet } from './outlet.entity';

/** Named queries over outlets for the features that record against one (placements). `tx` joins a caller's transaction. */
@Injectable()
export class OutletsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** An outlet of the office, or null. */
  findInOffice(officeId: number, id: number, tx?: EntityManager): Promise<Outlet | null> {
    return (tx ?? this.dataSource.manager).findOne(Outlet, { where: { id, officeId } });
  }
}

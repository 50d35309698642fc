import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { insertedId } from '../common/db-errors';
import { Placement } from './placement.entity';

/** Named queries over placements (录用). `tx` joins a caller's transaction (UnitOfWork). */
@Injectable()
export class PlacementsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: EntityManager): EntityManager {
    return tx ?? this.dataSource.manager;
  }

  /** An article's placements with their outlets, in publication order. */
  findForArticleWithOutlets(articleId: number): Promise<Placement[]> {
    return this.manager().getRepository(Placement).find({ where: { articleId }, relations: { outlet: true }, order: { publishedDate: 'ASC', id: 'ASC' } });
  }

  /** A placement of the office with its outlet, or null. */
  findInOfficeWithOutlet(officeId: number, id: number, tx?: EntityManager): Promise<Placement | null> {
    return this.manager(tx).createQueryBuilder(Placement, 'p')
      .leftJoinAndSelect('p.outlet', 'o')
      .where('p.id = :id AND p.officeId = :officeId', { id, officeId })
      .getOne();
  }

  /**
   * Inserts the (unsaved) placement and returns its id. No re-read of the row (TypeORM's select
   * of the defaulted columns): the caller builds its answer from what it wrote.
   */
  async insert(placement: Placement, tx?: EntityManager): Promise<number> {
    const inserted = await this.manager(tx).createQueryBuilder().insert().into(Placement).values(placement).updateEntity(false).execute();
    return insertedId(inserted.raw);
  }

  /** A new, unsaved placement. */
  build(fields: Partial<Placement>): Placement {
    return this.manager().create(Placement, fields);
  }

  async delete(id: number, tx?: EntityManager): Promise<void> {
    await this.manager(tx).delete(Placement, { id });
  }
}

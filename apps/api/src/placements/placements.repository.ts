import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
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
   * of the defaulted columns): the caller builds its answer from what it wrote. One INSERT
   * built once from the entity's columns, each value converted as TypeORM converts it (dates
   * for SQLite's text, enums, nulls); createdAt and updatedAt take their defaults, version 1.
   */
  async insert(placement: Placement, tx?: EntityManager): Promise<number> {
    const manager = this.manager(tx);
    const { sql, columns } = (this.insertStatement ??= this.buildInsert());
    const driver = this.dataSource.driver;
    const values = columns.map((c) => driver.preparePersistentValue(c.isVersion ? 1 : c.getEntityValue(placement), c));
    return insertedId(await manager.query(sql, values));
  }

  private insertStatement?: { sql: string; columns: ColumnMetadata[] };

  private buildInsert(): { sql: string; columns: ColumnMetadata[] } {
    const metadata = this.dataSource.getMetadata(Placement);
    const driver = this.dataSource.driver;
    const columns = metadata.columns.filter((c) => c.isInsert && !c.isGenerated && !c.isCreateDate && !c.isUpdateDate && !c.isVirtual);
    const sql = `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    return { sql, columns };
  }

  /** A new, unsaved placement. */
  build(fields: Partial<Placement>): Placement {
    return this.manager().create(Placement, fields);
  }

  async delete(id: number, tx?: EntityManager): Promise<void> {
    await this.manager(tx).delete(Placement, { id });
  }
}

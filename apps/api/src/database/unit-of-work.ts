import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * The one way a service opens a transaction. Services hold the rules and never see the
 * `DataSource`; repositories hold the queries and take the `EntityManager` this passes, so a
 * write that spans several features' tables still commits or rolls back as one:
 *
 *   await this.uow.run(async (tx) => {
 *     const article = await this.articles.insert(tx, row);
 *     await this.placements.insertMany(tx, article.id, rows);
 *   });
 */
@Injectable()
export class UnitOfWork {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The manager outside any transaction, for repositories called without one. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}

/** Global so every feature module gets the UnitOfWork without importing the database layer by hand. */
@Global()
@Module({ providers: [UnitOfWork], exports: [UnitOfWork] })
export class UnitOfWorkModule {}

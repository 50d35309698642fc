import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS as MYSQL_MIGRATIONS } from './migrations/mysql';
import { MIGRATIONS as SQLITE_MIGRATIONS } from './migrations/sqlite';

/**
 * One description of the database for Nest, the migration runner and the tests.
 * Migrations are one generated set per backend (TypeORM's generated SQL is dialect SQL);
 * a test checks that after them the schema has no pending diff on either backend.
 */
export function buildDataSourceOptions(config: Pick<AppConfig, 'database'>): DataSourceOptions {
  if (config.database.type === 'mysql') {
    return {
      type: config.database.flavor ?? 'mysql',
      url: config.database.url,
      // Dates are stored in UTC whatever the server's zone.
      timezone: 'Z',
      charset: 'utf8mb4_unicode_ci',
      supportBigNumbers: true,
      entities: ENTITIES,
      migrations: MYSQL_MIGRATIONS,
      migrationsTransactionMode: 'each',
      synchronize: false,
      logging: false,
      extra: { connectionLimit: 20 },
    };
  }
  fs.mkdirSync(path.dirname(config.database.file), { recursive: true });
  return {
    type: 'better-sqlite3',
    database: config.database.file,
    entities: ENTITIES,
    migrations: SQLITE_MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    // Prepared statements kept on the one connection (TypeORM's default 100, evicted first in
    // first out): the app's distinct statements outnumber it, so the hot ones (the session
    // check, a save's inserts) were prepared again and again.
    statementCacheSize: 1000,
    // WAL lets the review queue read while a job writes; busy_timeout waits instead of failing.
    prepareDatabase: (db: { pragma: (s: string) => unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = NORMAL');
    },
  } as DataSourceOptions;
}

/**
 * `npm run migrate`: applies pending migrations to the configured database and exits.
 * (`npm start` does the same at boot; this is for deployments that migrate as a separate step.)
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';
import { withDatabaseFlavor } from './database-flavor';

async function main() {
  const dataSource = new DataSource(buildDataSourceOptions(await withDatabaseFlavor(loadConfig())));
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  console.log(applied.length ? `applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}` : 'database is up to date');
  await dataSource.destroy();
}

main().catch((error) => {
  console.error(`migrate failed: ${error.message}`);
  process.exit(1);
});

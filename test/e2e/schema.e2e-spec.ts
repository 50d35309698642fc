// After the migrations, the schema is exactly what the entities describe, on each backend
// (issue #2, item 4): no pending diff, and `npm run migrate` on an up-to-date database is a
// no-op. The app under test migrated an empty database at boot, as `npm start` does.
import * as path from 'node:path';
import mysql from 'mysql2/promise';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { buildDataSourceOptions } from '../../apps/api/src/database/data-source-options';
import { withDatabaseFlavor } from '../../apps/api/src/database/database-flavor';
import { createDatabase } from '../setup/servers';
import { testBackends, type TestBackend } from '../utils/backends';
import { createTestApp, type TestApp } from '../utils/app';

/** A second, empty database beside the app's: a SQLite file in its data dir, or a MariaDB database. */
async function emptyDatabase(t: TestApp, backend: TestBackend): Promise<{ options: DataSourceOptions; drop(): Promise<void> }> {
  if (backend.name === 'embedded') {
    return { options: buildDataSourceOptions({ database: { type: 'sqlite', file: path.join(t.dataDir, 'upgrade.sqlite') } }), drop: async () => {} };
  }
  const name = `${backend.databaseName}_up`;
  const server = new URL(backend.databaseUrl!);
  server.pathname = '/';
  await createDatabase(server.toString(), name);
  const url = new URL(backend.databaseUrl!);
  url.pathname = `/${name}`;
  return {
    options: buildDataSourceOptions(await withDatabaseFlavor({ database: { type: 'mysql', url: url.toString() } })),
    drop: async () => {
      const conn = await mysql.createConnection(server.toString());
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}

async function withDataSource<T>(options: DataSourceOptions, work: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = new DataSource(options);
  await ds.initialize();
  try {
    return await work(ds);
  } finally {
    await ds.destroy();
  }
}

describe.each(testBackends('schema'))('schema and migrations ($label)', (backend) => {
  let t: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    t = await createTestApp(backend);
    dataSource = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has no difference between the migrated schema and the entities', async () => {
    const log = await dataSource.driver.createSchemaBuilder().log();
    // The SQL itself is the useful failure message: it says which table and column drifted.
    expect(log.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('ran every migration, and running them again applies nothing', async () => {
    const executed = await dataSource.query('SELECT name FROM migrations ORDER BY id');
    expect(executed.map((row: { name: string }) => row.name)).toEqual(dataSource.migrations.map((m) => m.name));
    expect(await dataSource.showMigrations()).toBe(false);
    await expect(dataSource.runMigrations({ transaction: 'each' })).resolves.toEqual([]);
  });

  it('`npm run migrate` on its own connection finds the database up to date', async () => {
    // What apps/api/src/database/migrate.ts does, against the app's database.
    await withDataSource(buildDataSourceOptions(await withDatabaseFlavor(t.config)), async (ds) => {
      await expect(ds.runMigrations({ transaction: 'each' })).resolves.toEqual([]);
      expect((await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query)).toEqual([]);
    });
  });

  it('data written under the first migration survives the later ones', async () => {
    // An installation that started on the first release and upgrades: its rows must remain.
    const db = await emptyDatabase(t, backend);
    try {
      const [first, ...later] = db.options.migrations as Function[];
      expect(later.length).toBeGreaterThan(0);
      await withDataSource({ ...db.options, migrations: [first] }, async (ds) => {
        expect(await ds.runMigrations({ transaction: 'each' })).toHaveLength(1);
        await ds.query(`INSERT INTO offices (code, name, regionName) VALUES ('OLD', '老区委组织部办公室', '老区')`);
        await ds.query(`INSERT INTO ranking_groups (officeId, code, name) VALUES (1, 'TOWN', '镇街组')`);
        await ds.query(`INSERT INTO units (officeId, code, name, groupId) VALUES (1, 'LJJD', '临江街道党工委', 1)`);
      });
      await withDataSource(db.options, async (ds) => {
        expect(await ds.runMigrations({ transaction: 'each' })).toHaveLength(later.length);
        const units = await ds.query('SELECT u.code, u.name, g.name AS groupName FROM units u JOIN ranking_groups g ON g.id = u.groupId');
        expect(units).toEqual([{ code: 'LJJD', name: '临江街道党工委', groupName: '镇街组' }]);
        expect((await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query)).toEqual([]);
      });
    } finally {
      await db.drop();
    }
  });
});

// The backends every e2e suite runs against:
//   embedded    — SQLite + inline jobs: always. databaseUrl is undefined, so the app factory
//                 gives the app a fresh SQLite file.
//   distributed — MariaDB + Redis/Bull: when global-setup started the throwaway servers (it
//                 sets PUBSCORE_TEST_MYSQL_URL / PUBSCORE_TEST_REDIS_URL).
//
//   describe.each(testBackends('units'))('units ($label)', (backend) => {
//     beforeAll(async () => { app = await createTestApp(backend); });  // calls prepareBackend
//     afterAll(async () => { await app?.close(); });
//   });
//
// Each suite gets its own MariaDB database (t_<suite>_<pid>) and its own Bull key prefix, so
// suites never see each other's rows or queues, even when jest runs them in parallel.
import * as fs from 'node:fs';
import * as path from 'node:path';
import mysql from 'mysql2/promise';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../apps/api/src/config/app-config';
import { buildDataSourceOptions } from '../../apps/api/src/database/data-source-options';
import { withDatabaseFlavor } from '../../apps/api/src/database/database-flavor';
import { createDatabase } from '../setup/servers';
import { buildOnce, mysqlTemplateName, TEMPLATE_DIR_ENV } from '../setup/templates';

export interface TestBackend {
  name: 'embedded' | 'distributed';
  label: 'SQLite + inline' | 'MariaDB + Redis/Bull';
  /** mysql://user:pw@127.0.0.1:PORT/t_<suite>_<pid>; undefined = a fresh SQLite file. */
  databaseUrl?: string;
  /** The database name inside databaseUrl (distributed only). */
  databaseName?: string;
  /** redis://127.0.0.1:PORT (distributed only). */
  redisUrl?: string;
  /** Bull's `prefix` option for this suite (distributed only), e.g. `bull_units_1234`. */
  redisPrefix?: string;
}

/** [a-z0-9_] only, at most `max` characters. */
function sanitize(s: string, max: number): string {
  return s.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').slice(0, max) || 'x';
}

/**
 * The backends to run `suite` against: embedded always, distributed when the servers are up.
 * Synchronous (for describe.each); call prepareBackend before using a distributed one.
 * `suite` must be unique among the e2e files: it names the database and the Bull prefix.
 */
export function testBackends(suite: string): TestBackend[] {
  const backends: TestBackend[] = [{ name: 'embedded', label: 'SQLite + inline' }];
  const mysqlUrl = process.env.PUBSCORE_TEST_MYSQL_URL;
  const redisUrl = process.env.PUBSCORE_TEST_REDIS_URL;
  if (mysqlUrl && redisUrl) {
    const pid = String(process.pid);
    // t_ + suite + _ + pid ≤ 64 (MariaDB's limit for identifiers)
    const databaseName = `t_${sanitize(suite, 64 - 3 - pid.length)}_${pid}`;
    const base = new URL(mysqlUrl);
    base.pathname = `/${databaseName}`;
    backends.push({
      name: 'distributed',
      label: 'MariaDB + Redis/Bull',
      databaseUrl: base.toString(),
      databaseName,
      redisUrl,
      redisPrefix: `bull_${sanitize(suite, 80)}_${pid}`,
    });
  }
  return backends;
}

/** Creates the suite's MariaDB database (distributed; idempotent). Nothing to do for embedded. */
export async function prepareBackend(b: TestBackend): Promise<void> {
  if (b.name !== 'distributed' || !b.databaseUrl) return;
  const u = new URL(b.databaseUrl);
  const name = b.databaseName ?? decodeURIComponent(u.pathname.replace(/^\//, ''));
  u.pathname = '/';
  await createDatabase(u.toString(), name);
}

/** Runs every migration on `database` (a template being built). */
async function migrate(database: AppConfig['database']): Promise<void> {
  const ds = new DataSource({ ...buildDataSourceOptions(await withDatabaseFlavor({ database })), migrationsRun: false });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

/** The run's migrated SQLite file (test/setup/templates.ts), built on first use. */
async function sqliteTemplate(dir: string): Promise<string> {
  return buildOnce(path.join(dir, 'template.sqlite'), async () => {
    const building = path.join(dir, `building-${process.pid}.sqlite`);
    await migrate({ type: 'sqlite', file: building });
    // destroy() checkpointed the WAL into the file; rename makes it appear whole.
    for (const ext of ['-wal', '-shm']) fs.rmSync(building + ext, { force: true });
    fs.renameSync(building, path.join(dir, 'template.sqlite'));
  });
}

interface MysqlTemplate {
  database: string;
  /** `SHOW CREATE TABLE` of every table, foreign keys included. */
  creates: string[];
  /** Tables that hold rows after the migrations (copied with the schema). */
  tablesWithRows: string[];
}

/** The run's migrated MariaDB template database and its DDL, built on first use. */
async function mysqlTemplate(dir: string, serverUrl: string): Promise<MysqlTemplate> {
  const file = path.join(dir, 'mysql.json');
  await buildOnce(file, async () => {
    const database = mysqlTemplateName(dir);
    const conn = await mysql.createConnection(serverUrl);
    try {
      await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await createDatabase(serverUrl, database);
      const url = new URL(serverUrl);
      url.pathname = `/${database}`;
      await migrate({ type: 'mysql', url: url.toString() });
      const [objects] = await conn.query<mysql.RowDataPacket[]>(
        `SELECT TABLE_NAME AS name, TABLE_TYPE AS type FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME`, [database]);
      const [routines] = await conn.query<mysql.RowDataPacket[]>(
        `SELECT (SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?) + (SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?) AS n`, [database, database]);
      const other = objects.filter((o) => o.type !== 'BASE TABLE');
      // Copying views, triggers or routines needs more than SHOW CREATE TABLE: say so rather than drop them.
      if (other.length > 0 || Number(routines[0].n) > 0) throw new Error(`the MariaDB template copy handles tables only; found ${other.map((o) => o.name).join(', ')} and ${routines[0].n} trigger(s)/routine(s)`);
      const template: MysqlTemplate = { database, creates: [], tablesWithRows: [] };
      for (const { name } of objects) {
        const [[create]] = await conn.query<mysql.RowDataPacket[]>(`SHOW CREATE TABLE \`${database}\`.\`${name}\``);
        template.creates.push(create['Create Table'] as string);
        const [[count]] = await conn.query<mysql.RowDataPacket[]>(`SELECT COUNT(*) AS n FROM \`${database}\`.\`${name}\``);
        if (Number(count.n) > 0) template.tablesWithRows.push(name as string);
      }
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(template));
      fs.renameSync(`${file}.tmp`, file);
    } finally {
      await conn.end();
    }
  });
  return JSON.parse(fs.readFileSync(file, 'utf8')) as MysqlTemplate;
}

function sameServer(a: string, b: string): boolean {
  const [x, y] = [new URL(a), new URL(b)];
  return x.hostname === y.hostname && x.port === y.port;
}

/**
 * Gives an app about to start on `config` an empty, fully migrated database: a copy of the
 * run's template (SQLite: the file; MariaDB: the suite's database dropped and created from the
 * template database), so the app finds no migration pending. Without a template (no
 * globalSetup, or a MariaDB server of the suite's own) the database is only (re)created empty
 * and the app migrates it at start, as deployed.
 */
export async function freshDatabase(backend: TestBackend, config: Pick<AppConfig, 'database'>): Promise<void> {
  const dir = process.env[TEMPLATE_DIR_ENV];
  if (config.database.type === 'sqlite') {
    if (!dir || fs.existsSync(config.database.file)) return;
    fs.mkdirSync(path.dirname(config.database.file), { recursive: true });
    fs.copyFileSync(await sqliteTemplate(dir), config.database.file);
    return;
  }
  const url = new URL(config.database.url);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]{1,64}$/.test(name)) throw new Error(`invalid database name: ${name}`);
  url.pathname = '/';
  const server = url.toString();
  const shared = process.env.PUBSCORE_TEST_MYSQL_URL;
  const template = dir && shared && sameServer(shared, server) ? await mysqlTemplate(dir, server) : undefined;
  const conn = await mysql.createConnection({ uri: server, multipleStatements: true });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    if (!template) return;
    // One round trip; the foreign keys refer to tables created later in the list.
    await conn.query([
      `USE \`${name}\``,
      'SET FOREIGN_KEY_CHECKS = 0',
      ...template.creates,
      ...template.tablesWithRows.map((t) => `INSERT INTO \`${t}\` SELECT * FROM \`${template.database}\`.\`${t}\``),
      'SET FOREIGN_KEY_CHECKS = 1',
    ].join(';\n'));
  } finally {
    await conn.end();
  }
}

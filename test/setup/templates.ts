// Databases migrated once per test run and copied for every app or service module a suite
// starts (test/utils/backends.ts `freshDatabase`), instead of running every migration again:
//   SQLite   — <dir>/template.sqlite, copied to the app's DATA_DIR.
//   MariaDB  — database `tmpl_<run>` on the shared server; a suite's database is created from
//              the template's `SHOW CREATE TABLE` statements (foreign keys included, which
//              `CREATE TABLE … LIKE` would drop) plus the rows of the tables that have any
//              (the migrations table). In memory that takes ~30 ms against ~400 ms to migrate.
// globalSetup creates the run's directory and hands it over in PUBSCORE_TEST_TEMPLATE_DIR; the
// first suite that needs a template builds it under a lock (in a worker, where the app's
// modules resolve; globalSetup has no moduleNameMapper), the others wait for it.
//
// Only node built-ins here: global-setup loads this file in jest's parent process.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isAlive } from './servers';

export const TEMPLATE_DIR_ENV = 'PUBSCORE_TEST_TEMPLATE_DIR';

/** globalSetup: a fresh directory for this run's templates, named in the environment. */
export function createTemplateDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pubscore-templates-'));
  process.env[TEMPLATE_DIR_ENV] = dir;
  return dir;
}

/** The MariaDB template database of the run whose template directory is `dir`. */
export function mysqlTemplateName(dir: string): string {
  return `tmpl_${path.basename(dir).toLowerCase().replace(/[^a-z0-9]+/g, '_')}`.slice(0, 64);
}

/** globalTeardown: drops the MariaDB template (servers given from outside outlive the run) and removes the directory. */
export async function removeTemplates(mysqlUrl: string | undefined): Promise<void> {
  const dir = process.env[TEMPLATE_DIR_ENV];
  if (!dir) return;
  if (mysqlUrl && fs.existsSync(path.join(dir, 'mysql.json'))) {
    const mysql = await import('mysql2/promise');
    const conn = await mysql.createConnection(mysqlUrl);
    try {
      await conn.query(`DROP DATABASE IF EXISTS \`${mysqlTemplateName(dir)}\``);
    } finally {
      await conn.end();
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Returns `ready` once it exists, building it with `build` first if no other process is: the
 * builder holds `<ready>.lock` (a directory, created atomically, with its pid inside); the
 * others poll for `ready`, and take over a lock whose builder died.
 */
export async function buildOnce(ready: string, build: () => Promise<void>, timeoutMs = 120_000): Promise<string> {
  const lock = `${ready}.lock`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (fs.existsSync(ready)) return ready;
    try {
      fs.mkdirSync(lock);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(fs.readFileSync(path.join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      if (holder && !isAlive(holder)) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`template ${ready} not built within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    try {
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      if (!fs.existsSync(ready)) await build();
      return ready;
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}

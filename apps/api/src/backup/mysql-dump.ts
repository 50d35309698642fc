import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import mysql from 'mysql2/promise';
import { BackupError } from './backup-manifest';
import { FILE_KEY_COLUMNS, type DatabaseDump, type DumpContents } from './database-dump';

const DUMP_TOOLS = ['mariadb-dump', 'mysqldump'];
const CLIENT_TOOLS = ['mariadb', 'mysql'];

/**
 * MySQL 8 / MariaDB: `mysqldump --single-transaction` (one consistent InnoDB snapshot, no
 * locks held against the running servers), loaded back with the `mysql` client. The password
 * travels in a private option file, never on a command line other users could read.
 */
export class MysqlDump implements DatabaseDump {
  readonly type = 'mysql';
  readonly fileName = 'database.sql';
  private readonly database: string;

  constructor(private readonly url: string) {
    this.database = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
    if (!this.database) throw new BackupError('DATABASE_URL names no database (mysql://user:pass@host:3306/database)');
  }

  async dump(outFile: string): Promise<DumpContents> {
    const tmp = `${outFile}.partial`;
    await this.withOptionFile((options) => run(DUMP_TOOLS, [
      `--defaults-extra-file=${options}`, '--single-transaction', '--quick', '--complete-insert', '--routines', '--triggers',
      '--hex-blob', '--default-character-set=utf8mb4', '--no-tablespaces', `--result-file=${tmp}`, this.database,
    ]));
    const contents = await scanDump(tmp);
    await fs.rename(tmp, outFile);
    return contents;
  }

  async isEmpty(): Promise<boolean> {
    return this.withConnection(async (c) => (await tableNames(c)).length === 0, true);
  }

  async load(dumpFile: string): Promise<void> {
    await this.withConnection(async (c) => {
      await c.query('SET FOREIGN_KEY_CHECKS = 0');
      const [views] = await c.query("SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'VIEW'");
      for (const v of views as { name: string }[]) await c.query(`DROP VIEW ${quoteName(v.name)}`);
      for (const t of await tableNames(c)) await c.query(`DROP TABLE ${quoteName(t)}`);
    }, true);
    await this.withOptionFile((options) => run(CLIENT_TOOLS, [`--defaults-extra-file=${options}`, '--default-character-set=utf8mb4', this.database], dumpFile));
  }

  async counts(): Promise<Record<string, number>> {
    return this.withConnection(async (c) => {
      const counts: Record<string, number> = {};
      for (const t of await tableNames(c)) {
        const [rows] = await c.query(`SELECT COUNT(*) AS n FROM ${quoteName(t)}`);
        counts[t] = Number((rows as { n: number | string }[])[0].n);
      }
      return counts;
    });
  }

  /** `create`: make the database first when it does not exist yet (a restore onto a new server). */
  private async withConnection<T>(fn: (c: mysql.Connection) => Promise<T>, create = false): Promise<T> {
    if (create) {
      const server = new URL(this.url);
      server.pathname = '/';
      const c = await mysql.createConnection({ uri: server.toString() });
      try {
        await c.query(`CREATE DATABASE IF NOT EXISTS ${quoteName(this.database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      } catch {
        // No right to create databases: fine when it exists, and the connection below says so when not.
      } finally {
        await c.end();
      }
    }
    const c = await mysql.createConnection({ uri: this.url });
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  }

  private async withOptionFile<T>(fn: (file: string) => Promise<T>): Promise<T> {
    const u = new URL(this.url);
    const quote = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    const lines = ['[client]', `host=${quote(u.hostname.replace(/^\[|\]$/g, ''))}`, `port=${u.port || 3306}`, 'protocol=TCP', `user=${quote(decodeURIComponent(u.username))}`];
    if (u.password) lines.push(`password=${quote(decodeURIComponent(u.password))}`);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pubscore-backup-'));
    const file = path.join(dir, 'client.cnf');
    try {
      await fs.writeFile(file, `${lines.join('\n')}\n`, { mode: 0o600 });
      return await fn(file);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
}

async function tableNames(c: mysql.Connection): Promise<string[]> {
  const [rows] = await c.query("SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME");
  return (rows as { name: string }[]).map((r) => r.name);
}

const quoteName = (name: string) => `\`${name.replace(/`/g, '``')}\``;

/** Runs the first of `tools` installed; stdin from `input` when given. */
async function run(tools: string[], args: string[], input?: string): Promise<void> {
  for (const tool of tools) {
    const outcome = await new Promise<'missing' | { code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(tool, args, { stdio: [input ? 'pipe' : 'ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? resolve('missing') : reject(error)));
      child.on('close', (code) => resolve({ code, stderr }));
      if (input) createReadStream(input).on('error', reject).pipe(child.stdin!);
    });
    if (outcome === 'missing') continue;
    if (outcome.code !== 0) throw new BackupError(`${tool} failed (exit ${outcome.code}): ${outcome.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    return;
  }
  throw new BackupError(`none of ${tools.join(', ')} is installed (Debian/Ubuntu: apt-get install mariadb-client)`);
}

/**
 * Rows per table and the file keys, read from the dump itself (`--complete-insert` names the
 * columns of every INSERT). mysqldump escapes newlines inside strings, so a physical line break
 * only ever falls between tuples (MariaDB's dump puts each tuple of an INSERT on its own line).
 */
export async function scanDump(file: string): Promise<DumpContents> {
  const tables: Record<string, number> = {};
  const fileKeys = new Set<string>();
  let complete = false;
  let insert: { table: string; keyColumn: number } | null = null;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    let from = 0;
    if (!insert) {
      const created = /^CREATE TABLE `((?:[^`]|``)+)`/.exec(line);
      if (created) tables[created[1].replace(/``/g, '`')] ??= 0;
      if (line.startsWith('-- Dump completed')) complete = true;
      const head = /^INSERT INTO `((?:[^`]|``)+)` \(([^)]*)\) VALUES/.exec(line);
      if (!head) continue;
      const table = head[1].replace(/``/g, '`');
      const columns = head[2].split(',').map((c) => c.trim().replace(/^`|`$/g, ''));
      insert = { table, keyColumn: FILE_KEY_COLUMNS[table] ? columns.indexOf(FILE_KEY_COLUMNS[table]) : -1 };
      from = head[0].length;
    }
    tables[insert.table] = (tables[insert.table] ?? 0) + scanTuples(line, from, insert.keyColumn, (key) => fileKeys.add(key));
    if (line.endsWith(';')) insert = null;
  }
  if (!complete) throw new BackupError(`${file} is not a complete dump (no "-- Dump completed" line)`);
  return { tables, fileKeys };
}

const ESCAPES: Record<string, string> = { '0': '\0', n: '\n', r: '\r', t: '\t', Z: '\x1a', b: '\b' };

/** Counts the `(…),(…)` tuples of an INSERT from `start`; hands over field `keyColumn` of each. */
function scanTuples(line: string, start: number, keyColumn: number, onKey: (value: string) => void): number {
  let tuples = 0;
  let i = start;
  while (i < line.length) {
    if (line[i] !== '(') {
      i++;
      continue;
    }
    tuples++;
    i++;
    let field = 0;
    let value = '';
    let quoted = false;
    for (;;) {
      if (i >= line.length) throw new BackupError('the dump has a truncated INSERT line');
      const c = line[i];
      if (c === "'") {
        quoted = true;
        i++;
        while (line[i] !== "'" || line[i + 1] === "'") {
          if (i >= line.length) throw new BackupError('the dump has an unterminated string');
          if (line[i] === '\\') {
            value += ESCAPES[line[i + 1]] ?? line[i + 1];
            i += 2;
          } else if (line[i] === "'") {
            value += "'";
            i += 2;
          } else value += line[i++];
        }
        i++;
      } else if (c === ',' || c === ')') {
        if (field === keyColumn && quoted) onKey(value);
        field++;
        value = '';
        quoted = false;
        i++;
        if (c === ')') break;
      } else value += line[i++];
    }
  }
  return tuples;
}

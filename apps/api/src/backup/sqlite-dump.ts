import * as fs from 'node:fs/promises';
import { BackupError } from './backup-manifest';
import { FILE_KEY_COLUMNS, removeIfExists, type DatabaseDump, type DumpContents } from './database-dump';

interface Statement {
  all(...params: unknown[]): Record<string, unknown>[];
  get(...params: unknown[]): Record<string, unknown> | undefined;
}
interface Sqlite {
  backup(file: string, options?: { progress?: (p: { totalPages: number; remainingPages: number }) => number }): Promise<unknown>;
  prepare(sql: string): Statement;
  pragma(sql: string): unknown;
  close(): void;
}
type SqliteConstructor = new (file: string, options?: { readonly?: boolean; fileMustExist?: boolean }) => Sqlite;
// better-sqlite3 ships no types; the few calls used here are declared above.
const Database = require('better-sqlite3') as SqliteConstructor;

/** All remaining pages in one step: one read snapshot, never restarted by the server's writes. */
const ALL_PAGES = 0x7fffffff;

/**
 * The embedded database: SQLite's online backup API, which copies a consistent snapshot while
 * the server keeps writing (a plain copy of the file can miss the WAL or tear a page).
 */
export class SqliteDump implements DatabaseDump {
  readonly type = 'sqlite';
  readonly fileName = 'database.sqlite';

  constructor(private readonly file: string) {}

  async dump(outFile: string): Promise<DumpContents> {
    let source: Sqlite;
    try {
      source = new Database(this.file, { fileMustExist: true });
    } catch {
      throw new BackupError(`no SQLite database at ${this.file} (is DATA_DIR right?)`);
    }
    try {
      source.pragma('busy_timeout = 5000');
      await source.backup(outFile, { progress: () => ALL_PAGES });
    } finally {
      source.close();
    }
    const copy = new Database(outFile, { fileMustExist: true });
    try {
      // One self-contained file: no -wal beside it to lose.
      copy.pragma('journal_mode = DELETE');
      const check = copy.prepare('PRAGMA integrity_check').get();
      if (check?.integrity_check !== 'ok') throw new BackupError(`the SQLite copy fails its integrity check: ${JSON.stringify(check)}`);
      const tables = countTables(copy);
      const fileKeys = new Set<string>();
      for (const [table, column] of Object.entries(FILE_KEY_COLUMNS)) {
        if (!(table in tables)) continue;
        for (const row of copy.prepare(`SELECT DISTINCT "${column}" AS k FROM "${table}"`).all()) fileKeys.add(String(row.k));
      }
      return { tables, fileKeys };
    } finally {
      copy.close();
    }
  }

  async isEmpty(): Promise<boolean> {
    try {
      await fs.access(this.file);
    } catch {
      return true;
    }
    const db = new Database(this.file, { readonly: true, fileMustExist: true });
    try {
      return Object.keys(countTables(db)).length === 0;
    } finally {
      db.close();
    }
  }

  async load(dumpFile: string): Promise<void> {
    // The old WAL and shared-memory files belong to the old database: left there, SQLite would
    // replay them into the restored one.
    for (const suffix of ['', '-wal', '-shm', '-journal']) await removeIfExists(`${this.file}${suffix}`);
    const tmp = `${this.file}.restoring`;
    await fs.copyFile(dumpFile, tmp);
    await fs.rename(tmp, this.file);
  }

  async counts(): Promise<Record<string, number>> {
    const db = new Database(this.file, { readonly: true, fileMustExist: true });
    try {
      return countTables(db);
    } finally {
      db.close();
    }
  }
}

function countTables(db: Sqlite): Record<string, number> {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all().map((r) => String(r.name));
  return Object.fromEntries(names.map((name) => [name, Number(db.prepare(`SELECT COUNT(*) AS n FROM "${name.replace(/"/g, '""')}"`).get()!.n)]));
}

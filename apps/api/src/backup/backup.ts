import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { AppConfig } from '../config/app-config';
import { repoRoot } from '../config/paths';
import { systemNow } from '../common/clock';
import {
  BackupError, checkBackup, copyFile, FILES_DIR, fileDigest, MANIFEST_FILE, readManifest, SECRET_FILE, sha256, storeFileNames,
  type BackupManifest, type StoredFile,
} from './backup-manifest';
import { removeIfExists, type DatabaseDump } from './database-dump';
import { MysqlDump } from './mysql-dump';
import { SqliteDump } from './sqlite-dump';

export function databaseDump(config: Pick<AppConfig, 'database'>): DatabaseDump {
  return config.database.type === 'sqlite' ? new SqliteDump(config.database.file) : new MysqlDump(config.database.url);
}

const storeDir = (config: Pick<AppConfig, 'dataDir'>) => path.join(config.dataDir, 'files');

/** A snapshot whose rows name files that were deleted before they could be copied is retaken. */
const ATTEMPTS = 3;

/**
 * Writes a backup of the deployment into `outDir` (new or empty) while it keeps running: the
 * database dump, every stored file, the session secret and, last, manifest.json.
 *
 * Files are copied before and after the database snapshot. A row in the snapshot was written
 * after its file (uploads store the file first), so its file is in one of the two passes unless
 * it was deleted in between, which the check against the snapshot's file keys catches: the
 * snapshot is then taken again.
 */
export async function createBackup(config: AppConfig, outDir: string): Promise<BackupManifest> {
  await prepareOutDir(outDir);
  await fs.mkdir(path.join(outDir, FILES_DIR));
  const db = databaseDump(config);
  const copied = new Map<string, StoredFile>();
  const copyNewFiles = async () => {
    for (const name of await storeFileNames(storeDir(config))) {
      if (copied.has(name)) continue;
      try {
        copied.set(name, await copyFile(path.join(storeDir(config), name), path.join(outDir, FILES_DIR, name)));
      } catch (error) {
        // Deleted since the listing: only a row of the snapshot could still need it (checked below).
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  };

  await copyNewFiles();
  const dumpFile = path.join(outDir, db.fileName);
  let tables: Record<string, number> = {};
  for (let attempt = 1; ; attempt++) {
    await removeIfExists(dumpFile);
    const contents = await db.dump(dumpFile);
    await copyNewFiles();
    const missing = [...contents.fileKeys].filter((key) => !copied.has(key));
    tables = contents.tables;
    if (!missing.length) break;
    if (attempt === ATTEMPTS) throw new BackupError(`the database refers to files that are not in DATA_DIR/files: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ' …' : ''}`);
  }

  const secret = Buffer.from(config.session.secret);
  await fs.writeFile(path.join(outDir, SECRET_FILE), secret, { mode: 0o600 });
  const dumped = (await fileDigest(dumpFile))!;
  const manifest: BackupManifest = {
    format: 'pubscore-backup',
    formatVersion: 1,
    appVersion: await appVersion(),
    createdAt: systemNow().toISOString(),
    database: { type: db.type, file: db.fileName, size: dumped.size, sha256: dumped.sha256, tables },
    sessionSecret: { file: SECRET_FILE, sha256: sha256(secret) },
    files: [...copied.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
  const tmp = path.join(outDir, `${MANIFEST_FILE}.tmp`);
  await fs.writeFile(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
  await fs.rename(tmp, path.join(outDir, MANIFEST_FILE));
  return manifest;
}

export interface RestoreOptions {
  /** replace a database and files that are already there */
  force?: boolean;
}

/**
 * Brings the backup in `dir` back into the configured deployment (stopped, or new): checks every
 * checksum first, refuses a target that already holds data unless `force`, then loads the
 * database, the files and the session secret, and checks the result against the manifest.
 */
export async function restoreBackup(config: AppConfig, dir: string, options: RestoreOptions = {}): Promise<BackupManifest> {
  const manifest = await readManifest(dir);
  const problems = await checkBackup(dir, manifest);
  if (problems.length) throw new BackupError(`the backup in ${dir} is damaged: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ' …' : ''}`);
  const db = databaseDump(config);
  if (manifest.database.type !== db.type) {
    throw new BackupError(`the backup holds a ${manifest.database.type} database but this deployment uses ${db.type} (DATABASE_URL)`);
  }
  const present = await storeFileNames(storeDir(config));
  if (!options.force && (!(await db.isEmpty()) || present.length)) {
    throw new BackupError('the target already holds data (database tables or DATA_DIR/files); restore with --force to replace it');
  }

  await db.load(path.join(dir, manifest.database.file));
  await fs.mkdir(storeDir(config), { recursive: true });
  const wanted = new Set(manifest.files.map((f) => f.name));
  for (const name of present) if (!wanted.has(name)) await fs.rm(path.join(storeDir(config), name), { force: true });
  for (const f of manifest.files) await copyFile(path.join(dir, FILES_DIR, f.name), path.join(storeDir(config), f.name));
  await fs.writeFile(path.join(config.dataDir, SECRET_FILE), await fs.readFile(path.join(dir, manifest.sessionSecret.file)), { mode: 0o600 });

  const mismatches = await compareWithManifest(config, manifest);
  if (mismatches.length) throw new BackupError(`the restored deployment differs from the backup: ${mismatches.slice(0, 5).join('; ')}`);
  return manifest;
}

/** Differences between the deployment now and a manifest: rows per table, and the stored files. */
export async function compareWithManifest(config: AppConfig, manifest: BackupManifest): Promise<string[]> {
  const out: string[] = [];
  const counts = await databaseDump(config).counts();
  for (const table of new Set([...Object.keys(counts), ...Object.keys(manifest.database.tables)])) {
    if (counts[table] !== manifest.database.tables[table]) out.push(`table ${table}: ${counts[table] ?? 'missing'} rows, backup ${manifest.database.tables[table] ?? 'missing'}`);
  }
  const names = await storeFileNames(storeDir(config));
  const expected = new Map(manifest.files.map((f) => [f.name, f.sha256]));
  for (const name of names) {
    const digest = await fileDigest(path.join(storeDir(config), name));
    if (!expected.has(name)) out.push(`file ${name} is not in the backup`);
    else if (digest?.sha256 !== expected.get(name)) out.push(`file ${name} differs from the backup`);
  }
  for (const name of expected.keys()) if (!names.includes(name)) out.push(`file ${name} is missing`);
  return out;
}

/** A new or empty folder, readable by its owner only: a backup holds password hashes and the session secret. */
async function prepareOutDir(outDir: string) {
  try {
    if ((await fs.readdir(outDir)).length) throw new BackupError(`${outDir} is not empty: give a new folder for each backup`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await fs.mkdir(outDir, { recursive: true });
  }
  await fs.chmod(outDir, 0o700);
}

async function appVersion(): Promise<string> {
  return (JSON.parse(await fs.readFile(path.join(repoRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

export const MANIFEST_FILE = 'manifest.json';
export const SECRET_FILE = 'session.secret';
export const FILES_DIR = 'files';

/** What a backup folder holds; written last, so a folder without it is an unfinished backup. */
export interface BackupManifest {
  format: 'pubscore-backup';
  formatVersion: 1;
  appVersion: string;
  /** UTC, ISO 8601 */
  createdAt: string;
  database: {
    type: 'sqlite' | 'mysql';
    /** the dump's file name inside the backup folder */
    file: string;
    size: number;
    sha256: string;
    /** rows per table in the dump */
    tables: Record<string, number>;
  };
  sessionSecret: { file: string; sha256: string };
  /** DATA_DIR/files: evidence, rendered notices, uploaded spreadsheets and import reports */
  files: StoredFile[];
}

export interface StoredFile {
  name: string;
  size: number;
  sha256: string;
}

/** Something an operator must fix (shown as one line by the command, without a stack). */
export class BackupError extends Error {}

/** FileStore's names (sha256.ext); its temporary and set-aside files never match. */
const STORE_NAME = /^[a-f0-9]{64}\.[a-z0-9]{1,8}$/;

export const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** The finished files of a FileStore folder, sorted; none when the folder does not exist. */
export async function storeFileNames(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).filter((name) => STORE_NAME.test(name)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Copies one file (write, then rename: never half a file under the final name) and describes it. */
export async function copyFile(from: string, to: string): Promise<StoredFile> {
  const content = await fs.readFile(from);
  const tmp = `${to}.${process.pid}.tmp`;
  await fs.writeFile(tmp, content);
  await fs.rename(tmp, to);
  return { name: path.basename(to), size: content.length, sha256: sha256(content) };
}

/** Size and checksum of a file, or null when it is missing. */
export async function fileDigest(file: string): Promise<{ size: number; sha256: string } | null> {
  try {
    const content = await fs.readFile(file);
    return { size: content.length, sha256: sha256(content) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Problems that make the backup in `dir` unusable: missing or changed files, a foreign manifest. */
export async function checkBackup(dir: string, manifest: BackupManifest): Promise<string[]> {
  const problems: string[] = [];
  const expect = async (rel: string, want: { sha256: string; size?: number }) => {
    const got = await fileDigest(path.join(dir, rel));
    if (!got) problems.push(`${rel} is missing`);
    else if (got.sha256 !== want.sha256 || (want.size !== undefined && got.size !== want.size)) problems.push(`${rel} does not match its checksum`);
  };
  await expect(manifest.database.file, manifest.database);
  await expect(manifest.sessionSecret.file, manifest.sessionSecret);
  for (const f of manifest.files) await expect(path.join(FILES_DIR, f.name), f);
  return problems;
}

/** Reads and sanity-checks manifest.json of a backup folder. */
export async function readManifest(dir: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new BackupError(`${dir} holds no ${MANIFEST_FILE}: not a pubscore backup, or an unfinished one`);
  }
  const manifest = JSON.parse(text) as BackupManifest;
  if (manifest.format !== 'pubscore-backup' || manifest.formatVersion !== 1) throw new BackupError(`${dir}/${MANIFEST_FILE} is not a pubscore backup manifest (format 1)`);
  const safe = (name: string) => name === path.basename(name) && name !== '..' && name !== '.';
  if (![manifest.database.file, manifest.sessionSecret.file, ...manifest.files.map((f) => f.name)].every(safe)) {
    throw new BackupError(`${dir}/${MANIFEST_FILE} names a file outside the backup folder`);
  }
  return manifest;
}

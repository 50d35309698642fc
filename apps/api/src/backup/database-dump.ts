import * as fs from 'node:fs/promises';

/** What a dump holds, read from the dump itself (not from the live database, which moves on). */
export interface DumpContents {
  /** rows per table */
  tables: Record<string, number>;
  /** FileStore keys the dumped rows refer to (evidence, rendered notices) */
  fileKeys: Set<string>;
}

/** One backend's way to dump, load and count: SQLite's online backup, or mysqldump. */
export interface DatabaseDump {
  readonly type: 'sqlite' | 'mysql';
  /** the dump's file name inside a backup folder */
  readonly fileName: string;
  dump(outFile: string): Promise<DumpContents>;
  /** true when the target database holds no table yet */
  isEmpty(): Promise<boolean>;
  /** Replaces the target database by the dump (the caller has checked emptiness or --force). */
  load(dumpFile: string): Promise<void>;
  /** rows per table of the target database */
  counts(): Promise<Record<string, number>>;
}

/** The tables whose rows name FileStore files, and the column that does. */
export const FILE_KEY_COLUMNS: Record<string, string> = { evidence_files: 'fileKey', notice_documents: 'fileKey' };

export async function removeIfExists(file: string): Promise<void> {
  await fs.rm(file, { force: true });
}

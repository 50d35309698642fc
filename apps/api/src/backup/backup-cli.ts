/**
 * `npm run backup -- --out DIR`: a consistent backup of the configured deployment (database,
 * stored files, session secret, manifest.json), taken while the server runs. Settings come from
 * the environment, as for `npm start`.
 */
import * as path from 'node:path';
import { ConfigError, loadConfig } from '../config/app-config';
import { createBackup } from './backup';
import { BackupError } from './backup-manifest';

async function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  const out = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith('--out='))?.slice('--out='.length);
  if (!out) {
    console.error('usage: npm run backup -- --out DIR   (DIR: a new or empty folder)');
    process.exit(2);
  }
  const dir = path.resolve(out);
  const manifest = await createBackup(loadConfig(), dir);
  const rows = Object.values(manifest.database.tables).reduce((a, b) => a + b, 0);
  const bytes = manifest.files.reduce((a, f) => a + f.size, 0);
  console.log(`backup written to ${dir}: ${manifest.database.type} database (${Object.keys(manifest.database.tables).length} tables, ${rows} rows), ${manifest.files.length} files (${(bytes / 1024 / 1024).toFixed(1)} MB), session secret`);
}

main().catch((error) => {
  console.error(`backup failed: ${error instanceof BackupError || error instanceof ConfigError ? error.message : (error as Error).stack}`);
  process.exit(1);
});

/**
 * `npm run restore -- DIR [--force]`: brings a backup made by `npm run backup` back into the
 * configured deployment (stop the servers first). Refuses a target that already holds data
 * unless --force, and a backup whose files do not match their checksums.
 */
import * as path from 'node:path';
import { ConfigError, loadConfig } from '../config/app-config';
import { restoreBackup } from './backup';
import { BackupError } from './backup-manifest';

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const dirs = args.filter((a) => !a.startsWith('--'));
  if (dirs.length !== 1) {
    console.error('usage: npm run restore -- DIR [--force]');
    process.exit(2);
  }
  const dir = path.resolve(dirs[0]);
  const manifest = await restoreBackup(loadConfig(), dir, { force });
  const rows = Object.values(manifest.database.tables).reduce((a, b) => a + b, 0);
  console.log(`restored the backup of ${manifest.createdAt} (pubscore ${manifest.appVersion}): ${rows} rows in ${Object.keys(manifest.database.tables).length} tables and ${manifest.files.length} files, checked against the manifest. Start the server: pending migrations run at boot.`);
}

main().catch((error) => {
  console.error(`restore failed: ${error instanceof BackupError || error instanceof ConfigError ? error.message : (error as Error).stack}`);
  process.exit(1);
});

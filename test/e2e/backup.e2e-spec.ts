// Backup and restore (issue #11): a backup taken while writes keep arriving through the API
// restores to exactly what its manifest says (rows per table, stored files), every restored
// evidence row finds its file, and the restored deployment boots and serves logins (with the
// old session secret, so sessions survive). A plain copy of a running SQLite file is what lost
// rows in the probe; this goes through SQLite's online backup API and mysqldump.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { createBackup, compareWithManifest, restoreBackup } from '../../apps/api/src/backup/backup';
import { readManifest, type BackupManifest } from '../../apps/api/src/backup/backup-manifest';
import { createHttpApp } from '../../apps/api/src/bootstrap';
import { parseConfig, type AppConfig } from '../../apps/api/src/config/app-config';
import { InlineJobDriver } from '../../apps/api/src/jobs/inline-job.driver';
import { testBackends } from '../utils/backends';
import { createDraftPlacement } from '../utils/recording';
import { bearer, createTestApp, DEMO_PASSWORD, type TestApp } from '../utils/app';

const png = (n: number) => {
  const body = Buffer.alloc(64);
  body.writeUInt32BE(n, 0);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), body]);
};

describe.each(testBackends('backup'))('backup and restore ($label)', (backend) => {
  let t: TestApp;
  let officer: string;
  let outletId: number;
  const scratch: string[] = [];
  const tmpDir = (label: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pubscore-${label}-`));
    scratch.push(dir);
    return dir;
  };

  /**
   * The settings of a second deployment on the same backend: a new DATA_DIR and, distributed, a
   * new database and queue prefix. Parse them again after a restore, as a new process would:
   * the session secret is read from DATA_DIR at parse time.
   */
  function targetEnv(suffix: string): Record<string, string | undefined> {
    const databaseUrl = backend.databaseUrl ? Object.assign(new URL(backend.databaseUrl), { pathname: `/${backend.databaseName}_${suffix}` }).toString() : undefined;
    return {
      DATA_DIR: tmpDir(`restore-${suffix}`),
      DATABASE_URL: databaseUrl,
      REDIS_URL: backend.redisUrl,
      QUEUE_PREFIX: backend.redisPrefix ? `${backend.redisPrefix}_${suffix}` : undefined,
      LOG_LEVEL: 'silent',
      DEMO_RECORDS: 'false',
    };
  }

  beforeAll(async () => {
    t = await createTestApp(backend);
    officer = await t.login('officer');
    outletId = (await t.http().get('/api/outlets?pageSize=1').set(bearer(officer))).body.items[0].id;
  });
  afterAll(async () => {
    await t?.close();
    for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
  });

  const draftPlacement = (title: string) => createDraftPlacement(t, officer, outletId, title);

  /**
   * Writes through the API until stopped: an article, an evidence file (new content each time)
   * and, every third round, the deletion of an earlier evidence file. `warm` settles after a
   * few rounds, so the backup starts with writes already under way.
   */
  function writeLoop(placementId: number) {
    let stop = false;
    let rounds = 0;
    let warmed: () => void = () => undefined;
    const warm = new Promise<void>((resolve) => (warmed = resolve));
    const uploaded: number[] = [];
    const done = (async () => {
      while (!stop) {
        rounds++;
        expect((await t.http().post('/api/articles').set(bearer(officer)).send({ title: `备份期间写入的稿件 ${rounds}` })).status).toBe(201);
        const evidence = await t.http().post(`/api/placements/${placementId}/evidence`).set(bearer(officer)).attach('file', png(rounds), `剪报${rounds}.png`);
        expect(evidence.status).toBe(201);
        uploaded.push(evidence.body.id);
        if (rounds % 3 === 0) expect((await t.http().delete(`/api/evidence/${uploaded.shift()}`).set(bearer(officer))).status).toBe(204);
        if (rounds === 5) warmed();
      }
      return rounds;
    })();
    done.catch(() => warmed());
    return { warm, stop: () => (stop = true), done };
  }

  async function bootAndLogin(config: AppConfig, oldToken: string) {
    const { app } = await createHttpApp(config, { bufferLogs: false });
    try {
      const http = () => request(app.getHttpServer());
      const login = await http().post('/api/auth/login').send({ username: 'office', password: DEMO_PASSWORD });
      expect(login.status).toBe(200);
      // The session secret came back too: a token issued before the backup still works.
      expect((await http().get('/api/auth/me').set(bearer(oldToken))).status).toBe(200);
      const ds = app.get(DataSource);
      // Every evidence row finds its file.
      const evidence: { id: number }[] = await ds.query('SELECT id FROM evidence_files');
      expect(evidence.length).toBeGreaterThan(0);
      for (const { id } of evidence) expect((await http().get(`/api/evidence/${id}`).set(bearer(login.body.token))).status).toBe(200);
    } finally {
      if (config.queue.mode === 'inline') await app.get(InlineJobDriver).drain();
      await app.close();
    }
  }

  let backupDir: string;
  let manifest: BackupManifest;

  it('takes a backup while writes are running, and restores it to exactly what the manifest says', async () => {
    const placementId = await draftPlacement('备份测试的录用记录');
    const articlesBefore = (await t.http().get('/api/articles?pageSize=1').set(bearer(officer))).body.total as number;
    const writes = writeLoop(placementId);
    await writes.warm;
    backupDir = path.join(tmpDir('backup'), 'pubscore-backup');
    try {
      manifest = await createBackup(t.config, backupDir);
    } finally {
      writes.stop();
    }
    const rounds = await writes.done;

    expect(manifest.database.type).toBe(backend.name === 'embedded' ? 'sqlite' : 'mysql');
    // The backup holds the rounds written before it, not necessarily the ones after.
    expect(manifest.database.tables.articles).toBeGreaterThanOrEqual(articlesBefore + 5);
    expect(manifest.database.tables.articles).toBeLessThanOrEqual(articlesBefore + rounds);
    expect(manifest.database.tables.evidence_files).toBeGreaterThan(0);
    expect(manifest.files.length).toBeGreaterThanOrEqual(manifest.database.tables.evidence_files);
    expect(await readManifest(backupDir)).toEqual(manifest);

    const env = targetEnv('restored');
    const target = parseConfig(env);
    await restoreBackup(target, backupDir);
    // Compared again here, independently of the check restore itself makes.
    expect(await compareWithManifest(target, manifest)).toEqual([]);
    expect(fs.readFileSync(path.join(target.dataDir, 'session.secret'), 'utf8')).toBe(t.config.session.secret);
    await bootAndLogin(parseConfig(env), officer);
  });

  it('refuses to restore over data unless forced, and then leaves exactly the backup', async () => {
    const target = parseConfig(targetEnv('forced'));
    await restoreBackup(target, backupDir);
    fs.writeFileSync(path.join(target.dataDir, 'files', `${'a'.repeat(64)}.png`), png(999_999));
    await expect(restoreBackup(target, backupDir)).rejects.toThrow(/already holds data.*--force/);
    await restoreBackup(target, backupDir, { force: true });
    expect(await compareWithManifest(target, manifest)).toEqual([]);
  });

  it('refuses a damaged backup and a folder without a manifest', async () => {
    const damaged = path.join(tmpDir('damaged'), 'copy');
    fs.cpSync(backupDir, damaged, { recursive: true });
    const victim = path.join(damaged, 'files', manifest.files[0].name);
    fs.writeFileSync(victim, Buffer.concat([fs.readFileSync(victim), Buffer.from('x')]));
    const target = parseConfig(targetEnv('damaged'));
    await expect(restoreBackup(target, damaged)).rejects.toThrow(/damaged.*does not match its checksum/);
    fs.rmSync(path.join(damaged, 'manifest.json'));
    await expect(restoreBackup(target, damaged)).rejects.toThrow(/no manifest\.json/);
    // Nothing was written into the target.
    expect(fs.existsSync(path.join(target.dataDir, 'files'))).toBe(false);
  });

  it('refuses to write a backup into a folder that is not empty', async () => {
    await expect(createBackup(t.config, backupDir)).rejects.toThrow(/not empty/);
  });
});

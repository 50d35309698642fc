// Issue #11, defect 4: faults outside the request are answered plainly, not with a 500 — a
// stored file that is gone (deleted by hand, not restored from a backup) is a 410 with a
// Chinese message, and a database that cannot be reached (restarting, locked) is a 503 that
// tells the user to retry.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { startMariaDb, stopServer, type RunningServer } from '../setup/servers';
import { testBackends } from '../utils/backends';
import { noonOf } from '../utils/clock';
import { bearer, createTestApp, type TestApp } from '../utils/app';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 2)]);

describe.each(testBackends('faults-files'))('a stored file that went missing ($label)', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 410 file_missing for evidence whose file is gone, and the entry stays readable', async () => {
    const officer = await t.login('officer');
    const office = await t.login('office');
    const article = (await t.clock.during(noonOf('2023-08-01'), () => t.http().post('/api/articles').set(bearer(officer)).send({ title: '缺失文件', submittedAt: '2023-08-01' }))).body;
    const outlet = (await t.http().get('/api/outlets?pageSize=1').set(bearer(office))).body.items[0];
    const placement = (await t.http().post(`/api/articles/${article.id}/placements`).set(bearer(officer)).send({ outletId: outlet.id, publishedAt: '2023-08-02' })).body;
    const evidence = await t.http().post(`/api/placements/${placement.id}/evidence`).set(bearer(officer)).attach('file', PNG, 'clip.png');
    expect(evidence.status).toBe(201);
    expect((await t.http().get(`/api/evidence/${evidence.body.id}`).set(bearer(officer))).status).toBe(200);

    const dir = path.join(t.dataDir, 'files');
    for (const name of fs.readdirSync(dir)) fs.rmSync(path.join(dir, name));
    const gone = await t.http().get(`/api/evidence/${evidence.body.id}`).set(bearer(officer));
    expect(gone.status).toBe(410);
    expect(gone.body).toMatchObject({ code: 'file_missing' });
    expect(gone.body.message).toMatch(/文件已不存在/);
    expect((await t.http().get(`/api/articles/${article.id}`).set(bearer(officer))).status).toBe(200);
  });
});

describe.each(testBackends('faults-sqlite').filter((b) => b.name === 'embedded'))('the SQLite database locked by another process ($label)', (backend) => {
  let t: TestApp;
  let other: DataSource | undefined;

  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => {
    await other?.destroy();
    await t?.close();
  });

  it('answers a write 503 database_unavailable while the lock lasts, and 201 after', async () => {
    const office = await t.login('office');
    // Another process holding the write lock (a backup, a maintenance script).
    other = await new DataSource({ type: 'better-sqlite3', database: path.join(t.dataDir, 'pubscore.sqlite') }).initialize();
    await other.query('BEGIN EXCLUSIVE');
    // The app waits its busy_timeout (5 s) for the lock, then gives up.
    const refused = await t.http().post('/api/ranking-groups').set(bearer(office)).send({ code: 'LOCKED', name: '锁定时' });
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: 'database_unavailable' });
    expect(refused.body.message).toMatch(/数据库/);
    await other.query('ROLLBACK');
    expect((await t.http().post('/api/ranking-groups').set(bearer(office)).send({ code: 'LOCKED', name: '锁定时' })).status).toBe(201);
  }, 30_000);
});

describe.each(testBackends('faults-mariadb').filter((b) => b.name === 'distributed'))('MariaDB going away ($label)', (backend) => {
  let t: TestApp;
  let server: RunningServer | undefined;

  beforeAll(async () => {
    // A server of its own, since this test stops it (the shared one serves the other suites).
    server = await startMariaDb({ inMemory: true });
    t = await createTestApp({ ...backend, databaseUrl: `${server.url}/t_faults`, databaseName: 't_faults', redisUrl: undefined, redisPrefix: undefined });
  }, 60_000);
  afterAll(async () => {
    await t?.close().catch(() => undefined);
    if (server) await stopServer(server);
  });

  it('answers 503 database_unavailable while the server is down, for reads and writes', async () => {
    const office = await t.login('office');
    expect((await t.http().get('/api/units').set(bearer(office))).status).toBe(200);
    await stopServer(server!);
    server = undefined;
    for (const res of [
      await t.http().get('/api/units').set(bearer(office)),
      await t.http().post('/api/ranking-groups').set(bearer(office)).send({ code: 'DOWN', name: '停机时' }),
      await t.http().post('/api/auth/login').send({ username: 'office', password: 'whatever-it-is' }),
    ]) {
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: 'database_unavailable' });
    }
  }, 60_000);
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../apps/api/src/database/data-source-options';
import { withDatabaseFlavor } from '../../apps/api/src/database/database-flavor';
import { freePort } from '../setup/servers';
import { insertVerifiedPlacements } from '../utils/bulk-records';
import { prepareBackend, testBackends } from '../utils/backends';
import { bearer, createTestApp, DEMO_PASSWORD, type TestApp } from '../utils/app';
import { startRedisOn, startServerProcess, waitFor, type Proc } from '../utils/processes';

const Q = '2023-Q2';

/**
 * Kill the worker in the middle of a publication and start it again: one snapshot results,
 * identical to an uninterrupted run. Embedded: the one process is the worker (killed -9 and
 * restarted; unfinished jobs resume at start). Distributed: an API process and a worker
 * process on Bull; the new worker takes the job over once the dead one's lock expires.
 */
describe.each(testBackends('reliability'))('killing the worker mid-publication ($label)', (backend) => {
  const procs: Proc[] = [];
  let dataDir: string;
  let env: Record<string, string>;
  let api: string;
  let ds: DataSource;

  beforeAll(async () => {
    await prepareBackend(backend);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pubscore-rel-'));
    const port = await freePort();
    api = `http://127.0.0.1:${port}`;
    env = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, JOB_LOCK_MS: '3000' };
    if (backend.databaseUrl) {
      const mysql = await import('mysql2/promise');
      const url = new URL(backend.databaseUrl);
      const name = url.pathname.slice(1);
      url.pathname = '/';
      const conn = await mysql.createConnection(url.toString());
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await conn.end();
      Object.assign(env, { DATABASE_URL: backend.databaseUrl, REDIS_URL: backend.redisUrl!, QUEUE_PREFIX: `${backend.redisPrefix}_rel` });
    }
    procs.push(startServerProcess({ ...env, ...(backend.name === 'distributed' ? { APP_ROLE: 'api' } : {}) }));
    await waitFor(async () => (await request(api).get('/api/health')).status === 200, 60_000, 'server health');
    const database = backend.databaseUrl ? { type: 'mysql' as const, url: backend.databaseUrl } : { type: 'sqlite' as const, file: path.join(dataDir, 'pubscore.sqlite') };
    ds = new DataSource({ ...buildDataSourceOptions(await withDatabaseFlavor({ database })), migrationsRun: false });
    await ds.initialize();
    await insertVerifiedPlacements(ds, { officeId: 1, quarterStart: '2023-04-01', articles: 12_000, placementsPerArticle: 3 });
  });
  afterAll(async () => {
    for (const p of procs) await p.kill();
    await ds?.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes with one snapshot whose content equals an uninterrupted run', async () => {
    const token = (await request(api).post('/api/auth/login').send({ username: 'office', password: DEMO_PASSWORD })).body.token as string;
    expect((await request(api).post(`/api/quarters/${Q}/close`).set(bearer(token)).send({})).status).toBe(200);
    let worker = backend.name === 'distributed' ? startServerProcess({ ...env, APP_ROLE: 'worker' }) : procs[0];
    if (worker !== procs[0]) procs.push(worker);
    const job = (await request(api).post(`/api/quarters/${Q}/publish`).set(bearer(token)).send({})).body;
    const status = async () => (await ds.query('SELECT status, progress FROM jobs WHERE id = ?', [job.id]))[0] as { status: string; progress: number };
    await waitFor(async () => (await status()).status === 'running', 60_000, 'the publication to start');
    await worker.kill('SIGKILL');
    expect((await status()).status).not.toBe('done');
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM ranking_snapshots'))[0].n)).toBe(0);

    worker = startServerProcess({ ...env, ...(backend.name === 'distributed' ? { APP_ROLE: 'worker' } : {}) });
    procs.push(worker);
    await waitFor(async () => (await status()).status === 'done', 120_000, 'the publication to finish after the restart');
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM ranking_snapshots'))[0].n)).toBe(1);
    const first = (await ds.query('SELECT contentHash FROM ranking_snapshots WHERE revision = 1'))[0].contentHash;

    // The same quarter published again without interruption: same content, same hash.
    await waitFor(async () => (await request(api).get('/api/health')).status === 200, 60_000, 'server health after restart');
    const again = (await request(api).post(`/api/quarters/${Q}/publish`).set(bearer(token)).send({ reason: '对照' })).body;
    await waitFor(async () => (await ds.query('SELECT status FROM jobs WHERE id = ?', [again.id]))[0].status === 'done', 120_000, 'the second publication');
    const second = (await ds.query('SELECT contentHash FROM ranking_snapshots WHERE revision = 2'))[0].contentHash;
    expect(second).toBe(first);
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM snapshot_lines'))[0].n)).toBeGreaterThan(2 * 12_000);
  });
});

/** Redis stops: queue actions answer 503 and reads keep working; when it is back, nothing is lost. */
describe.each(testBackends('redis-outage').filter((b) => b.name === 'distributed'))('Redis outage ($label)', (backend) => {
  let t: TestApp;
  let redis: Awaited<ReturnType<typeof startRedisOn>>;
  let office: string;

  beforeAll(async () => {
    redis = await startRedisOn();
    t = await createTestApp({ ...backend, redisUrl: redis.url });
    office = await t.login('office');
  });
  afterAll(async () => {
    await t?.close().catch(() => undefined);
    await redis?.kill();
  });

  it('answers 503 for queue actions while Redis is down, keeps serving reads, and loses nothing', async () => {
    expect((await t.http().post(`/api/quarters/${Q}/close`).set(bearer(office)).send({})).status).toBe(200);
    await redis.kill();
    await waitFor(async () => (await t.http().get('/api/health')).status === 503, 15_000, 'health to report the queue down');
    expect((await t.http().get('/api/health')).body).toMatchObject({ database: 'up', queue: { mode: 'bull', status: 'down' } });
    const refused = await t.http().post(`/api/quarters/${Q}/publish`).set(bearer(office)).send({});
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('queue_unavailable');
    expect((await t.http().get('/api/units').set(bearer(office))).status).toBe(200);
    expect(Number((await t.app.get(DataSource).query("SELECT COUNT(*) AS n FROM jobs WHERE name = 'quarters.publish'"))[0].n)).toBe(0);

    // Back on the same port (empty: no persistence). A publication queued now, with Redis
    // killed again at once, is still finished once Redis returns: the database remembers it.
    redis = await startRedisOn(redis.port);
    await waitFor(async () => (await t.http().get('/api/health')).status === 200, 20_000, 'health to recover');
    const job = (await t.http().post(`/api/quarters/${Q}/publish`).set(bearer(office)).send({})).body;
    await redis.kill();
    redis = await startRedisOn(redis.port);
    const done = await t.waitForJob(office, job.id, 60_000);
    expect(done.status).toBe('done');
    expect(Number((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM ranking_snapshots'))[0].n)).toBe(1);
  });
});

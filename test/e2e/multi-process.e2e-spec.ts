// Several API processes and workers (issue #15, Scale): two API processes and two workers,
// each a real child process, on one MariaDB database and one Redis, as behind a load balancer.
// Whatever a user does through one API process is seen through the other at once: sessions,
// login throttling (per username + address, and the per-address cap), jobs and their
// progress, cached rankings and notifications. Distributed mode only: with SQLite and the
// in-process runner there is one process.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../apps/api/src/database/data-source-options';
import { withDatabaseFlavor } from '../../apps/api/src/database/database-flavor';
import { freePort } from '../setup/servers';
import { createFactories } from '../factories';
import { bearer, DEMO_PASSWORD } from '../utils/app';
import { prepareBackend, testBackends } from '../utils/backends';
import { startServerProcess, waitFor, type Proc } from '../utils/processes';

/** The quarter whose ranking is read and changed; PUBLISHED is published by a worker. */
const Q = '2024-Q3';
const PUBLISHED = '2024-Q1';

describe.each(testBackends('multi_process').filter((b) => b.name === 'distributed'))('two API processes and two workers ($label)', (backend) => {
  const procs: Proc[] = [];
  let dataDir: string;
  let ds: DataSource;
  let api1: string;
  let api2: string;
  const workers: Proc[] = [];

  /** A login through `api` from `address` (X-Forwarded-For: TRUST_PROXY trusts loopback). */
  const login = (api: string, username: string, password: string, address = '198.51.100.1') =>
    request(api).post('/api/auth/login').set('X-Forwarded-For', address).send({ username, password });
  const token = async (api: string, username: string) => {
    const res = await login(api, username, DEMO_PASSWORD);
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token as string;
  };
  /** Every score recompute asked for so far has been run (none stored, queued or running). */
  const recomputesSettled = async () => {
    const [jobs] = await ds.query("SELECT COUNT(*) AS n FROM jobs WHERE name = 'scores.recompute' AND status IN ('queued', 'running')");
    const [requests] = await ds.query("SELECT COUNT(*) AS n FROM job_requests WHERE name = 'scores.recompute'");
    return Number(jobs.n) === 0 && Number(requests.n) === 0;
  };

  beforeAll(async () => {
    await prepareBackend(backend);
    const mysql = await import('mysql2/promise');
    const url = new URL(backend.databaseUrl!);
    url.pathname = '/';
    const conn = await mysql.createConnection(url.toString());
    await conn.query(`DROP DATABASE IF EXISTS \`${backend.databaseName}\``);
    await conn.query(`CREATE DATABASE \`${backend.databaseName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await conn.end();

    // One shared DATA_DIR (uploads must be a shared volume) and one SESSION_SECRET, as the README asks.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pubscore-multi-'));
    const env = { HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: backend.databaseUrl!, REDIS_URL: backend.redisUrl!, QUEUE_PREFIX: `${backend.redisPrefix}` };
    const [port1, port2] = [await freePort(), await freePort()];
    api1 = `http://127.0.0.1:${port1}`;
    api2 = `http://127.0.0.1:${port2}`;
    // The first API process migrates and seeds; the others start on the finished schema.
    procs.push(startServerProcess({ ...env, PORT: String(port1), APP_ROLE: 'api' }));
    await waitFor(async () => (await request(api1).get('/api/health')).status === 200, 90_000, 'API 1 health');
    procs.push(startServerProcess({ ...env, PORT: String(port2), APP_ROLE: 'api' }));
    for (let i = 0; i < 2; i++) {
      const worker = startServerProcess({ ...env, APP_ROLE: 'worker' });
      workers.push(worker);
      procs.push(worker);
    }
    await waitFor(async () => (await request(api2).get('/api/health')).status === 200, 90_000, 'API 2 health');
    for (const w of workers) await waitFor(async () => w.output().includes('pubscore worker running'), 90_000, 'worker start');

    ds = new DataSource({ ...buildDataSourceOptions(await withDatabaseFlavor({ database: { type: 'mysql', url: backend.databaseUrl! } })), migrationsRun: false });
    await ds.initialize();
  }, 240_000);

  afterAll(async () => {
    for (const p of procs) await p.kill('SIGTERM');
    await ds?.destroy();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs four distinct processes', () => {
    const pids = procs.map((p) => p.child.pid);
    expect(new Set(pids).size).toBe(4);
    for (const p of procs) expect([p.child.exitCode, p.child.signalCode]).toEqual([null, null]);
  });

  it('a session started through API 1 is valid on API 2, and a logout through API 2 ends it on API 1', async () => {
    const res = await login(api1, 'leader', DEMO_PASSWORD);
    expect(res.status).toBe(200);
    const session = res.body.token as string;
    const cookie = res.headers['set-cookie'] as unknown as string[];
    expect((await request(api2).get('/api/auth/me').set(bearer(session))).body).toMatchObject({ username: 'leader' });
    expect((await request(api2).get('/api/auth/me').set('Cookie', cookie)).status).toBe(200);
    expect((await request(api2).get('/api/auth/sessions').set(bearer(session))).body).toEqual(expect.arrayContaining([expect.objectContaining({ current: true })]));

    expect((await request(api2).post('/api/auth/logout').set(bearer(session))).status).toBe(204);
    const after = await request(api1).get('/api/auth/me').set(bearer(session));
    expect([after.status, after.body.code]).toEqual([401, 'invalid_token']);
  });

  it('failed logins split over both processes hold off the username from that address as on one', async () => {
    const address = '203.0.113.21';
    // LOGIN_FREE_FAILURES (5): five wrong passwords, alternating processes.
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await login(i % 2 ? api2 : api1, 'office', 'Wrong-pass-123', address)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    for (const api of [api1, api2]) {
      const held = await login(api, 'office', DEMO_PASSWORD, address);
      expect([held.status, held.body.code]).toEqual([429, 'login_throttled']);
    }
    // The owner from another address is not affected.
    expect((await login(api2, 'office', DEMO_PASSWORD, '203.0.113.22')).status).toBe(200);
  });

  it('the per-address cap on logins (30 a minute) counts the attempts at both processes together', async () => {
    const address = '203.0.113.31';
    // Thirty attempts at different (unknown) usernames, alternating: none is held off by the
    // per-username count, so only the per-address cap can refuse the thirty-first.
    const statuses = [];
    for (let i = 0; i < 30; i++) statuses.push((await login(i % 2 ? api2 : api1, `nobody${i}`, 'Wrong-pass-123', address)).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(30);
    for (const api of [api1, api2]) {
      const capped = await login(api, 'nobody-else', 'Wrong-pass-123', address);
      expect([capped.status, capped.body.code]).toEqual([429, 'too_many_requests']);
    }
    // Another address is not capped.
    expect((await login(api1, 'nobody-else', 'Wrong-pass-123', '203.0.113.32')).status).toBe(401);
  });

  it('a publication queued through API 1 is run once by one worker, its progress and result read through API 2', async () => {
    const office1 = await token(api1, 'office');
    const office2 = await token(api2, 'office');
    expect((await request(api1).post(`/api/quarters/${PUBLISHED}/close`).set(bearer(office1)).send({})).status).toBe(200);
    const queued = await request(api1).post(`/api/quarters/${PUBLISHED}/publish`).set(bearer(office1)).send({});
    expect(queued.status).toBe(202);
    const seen = new Set<string>();
    let job: { status: string; progress: number; attempts: number; result: { revision: number; snapshotId: number } } | undefined;
    await waitFor(async () => {
      const res = await request(api2).get(`/api/jobs/${queued.body.id}`).set(bearer(office2));
      job = res.body;
      seen.add(res.body.status);
      return res.status === 200 && (res.body.status === 'done' || res.body.status === 'failed');
    }, 120_000, 'the publication job');
    expect(job).toMatchObject({ status: 'done', progress: 100, attempts: 1, result: { revision: 1 } });
    // Exactly once: one snapshot, one notice, and the job was not taken twice.
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM ranking_snapshots WHERE quarter = ?', [PUBLISHED]))[0].n)).toBe(1);
    const notices = await request(api2).get('/api/notices').set(bearer(office2));
    expect(notices.status).toBe(200);
    expect((notices.body as { quarter: string }[]).filter((n) => n.quarter === PUBLISHED)).toHaveLength(1);
    expect((await request(api2).get(`/api/quarters/${PUBLISHED}`).set(bearer(office2))).body.stage).toBe('published');
  });

  it('a ranking cached by API 2 reflects a verified change made through API 1 as soon as its recompute ran', async () => {
    const office1 = await token(api1, 'office');
    const office2 = await token(api2, 'office');
    const f = createFactories(ds);
    const units: { id: number; code: string }[] = (await request(api2).get('/api/units?pageSize=100').set(bearer(office2))).body.items;
    const b = units.find((u) => u.code === 'QSZ')!;
    // Every report filed on time and one adoption: the quarter's only line is the article's, so
    // withdrawing it leaves the quarter without lines (the case a stamp on new lines cannot see).
    await f.monthlyReports.fileOnTime(1, units.map((u) => u.id), ['2024-07', '2024-08', '2024-09']);
    const outlet = await f.outlets.create({ officeId: 1, level: 'central', channel: 'media', name: '多进程测试中央媒体' });
    const second = await f.articles.create({ officeId: 1, units: [b.id], title: '多进程乙稿', submittedAt: '2024-07-02' });
    await f.placements.create({ article: second, outlet, publishedAt: '2024-07-11' });
    // And one in the next quarter, scored after it: its line, not this quarter's, is the newest.
    const later = await f.articles.create({ officeId: 1, units: [b.id], title: '多进程丙稿', submittedAt: '2024-10-02' });
    await f.placements.create({ article: later, outlet, publishedAt: '2024-10-11' });
    for (const quarter of [Q, '2024-Q4']) {
      const recompute = await request(api1).post('/api/scores/recompute').set(bearer(office1)).send({ quarters: [quarter] });
      expect(recompute.status).toBe(201);
      await waitFor(async () => (await request(api2).get(`/api/jobs/${recompute.body.id}`).set(bearer(office2))).body.status === 'done', 60_000, `the recompute of ${quarter}`);
    }

    const totalOf = async (unitId: number) => {
      const res = await request(api2).get(`/api/scores/ranking?quarter=${Q}`).set(bearer(office2));
      expect(res.status).toBe(200);
      const row = (res.body.overall as { unitId: number; total: number; placements: { total: number } }[]).find((r) => r.unitId === unitId)!;
      return { total: row.total, placements: row.placements.total };
    };
    // Read through API 2 (and so cached there): 30 points and one adoption.
    expect(await totalOf(b.id)).toEqual({ total: 300000, placements: 1 });

    // The office withdraws the article's verification through API 1 (撤销核定): a worker's
    // recompute deletes its line and writes none.
    const reopened = await request(api1).post(`/api/review/articles/${second.id}/reopen`).set(bearer(office1)).send({ reason: '来源有误，重新核实' });
    expect(reopened.status).toBe(200);
    await waitFor(recomputesSettled, 60_000, 'the recompute the withdrawal asked for');
    expect(await totalOf(b.id)).toEqual({ total: 0, placements: 0 });

    // Verified again through API 1: back in the ranking read through API 2.
    expect((await request(api1).post(`/api/review/articles/${second.id}/verify`).set(bearer(office1)).send({})).status).toBe(200);
    await waitFor(recomputesSettled, 60_000, 'the recompute the verification asked for');
    expect(await totalOf(b.id)).toEqual({ total: 300000, placements: 1 });
  });

  it('a notification made by an action through API 1 is listed through API 2 at once', async () => {
    const office1 = await token(api1, 'office');
    const officer2 = await token(api2, 'officer');
    const me = (await request(api2).get('/api/auth/me').set(bearer(officer2))).body as { unitId: number };
    const f = createFactories(ds);
    const article = await f.articles.create({ officeId: 1, units: [me.unitId], title: '多进程退回稿', submittedAt: '2024-08-01', status: 'unit-approved' });
    const before = (await request(api2).get('/api/notifications').set(bearer(officer2))).body.unread as number;
    const returned = await request(api1).post(`/api/review/articles/${article.id}/return`).set(bearer(office1)).send({ reason: '请补充刊发版面' });
    expect(returned.status).toBe(200);
    const list = (await request(api2).get('/api/notifications').set(bearer(officer2))).body;
    expect(list.unread).toBe(before + 1);
    expect(list.items[0]).toMatchObject({ kind: 'entry-returned' });
    expect(list.items[0].title).toContain('请补充刊发版面');
  });
});

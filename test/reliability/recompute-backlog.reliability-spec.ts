// A queue outage never leaves a change unscored: the recompute a verification owes is stored
// in the database with the verification and queued once the queue is back; health shows the
// backlog meanwhile. Distributed: a real Redis stopped and started again (the app's reconnect
// sweep hands the backlog over). Embedded: the in-process queue reported down, then the sweep.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { InlineJobDriver } from '../../apps/api/src/jobs/inline-job.driver';
import { JobsService } from '../../apps/api/src/jobs/jobs.service';
import { createFactories } from '../factories';
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';
import { startRedisOn, waitFor } from '../utils/processes';

const STANDARD = fs.readFileSync(path.join(__dirname, '../../config/schemes/standard.yaml'), 'utf8');

describe.each(testBackends('recompute-backlog'))('score recomputes owed while the queue is down ($label)', (backend) => {
  let t: TestApp;
  let ds: DataSource;
  let redis: Awaited<ReturnType<typeof startRedisOn>> | undefined;
  let office: string;
  let officeId: number;
  const articles: number[] = [];

  /** Stops the queue: Redis killed, or the in-process runner reported down. */
  const queueDown = async () => {
    if (redis) await redis.kill();
    else jest.spyOn(t.app.get(InlineJobDriver), 'isHealthy').mockResolvedValue(false);
    await waitFor(async () => (await t.http().get('/api/health')).status === 503, 15_000, 'health to report the queue down');
  };
  /** Starts it again; in-process mode has no reconnect event, so its start-up sweep is run. */
  const queueUp = async () => {
    if (redis) redis = await startRedisOn(redis.port);
    else {
      jest.restoreAllMocks();
      await t.app.get(JobsService).drainRequests();
    }
  };
  const linesOf = async (articleId: number) => Number((await ds.query('SELECT COUNT(*) AS n FROM score_lines WHERE articleId = ?', [articleId]))[0].n);
  const backlogRows = async () => Number((await ds.query("SELECT COUNT(*) AS n FROM job_requests WHERE name = 'scores.recompute'"))[0].n);
  const verify = (articleId: number) => t.http().post(`/api/review/articles/${articleId}/verify`).set(bearer(office)).send({});

  beforeAll(async () => {
    if (backend.name === 'distributed') redis = await startRedisOn();
    t = await createTestApp({ ...backend, ...(redis ? { redisUrl: redis.url } : {}) });
    ds = t.app.get(DataSource);
    const f = createFactories(ds);
    officeId = (await f.offices.create({ name: '积压测试区' })).id;
    const group = await f.groups.create({ officeId, code: 'BKG', name: '镇街组', sortOrder: 1 });
    const unit = await f.units.create({ officeId, groupId: group.id, code: 'BK01', name: '北街道' });
    await f.users.create({ officeId, role: 'office', username: 'bkg-office' });
    const outlet = await f.outlets.create({ officeId, code: 'BKG-CM', name: '中央媒体', level: 'central', channel: 'media' });
    for (const [i, day] of ['2024-02-10', '2024-02-12', '2024-05-10'].entries()) {
      const article = await f.articles.create({ officeId, title: `积压稿件${i + 1}`, units: [unit.id], submittedAt: '2024-02-01', status: 'unit-approved' });
      await f.placements.create({ article, outlet, publishedAt: `${day}T09:00:00+08:00`, status: 'unit-approved' });
      articles.push(article.id);
    }
    office = await t.login('bkg-office');
    const created = await t.http().post('/api/schemes').set(bearer(office)).send({ effectiveFrom: '2024-Q1', document: STANDARD });
    if (created.status !== 201) throw new Error(`creating the scheme version failed: ${JSON.stringify(created.body)}`);
    const job = await t.waitForJob(office, created.body.recomputeJob.id);
    if (job.status !== 'done') throw new Error(`recompute job ${job.status}: ${job.error}`);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close().catch(() => undefined);
    await redis?.kill();
  });

  it('stores the recompute of a verification made while the queue is down and runs it once the queue is back', async () => {
    await expect(linesOf(articles[0])).resolves.toBe(0);
    await queueDown();

    const verified = await verify(articles[0]);
    expect(verified.status).toBe(200);
    expect(verified.body.status).toBe('verified');
    const health = await t.http().get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body.queue.status).toBe('down');
    expect(health.body.recomputeBacklog.count).toBeGreaterThanOrEqual(1);
    expect(health.body.recomputeBacklog.oldestAgeSeconds).toBeGreaterThanOrEqual(0);
    await expect(backlogRows()).resolves.toBeGreaterThanOrEqual(1);
    await expect(linesOf(articles[0])).resolves.toBe(0);

    await queueUp();
    await waitFor(async () => (await linesOf(articles[0])) > 0, 60_000, 'the stored recompute to run');
    await waitFor(async () => (await backlogRows()) === 0, 20_000, 'the backlog to empty');
    const after = await t.http().get('/api/health');
    expect(after.status).toBe(200);
    expect(after.body.recomputeBacklog).toEqual({ count: 0, oldestAgeSeconds: null });
    // The unit's lines now carry the verified placement: central media, 30 points.
    const [sum] = await ds.query('SELECT SUM(amount) AS total FROM score_lines WHERE articleId = ?', [articles[0]]);
    expect(Number(sum.total)).toBe(300000);
  });

  it('merges the requests of a long outage into one per office and scope', async () => {
    await queueDown();
    expect((await verify(articles[1])).status).toBe(200);
    expect((await verify(articles[2])).status).toBe(200);
    await expect(backlogRows()).resolves.toBe(2);
    const [oldest] = await ds.query("SELECT MIN(createdAt) AS at FROM job_requests WHERE name = 'scores.recompute'");
    // The sweep that runs while the queue is down merges what it cannot hand over.
    await expect(t.app.get(JobsService).drainRequests()).resolves.toBe(0);
    await expect(backlogRows()).resolves.toBe(1);
    const [merged] = await ds.query("SELECT payload, createdAt FROM job_requests WHERE name = 'scores.recompute'");
    expect(JSON.parse(merged.payload)).toMatchObject({ officeId, articleIds: [articles[1], articles[2]] });
    // The merged request keeps the age of the oldest, so health's backlog age does not reset.
    expect(new Date(merged.createdAt).getTime()).toBe(new Date(oldest.at).getTime());

    await queueUp();
    await waitFor(async () => (await linesOf(articles[1])) > 0 && (await linesOf(articles[2])) > 0, 60_000, 'the merged recompute to run');
    await waitFor(async () => (await backlogRows()) === 0, 20_000, 'the backlog to empty');
  });
});

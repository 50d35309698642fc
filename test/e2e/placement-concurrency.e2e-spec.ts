import { PlacementsService } from '../../apps/api/src/placements/placements.service';
import { ReviewService } from '../../apps/api/src/review/review.service';
import { createFactories } from '../factories';
import type { AuthUser } from '../../apps/api/src/auth/auth-user';
import { DataSource } from 'typeorm';
import { testBackends } from '../utils/backends';
import { noonOf } from '../utils/clock';
import { bearer, createTestApp, type TestApp } from '../utils/app';

/**
 * Many placements saved at once (a busy office; the bench's 200–500 saves a second): each
 * save's transaction holds a pooled connection, so nothing inside it may wait for a second
 * one. On MariaDB (20 connections) the office settings were read beside the transaction,
 * inside it: 20 saves each held a connection and waited for another, and the process stopped
 * answering for good (issue #15, seen at 200 saves/s in the bench).
 */
describe.each(testBackends('placement-concurrency'))('placements saved concurrently ($label)', (backend) => {
  let t: TestApp;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    officer = await t.login('officer');
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The signed-in account as the services take it (the calls below skip HTTP to start at once). */
  const sessionUser = async (token: string): Promise<AuthUser> => {
    const me = (await t.http().get('/api/auth/me').set(bearer(token))).body as AuthUser;
    return { id: me.id, username: me.username, displayName: me.displayName, role: me.role, officeId: me.officeId, unitId: me.unitId };
  };

  it('saves 40 placements started at the same moment (twice the connection pool)', async () => {
    const user = await sessionUser(officer);
    const outlets = await t.http().get('/api/outlets?pageSize=100').set(bearer(officer));
    const outletId = outlets.body.items[0].id as number;
    const article = await t.clock.during(noonOf('2023-04-03'), () => t.http().post('/api/articles').set(bearer(officer))
      .send({ title: '并发录用测试稿件', wordCount: 1200, submittedAt: '2023-04-03', units: [{ unitId: user.unitId, sharePercent: 100 }] }));
    expect(article.status).toBe(201);
    const day = (i: number) => new Date(Date.UTC(2023, 3, 4 + i)).toISOString().slice(0, 10);
    // Straight to the service, all in one tick: every save asks for its transaction's
    // connection before any has finished (over HTTP the requests arrive spread out).
    const placements = t.app.get(PlacementsService);
    const saved = await Promise.all(Array.from({ length: 40 }, (_, i) => placements.create(user, article.body.id, { outletId, publishedAt: day(i) })));
    expect(saved.map((p) => p.publishedDate)).toEqual(Array.from({ length: 40 }, (_, i) => day(i)));
    const listed = await t.http().get(`/api/articles/${article.body.id}/placements`).set(bearer(officer));
    expect(listed.body.map((p: { publishedDate: string }) => p.publishedDate).sort()).toEqual(Array.from({ length: 40 }, (_, i) => day(i)));
  });

  it('verifies 40 事项 at the same moment: the catalogue check reads inside the verification\'s transaction', async () => {
    const office = await t.login('office');
    const user = await sessionUser(office);
    const unitId = (await sessionUser(officer)).unitId!;
    const scheme = await t.http().post('/api/schemes').set(bearer(office))
      .send({ effectiveFrom: '2022-Q1', document: ['format: 2', 'name: 并发核定测试', 'adoption: { rows: [ { label: 媒体采用, when: { channel: media }, points: { all: 1 } } ] }', 'items:', '  - { kind: 网评文章, points: 1 }'].join('\n') });
    expect(scheme.status).toBe(201);
    const factories = createFactories(t.app.get(DataSource));
    const items = await Promise.all(Array.from({ length: 40 }, (_, i) =>
      factories.items.create({ officeId: user.officeId, unitId, itemDate: `2022-05-${String(1 + (i % 28)).padStart(2, '0')}`, kind: '网评文章', status: 'unit-approved' })));
    const review = t.app.get(ReviewService);
    await Promise.all(items.map((item) => review.act(user, 'items', item.id, 'verify')));
    const statuses = await t.app.get(DataSource).query(`SELECT status FROM item_records WHERE id IN (${items.map(() => '?').join(',')})`, items.map((i) => i.id));
    expect(statuses.map((r: { status: string }) => r.status)).toEqual(items.map(() => 'verified'));
  });
});

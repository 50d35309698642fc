import { DataSource } from 'typeorm';
import { QuarterSchedulerService } from '../../apps/api/src/publication/quarter-scheduler.service';
import { MAX_EXCLUDED } from '../../apps/api/src/publication/quarters.service';
import { ScoreLine } from '../../apps/api/src/score-ledger/score-line.entity';
import { createFactories } from '../factories';
import { testBackends } from '../utils/backends';
import { bearer, createTestApp, type TestApp } from '../utils/app';

describe.each(testBackends('quarter-review'))('quarter review stage and disputes ($label)', (backend) => {
  let t: TestApp;
  let office: string;
  let officer: string;
  let officer2: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    [office, officer, officer2] = await Promise.all(['office', 'officer', 'officer2'].map((u) => t.login(u)));
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (token: string, url: string, body: object = {}) => t.http().post(url).set(bearer(token)).send(body);

  it('opens the review of a finished quarter only after its last monthly report is due, once', async () => {
    const scheduler = t.app.get(QuarterSchedulerService);
    // 2023-Q3's September report is due 2023-10-05: on that day the quarter stays open.
    expect(await scheduler.tick('2023-10-05')).toEqual({ opened: [] });
    expect(await scheduler.tick('2023-10-06')).toEqual({ opened: ['DEMO:2023-Q3'] });
    expect(await scheduler.tick('2023-10-07')).toEqual({ opened: [] });
    const quarter = (await t.http().get('/api/quarters/2023-Q3').set(bearer(office))).body;
    expect(quarter.stage).toBe('review');
    const notes = (await t.http().get('/api/notifications?unread=true').set(bearer(office))).body;
    expect(notes.items.filter((n: { kind: string }) => n.kind === 'quarter-review')).toHaveLength(1);
    const officerNotes = (await t.http().get('/api/notifications').set(bearer(officer))).body;
    expect(officerNotes.items[0].title).toContain('异议');
  });

  it('lets units dispute during review and the office answer; each unit sees only its own', async () => {
    const outside = await post(officer, '/api/quarters/2023-Q1/disputes', { reason: '季度未在复核期' });
    expect(outside.status).toBe(409);
    expect(outside.body.code).toBe('not_in_review');
    const blank = await post(officer, '/api/quarters/2023-Q3/disputes', { reason: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors.reason).toBeDefined();
    const filed = await post(officer, '/api/quarters/2023-Q3/disputes', { reason: '8月人民日报录用未计分' });
    expect(filed.status).toBe(201);
    await post(officer2, '/api/quarters/2023-Q3/disputes', { reason: '青石镇的异议' });
    const mine = (await t.http().get('/api/quarters/2023-Q3/disputes').set(bearer(officer))).body;
    expect(mine.map((d: { reason: string }) => d.reason)).toEqual(['8月人民日报录用未计分']);
    expect((await post(officer, `/api/quarters/2023-Q3/disputes/${filed.body.id}/answer`, { answer: '自己答复' })).status).toBe(403);
    const answered = await post(office, `/api/quarters/2023-Q3/disputes/${filed.body.id}/answer`, { answer: '已核实，补录后重新计分' });
    expect(answered.body).toMatchObject({ status: 'answered', answer: '已核实，补录后重新计分' });
    const all = (await t.http().get('/api/quarters/2023-Q3/disputes').set(bearer(office))).body;
    expect(all).toHaveLength(2);
  });

  it('links a dispute to the score line it is about, and says so when a recompute replaced it (issue #16)', async () => {
    const ds = t.app.get(DataSource);
    const me = (await t.http().get('/api/auth/me').set(bearer(officer))).body;
    const [scheme] = await ds.query('SELECT id FROM scheme_versions ORDER BY id LIMIT 1');
    const repo = ds.getRepository(ScoreLine);
    const line = await repo.save(repo.create({
      officeId: me.officeId, schemeVersionId: Number(scheme.id), quarter: '2023-Q3', unitId: me.unitId, amount: 125000, ruleId: 'adoption',
      recordType: 'placement', recordId: 1, articleId: null, date: '2023-08-12', explanation: '人民日报刊发采用 12.50 分', clause: null,
    }));
    const filed = await post(officer, '/api/quarters/2023-Q3/disputes', { reason: '这一行分值不对', scoreLineId: line.id });
    expect(filed.status).toBe(201);
    const listed = async () => ((await t.http().get('/api/quarters/2023-Q3/disputes').set(bearer(office))).body as { id: number; line: unknown }[]).find((d) => d.id === filed.body.id);
    expect((await listed())!.line).toEqual({ id: line.id, date: '2023-08-12', ruleLabel: expect.any(String), explanation: '人民日报刊发采用 12.50 分', amountText: '12.50' });
    await repo.delete({ id: line.id });
    expect((await listed())!.line).toBeNull();
  });

  it('refuses publishing an open quarter and bad quarter names', async () => {
    const open = await post(office, '/api/quarters/2023-Q4/publish');
    expect(open.status).toBe(409);
    expect(open.body.code).toBe('invalid_stage');
    const bad = await t.http().get('/api/quarters/2023-Q5').set(bearer(office));
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid_quarter');
    expect(Number((await t.app.get(DataSource).query("SELECT COUNT(*) AS n FROM jobs WHERE name = 'quarters.publish'"))[0].n)).toBe(0);
  });
});

describe.each(testBackends('quarter-close-limit'))('closing with many unverified entries ($label)', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses to exclude more than MAX_EXCLUDED entries instead of failing to store the list', async () => {
    const ds = t.app.get(DataSource);
    const f = createFactories(ds);
    const [unit] = await ds.query("SELECT id, officeId FROM units WHERE code = 'LJJD'");
    for (let i = 0; i <= MAX_EXCLUDED; i += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, k) => f.articles.create({ officeId: unit.officeId, units: [unit.id], title: `待核定稿件 ${i + k}，标题写得长一些以便撑大排除清单`, submittedAt: '2023-08-01', status: 'submitted' })));
    }
    const office = await t.login('office');
    const res = await t.http().post('/api/quarters/2023-Q3/close').set(bearer(office)).send({ excludeUnverified: true });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('too_many_unverified');
    expect((await t.http().get('/api/quarters/2023-Q3').set(bearer(office))).body.stage).toBe('open');
  });
});

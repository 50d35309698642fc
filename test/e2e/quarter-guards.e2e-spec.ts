import { DataSource } from 'typeorm';
import { Adjustment } from '../../apps/api/src/adjustments/adjustment.entity';
import { ItemRecord } from '../../apps/api/src/items/item-record.entity';
import { QuarterPeriod } from '../../apps/api/src/publication/quarter-period.entity';
import { Unit } from '../../apps/api/src/units/unit.entity';
import { testBackends } from '../utils/backends';
import { bearer, createTestApp, CURRENT_QUARTER as currentQuarter, type TestApp } from '../utils/app';


describe.each(testBackends('quarter-guards'))('quarter close and publish guards ($label)', (backend) => {
  let t: TestApp;
  let ds: DataSource;
  let office: string;
  let officer: string;
  let unit: Record<string, Unit>;

  beforeAll(async () => {
    t = await createTestApp(backend);
    ds = t.app.get(DataSource);
    [office, officer] = await Promise.all(['office', 'officer'].map((u) => t.login(u)));
    unit = Object.fromEntries((await ds.getRepository(Unit).find()).map((u) => [u.code, u]));
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (token: string, url: string, body: object = {}) => t.http().post(url).set(bearer(token)).send(body);
  const quarter = async (q: string) => (await t.http().get(`/api/quarters/${q}`).set(bearer(office))).body;

  it('refuses to close while the dispute window is open, and closes with an override reason that is stored and audited', async () => {
    expect((await post(office, '/api/quarters/2023-Q3/review')).status).toBe(200);
    expect((await post(officer, '/api/quarters/2023-Q3/disputes', { reason: '8月录用未计分' })).status).toBe(201);
    const refused = await post(office, '/api/quarters/2023-Q3/close');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('dispute_window_open');
    expect(refused.body.message).toContain('1 条异议未答复');
    expect(refused.body.errors.overrideReason).toBeDefined();
    expect((await quarter('2023-Q3')).stage).toBe('review');
    const blank = await post(office, '/api/quarters/2023-Q3/close', { overrideReason: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors.overrideReason).toBeDefined();
    const closed = await post(office, '/api/quarters/2023-Q3/close', { overrideReason: '区委要求提前通报' });
    expect(closed.status).toBe(200);
    const detail = await quarter('2023-Q3');
    expect(detail.stage).toBe('closed');
    expect(detail.guardOverrides).toEqual([
      expect.objectContaining({ action: 'close', guards: ['dispute_window_open', 'disputes_unanswered'], reason: '区委要求提前通报', userName: '办公室 王敏' }),
    ]);
    const audit = (await t.http().get('/api/audit?action=quarter:close').set(bearer(office))).body;
    expect(JSON.stringify(audit)).toContain('区委要求提前通报');
  });

  it('refuses to close while disputes are unanswered after the window, and closes once they are answered', async () => {
    await post(office, '/api/quarters/2023-Q2/review');
    const dispute = (await post(officer, '/api/quarters/2023-Q2/disputes', { reason: '5月省报录用未计分' })).body;
    await ds.getRepository(QuarterPeriod).update({ quarter: '2023-Q2' }, { disputeUntil: '2023-07-20' });
    const refused = await post(office, '/api/quarters/2023-Q2/close');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('disputes_unanswered');
    expect((await post(office, `/api/quarters/2023-Q2/disputes/${dispute.id}/answer`, { answer: '已补录' })).status).toBe(200);
    const closed = await post(office, '/api/quarters/2023-Q2/close');
    expect(closed.status).toBe(200);
    expect((await quarter('2023-Q2')).guardOverrides).toBeNull();
  });

  it('counts 事项 under review and 加减分 awaiting approval as unverified when closing', async () => {
    const officeId = unit.LJJD.officeId;
    await ds.getRepository(ItemRecord).insert({
      officeId, unitId: unit.LJJD.id, kind: '会议交流发言', title: '全市组织工作会议交流发言', itemDate: '2023-02-10', level: 'municipal', articleId: null, note: null,
      status: 'submitted', reviewNote: null, verifiedBy: null, verifiedAt: null, createdBy: null,
    });
    await ds.getRepository(Adjustment).insert({ officeId, unitId: unit.QSZ.id, quarter: '2023-Q1', points: 20_000, reason: '承办全市现场会', status: 'pending', decisionNote: null, createdBy: null, approvedBy: null, approvedAt: null });
    const pending = (await quarter('2023-Q1')).pending;
    expect(pending.map((p: { type: string; unitName: string; title: string }) => [p.type, p.unitName, p.title]).sort()).toEqual([
      ['adjustments', unit.QSZ.name, '承办全市现场会'],
      ['items', unit.LJJD.name, '全市组织工作会议交流发言'],
    ]);
    const refused = await post(office, '/api/quarters/2023-Q1/close');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('unverified_entries');
    expect(refused.body.message).toContain('2 条记录未核定');
    const closed = await post(office, '/api/quarters/2023-Q1/close', { excludeUnverified: true });
    expect(closed.body.excluded.map((e: { type: string; unitName: string }) => [e.type, e.unitName]).sort()).toEqual([['adjustment', unit.QSZ.name], ['item', unit.LJJD.name]]);
  });

  it('refuses to publish a quarter that has not ended, unless the office states why', async () => {
    expect((await post(office, `/api/quarters/${currentQuarter}/close`, { excludeUnverified: true })).status).toBe(200);
    const refused = await post(office, `/api/quarters/${currentQuarter}/publish`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('quarter_not_ended');
    expect(refused.body.errors.overrideReason).toBeDefined();
    expect(Number((await ds.query("SELECT COUNT(*) AS n FROM jobs WHERE name = 'quarters.publish'"))[0].n)).toBe(0);
    const job = await post(office, `/api/quarters/${currentQuarter}/publish`, { overrideReason: '年终考核需提前发布' });
    expect(job.status).toBe(202);
    expect(await t.waitForJob(office, job.body.id)).toMatchObject({ status: 'done' });
    const detail = await quarter(currentQuarter);
    expect(detail.stage).toBe('published');
    expect(detail.guardOverrides).toEqual([expect.objectContaining({ action: 'publish', guards: ['quarter_not_ended'], reason: '年终考核需提前发布' })]);
    const audit = (await t.http().get('/api/audit?action=quarter:publish').set(bearer(office))).body;
    expect(JSON.stringify(audit)).toContain('年终考核需提前发布');
  });

  it('publishes an ended quarter without an override', async () => {
    const job = await post(office, '/api/quarters/2023-Q2/publish');
    expect(job.status).toBe(202);
    expect(await t.waitForJob(office, job.body.id)).toMatchObject({ status: 'done' });
    expect((await quarter('2023-Q2')).guardOverrides).toBeNull();
  });
});

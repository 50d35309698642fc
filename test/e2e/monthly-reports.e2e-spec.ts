// 月度报送 end to end: a draft counted from the unit's records, filing (first filing time kept),
// and the office's compliance view: on time / late / missing / pending.
// The app's clock is pinned to 2025-06-15T16:30Z, already 2025-06-16 in Asia/Shanghai (a UTC date
// would say the 15th): a report filed now for 2025-01 (due 2025-02-05) is late; an on-time filing
// of 2025-01 is a row inserted through the DataSource with a filedAt before its due date.
// Articles and placements are inserted directly because their API is built in parallel.
import { DataSource } from 'typeorm';
import { ArticleUnit } from '../../apps/api/src/articles/article-unit.entity';
import { Article } from '../../apps/api/src/articles/article.entity';
import { MonthlyReport } from '../../apps/api/src/monthly-reports/monthly-report.entity';
import { Placement } from '../../apps/api/src/placements/placement.entity';
import { testBackends } from '../utils/backends';
import { bearer, createTestApp, type TestApp } from '../utils/app';

const NOW = '2025-06-15T16:30:00Z';
const TODAY = '2025-06-16';
const THIS_MONTH = '2025-06';

describe.each(testBackends('monthly_reports'))('monthly reports 月度报送 ($label)', (backend) => {
  let t: TestApp;
  let ds: DataSource;
  let office: string;
  let officer: string;
  let officer2: string;
  let reviewer: string;
  let leader: string;
  let officeId: number;
  const unit: Record<string, number> = {};
  const outlet: Record<string, number> = {};
  let firstFiling: { filedAt: string; version: number };

  async function insertArticle(submittedDate: string, unitCodes: string[], status: Article['status'] = 'submitted'): Promise<number> {
    const saved = await ds.getRepository(Article).save({
      officeId,
      title: `稿件 ${submittedDate} ${unitCodes.join('+')} ${status}`,
      normalizedTitle: `稿件${submittedDate}${unitCodes.join('')}${status}`,
      submittedAt: new Date(`${submittedDate}T02:00:00Z`),
      submittedDate,
      ownerUnitId: unit[unitCodes[0]],
      status,
    });
    await ds.getRepository(ArticleUnit).insert(unitCodes.map((code, i) => ({ articleId: saved.id, unitId: unit[code], shareBp: null, position: i + 1 })));
    return saved.id;
  }

  async function insertPlacement(articleId: number, outletId: number, publishedDate: string) {
    await ds.getRepository(Placement).insert({ officeId, articleId, outletId, publishedAt: new Date(`${publishedDate}T01:00:00Z`), publishedDate });
  }

  async function insertReport(code: string, month: string, filedAt: string, filedDate: string) {
    await ds.getRepository(MonthlyReport).insert({ officeId, unitId: unit[code], month, filedAt: new Date(filedAt), filedDate, articlesSubmitted: 1, placementsAdopted: 0, narrative: null, filedBy: null });
  }

  const file = (token: string, month: string, body: object) => t.http().put(`/api/monthly-reports/${month}`).set(bearer(token)).send(body);
  const compliance = (token: string, month: string) => t.http().get(`/api/monthly-reports/compliance?month=${month}`).set(bearer(token));
  const statusByCode = (units: { unitCode: string; status: string }[]) => Object.fromEntries(units.map((u) => [u.unitCode, u.status]));

  beforeAll(async () => {
    t = await createTestApp(backend);
    t.clock.set(NOW);
    ds = t.app.get(DataSource);
    [office, officer, officer2, reviewer, leader] = await Promise.all(['office', 'officer', 'officer2', 'reviewer', 'leader'].map((u) => t.login(u)));
    officeId = (await t.http().get('/api/auth/me').set(bearer(office))).body.officeId;
    for (const u of (await t.http().get('/api/units?pageSize=100').set(bearer(office))).body.items) unit[u.code] = u.id;
    for (const o of (await t.http().get('/api/outlets?pageSize=200').set(bearer(office))).body.items) outlet[o.level] ??= o.id;

    // LJJD in 2025-01: two articles (one joint with QSZ), a rejected one that does not count,
    // one provincial and one municipal placement; February holds one article and one placement.
    const jan = await insertArticle('2025-01-10', ['LJJD']);
    const joint = await insertArticle('2025-01-31', ['LJJD', 'QSZ']);
    await insertArticle('2025-01-15', ['LJJD'], 'rejected');
    await insertArticle('2025-02-01', ['LJJD']);
    await insertPlacement(jan, outlet.provincial, '2025-01-20');
    await insertPlacement(joint, outlet.municipal, '2025-01-31');
    await insertPlacement(jan, outlet.municipal, '2025-02-03');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('drafts a report from the unit\'s records for the month', async () => {
    const res = await t.http().get('/api/monthly-reports/draft/2025-01').set(bearer(officer));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ month: '2025-01', unitId: unit.LJJD, dueDate: '2025-02-05', status: 'missing', report: null });
    expect(res.body.draft).toEqual({
      articlesSubmitted: 2,
      placementsAdopted: 2,
      placementsByLevel: { central: 0, provincial: 1, municipal: 1, district: 0 },
      narrative: '2025年1月，本单位共报送稿件 2 篇，被各级媒体和刊物录用 2 篇次，其中省级 1 篇次、市级 1 篇次。',
    });
    const feb = await t.http().get('/api/monthly-reports/draft/2025-02').set(bearer(officer));
    expect(feb.body.draft).toMatchObject({ articlesSubmitted: 1, placementsAdopted: 1 });
    const qsz = await t.http().get('/api/monthly-reports/draft/2025-01').set(bearer(officer2));
    expect(qsz.body).toMatchObject({ unitId: unit.QSZ, draft: { articlesSubmitted: 1, placementsAdopted: 1 } });
    const forOffice = await t.http().get(`/api/monthly-reports/draft/2025-01?unitId=${unit.LJJD}`).set(bearer(office));
    expect(forOffice.body.draft.articlesSubmitted).toBe(2);
    const unnamed = await t.http().get('/api/monthly-reports/draft/2025-01').set(bearer(office));
    expect(unnamed.status).toBe(400);
    expect(unnamed.body).toMatchObject({ code: 'unit_required', errors: { unitId: '必填' } });
  });

  it('filing a past month after its due date is late; filing again keeps the first filing time', async () => {
    const res = await file(officer, '2025-01', { articlesSubmitted: 2, placementsAdopted: 2, narrative: '一月情况' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ month: '2025-01', unitId: unit.LJJD, dueDate: '2025-02-05', status: 'late' });
    expect(res.body.report).toMatchObject({ articlesSubmitted: 2, placementsAdopted: 2, narrative: '一月情况', filedDate: TODAY });
    firstFiling = { filedAt: res.body.report.filedAt, version: res.body.report.version };

    const again = await file(officer, '2025-01', { articlesSubmitted: 3, placementsAdopted: 4, narrative: '更正后的一月情况', version: firstFiling.version });
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('late');
    expect(again.body.report).toMatchObject({ articlesSubmitted: 3, placementsAdopted: 4, narrative: '更正后的一月情况', filedAt: firstFiling.filedAt, version: firstFiling.version + 1 });

    const stale = await file(officer, '2025-01', { articlesSubmitted: 9, placementsAdopted: 9, version: firstFiling.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');

    const audit = await t.http().get(`/api/audit?entity=monthly_report&entityId=${res.body.report.id}`).set(bearer(office));
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(audit.body.items[0].before).toMatchObject({ articlesSubmitted: 2 });
    expect(audit.body.items[0].after).toMatchObject({ articlesSubmitted: 3 });
  });

  it('the compliance view puts every active unit on time, late or missing once the due date has passed', async () => {
    await insertReport('QSZ', '2025-01', '2025-02-04T03:00:00Z', '2025-02-04');
    // 23:59 on the due day in Shanghai is still on time; 00:00 the next day is late.
    await insertReport('FLJD', '2025-01', '2025-02-05T15:59:00Z', '2025-02-05');
    await insertReport('BHJD', '2025-01', '2025-02-05T16:00:00Z', '2025-02-06');
    const res = await compliance(office, '2025-01');
    expect(res.status).toBe(200);
    expect(res.body.dueDate).toBe('2025-02-05');
    const statuses = statusByCode(res.body.units);
    expect(Object.keys(statuses)).toHaveLength(20);
    expect(statuses).toMatchObject({ LJJD: 'late', QSZ: 'on-time', FLJD: 'on-time', BHJD: 'late', SQZ: 'missing', SFJ: 'missing' });
    expect(res.body.summary).toEqual({ units: 20, onTime: 2, late: 2, missing: 16, pending: 0 });
    expect(res.body.units.find((u: { unitCode: string }) => u.unitCode === 'QSZ').report).toMatchObject({ filedDate: '2025-02-04' });
    expect((await compliance(leader, '2025-01')).status).toBe(200);
  });

  it('a month whose due date has not come is pending, and filing it now is on time', async () => {
    const month = THIS_MONTH;
    const before = await compliance(office, month);
    expect(before.body.dueDate).toBe('2025-07-05');
    expect(before.body.summary).toEqual({ units: 20, onTime: 0, late: 0, missing: 0, pending: 20 });
    const res = await file(officer, month, { articlesSubmitted: 0, placementsAdopted: 0 });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('on-time');
    expect(res.body.report.narrative).toBeNull();
    expect((await compliance(office, month)).body.summary).toMatchObject({ onTime: 1, pending: 19 });
  });

  it('refuses a future month, a malformed month and bad counts, storing nothing', async () => {
    const future = '2025-07';
    const ahead = await file(officer, future, { articlesSubmitted: 1, placementsAdopted: 1 });
    expect(ahead.status).toBe(422);
    expect(ahead.body).toMatchObject({ code: 'future_month', errors: { month: expect.stringContaining('尚未到来') } });
    const cases: [string, object, number, string, string][] = [
      ['2025-13', { articlesSubmitted: 1, placementsAdopted: 1 }, 400, 'invalid_month', 'month'],
      ['2025-1', { articlesSubmitted: 1, placementsAdopted: 1 }, 400, 'invalid_month', 'month'],
      ['2025-03', { articlesSubmitted: -1, placementsAdopted: 1 }, 400, 'validation_failed', 'articlesSubmitted'],
      ['2025-03', { articlesSubmitted: 1.5, placementsAdopted: 1 }, 400, 'validation_failed', 'articlesSubmitted'],
      ['2025-03', { articlesSubmitted: 1 }, 400, 'validation_failed', 'placementsAdopted'],
      ['2025-03', { articlesSubmitted: 1, placementsAdopted: 1, narrative: '字'.repeat(2001) }, 400, 'validation_failed', 'narrative'],
      ['2025-03', { articlesSubmitted: 1, placementsAdopted: 1, filedAt: '2025-04-01' }, 400, 'unknown_field', 'filedAt'],
    ];
    for (const [month, body, status, code, field] of cases) {
      const res = await file(officer, month, body);
      expect({ month, body, status: res.status, code: res.body.code }).toEqual({ month, body, status, code });
      expect(res.body.errors[field]).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await compliance(office, future)).body.summary.pending).toBe(20);
    expect((await compliance(office, '2025-03')).body.units.find((u: { unitCode: string }) => u.unitCode === 'LJJD').report).toBeNull();
    const badQuery = await compliance(office, '2025-00');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.errors.month).toContain('YYYY-MM');
  });

  it('only officers file, only the office and leaders read compliance', async () => {
    const body = { articlesSubmitted: 1, placementsAdopted: 1 };
    expect((await file(reviewer, '2025-03', body)).status).toBe(403);
    expect((await file(office, '2025-03', body)).status).toBe(403);
    expect((await compliance(officer, '2025-01')).status).toBe(403);
    expect((await compliance(reviewer, '2025-01')).status).toBe(403);
  });

  it('a unit\'s history shows every month with its standing, missing months included', async () => {
    const res = await t.http().get('/api/monthly-reports/history?from=2024-12&to=2025-03').set(bearer(officer));
    expect(res.status).toBe(200);
    expect(res.body.map((m: { month: string; status: string }) => [m.month, m.status])).toEqual([
      ['2024-12', 'missing'],
      ['2025-01', 'late'],
      ['2025-02', 'missing'],
      ['2025-03', 'missing'],
    ]);
    const qsz = await t.http().get(`/api/monthly-reports/history?unitId=${unit.QSZ}&from=2025-01&to=2025-01`).set(bearer(office));
    expect(qsz.body).toEqual([expect.objectContaining({ unitCode: 'QSZ', status: 'on-time', dueDate: '2025-02-05' })]);
    const byDefault = await t.http().get('/api/monthly-reports/history').set(bearer(reviewer));
    expect(byDefault.body).toHaveLength(12);
    expect(byDefault.body.map((m: { month: string }) => m.month)).toEqual(['2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    expect(byDefault.body[11]).toMatchObject({ month: THIS_MONTH, status: 'on-time', report: expect.objectContaining({ filedDate: TODAY }) });
    const reversed = await t.http().get('/api/monthly-reports/history?from=2025-03&to=2025-01').set(bearer(officer));
    expect(reversed.status).toBe(422);
    expect(reversed.body.code).toBe('range_reversed');
  });

  it('officer2 of 青石镇 sees only its own unit\'s reports', async () => {
    const history = await t.http().get(`/api/monthly-reports/history?unitId=${unit.LJJD}`).set(bearer(officer2));
    expect(history.status).toBe(403);
    expect((await t.http().get(`/api/monthly-reports/draft/2025-01?unitId=${unit.LJJD}`).set(bearer(officer2))).status).toBe(403);
    expect((await t.http().get(`/api/monthly-reports/2025-01?unitId=${unit.LJJD}`).set(bearer(officer2))).status).toBe(403);
    const own = await t.http().get('/api/monthly-reports/2025-01').set(bearer(officer2));
    expect(own.body).toMatchObject({ unitCode: 'QSZ', status: 'on-time' });
    const list = await t.http().get('/api/monthly-reports').set(bearer(officer2));
    expect(list.body.items.map((r: { unitId: number }) => r.unitId)).toEqual([unit.QSZ]);
  });

  it('the office lists filed reports with filters and pagination', async () => {
    const jan = await t.http().get('/api/monthly-reports?from=2025-01&to=2025-01&pageSize=3').set(bearer(office));
    expect(jan.body).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(jan.body.items).toHaveLength(3);
    const lastPage = await t.http().get('/api/monthly-reports?from=2025-01&to=2025-01&pageSize=3&page=2').set(bearer(office));
    expect(lastPage.body.items).toHaveLength(1);
    const ljjd = await t.http().get(`/api/monthly-reports?unitId=${unit.LJJD}`).set(bearer(office));
    // newest month first: the current month, then 2025-01
    expect(ljjd.body.items.map((r: { month: string; status: string }) => [r.month, r.status])).toEqual([
      [THIS_MONTH, 'on-time'],
      ['2025-01', 'late'],
    ]);
  });

  it('a deactivated unit drops out of the compliance view', async () => {
    const sfj = await t.http().get(`/api/units/${unit.SFJ}`).set(bearer(office));
    await t.http().patch(`/api/units/${unit.SFJ}`).set(bearer(office)).send({ active: false, version: sfj.body.version });
    const res = await compliance(office, '2025-01');
    expect(res.body.summary).toEqual({ units: 19, onTime: 2, late: 2, missing: 15, pending: 0 });
    expect(statusByCode(res.body.units).SFJ).toBeUndefined();
  });
});

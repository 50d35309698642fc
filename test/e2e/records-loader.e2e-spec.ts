// Issue #12: the quarter's records, loaded for scoring, carry what scheme format 2 reads —
// 采用形式 and reach of placements, signing positions, 约稿 issuers, verified 事项 and approved
// 加减分 — recorded here through the API; today's engine scores them exactly as before.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';
import { noonOf } from '../utils/clock';
import { proveArticle, secondOfficeUser } from '../utils/recording';
import { RecordsLoader } from '../../apps/api/src/score-ledger/records-loader';

const QUARTER = '2026-Q2';
/** The standard preset with the catalogue of 事项 recorded below (a kind must be in it to be recorded). */
const WITH_ITEMS = `${fs.readFileSync(path.join(__dirname, '../../config/schemes/standard.yaml'), 'utf8')}
items:
  - { kind: 会议交流发言, points: { central: 100, provincial: 60, municipal: 40 } }
  - { kind: 网评文章, points: 2 }
  - { kind: 虚假信息, points: -3, voids: article, recordedBy: office }
`;

describe.each(testBackends('records-loader'))('records loaded for scheme format 2 ($label)', (backend) => {
  let t: TestApp;
  let officer: string;
  let reviewer: string;
  let office: string;
  let office2: string;
  let units: Record<string, number>;
  let outlets: Record<string, number>;
  let officeId: number;

  beforeAll(async () => {
    t = await createTestApp(backend);
    [officer, reviewer, office] = await Promise.all(['officer', 'reviewer', 'office'].map((u) => t.login(u)));
    office2 = await secondOfficeUser(t);
    const unitList = await t.http().get('/api/units?pageSize=100').set(bearer(office));
    units = Object.fromEntries(unitList.body.items.map((u: { code: string; id: number }) => [u.code, u.id]));
    officeId = (await t.http().get('/api/auth/me').set(bearer(office))).body.officeId;
    const outletList = await t.http().get('/api/outlets?pageSize=100').set(bearer(office));
    outlets = Object.fromEntries(outletList.body.items.map((o: { code: string; id: number }) => [o.code, o.id]));
    const scheme = await t.http().post('/api/schemes').set(bearer(office)).send({ effectiveFrom: QUARTER, document: WITH_ITEMS });
    if (scheme.status !== 201) throw new Error(`scheme: ${scheme.status} ${JSON.stringify(scheme.body)}`);
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = async (token: string, url: string, body: object = {}) => {
    const res = await t.http().post(url).set(bearer(token)).send(body);
    if (res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  it('carries form, reach, signing order, issuer, verified items and approved adjustments, and scores as before', async () => {
    // A joint article signed first by 青石镇, recorded by 临江街道's officer, verified.
    const article = await t.clock.during(noonOf('2026-04-02'), () => post(officer, '/api/articles', { title: '联合署名的综合采用稿件', submittedAt: '2026-04-02', units: [{ unitId: units.QSZ }, { unitId: units.LJJD }] }));
    const placement = await post(officer, `/api/articles/${article.id}/placements`, { outletId: outlets.RMRB, publishedAt: '2026-04-12', form: 'combined', views: 120000 });
    await proveArticle(t, officer, article.id);
    await post(officer, `/api/review/articles/${article.id}/submit`);
    await post(reviewer, `/api/review/articles/${article.id}/approve`);
    await post(office, `/api/review/articles/${article.id}/verify`);
    const commission = await post(office, '/api/commissions', { topic: '市委办公室约稿', issuedDate: '2026-05-01', deadline: '2026-06-15', targetUnitIds: [units.LJJD], issuer: '市委办公室' });
    const speech = await post(office, '/api/items', { unitId: units.LJJD, kind: '会议交流发言', title: '全省会议交流发言', date: '2026-05-20', level: 'provincial' });
    const finding = await post(office, '/api/items', { unitId: units.QSZ, kind: '虚假信息', title: '报送虚假信息', date: '2026-06-02', articleId: article.id });
    await post(officer, '/api/items', { kind: '网评文章', title: '草稿不计', date: '2026-05-21' });
    const bonus = await post(office, '/api/adjustments', { unitId: units.LJJD, quarter: QUARTER, points: '2.5', reason: '获得表彰' });
    await post(office2, `/api/adjustments/${bonus.id}/approve`, { version: bonus.version });
    await post(office, '/api/adjustments', { unitId: units.LJJD, quarter: QUARTER, points: -9, reason: '待审批不计' });
    await post(office, '/api/adjustments', { unitId: units.LJJD, quarter: '2026-Q3', points: 1, reason: '其他季度' });

    // Never adopted: verified in the quarter (报送任务 and 采用率 count it), a draft, and one of the quarter before.
    const unadopted = await t.clock.during(noonOf('2026-05-03'), () => post(officer, '/api/articles', { title: '未被采用的报送稿件', submittedAt: '2026-05-03' }));
    await post(officer, `/api/review/articles/${unadopted.id}/submit`);
    await post(reviewer, `/api/review/articles/${unadopted.id}/approve`);
    await post(office, `/api/review/articles/${unadopted.id}/verify`);
    const draft = await t.clock.during(noonOf('2026-05-04'), () => post(officer, '/api/articles', { title: '草稿稿件', submittedAt: '2026-05-04' }));
    const earlier = await t.clock.during(noonOf('2026-03-20'), () => post(officer, '/api/articles', { title: '上季度报送的稿件', submittedAt: '2026-03-20' }));
    await post(officer, `/api/review/articles/${earlier.id}/submit`);
    await post(reviewer, `/api/review/articles/${earlier.id}/approve`);
    await post(office, `/api/review/articles/${earlier.id}/verify`);

    const input = await t.app.get(RecordsLoader).load(officeId, QUARTER, { asOfDate: '2026-12-01' });
    const loaded = new Set(input.articles.map((a) => a.id));
    expect([unadopted, draft, earlier].map((a) => loaded.has(String(a.id)))).toEqual([true, false, false]);
    expect(input.articles.find((a) => a.id === String(article.id))!.units).toEqual([
      { unitId: String(units.QSZ), sharePercent: null, position: 1 },
      { unitId: String(units.LJJD), sharePercent: null, position: 2 },
    ]);
    expect(input.placements.find((p) => p.id === String(placement.id))).toMatchObject({ form: 'combined', views: 120000, level: 'central' });
    expect(input.commissions.find((c) => c.id === String(commission.id))).toMatchObject({ issuer: '市委办公室' });
    expect(input.items).toEqual([
      { id: String(speech.id), unitId: String(units.LJJD), kind: '会议交流发言', title: '全省会议交流发言', date: '2026-05-20', level: 'provincial', articleId: null },
      { id: String(finding.id), unitId: String(units.QSZ), kind: '虚假信息', title: '报送虚假信息', date: '2026-06-02', level: null, articleId: String(article.id) },
    ]);
    expect(input.adjustments).toEqual([{ id: String(bonus.id), unitId: String(units.LJJD), quarter: QUARTER, points: 25000, reason: '获得表彰', status: 'approved' }]);
  });
});

// Issue #15, done-when: the admin creates a city with two districts; each district records,
// verifies and publishes its quarter; the city ranks the districts from the roll-up of their
// verified records under its own scheme and publishes its notice; each district sees its
// position; a district officer cannot read the other district's records; a city leader reads
// both districts' notices.
import { noticeRecipients, type NoticeData } from '@app/notice';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../utils/app';
import { officeSteps, TEMP_PASSWORD as TEMP } from '../utils/offices';
import { testBackends } from '../utils/backends';

const Q = '2025-Q1';

describe.each(testBackends('offices_rollup'))('a city ranks its districts ($label)', (backend) => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  let cityId = 0;
  const district: Record<'d1' | 'd2', { officeId: number; articleIds: number[] }> = { d1: { officeId: 0, articleIds: [] }, d2: { officeId: 0, articleIds: [] } };

  const { post, get, must, activate, recordVerified, outletId, publish: publishQuarter } = officeSteps(() => t);
  const publish = (office: string) => publishQuarter(office, Q);
  const user = async (admin: string, username: string, role: string, unitId?: number) => {
    await must(username, post(admin, '/api/users', { username, displayName: `${username} 用户`, role, unitId, password: TEMP }), 201);
    tok[username] = await activate(username);
  };
  /** A district with one unit and its people, recording `titles` (each adopted by 人民日报) through to verification. */
  const setUpDistrict = async (key: 'd1' | 'd2', code: string, region: string, groupId: number, cityId: number, titles: string[]) => {
    const created = await must(code, post(tok['city-admin'], '/api/offices', {
      parentId: cityId, code, name: `中共${region}委组织部办公室`, regionName: region, issuingAuthority: `中共${region}委组织部`, docNumberPrefix: `${region}组办`,
      rankingGroupId: groupId, admin: { username: `${key}-admin`, displayName: `${region}管理员`, password: TEMP },
    }), 201);
    district[key].officeId = created.body.id;
    const admin = await activate(`${key}-admin`);
    const group = await must('group', post(admin, '/api/ranking-groups', { code: 'TOWNS', name: '镇街组' }), 201);
    const unit = await must('unit', post(admin, '/api/units', { code: 'U1', name: `${region}城关街道党工委`, groupId: group.body.id }), 201);
    await user(admin, `${key}-office`, 'office');
    await user(admin, `${key}-officer`, 'officer', unit.body.id);
    await user(admin, `${key}-reviewer`, 'reviewer', unit.body.id);
    const rmrb = await outletId(tok[`${key}-officer`], '人民日报');
    for (const title of titles) {
      const { articleId } = await recordVerified(tok[`${key}-officer`], tok[`${key}-reviewer`], tok[`${key}-office`], title, rmrb);
      district[key].articleIds.push(articleId);
    }
    await publish(tok[`${key}-office`]);
  };

  beforeAll(async () => {
    t = await createTestApp(backend);
    const admin = await t.login('admin');
    const root = (await must('offices', get(admin, '/api/offices'), 200)).body[0].id;
    const city = await must('city', post(admin, '/api/offices', {
      parentId: root, code: 'CITY', name: '中共示例市委组织部办公室', regionName: '示例市', issuingAuthority: '中共示例市委组织部', docNumberPrefix: '示市组办',
      admin: { username: 'city-admin', displayName: '市管理员', password: TEMP },
    }), 201);
    cityId = city.body.id;
    tok['city-admin'] = await activate('city-admin');
    await user(tok['city-admin'], 'city-office', 'office');
    await user(tok['city-admin'], 'city-leader', 'leader');
    const group = await must('city group', post(tok['city-admin'], '/api/ranking-groups', { code: 'DISTRICTS', name: '各区' }), 201);
    await setUpDistrict('d1', 'D1', '甲区', group.body.id, city.body.id, ['甲区城关街道网格治理见实效', '甲区城关街道党建引领物业管理']);
    await setUpDistrict('d2', 'D2', '乙区', group.body.id, city.body.id, ['乙区城关街道红色议事厅']);
    await publish(tok['city-office']);
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  it('the city ranks the districts from the roll-up of their verified records under its own scheme', async () => {
    const city = (await must('city snapshot', get(tok['city-leader'], `/api/quarters/${Q}/snapshots/1`), 200)).body;
    expect(city.units.map((u: { unitName: string; overallRank: number }) => [u.unitName, u.overallRank])).toEqual([['中共甲区委组织部', 1], ['中共乙区委组织部', 2]]);
    // Each district has one unit and the same scheme as the city, and neither the unit nor the
    // district filed monthly reports: the city's total of a district is its unit's own total.
    for (const [key, row] of [['d1', city.units[0]], ['d2', city.units[1]]] as const) {
      const own = (await must(key, get(tok[`${key}-office`], `/api/quarters/${Q}/snapshots/1`), 200)).body;
      expect(row.total).toBe(own.units[0].total);
      // The city's statement of the district lists the district's adoptions, line by line.
      const statement = await must(`${key} statement`, get(tok['city-office'], `/api/scores/statement?quarter=${Q}&unitId=${row.unitId}`), 200);
      for (const id of district[key].articleIds) expect(JSON.stringify(statement.body)).toContain(`"articleId":${id}`);
    }
    expect(city.units[0].total).toBeGreaterThan(city.units[1].total);
    const notices = (await get(tok['city-leader'], '/api/notices')).body;
    expect(notices).toEqual([expect.objectContaining({ quarter: Q, revision: 1 })]);
    const notice = await must('city notice', get(tok['city-leader'], `/api/notices/${notices[0].id}`), 200);
    expect(JSON.stringify(notice.body)).toContain('中共甲区委组织部');
  });

  it('the city’s ranking, snapshot and notice count each district’s adoptions and go to 各区委组织部', async () => {
    const ranking = (await must('city ranking', get(tok['city-office'], `/api/scores/ranking?quarter=${Q}`), 200)).body;
    expect(ranking.overall.map((r: { name: string; placements: { total: number; media: { central: number } } }) => [r.name, r.placements.total, r.placements.media.central]))
      .toEqual([['中共甲区委组织部', 2, 2], ['中共乙区委组织部', 1, 1]]);
    const city = (await must('city snapshot', get(tok['city-leader'], `/api/quarters/${Q}/snapshots/1`), 200)).body;
    type Row = { unitName: string; articlesSubmitted: number; central: number; provincial: number; municipal: number; district: number };
    expect(city.units.map((u: Row) => [u.unitName, u.articlesSubmitted, u.central, u.provincial + u.municipal + u.district]))
      .toEqual([['中共甲区委组织部', 2, 2, 0], ['中共乙区委组织部', 1, 1, 0]]);
    expect(city.summary).toMatchObject({ articlesSubmitted: 3, placements: 3, byLevel: { central: 3, provincial: 0, municipal: 0, district: 0 } });
    const [listed] = (await get(tok['city-leader'], '/api/notices')).body;
    const data = (await must('city notice', get(tok['city-leader'], `/api/notices/${listed.id}`), 200)).body.data as NoticeData;
    expect(data.overall.map((r) => [r.unitName, r.central])).toEqual([['中共甲区委组织部', 2], ['中共乙区委组织部', 1]]);
    // 附件2 and the body's highlights list the districts' adoptions, each under its district.
    expect(data.adoptions.map((a) => [a.unitNames, a.title]).sort()).toEqual([
      [['中共乙区委组织部'], '乙区城关街道红色议事厅'],
      [['中共甲区委组织部'], '甲区城关街道党建引领物业管理'],
      [['中共甲区委组织部'], '甲区城关街道网格治理见实效'],
    ].sort());
    expect(data.highlightsTotal).toBe(3);
    expect(data.office.below).toEqual({ regionNames: ['甲区', '乙区'], ownUnits: false });
    expect(noticeRecipients(data)).toBe('各区委组织部：');
    // A district's own notice still goes to its units.
    const d1 = (await get(tok['d1-office'], '/api/notices')).body;
    const d1data = (await must('d1 notice', get(tok['d1-office'], `/api/notices/${d1[0].id}`), 200)).body.data as NoticeData;
    expect(d1data.office.below).toBeUndefined();
    expect(d1data.overall.map((r) => [r.unitName, r.central])).toEqual([['甲区城关街道党工委', 2]]);
  });

  it('each district sees its position in the city’s ranking', async () => {
    const d1 = (await must('d1 position', get(tok['d1-office'], `/api/offices/parent-ranking/${Q}`), 200)).body;
    expect(d1).toMatchObject({ parent: { regionName: '示例市' }, quarter: Q, revision: 1, unit: { unitName: '中共甲区委组织部', overallRank: 1, groupRank: 1 }, groupSize: 2 });
    const d2 = (await must('d2 position', get(tok['d2-officer'], `/api/offices/parent-ranking/${Q}`), 403)).body;
    expect(d2.code).toBe('forbidden');
    const d2office = (await must('d2 office position', get(tok['d2-office'], `/api/offices/parent-ranking/${Q}`), 200)).body;
    expect(d2office.unit).toMatchObject({ unitName: '中共乙区委组织部', overallRank: 2 });
    expect((await get(tok['city-office'], `/api/offices/parent-ranking/${Q}`)).status).toBe(404);
    // Without a quarter: the latest the city published (what the leader's home shows first).
    const latest = (await must('d2 latest position', get(tok['d2-office'], '/api/offices/parent-ranking'), 200)).body.position;
    expect(latest).toMatchObject({ quarter: Q, unit: { unitName: '中共乙区委组织部', overallRank: 2 }, groupSize: 2 });
    const top = await must('city latest position', get(tok['city-office'], '/api/offices/parent-ranking'), 200);
    expect(top.body).toEqual({ position: null });
  });

  it('each district reads its own statement in the city’s ranking: the lines add up to its total there', async () => {
    const d1 = (await must('d1 statement', get(tok['d1-office'], `/api/offices/parent-ranking/${Q}/statement`), 200)).body;
    const position = (await get(tok['d1-office'], `/api/offices/parent-ranking/${Q}`)).body;
    expect(d1).toMatchObject({ parent: { id: cityId }, quarter: Q, revision: 1, overallRank: 1, total: position.unit.total, statement: { quarter: Q, unit: { name: '中共甲区委组织部' } } });
    const lines = d1.statement.lines as { ruleLabel: string; explanation: string; amount: number; recordLabel: string }[];
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.reduce((sum, l) => sum + l.amount, 0)).toBe(position.unit.total);
    expect(d1.statement.total).toBe(position.unit.total);
    expect(lines.every((l) => l.ruleLabel !== '' && l.explanation !== '')).toBe(true);
    // The lines name the district's own articles, which the city's roll-up scored.
    expect(lines.map((l) => l.recordLabel)).toContain('甲区城关街道网格治理见实效');

    // The latest published ranking without a quarter; only the district's own unit, whoever asks.
    const latest = (await must('d2 latest statement', get(tok['d2-office'], '/api/offices/parent-statement'), 200)).body;
    expect(latest).toMatchObject({ quarter: Q, overallRank: 2, statement: { unit: { name: '中共乙区委组织部' } } });
    expect(JSON.stringify(latest)).not.toContain('甲区城关街道');
    expect((await get(tok['d2-officer'], `/api/offices/parent-ranking/${Q}/statement`)).status).toBe(403);
    expect((await get(tok['city-office'], '/api/offices/parent-statement')).status).toBe(404);
  });

  it('a district officer cannot read the other district’s records', async () => {
    const other = district.d2.articleIds[0];
    expect((await get(tok['d1-officer'], `/api/articles/${other}`)).status).toBe(404);
    expect((await get(tok['d1-office'], `/api/articles/${other}`)).status).toBe(404);
    const list = await must('list', get(tok['d1-officer'], '/api/articles'), 200);
    expect(JSON.stringify(list.body)).not.toContain('乙区城关街道');
    expect(JSON.stringify(list.body)).toContain('甲区城关街道网格治理见实效');
  });

  it('a city leader reads both districts’ notices', async () => {
    for (const key of ['d1', 'd2'] as const) {
      const notices = await must(key, get(tok['city-leader'], `/api/offices/${district[key].officeId}/notices`), 200);
      expect(notices.body).toEqual([expect.objectContaining({ quarter: Q, revision: 1 })]);
      const notice = await must(`${key} notice`, get(tok['city-leader'], `/api/offices/${district[key].officeId}/notices/${notices.body[0].id}`), 200);
      expect(JSON.stringify(notice.body)).toContain(key === 'd1' ? '甲区城关街道党工委' : '乙区城关街道党工委');
    }
    expect((await get(tok['d1-office'], `/api/offices/${district.d2.officeId}/notices`)).status).toBe(404);
  });

  it('the city’s scores follow when a district verifies a record', async () => {
    const q2 = '2025-Q2';
    const d2Row = async () => {
      const ranking = await must('city ranking', get(tok['city-office'], `/api/scores/ranking?quarter=${q2}`), 200);
      return (ranking.body.overall as { name: string; total: number; placements: { total: number } }[]).find((r) => r.name === '中共乙区委组织部');
    };
    expect((await d2Row())?.total ?? 0).toBe(0);
    const rmrb = await outletId(tok['d2-officer'], '人民日报');
    await recordVerified(tok['d2-officer'], tok['d2-reviewer'], tok['d2-office'], '乙区城关街道新时代文明实践站', rmrb, '2025-04-01');
    // The district's recompute (queued by the verification) asks for the city's; wait for both.
    const ds = t.app.get(DataSource);
    const latest = async (officeId: number) =>
      Number((await ds.query("SELECT id FROM jobs WHERE name = 'scores.recompute' AND officeId = ? ORDER BY id DESC", [officeId]))[0].id);
    expect((await t.waitForJob(tok['d2-office'], await latest(district.d2.officeId))).status).toBe('done');
    expect((await t.waitForJob(tok['city-office'], await latest(cityId))).status).toBe('done');
    const after = await d2Row();
    expect(after?.total).toBeGreaterThan(0);
    expect(after?.placements.total).toBe(1);
  });
});

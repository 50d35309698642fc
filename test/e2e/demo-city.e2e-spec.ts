// Issue #15, offices point 4: `npm start` (the demo seed with its records) shows a city ranking
// its three districts, one of them the demo district, which keeps its id and its logins.
import { prevQuarter } from '@app/scoring';
import { bearer, createTestApp, CURRENT_QUARTER, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';

describe.each(testBackends('demo_city'))('the demo city ranks its districts ($label)', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(backend, { DEMO_RECORDS: 'true' });
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('the city office and leader see the three districts ranked, scored at once from their records', async () => {
    for (const username of ['cityoffice', 'cityleader']) {
      const token = await t.login(username);
      const ranking = await t.http().get(`/api/scores/ranking?quarter=${prevQuarter(CURRENT_QUARTER)}`).set(bearer(token));
      expect(ranking.status).toBe(200);
      const rows = ranking.body.overall as { name: string; total: number; placements: { total: number } }[];
      expect(rows.map((r) => r.name).sort()).toEqual(['北江区委组织部', '南山区委组织部', '示例区委组织部'].sort());
      expect(rows.filter((r) => r.total <= 0 || r.placements.total <= 0)).toEqual([]);
    }
    const offices = (await t.http().get('/api/offices').set(bearer(await t.login('cityleader')))).body as { id: number; regionName: string; own: boolean }[];
    expect(offices.map((o) => [o.regionName, o.own])).toEqual([['示例市', true], ['示例区', false], ['北江区', false], ['南山区', false]]);
    expect(offices[1].id).toBe(1);
    await t.login('cityadmin');
  });

  it('the demo district keeps its id, units and logins, and sees only itself', async () => {
    const office = await t.login('office');
    const own = (await t.http().get('/api/offices').set(bearer(office))).body as { id: number; regionName: string; own: boolean }[];
    expect(own.map((o) => [o.id, o.regionName, o.own])).toEqual([[1, '示例区', true]]);
    expect((await t.http().get('/api/units').set(bearer(office))).body.total).toBe(20);
    for (const username of ['admin', 'leader', 'officer', 'reviewer', 'officer2']) await t.login(username);
    // The small districts' office accounts verify their own records.
    const bj = await t.login('bjoffice');
    const bjUnits = (await t.http().get('/api/units').set(bearer(bj))).body.items as { name: string }[];
    expect(bjUnits.map((u) => u.name)).toEqual(expect.arrayContaining(['江滨街道党工委', '桃山镇党委', '北江区教育局党委']));
  });
});

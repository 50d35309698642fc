// Issue #15, offices: each office's own business settings (offices.settings) are in force for
// its records, with the deployment's as fallback: the monthly report's due day, the length of
// the dispute window and the margin before which a publication date is questioned.
import { QuarterSchedulerService } from '../../apps/api/src/publication/quarter-scheduler.service';
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { noonOf } from '../utils/clock';
import { officeSteps, TEMP_PASSWORD as TEMP } from '../utils/offices';
import { testBackends } from '../utils/backends';

const DAY_MS = 86_400_000;
const daysFrom = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;

describe.each(testBackends('offices-settings'))('per-office business settings ($label)', (backend) => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  let unitA: number;
  let unitB: number;
  const { post, get, must, activate, outletId } = officeSteps(() => t);
  const patch = (token: string, body: object) => t.http().patch('/api/offices/settings').set(bearer(token)).send(body);
  const put = (token: string, url: string, body: object) => t.http().put(url).set(bearer(token)).send(body);

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const u of ['admin', 'office', 'officer']) tok[u] = await t.login(u);
    unitA = (await must('me', get(tok.officer, '/api/auth/me'), 200)).body.unitId;
    const root = (await must('offices', get(tok.admin, '/api/offices'), 200)).body[0].id;
    await must('office B', post(tok.admin, '/api/offices', {
      parentId: root, code: 'DIST-S', name: '中共丙区委组织部办公室', regionName: '丙区',
      settings: { monthlyReportDueDay: 5, quarterDisputeDays: 3, placementEarlyMarginDays: 0 },
      admin: { username: 's-admin', displayName: '丙区管理员', password: TEMP },
    }), 201);
    tok.bAdmin = await activate('s-admin');
    const group = await must('B group', post(tok.bAdmin, '/api/ranking-groups', { code: 'TOWNS', name: '乡镇组' }), 201);
    unitB = (await must('B unit', post(tok.bAdmin, '/api/units', { code: 'SZ1', name: '丙区西湖镇党委', groupId: group.body.id }), 201)).body.id;
    for (const [username, role] of [['s-office', 'office'], ['s-officer', 'officer']]) {
      await must(username, post(tok.bAdmin, '/api/users', { username, displayName: `丙区${role}`, role, unitId: role === 'officer' ? unitB : undefined, password: TEMP }), 201);
      tok[username] = await activate(username);
    }
    // Office A (the deployment's root) overrides the due day and the dispute window, keeps the deployment's margin.
    await must('A settings', patch(tok.office, { monthlyReportDueDay: 10, quarterDisputeDays: 9 }), 200);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('the office reads and sets its settings; bad values are refused field by field and change nothing', async () => {
    const mine = await get(tok.office, '/api/offices/settings');
    expect(mine.status).toBe(200);
    const deployment = { monthlyReportDueDay: t.config.business.monthlyReportDueDay, quarterDisputeDays: t.config.business.disputeDays, placementEarlyMarginDays: t.config.business.placementEarlyMarginDays };
    expect(mine.body).toMatchObject({ own: { monthlyReportDueDay: 10, quarterDisputeDays: 9 }, deployment, effective: { ...deployment, monthlyReportDueDay: 10, quarterDisputeDays: 9 } });
    expect((await get(tok['s-office'], '/api/offices/settings')).body.effective).toEqual({ monthlyReportDueDay: 5, quarterDisputeDays: 3, placementEarlyMarginDays: 0 });

    const bad = await patch(tok.office, { monthlyReportDueDay: 31, quarterDisputeDays: -1, placementEarlyMarginDays: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual({ monthlyReportDueDay: '不能大于 28', quarterDisputeDays: '不能小于 0', placementEarlyMarginDays: expect.any(String) });
    expect((await get(tok.office, '/api/offices/settings')).body.own).toEqual({ monthlyReportDueDay: 10, quarterDisputeDays: 9 });
    expect((await patch(tok.officer, { monthlyReportDueDay: 3 })).status).toBe(403);

    // null returns a setting to the deployment's; the change is audited.
    const cleared = await patch(tok.bAdmin, { placementEarlyMarginDays: null });
    expect(cleared.body).toMatchObject({ own: { monthlyReportDueDay: 5, quarterDisputeDays: 3 }, effective: { placementEarlyMarginDays: deployment.placementEarlyMarginDays } });
    await must('B margin back', patch(tok.bAdmin, { placementEarlyMarginDays: 0 }), 200);
    const audit = (await get(tok.bAdmin, '/api/audit?entity=office')).body.items as { action: string; after: { settings: object } }[];
    expect(audit.filter((e) => e.action === 'update').map((e) => e.after.settings)).toEqual(
      expect.arrayContaining([{ monthlyReportDueDay: 5, quarterDisputeDays: 3 }, { monthlyReportDueDay: 5, quarterDisputeDays: 3, placementEarlyMarginDays: 0 }]),
    );
  });

  it('a report filed on the 7th is on time where reports are due on the 10th and late where due on the 5th', async () => {
    const body = { articlesSubmitted: 2, placementsAdopted: 1, receivedVia: 'email', receivedNote: '3月7日收到邮件', filedAt: '2025-03-07 09:00' };
    const a = await put(tok.office, `/api/monthly-reports/2025-02/units/${unitA}`, body);
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ dueDate: '2025-03-10', status: 'on-time' });
    const b = await put(tok['s-office'], `/api/monthly-reports/2025-02/units/${unitB}`, body);
    expect(b.status).toBe(200);
    expect(b.body).toMatchObject({ dueDate: '2025-03-05', status: 'late' });
    const compliance = (await get(tok['s-office'], '/api/monthly-reports/compliance?month=2025-02')).body;
    expect(compliance).toMatchObject({ dueDate: '2025-03-05', summary: { late: 1 } });
    const listed = (await get(tok.office, '/api/monthly-reports?from=2025-02&to=2025-02')).body.items;
    expect(listed.map((r: { unitId: number; dueDate: string; status: string }) => [r.unitId, r.dueDate, r.status])).toEqual([[unitA, '2025-03-10', 'on-time']]);
  });

  it('the dispute window is as long as the office says', async () => {
    t.clock.set(new Date());
    try {
      const today = t.clock.today();
      const a = await post(tok.office, '/api/quarters/2024-Q3/review');
      const b = await post(tok['s-office'], '/api/quarters/2024-Q3/review');
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(daysFrom(today, a.body.disputeUntil)).toBe(9);
      expect(daysFrom(today, b.body.disputeUntil)).toBe(3);
    } finally {
      t.clock.release();
    }
  });

  it('a publication date well before the submission is questioned by the office’s own margin', async () => {
    const place = async (officer: string, title: string) => {
      // Officers record on the day (issue #14): the clock stands on the submission day for the article.
      const article = await t.clock.during(noonOf('2025-02-20'), () => must('article', post(officer, '/api/articles', { title, submittedAt: '2025-02-20' }), 201));
      const outlet = await outletId(officer, '人民日报');
      return must('placement', post(officer, `/api/articles/${article.body.id}/placements`, { outletId: outlet, publishedAt: '2025-02-18' }), 201);
    };
    // Two days early: within the deployment's margin (A), beyond B's margin of 0 days.
    expect(t.config.business.placementEarlyMarginDays).toBeGreaterThanOrEqual(2);
    expect((await place(tok.officer, '甲区稿件刊发日期早两天')).body.warnings).toEqual([]);
    expect((await place(tok['s-officer'], '丙区稿件刊发日期早两天')).body.warnings).toEqual([expect.objectContaining({ field: 'publishedAt' })]);
  });

  it('each office opens a finished quarter\'s review after its own last report is due, and lists that date', async () => {
    // Listed: 2025-Q4's December report is due on 2026-01-10 in office A and on 2026-01-05 in B.
    const settled = (token: string) => t.clock.during(noonOf('2025-11-20'), async () =>
      (await get(token, '/api/quarters')).body.find((q: { quarter: string }) => q.quarter === '2025-Q4')?.settledDate);
    expect(await settled(tok.office)).toBe('2026-01-10');
    expect(await settled(tok['s-office'])).toBe('2026-01-05');
    // Opened: 2023-Q3's September report is due on 2023-10-10 in A and on 2023-10-05 in B.
    const scheduler = t.app.get(QuarterSchedulerService);
    expect(await scheduler.tick('2023-10-06')).toEqual({ opened: ['DIST-S:2023-Q3'] });
    expect(await scheduler.tick('2023-10-10')).toEqual({ opened: [] });
    expect(await scheduler.tick('2023-10-11')).toEqual({ opened: ['DEMO:2023-Q3'] });
  });
});

import { DataSource } from 'typeorm';
import { ScoreLedgerService } from '../../apps/api/src/score-ledger/score-ledger.service';
import { Unit } from '../../apps/api/src/units/unit.entity';
import { createFactories } from '../factories';
import { testBackends } from '../utils/backends';
import { bearer, createTestApp, type TestApp } from '../utils/app';

interface Line {
  ruleId: string;
  recordType: string;
  recordId: number;
}

describe.each(testBackends('office-records'))('the office records for a unit with the real times ($label)', (backend) => {
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

  const put = (token: string, url: string, body: object) => t.http().put(url).set(bearer(token)).send(body);
  const statementLines = async (unitId: number, quarter: string): Promise<Line[]> => {
    // Scored now rather than by the queued recompute, whose timing differs between the backends.
    await t.app.get(ScoreLedgerService).recompute({ officeId: unit.LJJD.officeId, quarters: [quarter], reason: 'test' });
    return (await t.http().get(`/api/scores/statement?unitId=${unitId}&quarter=${quarter}`).set(bearer(office))).body.lines;
  };
  const audit = async (action: string) => (await t.http().get(`/api/audit?action=${action}`).set(bearer(office))).body.items as { entity: string; before: unknown; after: unknown }[];

  it('records a monthly report received by e-mail on the due day at 23:50 (Asia/Shanghai): it scores on time', async () => {
    const url = `/api/monthly-reports/2023-07/units/${unit.QSZ.id}`;
    const body = { articlesSubmitted: 4, placementsAdopted: 2, receivedVia: 'email', receivedNote: '8月6日 00:10 收到青石镇邮件' };
    // Ten minutes after the due day ends: late.
    const late = await put(office, url, { ...body, filedAt: '2023-08-06 00:10' });
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ status: 'late', report: { filedDate: '2023-08-06', receivedVia: 'email', officeRecordedBy: expect.any(Number) } });
    const compliance = (await t.http().get('/api/monthly-reports/compliance?month=2023-07').set(bearer(office))).body.units;
    expect(compliance.find((s: { unitId: number }) => s.unitId === unit.QSZ.id).report).toMatchObject({ receivedVia: 'email', receivedNote: body.receivedNote });
    expect((await statementLines(unit.QSZ.id, '2023-Q3')).filter((l) => l.ruleId === 'monthly-report.late')).toHaveLength(1);

    // Corrected to what the mailbox shows: 5 August 23:50 Beijing time, the due day.
    const corrected = await put(office, url, { ...body, receivedNote: '8月5日 23:50 收到青石镇邮件', filedAt: '2023-08-05T23:50', version: late.body.report.version });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ status: 'on-time', report: { filedDate: '2023-08-05', filedAt: '2023-08-05T15:50:00.000Z' } });
    const lines = await statementLines(unit.QSZ.id, '2023-Q3');
    expect(lines.map((l) => l.ruleId)).not.toContain('monthly-report.late');
    const entries = (await audit('office-record')).filter((e) => e.entity === 'monthly_report');
    expect(entries.map((e) => [(e.before as { filedDate?: string } | null)?.filedDate ?? null, (e.after as { filedDate: string }).filedDate])).toEqual(
      expect.arrayContaining([[null, '2023-08-06'], ['2023-08-06', '2023-08-05']]),
    );
  });

  it('refuses times in the future, before the month, out of range, and records without how they came in', async () => {
    const url = `/api/monthly-reports/2023-09/units/${unit.LJJD.id}`;
    const body = { articlesSubmitted: 1, placementsAdopted: 0, receivedVia: 'paper', receivedNote: '纸质报表' };
    const future = await put(office, url, { ...body, filedAt: `${new Date().getUTCFullYear() + 1}-01-02 09:00` });
    expect(future.status).toBe(422);
    expect(future.body.errors.filedAt).toContain('不能晚于当前时间');
    const early = await put(office, url, { ...body, filedAt: '2023-08-31 09:00' });
    expect(early.status).toBe(422);
    expect(early.body.errors.filedAt).toBeDefined();
    const ancient = await put(office, url, { ...body, filedAt: '1999-12-31 09:00' });
    expect(ancient.status).toBe(400);
    expect(ancient.body.errors.filedAt).toBeDefined();
    const how = await put(office, url, { articlesSubmitted: 1, placementsAdopted: 0, filedAt: '2023-10-03 09:00', receivedVia: 'pigeon', receivedNote: ' ' });
    expect(how.status).toBe(400);
    expect(Object.keys(how.body.errors).sort()).toEqual(['receivedNote', 'receivedVia']);
    expect(Number((await ds.query("SELECT COUNT(*) AS n FROM monthly_reports WHERE month = '2023-09'"))[0].n)).toBe(0);
  });

  it('officers still cannot back-date: no filing time in their own route, no access to the office routes', async () => {
    const own = await put(officer, '/api/monthly-reports/2023-10', { articlesSubmitted: 1, placementsAdopted: 0, filedAt: '2023-11-01 09:00' });
    expect(own.status).toBe(400);
    expect(own.body.errors.filedAt).toBeDefined();
    const other = await put(officer, `/api/monthly-reports/2023-10/units/${unit.LJJD.id}`, { articlesSubmitted: 1, placementsAdopted: 0, filedAt: '2023-11-01 09:00', receivedVia: 'email', receivedNote: '邮件' });
    expect(other.status).toBe(403);
  });

  it('records an article’s submission time and a 约稿 answer’s time, marked and audited, and the 约稿 scores on time', async () => {
    const f = createFactories(ds);
    const officeId = unit.LJJD.officeId;
    const article = await f.articles.create({ officeId, units: [unit.RSJ.id], title: '人社局纸质报送稿件', submittedAt: '2023-05-20' });
    const res = await put(office, `/api/articles/${article.id}/submission`, { submittedAt: '2023-05-12 17:30', receivedVia: 'paper', receivedNote: '5月12日下班前送来纸质稿', version: article.version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ submittedDate: '2023-05-12', officeRecorded: { receivedVia: 'paper', receivedNote: '5月12日下班前送来纸质稿' } });
    expect((await put(officer, `/api/articles/${article.id}/submission`, { submittedAt: '2023-05-01', receivedVia: 'paper', receivedNote: 'x', version: 1 })).status).toBe(403);

    const answer = await f.articles.create({ officeId, units: [unit.QSZ.id], title: '青石镇约稿答复', submittedAt: '2023-06-25' });
    const commission = await f.commissions.create({ officeId, topic: '乡村振兴典型', deadline: '2023-06-20', targets: [{ unitId: unit.QSZ.id }] });
    const recorded = await put(office, `/api/commissions/${commission.id}/targets/${unit.QSZ.id}/answer`, {
      articleId: answer.id, answeredAt: '2023-06-20 21:30', receivedVia: 'phone', receivedNote: '6月20日晚电话告知已发邮箱',
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body.officeRecorded).toEqual({ receivedVia: 'phone', receivedNote: '6月20日晚电话告知已发邮箱' });
    const listed = (await t.http().get(`/api/commissions/${commission.id}`).set(bearer(office))).body.targets;
    expect(listed.find((x: { unitId: number }) => x.unitId === unit.QSZ.id).officeRecorded).toMatchObject({ receivedVia: 'phone' });
    const lines = await statementLines(unit.QSZ.id, '2023-Q2');
    expect(lines.filter((l) => l.recordType === 'commission').map((l) => l.ruleId)).toEqual(['commission.on-time']);
    const entries = await audit('office-record');
    expect(entries.map((e) => e.entity)).toEqual(expect.arrayContaining(['article', 'commission_target']));
    // The unit answering itself later replaces the office's record, mark included.
    const own = await f.articles.create({ officeId, units: [unit.QSZ.id], title: '青石镇自己回复的稿件', submittedAt: '2023-06-26' });
    const self = await t.http().post(`/api/commissions/${commission.id}/answer`).set(bearer(await t.login('officer2'))).send({ articleId: own.id });
    expect(self.status).toBe(200);
    expect(self.body).toMatchObject({ articleId: own.id, officeRecorded: null });
    const refused = await put(office, `/api/commissions/${commission.id}/targets/${unit.LJJD.id}/answer`, { articleId: answer.id, answeredAt: '2023-06-20 21:30', receivedVia: 'phone', receivedNote: '电话' });
    expect(refused.status).toBe(403);
  });
});

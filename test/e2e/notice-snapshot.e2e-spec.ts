import JSZip from 'jszip';
import { DataSource } from 'typeorm';
import { Article } from '../../apps/api/src/articles/article.entity';
import { NoticeDocument } from '../../apps/api/src/notices/notice-document.entity';
import { NoticesService } from '../../apps/api/src/notices/notices.service';
import type { NoticeData } from '@app/notice';
import { Outlet } from '../../apps/api/src/outlets/outlet.entity';
import { Unit } from '../../apps/api/src/units/unit.entity';
import { createFactories } from '../factories';
import { testBackends } from '../utils/backends';
import { bearer, createTestApp, CURRENT_QUARTER as currentQuarter, download, TODAY as today, type TestApp } from '../utils/app';

interface StatementLine {
  ruleId: string;
  recordType: string;
  recordId: number;
  amount: number;
}


/** Every XML part of a DOCX or XLSX but the package's own timestamps (docProps/core.xml). */
async function content(buffer: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(buffer);
  const files: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    if (name !== 'docProps/core.xml' && !zip.files[name].dir) files[name] = await zip.files[name].async('string');
  }
  return files;
}

describe.each(testBackends('notice-snapshot'))('the notice is built from its snapshot alone ($label)', (backend) => {
  let t: TestApp;
  let ds: DataSource;
  let office: string;
  let leader: string;
  let unit: Record<string, Unit>;
  let outlet: Record<string, Outlet>;

  beforeAll(async () => {
    t = await createTestApp(backend);
    ds = t.app.get(DataSource);
    [office, leader] = await Promise.all(['office', 'leader'].map((u) => t.login(u)));
    unit = Object.fromEntries((await ds.getRepository(Unit).find()).map((u) => [u.code, u]));
    outlet = Object.fromEntries((await ds.getRepository(Outlet).find()).map((o) => [o.code, o]));
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (url: string, body: object = {}) => t.http().post(url).set(bearer(office)).send(body);
  const publish = async (quarter: string, body: object = {}) => {
    const job = await post(`/api/quarters/${quarter}/publish`, body);
    expect(job.status).toBe(202);
    expect(await t.waitForJob(office, job.body.id)).toMatchObject({ status: 'done' });
    const [render] = await ds.query("SELECT id FROM jobs WHERE name = 'notices.render' ORDER BY id DESC LIMIT 1");
    expect(await t.waitForJob(office, Number(render.id))).toMatchObject({ status: 'done' });
    const list = (await t.http().get('/api/notices').set(bearer(leader))).body as { id: number; quarter: string }[];
    return list.find((n) => n.quarter === quarter)!.id;
  };
  const view = async (id: number) => (await t.http().get(`/api/notices/${id}`).set(bearer(leader))).body.data as NoticeData;

  it('re-rendering after later edits gives identical DOCX, XLSX and web content; excluded entries are one sentence and 附件3', async () => {
    const f = createFactories(ds);
    const officeId = unit.LJJD.officeId;
    const article = await f.articles.create({ officeId, units: [unit.LJJD.id], title: '临江街道“红色物业”经验', submittedAt: '2023-04-02' });
    await f.placements.create({ article, outlet: outlet.RMRB, publishedAt: '2023-04-10' });
    const pending = await f.articles.create({ officeId, units: [unit.QSZ.id], title: '青石镇待核定稿件', submittedAt: '2023-06-05', status: 'submitted' });
    expect(pending.id).toBeGreaterThan(0);
    expect((await post('/api/quarters/2023-Q2/close', { excludeUnverified: true })).status).toBe(200);
    const id = await publish('2023-Q2');

    const data = await view(id);
    const overview = JSON.stringify(data.summary.excluded);
    expect(overview).toContain(unit.QSZ.name);
    const before = {
      json: data,
      docx: await content(await download(t, `/api/notices/${id}/notice.docx`, leader)),
      xlsx: await content(await download(t, `/api/notices/${id}/notice.xlsx`, leader)),
    };
    const body = before.docx['word/document.xml'];
    expect(body).toContain('另有1条未核定的记录不计入本次排名，明细见附件3。');
    expect(body).toContain('未核定记录明细表');
    expect(body).not.toContain('青石镇待核定稿件》');
    expect(Object.keys(before.xlsx).join()).toContain('sheet5.xml');

    // Later edits: a title corrected, another adoption verified, the notice texts changed.
    await ds.getRepository(Article).update({ id: article.id }, { title: '临江街道“红色物业”经验（修订）' });
    const late = await f.articles.create({ officeId, units: [unit.RSJ.id], title: '人社局补录稿件', submittedAt: '2023-05-05' });
    await f.placements.create({ article: late, outlet: outlet['CITY-ZGXX'], publishedAt: '2023-06-01' });
    expect((await t.http().patch('/api/quarters/2023-Q2/notice-texts').set(bearer(office)).send({ copyTo: '区委办公室、区政府办公室' })).status).toBe(200);

    // A retried render (the stored files lost) reads only the frozen notice.
    await ds.getRepository(NoticeDocument).delete({ snapshotId: id });
    await t.app.get(NoticesService).render({ snapshotId: id });
    expect(await view(id)).toEqual(before.json);
    expect(await content(await download(t, `/api/notices/${id}/notice.docx`, leader))).toEqual(before.docx);
    expect(await content(await download(t, `/api/notices/${id}/notice.xlsx`, leader))).toEqual(before.xlsx);
  });

  it('names no unit as missing a 约稿 whose deadline has not come, as the scores do', async () => {
    const f = createFactories(ds);
    const officeId = unit.LJJD.officeId;
    const answer = await f.articles.create({ officeId, units: [unit.LJJD.id], title: '临江街道约稿答复', submittedAt: today });
    await f.commissions.create({ officeId, topic: '年终工作总结', deadline: today, targets: [{ unitId: unit.LJJD.id, articleId: answer.id }, { unitId: unit.QSZ.id }] });
    expect((await post(`/api/quarters/${currentQuarter}/close`, { excludeUnverified: true })).status).toBe(200);
    const id = await publish(currentQuarter, { overrideReason: '测试提前发布' });
    const data = await view(id);
    expect(data.commissions).toEqual([expect.objectContaining({ topic: '年终工作总结', targets: 2, onTime: 1, missing: 0, late: 0, pending: 1, lateOrMissingUnits: [] })]);
    const docx = await content(await download(t, `/api/notices/${id}/notice.docx`, leader));
    expect(docx['word/document.xml']).not.toContain('未按时完成约稿任务');
    expect(docx['word/document.xml']).toContain('另有1篇尚未到截止日期');
    const qsz = data.overall.find((r) => r.unitId === unit.QSZ.id)!;
    expect([qsz.commissionsDone, qsz.commissionsDue]).toEqual([0, 0]);
    const statement = (await t.http().get(`/api/scores/statement?unitId=${unit.QSZ.id}&quarter=${currentQuarter}`).set(bearer(office))).body;
    expect(statement.lines.filter((l: StatementLine) => l.recordType === 'commission')).toEqual([]);
  });
});

describe.each(testBackends('notice-statements'))('every published demo quarter: notice and statements agree line by line ($label)', (backend) => {
  let t: TestApp;
  let ds: DataSource;
  let office: string;

  beforeAll(async () => {
    t = await createTestApp(backend, { DEMO_RECORDS: 'true' });
    ds = t.app.get(DataSource);
    office = await t.login('office');
    // The seed publishes its past quarters through the real jobs: wait for them and their notices.
    const jobs: { id: unknown }[] = await ds.query("SELECT id FROM jobs WHERE name = 'quarters.publish' ORDER BY id");
    for (const j of jobs) await t.waitForJob(office, Number(j.id), 60_000);
    const renders: { id: unknown }[] = await ds.query("SELECT id FROM jobs WHERE name = 'notices.render' ORDER BY id");
    for (const j of renders) await t.waitForJob(office, Number(j.id), 60_000);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('compares each unit row, 约稿 outcome, 事项 and 加减分 of the notice with the unit’s statement and the snapshot lines', async () => {
    const notices = (await t.http().get('/api/notices').set(bearer(office))).body as { id: number; quarter: string }[];
    expect(notices).toHaveLength(4);
    let compared = 0;
    for (const n of notices) {
      const data = (await t.http().get(`/api/notices/${n.id}`).set(bearer(office))).body.data as NoticeData;
      expect(data.overall.length).toBeGreaterThan(0);
      const frozen: { unitId: unknown; total: unknown }[] = await ds.query('SELECT unitId, SUM(amount) AS total FROM snapshot_lines WHERE snapshotId = ? GROUP BY unitId', [n.id]);
      const frozenTotal = new Map(frozen.map((r) => [Number(r.unitId), Number(r.total)]));
      for (const row of data.overall) {
        const statement = (await t.http().get(`/api/scores/statement?unitId=${row.unitId}&quarter=${n.quarter}`).set(bearer(office))).body;
        const lines = statement.lines as StatementLine[];
        const count = (...rules: string[]) => lines.filter((l) => rules.includes(l.ruleId)).length;
        const sum = (type: string) => lines.filter((l) => l.recordType === type).reduce((a, l) => a + l.amount, 0);
        const figures = {
          total: row.total,
          monthlyLate: row.monthlyLate,
          monthlyMissing: row.monthlyMissing,
          commissionsDone: row.commissionsDone,
          commissionsLateOrMissed: row.commissionsDue - row.commissionsDone,
          namedLateOrMissing: data.commissions.flatMap((c) => c.lateOrMissingUnits).filter((name) => name === row.unitName).length,
          items: (data.items ?? []).filter((i) => i.unitName === row.unitName).length,
          adjustments: (data.adjustments ?? []).filter((a) => a.unitName === row.unitName).reduce((a, j) => a + j.points, 0),
        };
        const lateOrMissed = count('commission.late', 'commission.missed');
        expect({ quarter: n.quarter, unit: row.unitName, ...figures }).toEqual({
          quarter: n.quarter,
          unit: row.unitName,
          total: statement.total,
          monthlyLate: count('monthly-report.late'),
          monthlyMissing: count('monthly-report.missing'),
          commissionsDone: count('commission.on-time', 'commission.fulfilled'),
          commissionsLateOrMissed: lateOrMissed,
          namedLateOrMissing: lateOrMissed,
          items: new Set(lines.filter((l) => l.recordType === 'item').map((l) => l.recordId)).size,
          adjustments: sum('adjustment'),
        });
        expect(frozenTotal.get(row.unitId) ?? 0).toBe(row.total);
        compared++;
      }
    }
    // 20 demo units in each of the four published quarters
    expect(compared).toBe(80);
  });
});

// What leaders hand around as spreadsheets: a published quarter's ranking and the year view,
// read back with exceljs and compared with the pages' own answers.
import ExcelJS from 'exceljs';
import { createFactories } from '../factories';
import { testBackends } from '../utils/backends';
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { DataSource } from 'typeorm';
import { Outlet } from '../../apps/api/src/outlets/outlet.entity';
import { Unit } from '../../apps/api/src/units/unit.entity';

const Q = '2023-Q2';

interface SnapshotUnitRow {
  overallRank: number;
  groupRank: number;
  unitName: string;
  groupName: string;
  totalText: string;
}

describe.each(testBackends('ranking-exports'))('ranking and year exports ($label)', (backend) => {
  let t: TestApp;
  let leader: string;
  let office: string;

  async function book(url: string, token = leader): Promise<{ book: ExcelJS.Workbook; disposition: string }> {
    const res = await t.http().get(url).set(bearer(token)).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ArrayBuffer);
    return { book: workbook, disposition: String(res.headers['content-disposition']) };
  }
  const rows = (sheet: ExcelJS.Worksheet) => (sheet.getSheetValues().slice(1) as ExcelJS.CellValue[][]).map((r) => r.slice(1));

  beforeAll(async () => {
    t = await createTestApp(backend);
    const ds = t.app.get(DataSource);
    [office, leader] = await Promise.all(['office', 'leader'].map((u) => t.login(u)));
    const unit = Object.fromEntries((await ds.getRepository(Unit).find()).map((u) => [u.code, u]));
    const outlet = Object.fromEntries((await ds.getRepository(Outlet).find()).map((o) => [o.code, o]));
    const f = createFactories(ds);
    const a = await f.articles.create({ officeId: unit.LJJD.officeId, units: [unit.LJJD.id], title: '临江街道打造“红色物业”', submittedAt: '2023-04-02' });
    await f.placements.create({ article: a, outlet: outlet.RMRB, publishedAt: '2023-04-10' });
    const closed = await t.http().post(`/api/quarters/${Q}/close`).set(bearer(office)).send({ excludeUnverified: true });
    if (closed.status !== 200) throw new Error(`close: ${closed.status} ${JSON.stringify(closed.body)}`);
    const job = await t.http().post(`/api/quarters/${Q}/publish`).set(bearer(office)).send({});
    if (job.status !== 202) throw new Error(`publish: ${job.status} ${JSON.stringify(job.body)}`);
    const done = await t.waitForJob(office, job.body.id, 60_000);
    if (done.status !== 'done') throw new Error(`publish job ${done.status}: ${done.error}`);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('exports the published ranking: the overall list and one sheet per group, as the page shows them', async () => {
    const snapshot = (await t.http().get(`/api/quarters/${Q}/snapshots/1`).set(bearer(leader))).body as { units: SnapshotUnitRow[] };
    const { book: workbook, disposition } = await book(`/api/quarters/${Q}/snapshots/1/ranking.xlsx`);
    expect(disposition).toContain(encodeURIComponent('得分排名.xlsx'));
    const groups = [...new Set(snapshot.units.map((u) => u.groupName))];
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['总排名', ...groups]);

    const overall = rows(workbook.getWorksheet('总排名')!);
    expect(overall[0][0]).toBe('2023年第二季度得分排名');
    expect(overall[1]).toEqual(['排名', '单位', '分组', '报送数', '中央级', '省级', '市级', '区级', '批示', '约稿完成', '月报', '得分']);
    const byRank = [...snapshot.units].sort((x, y) => x.overallRank - y.overallRank);
    expect(overall.slice(2).map((r) => [r[0], r[1], r[2], r[11]])).toEqual(byRank.map((u) => [u.overallRank, u.unitName, u.groupName, u.totalText]));
    expect(overall[2]).toEqual([1, '临江街道党工委', expect.any(String), 1, 1, 0, 0, 0, 0, '—', expect.any(String), byRank[0].totalText]);

    const first = rows(workbook.getWorksheet(groups[0])!);
    expect(first.slice(2).map((r) => [r[0], r[1]])).toEqual(
      snapshot.units.filter((u) => u.groupName === groups[0]).sort((x, y) => x.groupRank - y.groupRank).map((u) => [u.groupRank, u.unitName]),
    );
  });

  it('exports the year view with each published quarter and the sum', async () => {
    const year = (await t.http().get('/api/rankings/year?year=2023').set(bearer(leader))).body as { overall: { rank: number; name: string; totalText: string; quarters: Record<string, string> }[] };
    const { book: workbook } = await book('/api/rankings/year.xlsx?year=2023');
    const overall = rows(workbook.getWorksheet('总排名')!);
    expect(overall[0][0]).toBe('2023年度得分汇总（已发布1个季度）');
    expect(overall[1]).toEqual(['排名', '单位', '第二季度', '合计']);
    expect(overall.slice(2)).toEqual(year.overall.map((r) => [r.rank, r.name, r.quarters[Q], r.totalText]));
  });

  it('refuses a year out of range with a field error', async () => {
    const res = await t.http().get('/api/rankings/year.xlsx?year=1999').set(bearer(leader));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual({ year: '不能小于 2000' });
  });

  it('records the exports in the audit log by name', async () => {
    const log = (await t.http().get('/api/audit?action=export&pageSize=10').set(bearer(office))).body.items as { subject: { label: string; link: string | null }; actor: { name: string } }[];
    expect(log.map((e) => [e.actor.name, e.subject.label])).toEqual([
      ['李部长', '2023年度得分汇总'],
      ['李部长', '2023年第二季度得分排名'],
    ]);
  });
});

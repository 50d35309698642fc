import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { readDocx, type DocxTable } from '../../apps/api/src/notices/render/testing/docx-reader';
import { PublishService } from '../../apps/api/src/publication/publish.service';
import { SchemesService } from '../../apps/api/src/schemes/schemes.service';
import { Outlet } from '../../apps/api/src/outlets/outlet.entity';
import { Unit } from '../../apps/api/src/units/unit.entity';
import { createFactories } from '../factories';
import { insertVerifiedPlacements } from '../utils/bulk-records';
import { testBackends } from '../utils/backends';
import { bearer, createTestApp, download, type TestApp } from '../utils/app';

const Q = '2023-Q2';
const LEVEL_LABELS = ['中央级', '省级', '市级', '区级'];
// The notice's sort order, restated here rather than imported from the code under test.
const zh = new Intl.Collator('zh-Hans-CN');

/** Rows 3… of a sheet up to (not including) the legend, as plain values. */
function sheetBody(sheet: ExcelJS.Worksheet, columns: number): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 3; r <= sheet.rowCount; r++) {
    const values = sheet.getRow(r).values as unknown[];
    out.push(Array.from({ length: columns }, (_, i) => values[i + 1] ?? null));
  }
  return out.slice(0, -1);
}

describe.each(testBackends('publication'))('quarterly publication ($label)', (backend) => {
  let t: TestApp;
  let ds: DataSource;
  let office: string;
  let leader: string;
  let officer: string;
  let unit: Record<string, Unit>;
  let outlet: Record<string, Outlet>;
  let pendingPlacementId: number;
  let firstPlacementId: number;

  beforeAll(async () => {
    t = await createTestApp(backend);
    ds = t.app.get(DataSource);
    [office, leader, officer] = await Promise.all(['office', 'leader', 'officer'].map((u) => t.login(u)));
    unit = Object.fromEntries((await ds.getRepository(Unit).find()).map((u) => [u.code, u]));
    outlet = Object.fromEntries((await ds.getRepository(Outlet).find()).map((o) => [o.code, o]));
    const f = createFactories(ds);
    const officeId = unit.LJJD.officeId;
    // LJJD: 人民日报 (central media, 30); LJJD+QSZ equal joint: 省日报 headline (10 × 2 = 20 → 10 each);
    // RSJ: 市《组工信息》 (municipal bulletin, 10); QSZ: one placement still awaiting the office.
    const a1 = await f.articles.create({ officeId, units: [unit.LJJD.id], title: '临江街道打造“红色物业”', submittedAt: '2023-04-02' });
    firstPlacementId = (await f.placements.create({ article: a1, outlet: outlet.RMRB, publishedAt: '2023-04-10' })).id;
    const a2 = await f.articles.create({ officeId, units: [unit.LJJD.id, unit.QSZ.id], title: '两地联建党建共同体', submittedAt: '2023-04-20' });
    await f.placements.create({ article: a2, outlet: outlet['PROV-RB'], publishedAt: '2023-05-01', prominence: 'headline' });
    const a3 = await f.articles.create({ officeId, units: [unit.RSJ.id], title: '人社局“家门口就业”经验', submittedAt: '2023-05-05' });
    await f.placements.create({ article: a3, outlet: outlet['CITY-ZGXX'], publishedAt: '2023-06-01' });
    const a4 = await f.articles.create({ officeId, units: [unit.QSZ.id], title: '青石镇待核定稿件', submittedAt: '2023-06-05' });
    pendingPlacementId = (await f.placements.create({ article: a4, outlet: outlet['DIST-RMT'], publishedAt: '2023-06-10', status: 'unit-approved' })).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (token: string, url: string, body: object = {}) => t.http().post(url).set(bearer(token)).send(body);
  const statementTotal = async (unitId: number) => (await t.http().get(`/api/scores/statement?unitId=${unitId}&quarter=${Q}`).set(bearer(office))).body.total as number;

  it('refuses to close while entries are unverified, unless the office excludes them (up to a limit)', async () => {
    const refused = await post(office, `/api/quarters/${Q}/close`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('unverified_entries');
    expect((await post(officer, `/api/quarters/${Q}/close`, { excludeUnverified: true })).status).toBe(403);
    const closed = await post(office, `/api/quarters/${Q}/close`, { excludeUnverified: true });
    expect(closed.status).toBe(200);
    expect(closed.body.excluded).toEqual([{ type: 'placement', id: pendingPlacementId, title: '青石镇待核定稿件', unitName: unit.QSZ.name }]);
  });

  it('publishes through the queue into a frozen snapshot that matches the score statements', async () => {
    const job = await post(office, `/api/quarters/${Q}/publish`);
    expect(job.status).toBe(202);
    const done = await t.waitForJob(office, job.body.id, 60_000);
    expect(done).toMatchObject({ status: 'done', progress: 100 });
    const result = done.result as { snapshotId: number; revision: number; contentHash: string };
    expect(result.revision).toBe(1);

    const snapshot = (await t.http().get(`/api/quarters/${Q}/snapshots/1`).set(bearer(leader))).body;
    const row = (code: string) => snapshot.units.find((u: { unitCode: string }) => u.unitCode === code);
    // Every unit of the demo district missed its three monthly reports of Q2 (−2 each):
    // LJJD 30 + 10 − 6 = 34; QSZ 10 − 6 = 4; RSJ 10 − 6 = 4; everyone else −6.
    expect(row('LJJD')).toMatchObject({ total: 340000, totalText: '34.00', groupRank: 1, overallRank: 1, central: 1, provincial: 1, monthlyMissing: 3 });
    expect(row('QSZ')).toMatchObject({ total: 40000, groupRank: 2, provincial: 1 });
    expect(row('RSJ')).toMatchObject({ total: 40000, groupRank: 1, overallRank: 2, municipal: 1 });
    expect(row('FLJD')).toMatchObject({ total: -60000, groupRank: 3 });
    expect(snapshot.units).toHaveLength(20);
    for (const u of snapshot.units) expect(u.total).toBe(await statementTotal(u.unitId));
    expect(snapshot.summary).toMatchObject({ placements: 3, byLevel: { central: 1, provincial: 1, municipal: 1, district: 0 } });
    expect(snapshot.contentHash).toMatch(/^[0-9a-f]{64}$/);
    // The hash as defined, restated here: SHA-256 over the unit rows by unit id, then the lines'
    // count and the sum of each line's first 8 digest bytes (MariaDB computes those in SQL).
    const lines: { unitId: unknown; amount: unknown; ruleId: string; recordType: string; recordId: unknown; date: string }[] = await ds.query(
      'SELECT unitId, amount, ruleId, recordType, recordId, date FROM snapshot_lines WHERE snapshotId = ?', [result.snapshotId]);
    expect(lines.length).toBeGreaterThan(20);
    const digestSum = lines.reduce((sum, l) => sum + createHash('sha256').update(`${l.unitId}|${l.amount}|${l.ruleId}|${l.recordType}|${l.recordId}|${l.date}`).digest().readBigUInt64BE(0), 0n);
    const expected = createHash('sha256');
    for (const u of [...snapshot.units].sort((a, b) => a.unitId - b.unitId)) expected.update(`${u.unitId}|${u.total}|${u.groupRank}|${u.overallRank}\n`);
    expect(snapshot.contentHash).toBe(expected.update(`lines|${lines.length}|${digestSum.toString(16)}`).digest('hex'));

    const quarter = (await t.http().get(`/api/quarters/${Q}`).set(bearer(office))).body;
    expect(quarter.stage).toBe('published');
    const notes = (await t.http().get('/api/notifications').set(bearer(leader))).body;
    expect(notes.items[0]).toMatchObject({ kind: 'notice-published', link: `/notices/${result.snapshotId}` });
  });

  it('renders the notice (DOCX, XLSX, web data) whose tables match the snapshot cell by cell, and tracks readers', async () => {
    const snapshot = (await t.http().get(`/api/quarters/${Q}/snapshots/1`).set(bearer(office))).body;
    const renderJob = await t.app.get(DataSource).query("SELECT id FROM jobs WHERE name = 'notices.render' ORDER BY id LIMIT 1");
    expect((await t.waitForJob(office, Number(renderJob[0].id), 60_000)).status).toBe('done');
    const list = (await t.http().get('/api/notices').set(bearer(leader))).body;
    expect(list[0]).toMatchObject({ id: snapshot.id, quarter: Q, revision: 1, kind: 'notice', read: false });
    expect(list[0].formats.sort()).toEqual(['docx', 'json', 'xlsx']);

    const byGroup = (group: string) =>
      snapshot.units.filter((u: { groupName: string }) => u.groupName === group).sort((a: { groupRank: number; unitCode: string }, b: { groupRank: number; unitCode: string }) => a.groupRank - b.groupRank || a.unitCode.localeCompare(b.unitCode));
    const expectedCells = (u: Record<string, number | string>) => [
      String(u.groupRank), String(u.unitName), String(u.articlesSubmitted), String(u.central), String(u.provincial), String(u.municipal), String(u.district), String(u.instructions),
    ];

    // DOCX: 附件1 has one table per group; its first eight columns and the score are the snapshot's.
    const docx = await t.http().get(`/api/notices/${snapshot.id}/notice.docx`).set(bearer(leader)).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(docx.status).toBe(200);
    const content = await readDocx(docx.body as Buffer);
    const text = content.blocks.filter((b) => b.kind === 'p').map((b) => (b as { text: string }).text).join('\n');
    // The title may break over two lines (two paragraphs).
    expect(text.replace(/\n/g, '')).toContain('关于2023年第二季度全区组织工作信息宣传情况的通报');
    expect(text).toContain('临江街道党工委（34.00分）');
    const tables = content.blocks.filter((b): b is DocxTable => b.kind === 'table');
    for (const group of ['镇街组', '部门组']) {
      const rows = byGroup(group);
      const table = tables.find((tb) => tb.rows.length === rows.length + 1 && tb.rows.slice(1).every((r, i) => r[1] === rows[i].unitName));
      expect(table).toBeDefined();
      table!.rows.slice(1).forEach((cells, i) => {
        expect(cells.slice(0, 8)).toEqual(expectedCells(rows[i]));
        expect(cells[10]).toBe(rows[i].totalText);
      });
    }

    // XLSX: a sheet per group with the same rows; scores as numbers.
    const xlsx = await t.http().get(`/api/notices/${snapshot.id}/notice.xlsx`).set(bearer(leader)).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as never);
    for (const group of ['镇街组', '部门组']) {
      const sheet = book.getWorksheet(group)!;
      expect(sheet).toBeDefined();
      byGroup(group).forEach((u: Record<string, number | string>, i: number) => {
        const row = sheet.getRow(3 + i);
        expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => String(row.getCell(c).value))).toEqual(expectedCells(u));
        expect(row.getCell(11).value).toBe(Number(u.total) / 10000);
      });
    }
    // 附件2 of a small quarter: every adoption in both files, by level, outlet and date.
    const names = (...codes: string[]) => codes.map((c) => unit[c].name).join('、');
    const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
    expect(sheetBody(book.getWorksheet('录用情况一览')!, 7)).toEqual([
      ['中央级', names('LJJD'), '临江街道打造“红色物业”', outlet.RMRB.name, d('2023-04-10'), null, null],
      ['省级', names('LJJD', 'QSZ'), '两地联建党建共同体', outlet['PROV-RB'].name, d('2023-05-01'), null, '◆'],
      ['市级', names('RSJ'), '人社局“家门口就业”经验', outlet['CITY-ZGXX'].name, d('2023-06-01'), null, null],
    ]);
    const adoptionTable = tables.find((tb) => tb.rows[0][0] === '单位' && tb.rows[0][1] === '稿件标题')!;
    expect(adoptionTable.rows.slice(1)).toEqual([
      ['中央级（1篇次）'],
      [names('LJJD'), '临江街道打造“红色物业”', outlet.RMRB.name, '4月10日', '', ''],
      ['省级（1篇次）'],
      [names('LJJD', 'QSZ'), '两地联建党建共同体', outlet['PROV-RB'].name, '5月1日', '', '◆'],
      ['市级（1篇次）'],
      [names('RSJ'), '人社局“家门口就业”经验', outlet['CITY-ZGXX'].name, '6月1日', '', ''],
    ]);
    expect(text).not.toContain('电子表格版附件2');

    const view = (await t.http().get(`/api/notices/${snapshot.id}`).set(bearer(officer))).body;
    expect(view.ready).toBe(true);
    expect(view.data.overall[0]).toMatchObject({ unitCode: 'LJJD', total: 340000 });
    expect(view.data.adoptions).toHaveLength(3);
    expect(view.data.adoptionsOmitted).toEqual([]);
    expect(view.data).toMatchObject({ highlightsTotal: 2, instructionsTotal: 0 });
    const readers = (await t.http().get(`/api/notices/${snapshot.id}/readers`).set(bearer(office))).body;
    expect(readers.users.filter((u: { readAt: string | null }) => u.readAt).map((u: { displayName: string }) => u.displayName).sort()).toEqual(
      ['李部长', '临江街道 信息员 张磊'].sort(),
    );
    expect((await t.http().get(`/api/notices/${snapshot.id}/readers`).set(bearer(officer))).status).toBe(403);
  });

  it('leaves one snapshot when the same job is delivered twice, and a crashed run leaves nothing half-written', async () => {
    const publisher = t.app.get(PublishService);
    const [{ jobId }] = await ds.query('SELECT jobId FROM ranking_snapshots WHERE quarter = ? AND revision = 1', [Q]);
    const again = await publisher.publish({ officeId: unit.LJJD.officeId, quarter: Q, requestedBy: 1 }, { jobId: Number(jobId), progress: async () => undefined });
    expect(again.revision).toBe(1);
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM ranking_snapshots WHERE quarter = ?', [Q]))[0].n)).toBe(1);

    // A crash after the rows were written but before the transaction committed: nothing stays.
    const schemes = t.app.get(SchemesService);
    const lock = jest.spyOn(schemes, 'lock').mockRejectedValueOnce(new Error('worker killed'));
    const ctx = { jobId: 999_001, progress: async () => undefined };
    await expect(publisher.publish({ officeId: unit.LJJD.officeId, quarter: Q, requestedBy: 1, reason: '重试测试' }, ctx)).rejects.toThrow('worker killed');
    lock.mockRestore();
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM ranking_snapshots WHERE jobId = ?', [999_001]))[0].n)).toBe(0);
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM snapshot_units su LEFT JOIN ranking_snapshots s ON s.id = su.snapshotId WHERE s.id IS NULL'))[0].n)).toBe(0);
    // The retry completes, and with nothing changed its content is identical to the first run.
    const retried = await publisher.publish({ officeId: unit.LJJD.officeId, quarter: Q, requestedBy: 1, reason: '重试测试' }, ctx);
    const first = (await t.http().get(`/api/quarters/${Q}/snapshots/1`).set(bearer(office))).body;
    expect(retried.revision).toBe(2);
    expect(retried.contentHash).toBe(first.contentHash);
  });

  it('does not change a published snapshot when a record of the quarter is corrected', async () => {
    const before = (await t.http().get(`/api/quarters/${Q}/snapshots/1`).set(bearer(office))).body;
    // The office reopens the 人民日报 placement: LJJD's live total drops by 30, the snapshot stays.
    const reopened = await post(office, `/api/review/placements/${firstPlacementId}/reopen`, { reason: '版面核对' });
    expect(reopened.status).toBe(200);
    const recompute = await post(office, '/api/scores/recompute', { quarters: [Q] });
    await t.waitForJob(office, recompute.body.id);
    expect(await statementTotal(unit.LJJD.id)).toBe(40000);
    const after = (await t.http().get(`/api/quarters/${Q}/snapshots/1`).set(bearer(office))).body;
    expect(after.contentHash).toBe(before.contentHash);
    expect(after.units.find((u: { unitCode: string }) => u.unitCode === 'LJJD').total).toBe(340000);

    // Publishing again needs a reason and creates a new revision; earlier ones stay readable.
    expect((await post(office, `/api/quarters/${Q}/publish`)).body.errors.reason).toBeDefined();
    const job = await post(office, `/api/quarters/${Q}/publish`, { reason: '临江街道一条录用撤销核定' });
    const done = await t.waitForJob(office, job.body.id, 60_000);
    expect((done.result as { revision: number }).revision).toBe(3);
    const corrected = (await t.http().get(`/api/quarters/${Q}/snapshots/3`).set(bearer(office))).body;
    expect(corrected.units.find((u: { unitCode: string }) => u.unitCode === 'LJJD').total).toBe(40000);
    expect((await t.http().get(`/api/quarters/${Q}/snapshots/1`).set(bearer(office))).status).toBe(200);
  });

  it('sums published quarters into the year view', async () => {
    const year = (await t.http().get('/api/rankings/year?year=2023').set(bearer(leader))).body;
    expect(year.quarters).toEqual([expect.objectContaining({ quarter: Q, revision: 3 })]);
    expect(year.overall.find((r: { code: string }) => r.code === 'LJJD')).toMatchObject({ total: 40000, totalText: '4.00' });
  });

  it('above 300 adoptions lists whole levels in the DOCX and the web view, every adoption in the XLSX', async () => {
    const Q3 = '2023-Q3';
    const officeId = unit.LJJD.officeId;
    // 200 articles with two placements each, spread over every outlet of the catalogue (most of
    // which are central: 254 central adoptions, so that level is listed and the rest is not)…
    await insertVerifiedPlacements(ds, { officeId, quarterStart: '2023-07-01', articles: 200, placementsPerArticle: 2 });
    // …and 600 adopted by the district's 融媒体中心 on one day, titled in the reverse order of
    // their ids: more than one chunk of rows, ordered by title across the chunks.
    // createMany inserts in the order given, so the ids ascend while the titles descend.
    const sameDayIds = await createFactories(ds).articles.createMany(Array.from({ length: 600 }, (_, i) => ({
      officeId, units: [unit.BHJD.id], title: `同日稿件${String(599 - i).padStart(3, '0')}`, submittedAt: '2023-08-14T09:00:00+08:00',
    })));
    await createFactories(ds).placements.createMany(sameDayIds.map((id) => ({ article: { id, officeId }, outlet: outlet['DIST-RMT'], publishedAt: '2023-08-15T10:00:00+08:00' })));
    const TOTAL = 1000;
    // Worked out by hand from insertVerifiedPlacements: article j (0–199) is adopted by the
    // catalogue outlets j mod 31 and (j + 7) mod 31, in config/outlets.yaml order (19 central,
    // 5 provincial, 4 municipal, 3 district). Outlet i gets 12, one more when i < 14 and one more
    // when 7 ≤ i ≤ 20: central 228 + 14 + 12 = 254, provincial 60 + 2 = 62, municipal 48,
    // district 36 — plus the 600 of the 融媒体中心.
    const COUNTS: Record<string, number> = { central: 254, provincial: 62, municipal: 48, district: 636 };
    const counts: { level: string; n: unknown }[] = await ds.query(
      `SELECT o.level AS level, COUNT(*) AS n FROM placements p JOIN outlets o ON o.id = p.outletId
       WHERE p.officeId = ? AND p.publishedDate BETWEEN '2023-07-01' AND '2023-09-30' AND p.status = 'verified' GROUP BY o.level`,
      [officeId],
    );
    expect(Object.fromEntries(counts.map((c) => [c.level, Number(c.n)]))).toEqual(COUNTS);
    const levels = ['central', 'provincial', 'municipal', 'district'];
    const count = (level: string) => COUNTS[level];
    // Whole levels from the highest while the running total stays within 300: 中央级 (254) is
    // listed, 省级 would make it 316, so it and the levels below are summed up.

    expect((await post(office, `/api/quarters/${Q3}/close`)).status).toBe(200);
    const job = await post(office, `/api/quarters/${Q3}/publish`);
    expect(job.status).toBe(202);
    const done = await t.waitForJob(office, job.body.id, 120_000);
    expect(done.status).toBe('done');
    const snapshotId = (done.result as { snapshotId: number }).snapshotId;
    const [render] = await ds.query("SELECT id FROM jobs WHERE name = 'notices.render' AND businessKey = ?", [`snapshot:${snapshotId}`]);
    expect((await t.waitForJob(office, Number(render.id), 120_000)).status).toBe('done');

    // Web view (the stored JSON): only the listed levels' rows, the omitted levels with their true counts.
    const view = (await t.http().get(`/api/notices/${snapshotId}`).set(bearer(office))).body;
    expect(view.data.adoptions).toHaveLength(254);
    expect([...new Set(view.data.adoptions.map((a: { level: string }) => a.level))]).toEqual(['central']);
    expect(view.data.adoptionsOmitted).toEqual([{ level: 'provincial', count: 62 }, { level: 'municipal', count: 48 }, { level: 'district', count: 636 }]);
    expect(view.data.highlights).toHaveLength(30);
    expect(view.data.highlightsTotal).toBe(254 + 62);

    // DOCX: the listed levels row by row, then the sentence with the omitted levels' counts.
    const content = await readDocx(await download(t, `/api/notices/${snapshotId}/notice.docx`, office));
    const paragraphs = content.blocks.filter((b) => b.kind === 'p').map((b) => (b as { text: string }).text);
    const table = content.blocks.find((b): b is DocxTable => b.kind === 'table' && b.rows[0][1] === '稿件标题');
    expect(table!.rows.filter((r) => r.length === 1).map((r) => r[0])).toEqual(['中央级（254篇次）']);
    expect(table!.rows.filter((r) => r.length === 6)).toHaveLength(1 + 254);
    expect(paragraphs).toContain('另有省级录用62篇次、市级录用48篇次、区级录用636篇次，明细见电子表格版附件2（录用情况一览表）。');
    const upper = paragraphs.find((p) => p.startsWith('本季度，省级以上媒体和刊物录用稿件'))!;
    expect(upper.startsWith('本季度，省级以上媒体和刊物录用稿件316篇次，择要列举如下：')).toBe(true);
    expect(upper.match(/》被/g)).toHaveLength(30);

    // XLSX: every adoption, ordered by level, then outlet, then date, then title.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download(t, `/api/notices/${snapshotId}/notice.xlsx`, office)) as never);
    const rows = sheetBody(book.getWorksheet('录用情况一览')!, 7);
    expect(rows).toHaveLength(TOTAL);
    for (const level of levels) expect(rows.filter((r) => r[0] === LEVEL_LABELS[levels.indexOf(level)])).toHaveLength(count(level));
    const outOfOrder = rows.filter((r, i) => {
      if (i === 0) return false;
      const p = rows[i - 1];
      const level = LEVEL_LABELS.indexOf(String(r[0])) - LEVEL_LABELS.indexOf(String(p[0]));
      if (level !== 0) return level < 0;
      const byOutlet = zh.compare(String(r[3]), String(p[3]));
      if (byOutlet !== 0) return byOutlet < 0;
      const byDate = (r[4] as Date).getTime() - (p[4] as Date).getTime();
      if (byDate !== 0) return byDate < 0;
      return zh.compare(String(r[2]), String(p[2])) < 0;
    });
    expect(outOfOrder).toEqual([]);
    const sameDay = rows.filter((r) => r[3] === outlet['DIST-RMT'].name && (r[4] as Date).toISOString().startsWith('2023-08-15')).map((r) => r[2]);
    expect(sameDay.filter((title) => String(title).startsWith('同日稿件'))).toEqual(Array.from({ length: 600 }, (_, i) => `同日稿件${String(i).padStart(3, '0')}`));
    // each adoption once (an article, an outlet, a day): nothing repeated or lost between the chunks it was written in
    expect(new Set(rows.map((r) => `${r[2]}|${r[3]}|${(r[4] as Date).toISOString()}`)).size).toBe(TOTAL);
  });
});

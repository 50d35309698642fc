// Issue #12, data model additions: 采用形式 on placements, 发文单位 on 约稿, the signing order
// of an article's units, and the import/export columns for them (采用形式, 阅读量).
import ExcelJS from 'exceljs';
import type request from 'supertest';
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';
import { noonOf } from '../utils/clock';

const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const parts: Buffer[] = [];
  res.on('data', (c: Buffer) => parts.push(c));
  res.on('end', () => done(null, Buffer.concat(parts)));
};

describe.each(testBackends('recording-fields'))('recording fields of scheme format 2 ($label)', (backend) => {
  let t: TestApp;
  let officer: string;
  let officer2: string;
  let office: string;
  let units: Record<string, number>;
  let outlets: Record<string, number>;

  beforeAll(async () => {
    t = await createTestApp(backend);
    [officer, officer2, office] = await Promise.all(['officer', 'officer2', 'office'].map((u) => t.login(u)));
    const unitList = await t.http().get('/api/units?pageSize=100').set(bearer(office));
    units = Object.fromEntries(unitList.body.items.map((u: { code: string; id: number }) => [u.code, u.id]));
    const outletList = await t.http().get('/api/outlets?pageSize=100').set(bearer(office));
    outlets = Object.fromEntries(outletList.body.items.map((o: { code: string; id: number }) => [o.code, o.id]));
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = (method: 'post' | 'patch', token: string, url: string, body: object) => t.http()[method](url).set(bearer(token)).send(body);
  const unitOrder = (body: { units: { unitId: number; position: number }[] }) => body.units.map((u) => [u.unitId, u.position]);

  it('records 采用形式 on a placement: 全文 by default, 摘编 or 综合 when given, anything else refused by field', async () => {
    const article = await t.clock.during(noonOf('2026-04-03'), () => send('post', officer, '/api/articles', { title: '采用形式测试稿件', submittedAt: '2026-04-03' }));
    expect(article.status).toBe(201);
    const plain = await send('post', officer, `/api/articles/${article.body.id}/placements`, { outletId: outlets.RMRB, publishedAt: '2026-04-10' });
    expect(plain.body).toMatchObject({ form: 'full', formLabel: '全文' });
    const combined = await send('post', officer, `/api/articles/${article.body.id}/placements`, { outletId: outlets['CITY-RB'], publishedAt: '2026-04-11', form: 'combined', views: 120000 });
    expect(combined.status).toBe(201);
    expect(combined.body).toMatchObject({ form: 'combined', formLabel: '综合', views: 120000 });
    const bad = await send('patch', officer, `/api/placements/${plain.body.id}`, { form: 'partial', version: plain.body.version });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty('form');
    const cleared = await send('patch', officer, `/api/placements/${plain.body.id}`, { form: null, version: plain.body.version });
    expect(cleared.status).toBe(400);
    const excerpt = await send('patch', officer, `/api/placements/${plain.body.id}`, { form: 'excerpt', version: plain.body.version });
    expect(excerpt.status).toBe(200);
    expect(excerpt.body).toMatchObject({ form: 'excerpt', formLabel: '摘编', version: plain.body.version + 1 });
  });

  it('records the 发文单位 of a 约稿 (empty = the office), at most 50 characters', async () => {
    const own = await send('post', office, '/api/commissions', { topic: '本办公室约稿', issuedDate: '2026-04-01', deadline: '2026-05-20', targetUnitIds: [units.LJJD] });
    expect(own.body).toMatchObject({ issuer: '' });
    const city = await send('post', office, '/api/commissions', { topic: '市委办公室约稿', issuedDate: '2026-04-01', deadline: '2026-06-15', targetUnitIds: [units.LJJD], issuer: ' 市委办公室 ' });
    expect(city.status).toBe(201);
    expect(city.body).toMatchObject({ issuer: '市委办公室' });
    const tooLong = await send('post', office, '/api/commissions', { topic: '过长', deadline: '2026-06-15', targetUnitIds: [units.LJJD], issuer: '办'.repeat(51) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors).toHaveProperty('issuer');
    const changed = await send('patch', office, `/api/commissions/${city.body.id}`, { issuer: '区委组织部', version: city.body.version });
    expect(changed.body).toMatchObject({ issuer: '区委组织部' });
    const reset = await send('patch', office, `/api/commissions/${city.body.id}`, { issuer: null, version: changed.body.version });
    expect(reset.body).toMatchObject({ issuer: '' });
    const seen = await t.http().get(`/api/commissions/${city.body.id}`).set(bearer(officer));
    expect(seen.body).toMatchObject({ issuer: '' });
  });

  it('keeps the signing order of a joint article as given, and lets the officer reorder it while a draft', async () => {
    const created = await t.clock.during(noonOf('2026-04-03'), () => send('post', officer, '/api/articles', {
      title: '三个单位联合稿件', submittedAt: '2026-04-03',
      units: [{ unitId: units.QSZ }, { unitId: units.LJJD }, { unitId: units.FLJD }],
    }));
    expect(created.status).toBe(201);
    expect(unitOrder(created.body)).toEqual([[units.QSZ, 1], [units.LJJD, 2], [units.FLJD, 3]]);
    const listed = await t.http().get('/api/articles?q=三个单位联合稿件').set(bearer(officer2));
    expect(unitOrder(listed.body.items[0])).toEqual([[units.QSZ, 1], [units.LJJD, 2], [units.FLJD, 3]]);

    const reordered = await send('patch', officer, `/api/articles/${created.body.id}`, {
      version: created.body.version, units: [{ unitId: units.LJJD }, { unitId: units.FLJD }, { unitId: units.QSZ }],
    });
    expect(reordered.status).toBe(200);
    expect(unitOrder(reordered.body)).toEqual([[units.LJJD, 1], [units.FLJD, 2], [units.QSZ, 3]]);
    // Another unit on the article sees the order but may not change it.
    const foreign = await send('patch', officer2, `/api/articles/${created.body.id}`, { version: reordered.body.version, units: [{ unitId: units.QSZ }, { unitId: units.LJJD }] });
    expect(foreign.status).toBe(403);
    const byOffice = await send('patch', office, `/api/articles/${created.body.id}`, {
      version: reordered.body.version, units: [{ unitId: units.FLJD }, { unitId: units.QSZ }, { unitId: units.LJJD }],
    });
    expect(unitOrder(byOffice.body)).toEqual([[units.FLJD, 1], [units.QSZ, 2], [units.LJJD, 3]]);
  });

  it('imports 采用形式, 阅读量 and the signing order written in 报送单位, and exports them back', async () => {
    const template = (await t.http().get('/api/articles/template.xlsx').set(bearer(office)).buffer(true).parse(binary)).body as Buffer;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(13).value).toBe('采用形式');
    expect(sheet.getRow(1).getCell(14).value).toBe('阅读量');
    const rows: unknown[][] = [
      ['imp-1', '青石镇党委、临江街道党工委', '导入的联合稿件', null, null, null, '2026-04-02', '人民日报', '2026-04-12', null, null, null, '综合', '120,000'],
      ['imp-2', '临江街道党工委', '导入的摘编稿件', null, null, null, '2026-04-02', '人民日报', '2026-04-12', null, null, null, '摘编', null],
      ['imp-3', '临江街道党工委', '导入的错误采用形式', null, null, null, '2026-04-02', '人民日报', '2026-04-12', null, null, null, '部分', -5],
    ];
    rows.forEach((values, i) => {
      const row = sheet.getRow(3 + i);
      values.forEach((v, c) => (row.getCell(c + 1).value = v as ExcelJS.CellValue));
      row.commit();
    });
    const res = await t.http().post('/api/articles/import').set(bearer(office)).attach('file', Buffer.from(await book.xlsx.writeBuffer()), '稿件.xlsx');
    expect(res.status).toBe(201);
    const job = await t.waitForJob(office, res.body.id);
    expect(job.result).toMatchObject({ articlesCreated: 2, invalidRows: 1 });
    expect((job.result as { problems: { row: number; column: string }[] }).problems.map((p) => [p.row, p.column])).toEqual([[5, '采用形式'], [5, '阅读量']]);

    const found = (await t.http().get('/api/articles?q=导入的联合稿件').set(bearer(office))).body.items[0];
    expect(unitOrder(found)).toEqual([[units.QSZ, 1], [units.LJJD, 2]]);
    const [placement] = (await t.http().get(`/api/articles/${found.id}/placements`).set(bearer(office))).body;
    expect(placement).toMatchObject({ form: 'combined', views: 120000 });

    const exported = (await t.http().get('/api/articles/export.xlsx?q=导入的').set(bearer(office)).buffer(true).parse(binary)).body as Buffer;
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(exported as unknown as ArrayBuffer);
    const values: unknown[][] = [];
    out.worksheets[0].eachRow((row, n) => {
      if (n > 1) values.push([row.getCell(1).value, row.getCell(2).value, row.getCell(13).value, row.getCell(14).value]);
    });
    expect(values.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['IMP-1', '青石镇党委、临江街道党工委', '综合', 120000],
      ['IMP-2', '临江街道党工委', '摘编', null],
    ]);
  });
});

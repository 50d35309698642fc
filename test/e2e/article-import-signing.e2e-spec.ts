// Issue #12, the import template's new columns: 署名顺序 (the signing order of a joint article's
// units, checked as 1..n with field-level errors by row and column) beside 采用形式 and 阅读量,
// and the round trip: what is imported exports in the template layout, and that export
// imports again as nothing new and exports the same sheet.
import ExcelJS from 'exceljs';
import type request from 'supertest';
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';

const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const parts: Buffer[] = [];
  res.on('data', (c: Buffer) => parts.push(c));
  res.on('end', () => done(null, Buffer.concat(parts)));
};

interface ImportResult { rows: number; articlesCreated: number; placementsCreated: number; skippedExisting: number; invalidRows: number; problems: { row: number; column: string; message: string; level: string }[] }

describe.each(testBackends('article-import-signing'))('import template: 署名顺序, 采用形式 and 阅读量 round-trip ($label)', (backend) => {
  let t: TestApp;
  let office: string;
  let units: Record<string, number>;

  beforeAll(async () => {
    t = await createTestApp(backend);
    office = await t.login('office');
    const list = await t.http().get('/api/units?pageSize=100').set(bearer(office));
    units = Object.fromEntries(list.body.items.map((u: { code: string; id: number }) => [u.code, u.id]));
  });
  afterAll(async () => {
    await t?.close();
  });

  const download = async (url: string) => {
    const res = await t.http().get(url).set(bearer(office)).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as ArrayBuffer);
    return { content: res.body as Buffer, book };
  };
  const importSheet = async (content: Buffer): Promise<ImportResult> => {
    const res = await t.http().post('/api/articles/import').set(bearer(office)).attach('file', content, '稿件.xlsx');
    expect(res.status).toBe(201);
    const job = await t.waitForJob(office, res.body.id);
    expect(job.status).toBe('done');
    return job.result as ImportResult;
  };
  /** The data rows of the first sheet, all 15 columns, dates as text. */
  const dataRows = (book: ExcelJS.Workbook) => {
    const rows: unknown[][] = [];
    book.worksheets[0].eachRow((row, n) => {
      if (n === 1) return;
      rows.push(Array.from({ length: 15 }, (_, i) => {
        const v = row.getCell(i + 1).value ?? null;
        return v instanceof Date ? v.toISOString().slice(0, 10) : v;
      }));
    });
    return rows;
  };
  const exportRows = async () => dataRows((await download('/api/articles/export.xlsx?q=往返')).book);

  it('offers 署名顺序 as the template\'s last column, explained in 说明', async () => {
    const { book } = await download('/api/articles/template.xlsx');
    expect(book.worksheets[0].getRow(1).getCell(15).value).toBe('署名顺序');
    const help: string[] = [];
    book.getWorksheet('说明')!.eachRow((row) => help.push(String(row.getCell(1).value ?? ''), String(row.getCell(3).value ?? '')));
    expect(help).toContain('署名顺序');
    expect(help.join('\n')).toContain('须为 1 到单位数各一次');
  });

  it('imports the signing order, refuses a bad one by row and column, and round-trips with 采用形式 and 阅读量', async () => {
    const { book } = await download('/api/articles/template.xlsx');
    const sheet = book.worksheets[0];
    const rows: unknown[][] = [
      ['RT-1', '青石镇党委50%、临江街道党工委30%、枫林街道党工委20%', '往返联合稿件', 1500, '通讯', '李明', '2026-04-02', '人民日报', '2026-04-12', '第2版', '头版', null, '综合', 120000, '2、3、1'],
      ['RT-1', '青石镇党委50%、临江街道党工委30%、枫林街道党工委20%', '往返联合稿件', 1500, '通讯', '李明', '2026-04-02', '人民网', '2026-04-13', null, '一般', 'https://example.com/rt-1', '摘编', 5000, '2、3、1'],
      ['RT-2', '青石镇党委', '往返单独稿件', null, null, null, '2026-04-03', '人民日报', '2026-04-14', null, null, null, null, null, null],
      ['RT-3', '青石镇党委、临江街道党工委', '往返错误署名', null, null, null, '2026-04-03', '人民日报', '2026-04-15', null, null, null, null, null, '1、1'],
      ['RT-4', '青石镇党委、临江街道党工委', '往返不填署名顺序', null, null, null, '2026-04-03', null, null, null, null, null, null, null, null],
    ];
    rows.forEach((values, i) => {
      const row = sheet.getRow(3 + i);
      values.forEach((v, c) => (row.getCell(c + 1).value = v as ExcelJS.CellValue));
      row.commit();
    });
    const first = await importSheet(Buffer.from(await book.xlsx.writeBuffer()));
    expect(first).toMatchObject({ articlesCreated: 3, placementsCreated: 3, invalidRows: 1 });
    expect(first.problems).toEqual([{ row: 6, column: '署名顺序', level: 'error', message: '署名顺序应为 1 到 2 各一次（1 重复，缺少 2）' }]);

    const joint = (await t.http().get('/api/articles?q=往返联合稿件').set(bearer(office))).body.items[0];
    // 临江 signs first (3rd written → 1), then 青石 (2), then 枫林 (3); shares stay with their units.
    expect(joint.units.map((u: { unitId: number; position: number; sharePercent: number | null }) => [u.unitId, u.position, u.sharePercent])).toEqual([
      [units.FLJD, 1, 20], [units.QSZ, 2, 50], [units.LJJD, 3, 30],
    ]);

    const exported = await exportRows();
    const byKey = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0])) || String(a[8]).localeCompare(String(b[8]));
    expect(exported.sort(byKey)).toEqual([
      ['RT-1', '枫林街道党工委20%、青石镇党委50%、临江街道党工委30%', '往返联合稿件', 1500, '通讯', '李明', '2026-04-02', '人民日报', '2026-04-12', '第2版', '头版', null, '综合', 120000, '1、2、3'],
      ['RT-1', '枫林街道党工委20%、青石镇党委50%、临江街道党工委30%', '往返联合稿件', 1500, '通讯', '李明', '2026-04-02', '人民网', '2026-04-13', null, '一般', 'https://example.com/rt-1', '摘编', 5000, '1、2、3'],
      ['RT-2', '青石镇党委', '往返单独稿件', null, null, null, '2026-04-03', '人民日报', '2026-04-14', null, '一般', null, '全文', null, null],
      ['RT-4', '青石镇党委、临江街道党工委', '往返不填署名顺序', null, null, null, '2026-04-03', null, null, null, null, null, null, null, '1、2'],
    ]);

    // The export imports as nothing new, and exports again the same.
    const again = await importSheet((await download('/api/articles/export.xlsx?q=往返')).content);
    expect(again).toMatchObject({ rows: 4, articlesCreated: 0, placementsCreated: 0, skippedExisting: 4, invalidRows: 0, problems: [] });
    expect((await exportRows()).sort(byKey)).toEqual(exported);
  });
});

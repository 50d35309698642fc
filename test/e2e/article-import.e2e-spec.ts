// Spreadsheet import and export of articles with their placements (issue #3 item 7) and the
// spreadsheet cases of the "Bad input" list: the template round-trips, each bad row
// gets its own line in the report, valid rows are imported, and nothing is stored twice.
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';
import { noonOf } from '../utils/clock';
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type request from 'supertest';
import type { JobResponse } from '@app/contracts';
import { ArticleImportService } from '../../apps/api/src/articles/import/article-import.service';

const HEADERS = ['编号', '报送单位', '稿件标题', '字数', '体裁', '作者', '报送日期', '媒体/刊物', '刊发日期', '版面', '位置', '链接'];
const utc = (date: string) => new Date(`${date}T00:00:00Z`);

interface Problem { row: number; column: string; message: string; level: 'error' | 'warning' }
interface ImportResult {
  rows: number; articlesCreated: number; placementsCreated: number; skippedExisting: number; invalidRows: number; problems: Problem[]; problemsTotal: number;
}
interface ArticleBody { id: number; title: string; status: string; submittedDate: string; ownerUnitId: number; units: { unitId: number; sharePercent: number | null }[] }
interface PlacementBody { outletName: string; publishedDate: string; prominence: string; page: string | null; url: string | null; status: string }

/** supertest leaves unknown content types unread; collect the bytes. */
const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const parts: Buffer[] = [];
  res.on('data', (c: Buffer) => parts.push(c));
  res.on('end', () => done(null, Buffer.concat(parts)));
};

async function readBook(content: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as unknown as ArrayBuffer);
  return book;
}

const sheetValues = (sheet: ExcelJS.Worksheet, width: number) => {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value ?? null)));
  return rows;
};

/** A workbook in the template's layout (or with other headers) holding `rows` from row `from` on. */
async function sheetWith(rows: unknown[][], options: { headers?: string[]; base?: Buffer; merge?: string[] } = {}): Promise<Buffer> {
  const book = options.base ? await readBook(options.base) : new ExcelJS.Workbook();
  const sheet = options.base ? book.worksheets[0] : book.addWorksheet('稿件录用');
  if (!options.base) sheet.addRow(options.headers ?? HEADERS);
  // Not rowCount: the template's 位置 dropdown reaches far below its last filled row.
  let last = 0;
  sheet.eachRow((_, n) => (last = n));
  const first = last + 1;
  rows.forEach((values, i) => {
    const row = sheet.getRow(first + i);
    values.forEach((v, c) => (row.getCell(c + 1).value = v as ExcelJS.CellValue));
    row.commit();
  });
  for (const range of options.merge ?? []) sheet.mergeCells(range);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.each(testBackends('article-import'))('article spreadsheet import and export ($label)', (backend) => {
  let t: TestApp;
  let officer: string;
  let officer2: string;
  let reviewer: string;
  let office: string;
  let template: Buffer;

  beforeAll(async () => {
    t = await createTestApp(backend);
    [officer, officer2, reviewer, office] = await Promise.all(['officer', 'officer2', 'reviewer', 'office'].map((u) => t.login(u)));
  });
  afterEach(() => t.clock.release());
  afterAll(async () => {
    await t?.close();
  });

  const download = (url: string, token: string) => t.http().get(url).set(bearer(token)).buffer(true).parse(binary);
  const upload = (token: string, content: Buffer, name = '稿件.xlsx', fields: Record<string, string> = {}) => {
    const req = t.http().post('/api/articles/import').set(bearer(token));
    for (const [k, v] of Object.entries(fields)) req.field(k, v);
    return req.attach('file', content, name);
  };
  async function importSheet(token: string, content: Buffer, fields: Record<string, string> = {}): Promise<{ job: JobResponse; result: ImportResult }> {
    const res = await upload(token, content, '稿件.xlsx', fields);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'articles.import' });
    const job = await t.waitForJob(token, res.body.id);
    expect(job).toMatchObject({ status: 'done', progress: 100 });
    return { job, result: job.result as ImportResult };
  }
  const articles = async (token: string, query = '') => (await t.http().get(`/api/articles?pageSize=200${query}`).set(bearer(token))).body.items as ArticleBody[];
  const placements = async (token: string, id: number) => (await t.http().get(`/api/articles/${id}/placements`).set(bearer(token))).body as PlacementBody[];
  const brief = (problems: Problem[]) => problems.map((p) => [p.row, p.column, p.level]);

  it('serves the template: the header row, one example row, and 说明 with the allowed values', async () => {
    const res = await download('/api/articles/template.xlsx', officer);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    template = res.body as Buffer;
    const book = await readBook(template);
    expect(book.worksheets.map((s) => s.name).slice(0, 2)).toEqual(['稿件录用', '说明']);
    const [header, example, ...rest] = sheetValues(book.worksheets[0], 12);
    expect(header).toEqual(HEADERS);
    expect(rest).toEqual([]);
    // The example is the officer's own unit and a real outlet, marked so that it is never imported.
    expect(String(example[0])).toMatch(/^示例/);
    expect(example[1]).toBe('临江街道党工委');
    expect(example[7]).toBe('人民日报');
    const help = sheetValues(book.getWorksheet('说明')!, 3).flat().join('\n');
    for (const word of ['头条、头版、一般', '中央级、省级、市级、区级', '2023年4月10日', '2023/4/10', '临江街道党工委60%、青石镇党委40%']) expect(help).toContain(word);
    expect((await download('/api/articles/template.xlsx', reviewer)).status).toBe(403);
  });

  it('imports the good rows of a filled template, reports every bad one, and imports nothing twice', async () => {
    // An officer's sheet holds what reaches the office that day (officers cannot back-date): the
    // clock stands on 17 April 2023 and every 报送日期 is that day, written each way a sheet may.
    t.clock.set(noonOf('2023-04-17'));
    const content = await sheetWith([
      /* 3 */ ['', '', '临江街道“红色管家”激活小区治理新路径', 1800, '消息', '张磊', utc('2023-04-17'), '人民日报', utc('2023-04-10'), '第4版', '头条', 'https://example.com/a'],
      // Same units and title (punctuation differs): a second placement of the same article; the date is an Excel serial.
      /* 4 */ ['', '', '临江街道「红色管家」激活小区治理新路径', null, null, null, null, '市日报', 45033, null, '头版', null],
      /* 5 */ [],
      /* 6 */ ['lj-001', '临江街道党工委60%、青石镇党委40%', '青石镇与临江街道联建党建共同体', null, null, null, '2023年4月17日', null, null, null, null, null],
      /* 7 */ ['', 'LJJD', '临江街道开展“三会一课”规范化建设', null, null, null, '2023/4/17', '《光明日报》', '2023.4.15', null, null, null],
      /* 8 */ ['', '', '临江街道老旧小区改造工作纪实', null, null, null, '2023-04-17', '人民日抱', '2023-04-16', null, null, null],
      /* 9 */ ['', '', '临江街道未来的稿件', null, null, null, '2023-04-17', '人民日报', '2999-01-01', null, null, null],
      /* 10 */ ['', '青石镇党委', '青石镇单独报送的稿件', null, null, null, '2023-04-17', null, null, null, null, null],
      /* 11 */ ['', '临江街道党工委50%、青石镇党委40%', '份额不足的联合稿件', null, null, null, '2023-04-17', null, null, null, null, null],
      /* 12 */ ['', '', '临江街道网格员队伍建设经验', null, null, null, '2023-04-17', '人民网', '2023-01-02', null, null, null],
      /* 13 */ ['', '', '临江街道志愿服务见闻', null, null, null, '2023-04-17', '人民日报', '2023-04-11', null, '中间', null],
      /* 14 */ ['', '', '临江街道党员冬训', null, null, null, '2023-04-17', '人民日报', '2023-02-30', null, null, null],
      /* 15 */ ['', '', '临江街道社区议事会', null, null, null, '2023-04-17', null, '2023-04-12', null, null, null],
    ], { base: template });

    const { job, result } = await importSheet(officer, content);
    expect(result).toMatchObject({ rows: 12, articlesCreated: 4, placementsCreated: 4, skippedExisting: 0, invalidRows: 7, problemsTotal: 8 });
    expect(brief(result.problems)).toEqual([
      [8, '媒体/刊物', 'error'],
      [9, '刊发日期', 'error'],
      [10, '报送单位', 'error'],
      [11, '报送单位', 'error'],
      [12, '刊发日期', 'warning'],
      [13, '位置', 'error'],
      [14, '刊发日期', 'error'],
      [15, '媒体/刊物', 'error'],
    ]);
    const message = (row: number) => result.problems.find((p) => p.row === row)!.message;
    expect(message(8)).toMatch(/^未找到媒体\/刊物「人民日抱」，最接近的是：人民日报/);
    expect(message(8).split('：')[1].split('、')).toHaveLength(3);
    expect(message(9)).toContain('刊发日期 2999-01-01 晚于今天');
    expect(message(10)).toContain('只能导入本单位（临江街道党工委）的稿件');
    expect(message(11)).toBe('各单位份额之和应为 100%，当前为 90%');
    expect(message(12)).toContain('刊发日期 2023-01-02 比稿件报送日期 2023-04-17 早 7 天以上');
    expect(message(13)).toContain('位置「中间」无效');
    expect(message(14)).toContain('日期「2023-02-30」无法识别');
    expect(message(15)).toBe('填写了刊发日期，但没有填写媒体/刊物');

    const stored = await articles(officer);
    const byTitle = (title: string) => stored.find((a) => a.title === title)!;
    expect(stored.map((a) => a.title).sort()).toEqual(['临江街道开展“三会一课”规范化建设', '临江街道网格员队伍建设经验', '临江街道“红色管家”激活小区治理新路径', '青石镇与临江街道联建党建共同体'].sort());
    expect(stored.every((a) => a.status === 'draft')).toBe(true);
    const red = byTitle('临江街道“红色管家”激活小区治理新路径');
    expect(red.submittedDate).toBe('2023-04-17');
    expect(await placements(officer, red.id)).toEqual([
      expect.objectContaining({ outletName: '人民日报', publishedDate: '2023-04-10', prominence: 'headline', page: '第4版', url: 'https://example.com/a', status: 'draft' }),
      expect.objectContaining({ outletName: '示例市日报', publishedDate: '2023-04-17', prominence: 'front', page: null }),
    ]);
    const joint = byTitle('青石镇与临江街道联建党建共同体');
    expect(joint.submittedDate).toBe('2023-04-17');
    expect(joint.units.map((u) => u.sharePercent).sort()).toEqual([40, 60]);
    expect(await placements(officer, joint.id)).toEqual([]);
    const rules = byTitle('临江街道开展“三会一课”规范化建设');
    expect(rules.submittedDate).toBe('2023-04-17');
    expect(await placements(officer, rules.id)).toEqual([expect.objectContaining({ outletName: '光明日报', publishedDate: '2023-04-15', prominence: 'normal' })]);
    // Imported with its warning.
    expect(await placements(officer, byTitle('临江街道网格员队伍建设经验').id)).toEqual([expect.objectContaining({ outletName: '人民网', publishedDate: '2023-01-02' })]);

    // The report, row by row, as a spreadsheet.
    const report = await download(`/api/articles/import/${job.id}/report.xlsx`, officer);
    expect(report.status).toBe(200);
    const reportRows = sheetValues((await readBook(report.body as Buffer)).worksheets[0], 4);
    expect(reportRows[0]).toEqual(['行号', '列', '问题', '级别']);
    expect(reportRows.slice(1)).toEqual(result.problems.map((p) => [p.row, p.column, p.message, p.level === 'error' ? '错误' : '警告']));

    // One audit entry for the whole import, with the counts.
    const audit = await t.http().get(`/api/audit?entity=article-import&entityId=${job.id}`).set(bearer(office));
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ action: 'import', username: 'officer', after: { rows: 12, articlesCreated: 4, placementsCreated: 4, skippedExisting: 0 } });

    // The same file again: every valid row is already recorded.
    const again = await importSheet(officer, content);
    expect(again.result).toMatchObject({ rows: 12, articlesCreated: 0, placementsCreated: 0, skippedExisting: 5, invalidRows: 7 });
    expect(brief(again.result.problems)).toEqual(brief(result.problems));
    expect(await articles(officer)).toHaveLength(4);
    expect(await placements(officer, red.id)).toHaveLength(2);
  });

  it('a job delivered twice adds its rows once', async () => {
    t.clock.set(noonOf('2023-06-02'));
    const content = await sheetWith([['', '', '临江街道重复投递测试稿件', null, null, null, '2023-06-02', '人民日报', '2023-06-02', null, null, null]]);
    const res = await upload(officer, content);
    const job = await t.waitForJob(officer, res.body.id);
    expect((job.result as ImportResult).articlesCreated).toBe(1);
    // A redelivery after the first run committed (e.g. the worker died before marking the job done).
    const me = (await t.http().get('/api/auth/me').set(bearer(officer))).body;
    const payload = { officeId: me.officeId, fileKey: keyOf(content), fileName: '稿件.xlsx', userId: me.id, unitId: me.unitId };
    const second = await t.app.get(ArticleImportService).runImport(payload, { jobId: job.id, attempt: 2, progress: async () => undefined });
    expect(second).toMatchObject({ articlesCreated: 0, placementsCreated: 0, skippedExisting: 1 });
    expect((await articles(officer, `&q=${encodeURIComponent('重复投递')}`))).toHaveLength(1);
    // % and _ in a search are the characters themselves, not LIKE wildcards
    const all = await articles(officer);
    expect(all.length).toBeGreaterThan(0);
    expect(await articles(officer, '&q=%25')).toEqual(all.filter((x) => x.title.includes('%')));
    expect(await articles(officer, '&q=_')).toEqual(all.filter((x) => x.title.includes('_')));
  });

  it('names the expected header row when the headers are wrong, and imports nothing', async () => {
    const before = (await articles(office)).length;
    const wrong = ['序号', ...HEADERS.slice(1)];
    const { result } = await importSheet(office, await sheetWith([['1', '临江街道党工委', '表头错误的稿件']], { headers: wrong }));
    expect(result).toMatchObject({ rows: 0, articlesCreated: 0, placementsCreated: 0 });
    expect(result.problems).toEqual([{ row: 1, column: '编号', level: 'error', message: expect.stringContaining(`第一行应依次为「${[...HEADERS, '采用形式', '阅读量', '署名顺序'].join('、')}」，第 1 列（A 列）应为「编号」，实际为「序号」`) }]);
    expect(await articles(office)).toHaveLength(before);
  });

  it('reports each merged range and leaves its rows out; the other rows are imported', async () => {
    t.clock.set(noonOf('2023-07-05'));
    const content = await sheetWith([
      ['', '', '临江街道合并单元格稿件', null, null, null, '2023-07-05', '人民日报', '2023-07-02', null, null, null],
      ['', '', null, null, null, null, '2023-07-05', '人民网', '2023-07-03', null, null, null],
      ['', '', '临江街道未合并的稿件', null, null, null, '2023-07-05', '人民日报', '2023-07-04', null, null, null],
      ['', '', '临江街道另一处合并', null, null, null, '2023-07-05', '人民日报', '2023-07-05', '第1版', null, null],
    ], { merge: ['C2:C3', 'J5:K5'] });
    const { result } = await importSheet(officer, content);
    expect(result).toMatchObject({ rows: 4, articlesCreated: 1, placementsCreated: 1, invalidRows: 3 });
    expect(result.problems).toEqual([
      { row: 2, column: '稿件标题', level: 'error', message: expect.stringContaining('C2:C3 是合并单元格（第 2–3 行）：请取消合并') },
      { row: 5, column: '版面', level: 'error', message: expect.stringContaining('J5:K5 是合并单元格（第 5 行）') },
    ]);
    const titles = (await articles(officer, `&from=2023-07-05&to=2023-07-05`)).map((a) => a.title);
    expect(titles).toEqual(['临江街道未合并的稿件']);
  });

  it('a file that is not a spreadsheet: one problem, the job finishes; other extensions are refused at once', async () => {
    const { job, result } = await importSheet(officer, Buffer.from('这不是表格，只是一段文字'));
    expect(job.status).toBe('done');
    expect(result).toMatchObject({ rows: 0, articlesCreated: 0, problems: [{ row: 0, column: '', level: 'error', message: '文件不是有效的 Excel（.xlsx）表格' }] });
    const txt = await upload(officer, Buffer.from('a,b'), 'notes.csv');
    expect(txt.status).toBe(400);
    expect(txt.body).toMatchObject({ code: 'invalid_file_type', errors: { file: '只接受 .xlsx 文件' } });
    const none = await t.http().post('/api/articles/import').set(bearer(officer));
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('file_required');
  });

  it('the office loads verified history for any unit; officers and reviewers cannot', async () => {
    const content = await sheetWith([
      ['HIST-1', '青石镇党委', '青石镇历史稿件', 900, null, null, '2022-03-01', '示例省日报', '2022-03-05', null, '头版', null],
      ['', '', '没有报送单位的历史稿件', null, null, null, '2022-03-01', null, null, null, null, null],
    ]);
    const { result } = await importSheet(office, content, { asStatus: 'verified' });
    expect(result).toMatchObject({ articlesCreated: 1, placementsCreated: 1, invalidRows: 1 });
    expect(result.problems).toEqual([{ row: 3, column: '报送单位', level: 'error', message: '办公室导入时必须填写报送单位（单位代码或名称）' }]);
    const [hist] = await articles(officer2, `&q=${encodeURIComponent('青石镇历史稿件')}`);
    expect(hist).toMatchObject({ status: 'verified', submittedDate: '2022-03-01' });
    expect(await placements(officer2, hist.id)).toEqual([expect.objectContaining({ status: 'verified', outletName: '示例省日报', prominence: 'front' })]);

    const asOfficer = await upload(officer, content, 'a.xlsx', { asStatus: 'verified' });
    expect(asOfficer.status).toBe(403);
    expect((await upload(reviewer, content)).status).toBe(403);
    const bogus = await upload(office, content, 'a.xlsx', { asStatus: 'approved' });
    expect(bogus.status).toBe(400);
    expect(bogus.body).toMatchObject({ code: 'validation_failed', errors: { asStatus: expect.any(String) } });
  });

  it('an officer sees only their own imports and their unit in exports', async () => {
    const { job } = await t.clock.during(noonOf('2023-08-01'), async () => importSheet(officer, await sheetWith([['', '', '临江街道范围测试稿件', null, null, null, '2023-08-01', null, null, null, null, null]])));
    expect((await t.http().get(`/api/jobs/${job.id}`).set(bearer(officer2))).status).toBe(403);
    expect((await download(`/api/articles/import/${job.id}/report.xlsx`, officer2)).status).toBe(403);
    expect((await download(`/api/articles/import/${job.id}/report.xlsx`, office)).status).toBe(200);

    const exported = async (token: string) => {
      const res = await download('/api/articles/export.xlsx', token);
      expect(res.status).toBe(200);
      return sheetValues((await readBook(res.body as Buffer)).worksheets[0], 12).slice(1).map((r) => r[2]);
    };
    const mine = await exported(officer);
    expect(mine).toContain('临江街道范围测试稿件');
    expect(mine).toContain('青石镇与临江街道联建党建共同体');
    expect(mine).not.toContain('青石镇历史稿件');
    const theirs = await exported(officer2);
    // The joint article is on both units; the rest of 临江街道's articles are not 青石镇's.
    expect(theirs).toContain('青石镇与临江街道联建党建共同体');
    expect(theirs).toContain('青石镇历史稿件');
    expect(theirs).not.toContain('临江街道范围测试稿件');
  });

  it('exports the filtered list in the template layout, and the export re-imports as nothing new', async () => {
    const res = await download(`/api/articles/export.xlsx?from=2023-04-01&to=2023-04-30&unitId=999999`, office);
    expect(res.status).toBe(200);
    expect(sheetValues((await readBook(res.body as Buffer)).worksheets[0], 12)).toEqual([HEADERS]);

    const april = await download(`/api/articles/export.xlsx?from=2023-04-01&to=2023-04-30`, office);
    const rows = sheetValues((await readBook(april.body as Buffer)).worksheets[0], 12);
    expect(rows[0]).toEqual(HEADERS);
    // One row per placement, articles by submission date; the joint article keeps its 编号 and shares.
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[7], r[8], r[10]])).toEqual([
      [null, '临江街道党工委', '临江街道“红色管家”激活小区治理新路径', '人民日报', utc('2023-04-10'), '头条'],
      [null, '临江街道党工委', '临江街道“红色管家”激活小区治理新路径', '示例市日报', utc('2023-04-17'), '头版'],
      ['LJ-001', '临江街道党工委60%、青石镇党委40%', '青石镇与临江街道联建党建共同体', null, null, null],
      [null, '临江街道党工委', '临江街道开展“三会一课”规范化建设', '光明日报', utc('2023-04-15'), '一般'],
      [null, '临江街道党工委', '临江街道网格员队伍建设经验', '人民网', utc('2023-01-02'), '一般'],
    ]);
    expect(rows[1][6]).toEqual(utc('2023-04-17'));

    const { result } = await importSheet(office, april.body as Buffer);
    expect(result).toMatchObject({ rows: 5, articlesCreated: 0, placementsCreated: 0, skippedExisting: 5, invalidRows: 0 });
    // The early placement is still flagged; nothing else.
    expect(brief(result.problems)).toEqual([[6, '刊发日期', 'warning']]);
  });

  it('flags titles that read like articles already recorded, also from another unit (whose title only the office sees)', async () => {
    t.clock.set(noonOf('2023-04-18'));
    const { result } = await importSheet(officer2, await sheetWith([['', '', '临江街道“红色管家”激活小区治理新路径！', null, null, null, '2023-04-18', null, null, null, null, null]]));
    expect(result.articlesCreated).toBe(1);
    expect(result.problems).toEqual([{
      row: 2, column: '稿件标题', level: 'warning',
      message: expect.stringMatching(/^可能与已录入的稿件重复：其他单位的相似稿件（相似度 \d+%）/),
    }]);
    const byOffice = await importSheet(office, await sheetWith([['', '青石镇党委', '临江街道“红色管家”激活小区治理的新路径', null, null, null, '2023-04-06', null, null, null, null, null]]));
    expect(byOffice.result.problems).toEqual([{
      row: 2, column: '稿件标题', level: 'warning',
      message: expect.stringContaining('《临江街道“红色管家”激活小区治理新路径》（临江街道党工委，2023-04-17）'),
    }]);
  });
});

/** FileStore keys are the SHA-256 of the content. */
const keyOf = (content: Buffer) => `${createHash('sha256').update(content).digest('hex')}.xlsx`;

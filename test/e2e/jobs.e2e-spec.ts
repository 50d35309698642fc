// The jobs infrastructure end to end through its real job, the outlet import (issue #2, item
// 7): upload → job record → handler → report, on the in-process runner and on Bull.
import { DataSource } from 'typeorm';
import ExcelJS from 'exceljs';
import type { JobResponse } from '@app/contracts';
import { JobsService } from '../../apps/api/src/jobs/jobs.service';
import { testBackends } from '../utils/backends';
import { bearer, createTestApp, type TestApp } from '../utils/app';

type Cell = string | null;
interface OutletBody { code: string; name: string; aliases: string[]; level: string; channel: string; medium: string; placeholder: boolean }
interface ImportResult { created: number; updated: number; unchanged: number; problems: { row: number; column: string; message: string }[] }

const HEADER = ['代码', '名称', '别名', '层级', '类型', '载体'];

async function sheet(rows: Cell[][], header = HEADER): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('媒体刊物');
  ws.addRow(header);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// Rows 2–14 of the sheet. The expected report below is worked out by hand from these rows
// and config/outlets.yaml (the catalogue the demo office starts with).
const ROWS: Cell[][] = [
  ['test-a', '测试日报', '测报、测试报', '省级', '宣传', '报纸'], //             2 created (code upper-cased)
  ['TEST-B', '测试组工信息', '', '区级', '信息', '内部刊物'], //                  3 created
  ['PROV-RB', '江南日报', '省日报', '省级', '宣传', '报纸'], //                   4 updated (catalogue placeholder renamed)
  ['RMRB', '人民日报', '人民日报社、《人民日报》', '中央级', '宣传', '报纸'], //   5 unchanged (same as the catalogue)
  ['BAD-1', '坏层级报', '', '国家级', '宣传', '报纸'], //                         6 problem: 层级
  [null, '无代码报', '', '区级', '宣传', '报纸'], //                              7 problem: 代码
  ['BAD-3', null, '', '区级', '宣传', '网站'], //                                 8 problem: 名称
  [null, null, null, null, null, null], //                                        9 empty: skipped
  ['BAD-4', '杂志报', '', '区级', '宣传', '杂志'], //                             10 problem: 载体
  ['BAD-5', '人民日报', '', '区级', '宣传', '报纸'], //                           11 problem: 名称 taken by RMRB
  ['TEST-A', '测试日报二', '', '市级', '宣传', '报纸'], //                        12 problem: 代码 repeats row 2
  ['BAD-7', '坏类型报', '', '市', '其他', '报'], //                               13 problem: 类型 (市 → 市级, 报 → 报纸)
  ['BAD-8', '空白报', '', '', null, ' '], //                                     14 problems: 层级, 类型, 载体 all empty
];

describe.each(testBackends('jobs'))('jobs: outlet import ($label)', (backend) => {
  let t: TestApp;
  let office: string;
  let officer: string;
  let catalogueSize: number;
  let first: JobResponse;

  beforeAll(async () => {
    t = await createTestApp(backend, { UPLOAD_MAX_MB: '1' });
    office = await t.login('office');
    officer = await t.login('officer');
    catalogueSize = (await t.http().get('/api/outlets').set(bearer(office))).body.total;
  });
  afterAll(async () => {
    await t?.close();
  });

  const upload = (content: Buffer, name: string, token = office) => t.http().post('/api/outlets/import').set(bearer(token)).attach('file', content, name);
  async function importAndWait(content: Buffer, name = 'outlets.xlsx'): Promise<JobResponse> {
    const res = await upload(content, name);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'outlets.import', status: expect.stringMatching(/^(queued|running|done)$/) });
    return t.waitForJob(office, res.body.id);
  }
  async function outlet(code: string): Promise<OutletBody | undefined> {
    const res = await t.http().get(`/api/outlets?q=${encodeURIComponent(code)}&pageSize=200`).set(bearer(office));
    return res.body.items.find((o: OutletBody) => o.code === code);
  }
  const outletTotal = async () => (await t.http().get('/api/outlets').set(bearer(office))).body.total as number;
  const jobTotal = async () => (await t.http().get('/api/jobs').set(bearer(office))).body.total as number;

  it(`runs on the ${backend.name === 'embedded' ? 'inline' : 'bull'} queue`, async () => {
    const health = await t.http().get('/api/health');
    expect(health.body.queue).toEqual({ mode: backend.name === 'embedded' ? 'inline' : 'bull', status: 'up' });
  });

  it('imports a sheet and reports every row by number and column', async () => {
    first = await importAndWait(await sheet(ROWS));
    expect(first).toMatchObject({ status: 'done', progress: 100, attempts: 1, error: null });
    expect(first.startedAt).not.toBeNull();
    expect(first.finishedAt).not.toBeNull();
    const result = first.result as ImportResult;
    expect(result).toMatchObject({ created: 2, updated: 1, unchanged: 1 });
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [6, '层级'], [7, '代码'], [8, '名称'], [10, '载体'], [11, '名称'], [12, '代码'], [13, '类型'], [14, '层级'], [14, '类型'], [14, '载体'],
    ]);
    for (const p of result.problems) expect(p.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(result.problems[0].message).toContain('国家级');
    expect(result.problems[4].message).toContain('RMRB');
    expect(result.problems[5].message).toContain('第 2 行');
  });

  it('stores what the report says', async () => {
    expect(await outletTotal()).toBe(catalogueSize + 2);
    expect(await outlet('TEST-A')).toMatchObject({ name: '测试日报', aliases: ['测报', '测试报'], level: 'provincial', channel: 'media', medium: 'newspaper' });
    expect(await outlet('TEST-B')).toMatchObject({ name: '测试组工信息', aliases: [], level: 'district', channel: 'bulletin', medium: 'bulletin' });
    expect(await outlet('PROV-RB')).toMatchObject({ name: '江南日报', aliases: ['省日报'], placeholder: false });
    for (const code of ['BAD-1', 'BAD-3', 'BAD-4', 'BAD-5', 'BAD-7', 'BAD-8']) expect(await outlet(code)).toBeUndefined();
  });

  it('audits the import once, as the person who uploaded it', async () => {
    const audit = (await t.http().get('/api/audit?entity=outlet-import').set(bearer(office))).body;
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ action: 'import', username: 'office', after: { fileName: 'outlets.xlsx', created: 2, updated: 1 } });
  });

  it('the same file again changes nothing', async () => {
    // The first import is done, so its business key is free again: this upload is a new job.
    const again = await importAndWait(await sheet(ROWS));
    expect(again.id).not.toBe(first.id);
    expect(again).toMatchObject({ status: 'done', result: { created: 0, updated: 0, unchanged: 4 } });
    expect((again.result as ImportResult).problems).toHaveLength(10);
    expect(await outletTotal()).toBe(catalogueSize + 2);
  });

  it('two uploads at once leave one copy of each outlet', async () => {
    const content = await sheet([['TWIN-1', '双传报一', '', '区级', '宣传', '报纸'], ['TWIN-2', '双传报二', '', '区级', '宣传', '网站']]);
    const [a, b] = await Promise.all([upload(content, 'twin.xlsx'), upload(content, 'twin.xlsx')]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const jobs = await Promise.all([...new Set([a.body.id, b.body.id])].map((id: number) => t.waitForJob(office, id)));
    expect(jobs.map((j) => j.status)).toEqual(jobs.map(() => 'done'));
    expect(jobs.reduce((n, j) => n + (j.result as ImportResult).created, 0)).toBe(2);
    expect(await outletTotal()).toBe(catalogueSize + 4);
  });

  it('lists the jobs for the office, newest first, not for an officer', async () => {
    const res = await t.http().get('/api/jobs?name=outlets.import&status=done').set(bearer(office));
    expect(res.status).toBe(200);
    const ids = (res.body.items as JobResponse[]).map((j) => j.id);
    expect(ids).toContain(first.id);
    expect(ids).toEqual([...ids].sort((x, y) => y - x));
    expect((await t.http().get(`/api/jobs/${first.id}`).set(bearer(office))).body).toMatchObject({ id: first.id, status: 'done', progress: 100 });
    expect((await t.http().get('/api/jobs').set(bearer(officer))).status).toBe(403);
  });

  it('refuses a missing file, another file type, a file over UPLOAD_MAX_MB or an officer, without starting a job', async () => {
    const before = await jobTotal();
    const none = await t.http().post('/api/outlets/import').set(bearer(office));
    expect(none.status).toBe(400);
    expect(none.body).toMatchObject({ code: 'file_required', errors: { file: '必填' } });
    const csv = await upload(Buffer.from('代码,名称\nX,某报\n'), 'outlets.csv');
    expect(csv.status).toBe(400);
    expect(csv.body).toMatchObject({ code: 'invalid_file_type', errors: { file: '只接受 .xlsx 文件' } });
    const byOfficer = await upload(await sheet([]), 'outlets.xlsx', officer);
    expect(byOfficer.status).toBe(403);
    // UPLOAD_MAX_MB=1 in this suite: one byte over is refused, and so is far over.
    for (const size of [1024 * 1024 + 1, 3 * 1024 * 1024]) {
      const big = await upload(Buffer.alloc(size, 1), 'big.xlsx');
      expect([size, big.status, big.body.code]).toEqual([size, 413, expect.stringMatching(/^(file_too_large|payload_too_large)$/)]);
    }
    expect((await upload(Buffer.alloc(1024 * 1024, 1), 'limit.xlsx')).status).toBe(201);
    // Only the file of exactly 1 MB started a job.
    expect(await jobTotal()).toBe(before + 1);
  });

  it('a file named .xlsx that is not a spreadsheet ends as a problem row, not a crash', async () => {
    const job = await importAndWait(Buffer.from('这不是表格 just some text'), 'fake.xlsx');
    expect(job).toMatchObject({ status: 'done', error: null, attempts: 1 });
    expect(job.result).toEqual({ created: 0, updated: 0, unchanged: 0, problems: [{ row: 0, column: '', message: expect.stringContaining('文件不是有效的 Excel') }] });
  });

  it('a sheet with the wrong header names the column', async () => {
    const job = await importAndWait(await sheet([['X', '某报', '', '区级', '宣传', '报纸']], ['代码', '名字', '别名', '层级', '类型', '载体']));
    expect(job.status).toBe('done');
    expect((job.result as ImportResult).problems).toEqual([{ row: 1, column: '名称', message: expect.stringContaining('名字') }]);
    expect(await outlet('X')).toBeUndefined();
  });

  it('a sheet beyond the row limit is refused as a whole, read as a stream, storing nothing', async () => {
    // Issue #11 defect 5, for the outlet import: 5,001 outlets (the limit is 5,000) used to be loaded whole and imported.
    const rows: Cell[][] = Array.from({ length: 5001 }, (_, i) => [`BIG-${i + 1}`, `超限报${i + 1}`, '', '区级', '宣传', '报纸']);
    const before = await outletTotal();
    const job = await importAndWait(await sheet(rows), 'big.xlsx');
    expect(job).toMatchObject({ status: 'done', error: null });
    expect(job.result).toEqual({
      created: 0, updated: 0, unchanged: 0,
      problems: [{ row: 0, column: '', code: 'too_many_rows', message: '表格超过 5000 行数据，一次最多导入 5000 行，请拆分为多个文件后导入' }],
    });
    expect(await outletTotal()).toBe(before);
    expect(await outlet('BIG-1')).toBeUndefined();
  });

  it('a job that keeps failing is retried, then kept as failed with its reason', async () => {
    // The stored file is gone (say a volume was cleaned): every attempt fails the same way.
    const record = await t.app.get(JobsService).enqueue('outlets.import', { officeId: 1, fileKey: `${'0'.repeat(64)}.xlsx`, fileName: 'lost.xlsx' }, {
      businessKey: 'lost-file', officeId: 1, createdBy: null,
    });
    const job = await t.waitForJob(office, record.id);
    expect(job).toMatchObject({ status: 'failed', attempts: 3, maxAttempts: 3, result: null });
    expect(job.error).toBe('上传的表格文件已不存在，请重新上传');
    expect(job.finishedAt).not.toBeNull();
    const failed = await t.http().get('/api/jobs?status=failed').set(bearer(office));
    expect((failed.body.items as JobResponse[]).map((j) => j.id)).toEqual([record.id]);
  });

  it('enqueues racing for the same work leave one job; a finished job no longer absorbs new ones', async () => {
    const jobs = t.app.get(JobsService);
    const enqueue = () => jobs.enqueue('outlets.import', { officeId: 1, fileKey: `${'1'.repeat(64)}.xlsx`, fileName: 'race.xlsx' }, { businessKey: 'race', officeId: 1, createdBy: null });
    const records = await Promise.all(Array.from({ length: 6 }, enqueue));
    expect(new Set(records.map((r) => r.id)).size).toBe(1);
    const stored = await t.app.get(DataSource).query("SELECT id FROM jobs WHERE businessKey = 'race'");
    expect(stored.map((r: { id: unknown }) => Number(r.id))).toEqual([records[0].id]);
    // The file does not exist, so the job ends failed; the same work asked again is a new job.
    expect((await t.waitForJob(office, records[0].id)).status).toBe('failed');
    const again = await enqueue();
    expect(again.id).not.toBe(records[0].id);
    expect((await t.waitForJob(office, again.id)).status).toBe('failed');
  });
});

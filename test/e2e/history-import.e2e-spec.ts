// Issue #14 point 2: an office loads a whole past year (2025) from one workbook — articles and
// placements, monthly reports with their filing times, 约稿 with their answers, 批示 and 事项 —
// each sheet reported row by row under its name, a second import changes nothing, and the four
// quarters publish as 补录 quarters with totals derived by hand from the scheme's rules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import type { JobResponse } from '@app/contracts';
import { noticeTitle, type NoticeData } from '@app/notice';
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';
import { recomputeRequests } from '../utils/recording';

const ARTICLE_HEADERS = ['编号', '报送单位', '稿件标题', '字数', '体裁', '作者', '报送日期', '媒体/刊物', '刊发日期', '版面', '位置', '链接', '采用形式', '阅读量'];

/** The standard scheme plus a 事项 catalogue, in force from 2025-Q1. */
const SCHEME = `${fs.readFileSync(path.join(__dirname, '../../config/schemes/standard.yaml'), 'utf8')}
items:
  - { kind: 会议交流发言, points: { central: 100, provincial: 60, municipal: 40, district: 10 } }
`;

interface Problem { sheet?: string; row: number; column: string; message: string; level: 'error' | 'warning' }
interface HistoryResult {
  sheets: string[]; rows: number; monthlyReports: number; commissions: number; commissionAnswers: number; instructions: number; items: number;
  skippedExisting: number; invalidRows: number; backfillQuarters: string[];
}
interface ImportResult { articlesCreated: number; placementsCreated: number; skippedExisting: number; invalidRows: number; problems: Problem[]; history: HistoryResult }

function sheet(book: ExcelJS.Workbook, name: string, headers: string[], rows: unknown[][]) {
  const s = book.addWorksheet(name);
  s.addRow(headers);
  for (const r of rows) s.addRow(r);
}

/** Filing time of a monthly report, typed as the office reads it off the e-mail (Beijing time). */
const dueDayEvening = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return `${next}-05 23:50`;
};

async function yearWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  sheet(book, '稿件录用', ARTICLE_HEADERS, [
    ['LJ-2025-01', '临江街道党工委', '临江街道党建引领基层治理', 1800, '消息', '', '2025-02-10', '人民日报', '2025-02-20', '', '', '', '', null],
    ['LJ-2025-02', '临江街道党工委', '临江街道“红色物业”观察', 2000, '通讯', '', '2025-05-06', '人民日报', '2025-05-15', '', '', '', '', null],
    ['LJ-2025-03', '临江街道党工委', '临江街道乡村振兴约稿回复', 1500, '通讯', '', '2025-03-15', '', '', '', '', '', '', null],
    ['QS-2025-01', '青石镇党委', '青石镇人才回引计划', 1600, '消息', '', '2025-08-01', '人民日报', '2025-08-10', '第1版', '头条', '', '', null],
  ]);
  const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
  sheet(book, '月度报送', ['报送单位', '报告月份', '报送时间', '报送稿件数', '录用篇次', '情况说明'], [
    ['示例：临江街道党工委', '2025-03', '2025-04-03 16:20', 1, 1, ''],
    ...months.filter((m) => m !== '2025-10').map((m) => ['LJJD', m, m === '2025-04' ? '2025-05-06 09:00' : dueDayEvening(m), 2, 1, '电子邮件报送']),
    ['临江街道党工委', '2025-13', '2025-12-01', null, null, ''],
    ['临江街道党工委', '2025-06', '2025-05-20 10:00', null, null, ''],
    ['青石镇党委', '2025-06', '2099-07-01 10:00', null, null, ''],
  ]);
  sheet(book, '约稿', ['约稿编号', '约稿主题', '发文单位', '下发日期', '截止日期', '约稿对象', '约稿说明'], [
    ['YG-2025-01', '乡村振兴主题约稿', '区委组织部', '2025-03-01', '2025-03-20', '临江街道党工委、青石镇党委', ''],
    ['YG-2025-02', '截止早于下发', '', '2025-04-10', '2025-04-01', '临江街道党工委', ''],
  ]);
  sheet(book, '约稿回复', ['约稿编号', '回复单位', '稿件编号', '回复时间'], [
    ['yg-2025-01', '临江街道党工委', 'lj-2025-03', '2025-03-15 10:00'],
    ['YG-2025-01', '枫林街道党工委', 'LJ-2025-03', '2025-03-16 10:00'],
  ]);
  sheet(book, '批示', ['稿件编号', '批示领导', '批示级别', '批示日期', '批示内容'], [
    ['LJ-2025-02', '省委常委、组织部长', '省级', '2025-05-20', '经验做法值得推广'],
    ['NO-SUCH', '市委书记', '市级', '2025-05-21', ''],
  ]);
  sheet(book, '事项', ['报送单位', '事项类型', '事项标题', '事项日期', '级别', '关联稿件编号', '备注'], [
    ['临江街道党工委', '会议交流发言', '在全市组织工作会议上作交流发言', '2025-11-12', '市级', '', ''],
    ['临江街道党工委', '网评文章', '不在目录中的类型', '2025-11-13', '', '', ''],
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const POINT = 10_000;

describe.each(testBackends('history-import'))('history import of a past year ($label)', (backend) => {
  let t: TestApp;
  let office: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    office = await t.login('office');
    const scheme = await t.http().post('/api/schemes').set(bearer(office)).send({ effectiveFrom: '2025-Q1', document: SCHEME });
    if (scheme.status !== 201) throw new Error(`scheme: ${scheme.status} ${JSON.stringify(scheme.body)}`);
  });
  afterAll(async () => {
    await t?.close();
  });

  let lastJobId = 0;
  const importBook = async (content: Buffer, token = office): Promise<ImportResult> => {
    const req = t.http().post('/api/articles/import').set(bearer(token));
    if (token === office) req.field('asStatus', 'verified');
    const res = await req.attach('file', content, '2025年历史数据.xlsx');
    expect(res.status).toBe(201);
    const job = await t.waitForJob(token, res.body.id);
    expect(job.status).toBe('done');
    lastJobId = job.id;
    return job.result as ImportResult;
  };
  const download = (url: string) => t.http().get(url).set(bearer(office)).buffer(true).parse((r, done) => {
    const parts: Buffer[] = [];
    r.on('data', (c: Buffer) => parts.push(c));
    r.on('end', () => done(null, Buffer.concat(parts)));
  });

  it('offers the history sheets with headers, an example row and guidance in the office template', async () => {
    const res = await download('/api/articles/template.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name).slice(0, 7)).toEqual(['稿件录用', '月度报送', '约稿', '约稿回复', '批示', '事项', '历史数据说明']);
    expect(book.getWorksheet('月度报送')!.getRow(1).values).toEqual([undefined, '报送单位', '报告月份', '报送时间', '报送稿件数', '录用篇次', '情况说明']);
    expect(String(book.getWorksheet('约稿')!.getRow(2).getCell(1).value)).toMatch(/^示例/);
    const help: string[] = [];
    book.getWorksheet('历史数据说明')!.eachRow((row) => help.push(row.values!.toString()));
    expect(help.join('\n')).toContain('会议交流发言');
    // The template itself imports as nothing: every example row is skipped.
    const result = await importBook(res.body as Buffer);
    expect(result.history).toMatchObject({ rows: 0, monthlyReports: 0, commissions: 0, invalidRows: 0 });
  });

  it('loads the year sheet by sheet, reports bad rows by sheet, row and column, and changes nothing on a second import', async () => {
    const content = await yearWorkbook();
    const first = await importBook(content);
    expect(first).toMatchObject({ articlesCreated: 4, placementsCreated: 3, invalidRows: 0 });
    expect(first.history).toMatchObject({
      sheets: ['月度报送', '约稿', '约稿回复', '批示', '事项'], monthlyReports: 11, commissions: 1, commissionAnswers: 1, instructions: 1, items: 1,
      skippedExisting: 0, invalidRows: 7, backfillQuarters: ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'],
    });
    const errors = first.problems.filter((p) => p.level === 'error').map((p) => [p.sheet, p.row, p.column]);
    expect(errors).toEqual([
      ['月度报送', 14, '报告月份'],
      ['月度报送', 15, '报送时间'],
      ['月度报送', 16, '报送时间'],
      ['约稿', 3, '截止日期'],
      ['约稿回复', 3, '回复单位'],
      ['批示', 3, '稿件编号'],
      ['事项', 3, '事项类型'],
    ]);
    expect(first.problems.find((p) => p.sheet === '月度报送' && p.row === 16)!.message).toContain('晚于现在');
    const report = new ExcelJS.Workbook();
    await report.xlsx.load((await download(`/api/articles/import/${lastJobId}/report.xlsx`)).body as ArrayBuffer);
    const reportRows: unknown[][] = [];
    report.worksheets[0].eachRow((row) => reportRows.push((row.values as unknown[]).slice(1, 4)));
    expect(reportRows[0]).toEqual(['工作表', '行号', '列']);
    expect(reportRows).toContainEqual(['约稿回复', 3, '回复单位']);
    expect(first.problems.find((p) => p.sheet === '月度报送' && p.row === 15)!.message).toContain('早于所报告月份 2025-06 的第一天');

    const again = await importBook(content);
    expect(again).toMatchObject({ articlesCreated: 0, placementsCreated: 0 });
    expect(again.history).toMatchObject({ monthlyReports: 0, commissions: 0, commissionAnswers: 0, instructions: 0, items: 0, skippedExisting: 15 });

    const ds = t.app.get(DataSource);
    // The quarters that received history owe a recompute (one request for the four; none for the no-op re-import).
    expect(await recomputeRequests(ds, 'history-import:')).toBe(1);
    const [{ n }] = await ds.query("SELECT COUNT(*) AS n FROM monthly_reports WHERE month LIKE '2025-%'");
    expect(Number(n)).toBe(11);
    const [{ marked }] = await ds.query('SELECT COUNT(*) AS marked FROM history_records');
    expect(Number(marked)).toBe(15);
    const audit = await t.http().get('/api/audit?pageSize=50').set(bearer(office));
    expect(JSON.stringify(audit.body)).toContain('monthlyReports');
  });

  it('gives an officer who uploads the history sheets a warning per sheet and loads nothing from them', async () => {
    const officer = await t.login('officer');
    const result = await importBook(await yearWorkbook(), officer);
    expect(result.history).toMatchObject({ monthlyReports: 0, commissions: 0, commissionAnswers: 0, instructions: 0, items: 0 });
    expect(result.problems.filter((p) => p.sheet).map((p) => [p.sheet, p.level])).toEqual(['月度报送', '约稿', '约稿回复', '批示', '事项'].map((s) => [s, 'warning']));
  });

  it('publishes the four quarters as 补录 quarters with the totals the scheme gives', async () => {
    // Hand-derived from the standard scheme: 人民日报 is central media (30; 头条 ×2), a provincial
    // 批示 20, 约稿 on time +3 / missed −3, monthly report late −1 / missing −2 (due on the 5th,
    // inclusive: 23:50 on the 5th is on time), 会议交流发言 at 市级 40.
    const expected: Record<string, Record<string, number>> = {
      '2025-Q1': { LJJD: 30 + 3, QSZ: -3 - 2 * 3 },
      '2025-Q2': { LJJD: 30 + 20 - 1, QSZ: -2 * 3 },
      '2025-Q3': { LJJD: 0, QSZ: 30 * 2 - 2 * 3 },
      '2025-Q4': { LJJD: 40 - 2, QSZ: -2 * 3 },
    };
    for (const quarter of Object.keys(expected)) {
      const close = await t.http().post(`/api/quarters/${quarter}/close`).set(bearer(office)).send({});
      expect(close.status).toBe(200);
      // The import flagged all four; the office can also say so when publishing (a no-op here).
      const publish = await t.http().post(`/api/quarters/${quarter}/publish`).set(bearer(office)).send(quarter === '2025-Q3' ? { backfill: true } : {});
      expect(publish.status).toBe(202);
      const job: JobResponse = await t.waitForJob(office, publish.body.id, 60_000);
      expect(job.status).toBe('done');
      const page = await t.http().get(`/api/quarters/${quarter}`).set(bearer(office));
      expect(page.body).toMatchObject({ stage: 'published', backfill: true });
      const snapshot = await t.http().get(`/api/quarters/${quarter}/snapshots/1`).set(bearer(office));
      const totals = Object.fromEntries(snapshot.body.units.map((u: { unitCode: string; total: number }) => [u.unitCode, u.total]));
      for (const [code, points] of Object.entries(expected[quarter])) expect([quarter, code, totals[code]]).toEqual([quarter, code, points * POINT]);
      // A unit with nothing but missing reports: −2 for each month of the quarter.
      expect([quarter, totals.FLJD]).toEqual([quarter, -6 * POINT]);
    }
    const notices = await t.http().get('/api/notices').set(bearer(office));
    const q1 = notices.body.find((n: { quarter: string }) => n.quarter === '2025-Q1');
    let view: { ready: boolean; data: NoticeData | null } = { ready: false, data: null };
    for (let i = 0; i < 200 && !view.ready; i++) {
      view = (await t.http().get(`/api/notices/${q1.id}`).set(bearer(office))).body;
      if (!view.ready) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(view.data!.backfill).toBe(true);
    expect(noticeTitle(view.data!)).toBe('关于2025年第一季度全区组织工作信息宣传情况的通报（补录）');
  });
});

// Issue #12 around the format: 事项 and 加减分 in a unit's 得分明细 (page answer and .xlsx) as their
// own lines — the item's kind and title, the adjustment's reason, each line's explanation and
// clause — and the home page's counts of what waits: items to review or verify, adjustments
// waiting for a second office user (never the one who recorded them).
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { createFactories } from '../factories';
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';

const STANDARD = fs.readFileSync(path.join(__dirname, '../../config/schemes/standard.yaml'), 'utf8');
/** The standard preset with a catalogue of 事项: 会议交流发言 per level, 网评文章 flat. */
const WITH_ITEMS = `${STANDARD}
items:
  - { kind: 会议交流发言, points: { central: 100, provincial: 60, municipal: 40 } }
  - { kind: 网评文章, points: 2 }
`;

interface Line { recordType: string; recordTypeLabel: string; recordId: number; recordLabel: string; itemKind: string | null; ruleLabel: string; amountExact: string; explanation: string; clause: string | null }

describe.each(testBackends('statement-records'))('statements and home counts for 事项 and 加减分 ($label)', (backend) => {
  let t: TestApp;
  let office: string;
  let office2: string;
  let officer: string;
  let reviewer: string;
  let unitId: number;
  let itemId: number;
  let adjustmentId: number;

  const send = async (token: string, url: string, body: object = {}, status = 201) => {
    const res = await t.http().post(url).set(bearer(token)).send(body);
    if (res.status !== status) throw new Error(`POST ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const get = async (token: string, url: string, query: object = {}) => {
    const res = await t.http().get(url).query(query).set(bearer(token));
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp(backend);
    const f = createFactories(t.app.get(DataSource));
    const officeId = (await f.offices.create({ name: '明细事项测试区' })).id;
    const group = await f.groups.create({ officeId, code: 'SR-G', name: '镇街组', sortOrder: 1 });
    unitId = (await f.units.create({ officeId, groupId: group.id, code: 'SR01', name: '石榴街道' })).id;
    // Reports filed: the quarter's lines are the item and the adjustment only.
    await f.monthlyReports.fileOnTime(officeId, [unitId], ['2026-04', '2026-05', '2026-06']);
    await f.users.create({ officeId, role: 'office', username: 'sr-office' });
    await f.users.create({ officeId, role: 'office', username: 'sr-office2' });
    await f.users.create({ officeId, role: 'officer', username: 'sr-officer', unitId });
    await f.users.create({ officeId, role: 'reviewer', username: 'sr-reviewer', unitId });
    [office, office2, officer, reviewer] = await Promise.all(['sr-office', 'sr-office2', 'sr-officer', 'sr-reviewer'].map((u) => t.login(u)));
    const version = await send(office, '/api/schemes', { effectiveFrom: '2026-Q1', document: WITH_ITEMS });
    const job = await t.waitForJob(office, version.recomputeJob.id);
    if (job.status !== 'done') throw new Error(`recompute job ${job.status}: ${job.error}`);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts the items waiting for the unit\'s reviewer, then for the office', async () => {
    const waiting = async (token: string) => (await get(token, '/api/review/queue', { type: 'items', pageSize: 1 })).total;
    const item = await send(officer, '/api/items', { kind: '会议交流发言', title: '在全市组织工作会议上交流发言', date: '2026-05-12', level: 'municipal' });
    itemId = item.id;
    expect([await waiting(reviewer), await waiting(office)]).toEqual([0, 0]);
    await send(officer, `/api/review/items/${itemId}/submit`, {}, 200);
    expect([await waiting(reviewer), await waiting(office)]).toEqual([1, 0]);
    await send(reviewer, `/api/review/items/${itemId}/approve`, {}, 200);
    expect([await waiting(reviewer), await waiting(office)]).toEqual([0, 1]);
    await send(office, `/api/review/items/${itemId}/verify`, {}, 200);
    expect([await waiting(reviewer), await waiting(office)]).toEqual([0, 0]);
  });

  it('counts a pending adjustment for the office user who may approve it, not for the one who recorded it', async () => {
    const awaiting = async (token: string) => (await get(token, '/api/adjustments', { status: 'pending', awaitingMe: true, pageSize: 1 })).total;
    const created = await send(office, '/api/adjustments', { unitId, quarter: '2026-Q2', points: '-1.5', reason: '信息报送出现错别字，通报批评' });
    adjustmentId = created.id;
    expect([await awaiting(office), await awaiting(office2)]).toEqual([0, 1]);
    // The filter is checked like any other: a word that is not a boolean is refused.
    const bad = await t.http().get('/api/adjustments').query({ awaitingMe: 'maybe' }).set(bearer(office2));
    expect([bad.status, Object.keys(bad.body.errors ?? {})]).toEqual([400, ['awaitingMe']]);
    // An officer never sees pending adjustments, whatever is asked.
    expect((await get(officer, '/api/adjustments', { awaitingMe: true })).total).toBe(0);
    const approved = await send(office2, `/api/adjustments/${adjustmentId}/approve`, { version: created.version }, 200);
    expect(approved.status).toBe('approved');
    expect([await awaiting(office), await awaiting(office2)]).toEqual([0, 0]);
  });

  it('lists the item and the adjustment as their own statement lines, named, explained and with their clause', async () => {
    const recompute = await send(office, '/api/scores/recompute', { quarters: ['2026-Q2'] });
    expect((await t.waitForJob(office, recompute.id)).status).toBe('done');
    const statement = await get(officer, '/api/scores/statement', { quarter: '2026-Q2' });
    const lines = statement.lines as Line[];
    const item = lines.find((l) => l.recordType === 'item');
    const adjustment = lines.find((l) => l.recordType === 'adjustment');
    expect(item).toMatchObject({
      recordTypeLabel: '事项', recordId: itemId, recordLabel: '会议交流发言：在全市组织工作会议上交流发言', itemKind: '会议交流发言',
      ruleLabel: '事项', amountExact: '40.0000', clause: 'items[0]',
    });
    expect(item!.explanation).toContain('会议交流发言');
    expect(adjustment).toMatchObject({
      recordTypeLabel: '加减分', recordId: adjustmentId, recordLabel: '信息报送出现错别字，通报批评', itemKind: null,
      ruleLabel: '加减分', amountExact: '-1.5000', clause: 'adjustments',
    });
    expect(adjustment!.explanation).toContain('信息报送出现错别字');
    expect(statement.totalExact).toBe('38.5000');

    const res = await t.http().get('/api/scores/statement.xlsx').query({ quarter: '2026-Q2' }).set(bearer(officer))
      .buffer(true).parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as ArrayBuffer);
    const sheet = book.worksheets[0];
    const header = sheet.getRow(2).values as unknown[];
    const col = (name: string) => header.indexOf(name);
    const rows = [3, 4].map((r) => ['记录类型', '记录', '得分', '计分说明', '条款'].map((c) => sheet.getRow(r).getCell(col(c)).value));
    expect(rows).toEqual(expect.arrayContaining([
      ['事项', '会议交流发言：在全市组织工作会议上交流发言', 40, item!.explanation, 'items[0]'],
      ['加减分', '信息报送出现错别字，通报批评', -1.5, adjustment!.explanation, 'adjustments'],
    ]));
  });
});

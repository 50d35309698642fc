// The audit log as the office director reads it: Chinese action names, people by real name,
// objects by title with a link, before/after as a field table, filters and the XLSX export.
import ExcelJS from 'exceljs';
import type request from 'supertest';
import { DataSource } from 'typeorm';
import type { AuditEntryResponse } from '@app/contracts';
import { ScoreLine } from '../../apps/api/src/score-ledger/score-line.entity';
import { testBackends } from '../utils/backends';
import { noonOf } from '../utils/clock';
import { bearer, createTestApp, type TestApp } from '../utils/app';

const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const parts: Buffer[] = [];
  res.on('data', (c: Buffer) => parts.push(c));
  res.on('end', () => done(null, Buffer.concat(parts)));
};

type Entry = AuditEntryResponse;

describe.each(testBackends('audit-log'))('audit log 审计日志 ($label)', (backend) => {
  let t: TestApp;
  let office: string;
  let officer: string;
  let officer2: string;
  const ids: Record<string, number> = {};

  const log = async (query: Record<string, string | number>, token = office) => {
    const res = await t.http().get('/api/audit').query({ pageSize: 100, ...query }).set(bearer(token));
    expect(res.status).toBe(200);
    return res.body as { items: Entry[]; total: number };
  };

  beforeAll(async () => {
    t = await createTestApp(backend);
    [office, officer, officer2] = await Promise.all(['office', 'officer', 'officer2'].map((u) => t.login(u)));
    const units = (await t.http().get('/api/units?pageSize=100').set(bearer(office))).body.items as { id: number; code: string; name: string; version: number }[];
    const qsz = units.find((u) => u.code === 'QSZ')!;
    ids.LJJD = units.find((u) => u.code === 'LJJD')!.id;
    ids.QSZ = qsz.id;
    const renamed = await t.http().patch(`/api/units/${qsz.id}`).set(bearer(office)).send({ name: '青石镇党委（更名）', version: qsz.version });
    if (renamed.status !== 200) throw new Error(`rename: ${renamed.status} ${JSON.stringify(renamed.body)}`);
    const article = await t.clock.during(noonOf('2024-04-01'), () => t.http().post('/api/articles').set(bearer(officer)).send({ title: '临江街道“红色管家”激活小区治理', submittedAt: '2024-04-01' }));
    if (article.status !== 201) throw new Error(`article: ${article.status} ${JSON.stringify(article.body)}`);
    ids.article = article.body.id;
    const other = await t.clock.during(noonOf('2024-04-02'), () => t.http().post('/api/articles').set(bearer(officer2)).send({ title: '青石镇产业振兴', submittedAt: '2024-04-02' }));
    if (other.status !== 201) throw new Error(`article: ${other.status} ${JSON.stringify(other.body)}`);
    const me = await t.http().get('/api/auth/me').set(bearer(office));
    ids.office = me.body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('names the action, the person and the object, with a link to the object', async () => {
    const { items } = await log({ entity: 'article', entityId: ids.article });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      action: 'create',
      actionName: '新增',
      entityName: '稿件',
      subject: { label: '《临江街道“红色管家”激活小区治理》', link: `/articles/${ids.article}` },
      actor: { username: 'officer', name: '临江街道 信息员 张磊', unitName: '临江街道党工委' },
    });
  });

  it('shows before/after as a table of Chinese field names, not JSON', async () => {
    const { items } = await log({ entity: 'unit', entityId: ids.QSZ, action: 'update' });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ actionName: '修改', subject: { label: '青石镇党委（更名）', link: '/units' }, actor: { name: '办公室 王敏', unitName: null } });
    expect(items[0].changes).toEqual([{ field: 'name', label: '名称', before: '青石镇党委', after: '青石镇党委（更名）' }]);
  });

  it('filters by person, by unit and by action', async () => {
    const byOffice = await log({ userId: ids.office });
    expect(byOffice.total).toBeGreaterThan(0);
    expect(new Set(byOffice.items.map((e) => e.actor.username))).toEqual(new Set(['office']));

    const byUnit = await log({ unitId: ids.LJJD, entity: 'article' });
    expect(byUnit.items.map((e) => [e.actor.unitName, e.subject.label])).toEqual([['临江街道党工委', '《临江街道“红色管家”激活小区治理》']]);

    const logins = await log({ unitId: ids.QSZ, action: 'login' });
    expect(logins.items.map((e) => [e.actionName, e.actor.name])).toEqual([['登录', '青石镇 信息员 赵强']]);

    // the person must be of the unit asked for
    expect((await log({ unitId: ids.QSZ, userId: ids.office })).total).toBe(0);
  });

  it('refuses a filter it does not know, field by field, in Chinese', async () => {
    const res = await t.http().get('/api/audit').query({ action: 'quarter:explode', unitId: 'abc', entity: 'nothing' }).set(bearer(office));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual({ action: '不是允许的取值', unitId: '必须是整数', entity: '不是允许的取值' });
  });

  it('exports the filtered log as a workbook that reads back with the same names', async () => {
    const res = await t.http().get('/api/audit/export.xlsx').query({ entity: 'unit', entityId: ids.QSZ }).set(bearer(office)).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('审计日志.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as ArrayBuffer);
    const sheet = book.getWorksheet('审计日志')!;
    const rows = sheet.getSheetValues().slice(1).map((r) => (r as ExcelJS.CellValue[]).slice(1));
    expect(rows[0]).toEqual(['时间', '操作人', '用户名', '单位', '操作', '对象类型', '对象', '变更内容', '地址']);
    expect(rows).toHaveLength(2);
    expect(rows[1].slice(1, 7)).toEqual(['办公室 王敏', 'office', '—', '修改', '单位', '青石镇党委（更名）']);
    expect(String(rows[1][7])).toBe('名称：青石镇党委 → 青石镇党委（更名）');
    expect(String(rows[1][0])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    // the export itself is in the log
    const exports = await log({ entity: 'audit', action: 'export' });
    expect(exports.items.map((e) => [e.actionName, e.entityName, e.actor.name])).toEqual([['导出', '审计日志', '办公室 王敏']]);
  });

  it('names a quarter and a dispute with links to the quarter page and to the disputed line', async () => {
    expect((await t.http().post('/api/quarters/2023-Q3/review').set(bearer(office)).send({})).status).toBe(200);
    const review = await log({ entity: 'quarter', entityId: '2023-Q3' });
    expect(review.items.map((e) => [e.actionName, e.subject.label, e.subject.link])).toEqual([['进入季度复核', '2023年第三季度', '/quarters/2023-Q3']]);

    const recompute = await t.http().post('/api/scores/recompute').set(bearer(office)).send({ quarters: ['2023-Q3'] });
    expect(recompute.status).toBeLessThan(300);
    expect((await t.waitForJob(office, recompute.body.id)).status).toBe('done');
    const line = await t.app.get(DataSource).getRepository(ScoreLine).findOneOrFail({ where: { unitId: ids.LJJD, quarter: '2023-Q3' }, order: { id: 'ASC' } });
    const filed = await t.http().post('/api/quarters/2023-Q3/disputes').set(bearer(officer)).send({ scoreLineId: line.id, reason: '此条录用应按头版计分' });
    expect(filed.status).toBe(201);
    const { items } = await log({ entity: 'dispute', entityId: filed.body.id });
    expect(items.map((e) => [e.actionName, e.entityName, e.subject])).toEqual([[
      '新增', '异议',
      { label: `临江街道党工委 2023年第三季度的异议：${line.explanation}`, link: `/scores?quarter=2023-Q3&unitId=${ids.LJJD}&line=${line.id}` },
    ]]);
    expect(items[0].changes).toContainEqual({ field: 'reason', label: '理由', before: '—', after: '此条录用应按头版计分' });
  });

  it('is not shown to an officer', async () => {
    expect((await t.http().get('/api/audit/export.xlsx').set(bearer(officer))).status).toBe(403);
  });
});

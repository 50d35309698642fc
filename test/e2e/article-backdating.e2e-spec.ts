// Issue #14, "Officers still cannot back-date anything": an officer records what reaches the
// office today; an older submission is the office's to record (PUT /api/articles/:id/submission,
// marked and audited). The day is the Asia/Shanghai business date, taken from the app's clock.
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';

const BACKDATED = '信息员只能报送当天的稿件；以前报送的请联系办公室代为登记';
const HEADERS = ['编号', '报送单位', '稿件标题', '字数', '体裁', '作者', '报送日期', '媒体/刊物', '刊发日期', '版面', '位置', '链接'];

interface Problem { row: number; column: string; message: string; level: 'error' | 'warning'; code?: string }

async function sheetWith(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('稿件录用');
  sheet.addRow(HEADERS);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.each(testBackends('article-backdating'))('officers cannot back-date an article ($label)', (backend) => {
  let t: TestApp;
  let ds: DataSource;
  let officer: string;
  let office: string;
  let officeUnitId: number;

  beforeAll(async () => {
    t = await createTestApp(backend);
    ds = t.app.get(DataSource);
    // Logged in on the real clock: sessions issued at a pinned instant would expire with it.
    [officer, office] = await Promise.all(['officer', 'office'].map((u) => t.login(u)));
    officeUnitId = (await t.http().get('/api/auth/me').set(bearer(officer))).body.unitId;
  });
  afterEach(() => t.clock.release());
  afterAll(async () => {
    await t?.close();
  });

  const post = (token: string, body: object) => t.http().post('/api/articles').set(bearer(token)).send(body);
  const patch = (token: string, id: number, body: object) => t.http().patch(`/api/articles/${id}`).set(bearer(token)).send(body);
  const stored = async (title: string) => Number((await ds.query('SELECT COUNT(*) AS n FROM articles WHERE title = ?', [title]))[0].n);

  it('refuses an officer’s article dated yesterday with 422 backdated_submission, and stores nothing', async () => {
    // 00:30 on 20 May in Beijing is still 19 May in UTC: the business day decides, not the UTC one.
    t.clock.set('2026-05-20T00:30:00+08:00');
    for (const submittedAt of ['2026-05-19', '2026-05-19 23:59', '2026-05-19T15:59:00Z']) {
      const res = await post(officer, { title: `信息员补报昨天的稿件 ${submittedAt}`, submittedAt });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ statusCode: 422, code: 'backdated_submission', errors: { submittedAt: BACKDATED } });
      expect(await stored(`信息员补报昨天的稿件 ${submittedAt}`)).toBe(0);
    }
    const today = await post(officer, { title: '信息员报送当天的稿件', submittedAt: '2026-05-20' });
    expect(today.status).toBe(201);
    expect(today.body.submittedDate).toBe('2026-05-20');
    const defaulted = await post(officer, { title: '信息员不填日期的稿件' });
    expect(defaulted.status).toBe(201);
    expect(defaulted.body.submittedDate).toBe('2026-05-20');
    // The future keeps its own refusal.
    const future = await post(officer, { title: '信息员报送明天的稿件', submittedAt: '2026-05-21' });
    expect(future.status).toBe(422);
    expect(future.body.errors.submittedAt).toBe('报送时间不能晚于当前时间');
  });

  it('the message is Chinese and tells the officer whom to ask', async () => {
    t.clock.set('2026-05-20T10:00:00+08:00');
    const res = await post(officer, { title: '信息员补报上周的稿件', submittedAt: '2026-05-13' });
    expect(res.status).toBe(422);
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(res.body.errors.submittedAt).toContain('联系办公室代为登记');
  });

  it('an officer may edit an old draft while its date stays, but not move a date earlier; the office records the older time', async () => {
    t.clock.set('2026-05-10T09:00:00+08:00');
    const created = await post(officer, { title: '五月十日报送的稿件' });
    expect(created.status).toBe(201);
    const id = created.body.id as number;

    // Ten days on, the officer corrects the title; the form sends the stored date back with it.
    t.clock.set('2026-05-20T10:00:00+08:00');
    const renamed = await patch(officer, id, { title: '五月十日报送的稿件（修改标题）', submittedAt: '2026-05-10', version: created.body.version });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ title: '五月十日报送的稿件（修改标题）', submittedDate: '2026-05-10' });

    const earlier = await patch(officer, id, { submittedAt: '2026-05-08', version: renamed.body.version });
    expect(earlier.status).toBe(422);
    expect(earlier.body).toMatchObject({ code: 'backdated_submission', errors: { submittedAt: BACKDATED } });
    const later = await patch(officer, id, { submittedAt: '2026-05-19', version: renamed.body.version });
    expect(later.status).toBe(422);
    expect(later.body.code).toBe('backdated_submission');
    expect((await t.http().get(`/api/articles/${id}`).set(bearer(officer))).body).toMatchObject({ submittedDate: '2026-05-10', version: renamed.body.version });

    // What the officer may not do, the office records for the unit, marked and audited.
    const recorded = await t.http().put(`/api/articles/${id}/submission`).set(bearer(office))
      .send({ submittedAt: '2026-05-08 16:40', receivedVia: 'email', receivedNote: '5月8日收到邮件', version: renamed.body.version });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ submittedDate: '2026-05-08', officeRecorded: { receivedVia: 'email' } });
  });

  it('the office still records an article with its real past date', async () => {
    t.clock.set('2026-05-20T10:00:00+08:00');
    const res = await post(office, { title: '办公室代录的上月稿件', submittedAt: '2026-04-28', ownerUnitId: officeUnitId });
    expect(res.status).toBe(201);
    expect(res.body.submittedDate).toBe('2026-04-28');
  });

  it('an officer’s import reports rows dated before today, imports the others, and dates empty cells today', async () => {
    t.clock.set('2026-05-20T10:00:00+08:00');
    const upload = await t.http().post('/api/articles/import').set(bearer(officer)).attach('file', await sheetWith([
      /* 2 */ ['', '', '临江街道夜市整治见闻', null, null, null, '2026-05-19', null, null, null, null, null],
      /* 3 */ ['', '', '临江街道老年食堂开张', null, null, null, '2026-05-20', '人民日报', '2026-05-18', null, null, null],
      /* 4 */ ['', '', '临江街道河道清淤纪实', null, null, null, null, '人民日报', '2026-05-15', null, null, null],
    ]), '稿件.xlsx');
    expect(upload.status).toBe(201);
    const job = await t.waitForJob(officer, upload.body.id);
    expect(job.status).toBe('done');
    const result = job.result as { articlesCreated: number; invalidRows: number; problems: Problem[] };
    expect(result).toMatchObject({ articlesCreated: 2, invalidRows: 1 });
    expect(result.problems).toEqual([{
      row: 2, column: '报送日期', level: 'error', code: 'backdated_submission',
      message: `第 2 行「报送日期」2026-05-19 早于今天（2026-05-20）：${BACKDATED}`,
    }]);
    expect(await stored('临江街道夜市整治见闻')).toBe(0);
    const [row] = await ds.query('SELECT submittedDate FROM articles WHERE title = ?', ['临江街道河道清淤纪实']);
    expect(String(row.submittedDate)).toBe('2026-05-20');
  });
});

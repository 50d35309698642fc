// Issue #11 defect 6: what one unit may learn of another's articles and jobs. An officer or
// reviewer learns that a similar article exists in another unit (that is how joint articles
// are found) but not its title, units, date or id — neither while typing a title nor in an
// import report; the office sees everything. A job and its report are read by whoever
// started it and by the office, not by a leader (nor another unit).
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { JobRecord } from '../../apps/api/src/jobs/job-record.entity';
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';
import { noonOf } from '../utils/clock';

const HEADERS = ['编号', '报送单位', '稿件标题', '字数', '体裁', '作者', '报送日期', '媒体/刊物', '刊发日期', '版面', '位置', '链接'];

async function sheet(titles: string[], submitted: string, unit = ''): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('稿件录用');
  ws.addRow(HEADERS);
  for (const title of titles) ws.addRow(['', unit, title, null, null, null, submitted]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.each(testBackends('unit-privacy'))('what units learn of each other ($label)', (backend) => {
  let t: TestApp;
  let officer: string;
  let officer2: string;
  let reviewer: string;
  let office: string;
  let leader: string;
  // Recent enough for the two-year window of the lookup while typing.
  const submittedAt = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const theirs = '青石镇推进乡村治理积分制的做法与成效';
  const ours = '临江街道推进乡村治理积分制的做法与成效';

  beforeAll(async () => {
    t = await createTestApp(backend);
    [officer, officer2, reviewer, office, leader] = await Promise.all(['officer', 'officer2', 'reviewer', 'office', 'leader'].map((u) => t.login(u)));
    for (const [token, title] of [[officer2, theirs], [officer, ours]]) {
      const res = await t.clock.during(noonOf(submittedAt), () => t.http().post('/api/articles').set(bearer(token)).send({ title, submittedAt }));
      if (res.status !== 201) throw new Error(`creating 《${title}》: ${res.status} ${JSON.stringify(res.body)}`);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const similar = async (token: string, title: string) => {
    const res = await t.http().get('/api/articles/similar').query({ title }).set(bearer(token));
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown>[];
  };

  it('while typing, another unit’s similar article is only “其他单位的相似稿件”; the own unit’s and the office’s view are full', async () => {
    const typed = '推进乡村治理积分制的做法与成效';
    const asOffice = await similar(office, typed);
    expect(asOffice.map((s) => s.title).sort()).toEqual([ours, theirs].sort());
    expect(asOffice.every((s) => s.ownUnit === true && typeof s.id === 'number' && (s.unitNames as string[]).length === 1)).toBe(true);

    for (const token of [officer, reviewer]) {
      const seen = await similar(token, typed);
      expect(seen).toHaveLength(2);
      expect(seen).toContainEqual(expect.objectContaining({ ownUnit: true, title: ours, unitNames: ['临江街道党工委'], submittedDate: submittedAt }));
      const other = seen.find((s) => s.ownUnit === false)!;
      expect(other).toEqual({ ownUnit: false, title: '其他单位的相似稿件', similarity: expect.any(Number) });
      expect(other.similarity).toBeGreaterThan(0.5);
      expect(JSON.stringify(seen)).not.toContain('青石镇');
    }
  });

  it('an officer’s import report names only their own unit’s similar articles', async () => {
    // An officer imports the articles of the day they reach the office: the clock stands there meanwhile.
    const job = await t.clock.during(noonOf(submittedAt), async () => {
      const res = await t.http().post('/api/articles/import').set(bearer(officer)).attach('file', await sheet([`${theirs}！`, ours.replace('与', '和')], submittedAt), '稿件.xlsx');
      expect(res.status).toBe(201);
      return t.waitForJob(officer, res.body.id);
    });
    expect(job.status).toBe('done');
    const problems = (job.result as { problems: { row: number; message: string }[] }).problems;
    const report = JSON.stringify(problems);
    expect(problems.map((p) => p.row)).toEqual([2, 3]);
    expect(report).not.toContain('青石镇推进');
    expect(report).not.toContain('青石镇党委');
    expect(problems[0].message).toContain('其他单位的相似稿件（相似度');
    expect(problems[1].message).toContain(`《${ours}》（临江街道党工委，${submittedAt}）`);

    // The office importing a similar title for 青石镇 sees every unit's titles.
    const byOffice = await t.http().post('/api/articles/import').set(bearer(office)).attach('file', await sheet([`${ours}？`], submittedAt, '青石镇党委'), '稿件.xlsx');
    const officeJob = await t.waitForJob(office, byOffice.body.id);
    expect(JSON.stringify(officeJob.result)).toContain(`《${ours}》（临江街道党工委，${submittedAt}）`);
  });

  it('a job and its report: the one who started it and the office, not a leader or another unit', async () => {
    const job = await t.clock.during(noonOf(submittedAt), async () => {
      const res = await t.http().post('/api/articles/import').set(bearer(officer)).attach('file', await sheet(['临江街道任务可见范围测试稿件'], submittedAt), '稿件.xlsx');
      return t.waitForJob(officer, res.body.id);
    });
    const read = async (url: string, token: string) => (await t.http().get(url).set(bearer(token))).status;
    const jobUrl = `/api/jobs/${job.id}`;
    const reportUrl = `/api/articles/import/${job.id}/report.xlsx`;
    expect([await read(jobUrl, officer), await read(reportUrl, officer)]).toEqual([200, 200]);
    expect([await read(jobUrl, office), await read(reportUrl, office)]).toEqual([200, 200]);
    expect([await read(jobUrl, leader), await read(reportUrl, leader)]).toEqual([403, 403]);
    expect([await read(jobUrl, officer2), await read(reportUrl, officer2)]).toEqual([403, 403]);
    expect([await read(jobUrl, reviewer), await read(reportUrl, reviewer)]).toEqual([403, 403]);
  });

  it('a leader may follow the publication jobs of the office', async () => {
    const me = (await t.http().get('/api/auth/me').set(bearer(office))).body as { id: number; officeId: number };
    const jobs = t.app.get(DataSource).getRepository(JobRecord);
    const publish = await jobs.save(jobs.create({
      name: 'quarters.publish', businessKey: `${me.officeId}:2026-Q1`, payload: { officeId: me.officeId, quarter: '2026-Q1', requestedBy: me.id },
      officeId: me.officeId, createdBy: me.id, status: 'done', maxAttempts: 1,
    }));
    expect((await t.http().get(`/api/jobs/${publish.id}`).set(bearer(leader))).status).toBe(200);
    expect((await t.http().get(`/api/jobs/${publish.id}`).set(bearer(officer))).status).toBe(403);
  });
});

import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { JobsService } from '../../apps/api/src/jobs/jobs.service';
import { DailySchedules } from '../../apps/api/src/jobs/daily-schedules';
import { createFactories } from '../factories';
import { createTestApp, bearer, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';
import { startSmtpSink, startWebhookSink, type ReceivedMail, type WebhookSink } from '../utils/delivery-sinks';

interface Note { kind: string; title: string; link: string | null }

describe.each(testBackends('reminders'))('notifications and reminders ($label)', (backend) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let sink: WebhookSink;
  let office: string;
  let officer: string;
  let officer2: string;
  const units: Record<string, number> = {};
  const DING_SECRET = 'SECtest-secret';

  const notes = async (token: string): Promise<Note[]> => (await t.http().get('/api/notifications?pageSize=100').set(bearer(token))).body.items;
  /** What arrived after today's own daily run (see beforeAll): the cases below work on 2025's dates. */
  let baseline = { mails: 0, requests: 0 };
  const mails = () => smtp.mails.slice(baseline.mails);
  const requests = () => sink.requests.slice(baseline.requests);
  const mailsTo = (address: string, list: ReceivedMail[] = mails()) => list.filter((m) => m.to.includes(address));

  beforeAll(async () => {
    smtp = await startSmtpSink();
    sink = await startWebhookSink();
    t = await createTestApp(backend, {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'pubscore <pubscore@test.local>',
      WECOM_WEBHOOK_URL: sink.url('/wecom?key=k1'),
      DINGTALK_WEBHOOK_URL: sink.url('/dingtalk?access_token=t1'),
      DINGTALK_SECRET: DING_SECRET,
      REMINDER_DAYS_BEFORE: '3',
    });
    [office, officer, officer2] = [await t.login('office'), await t.login('officer'), await t.login('officer2')];
    for (const row of await t.app.get(DataSource).query('SELECT id, code FROM units')) units[row.code] = row.id;
    const admin = await t.login('admin');
    const users = (await t.http().get('/api/users?pageSize=100').set(bearer(admin))).body.items as { id: number; username: string }[];
    for (const name of ['officer', 'reviewer', 'officer2']) {
      const id = users.find((u) => u.username === name)!.id;
      const res = await t.http().patch(`/api/users/${id}`).set(bearer(admin)).send({ email: `${name}@test.local` });
      if (res.status !== 200 || res.body.email !== `${name}@test.local`) throw new Error(`setting ${name}'s e-mail: ${res.status} ${JSON.stringify(res.body)}`);
    }
  });
  beforeAll(async () => {
    // The embedded runner queues today's reminders shortly after start; run them now, once,
    // so that what they send does not land in the middle of a case.
    await t.app.get(DailySchedules).runToday('reminders.send');
    const today = (await t.http().get('/api/jobs?name=reminders.send').set(bearer(office))).body.items;
    for (const job of today) {
      const ran = await t.waitForJob(office, job.id);
      if (ran.status !== 'done') throw new Error(`today's reminders: ${ran.status} ${ran.error}`);
    }
    baseline = { mails: smtp.mails.length, requests: sink.requests.length };
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await sink?.close();
  });

  it('refuses a bad e-mail address with a field error', async () => {
    const admin = await t.login('admin');
    const res = await t.http().post('/api/users').set(bearer(admin)).send({ username: 'mailless', displayName: '某人', role: 'leader', password: 'Abcdef-12345', email: 'not-an-address' });
    expect(res.status).toBe(400);
    expect(res.body.errors.email).toBe('邮箱格式不正确');
  });

  it('tells a unit of its returned and rejected entries and of a new 约稿, and no other unit', async () => {
    const f = createFactories(t.app.get(DataSource));
    const [{ officeId }] = await t.app.get(DataSource).query('SELECT officeId FROM units WHERE id = ?', [units.LJJD]);
    const returned = await f.articles.create({ officeId, units: [units.LJJD], title: '临江街道退回稿件', submittedAt: '2025-02-10', status: 'submitted' });
    const rejected = await f.articles.create({ officeId, units: [units.LJJD], title: '临江街道不予采用稿件', submittedAt: '2025-02-10', status: 'submitted' });
    expect((await t.http().post(`/api/review/articles/${returned.id}/return`).set(bearer(office)).send({ reason: '缺少录用截图' })).status).toBe(200);
    expect((await t.http().post(`/api/review/articles/${rejected.id}/reject`).set(bearer(office)).send({ reason: '内容与本单位无关' })).status).toBe(200);
    const created = await t.http().post('/api/commissions').set(bearer(office))
      .send({ topic: '基层党建创新做法', issuedDate: '2025-03-01', deadline: '2025-03-20', targetUnitIds: [units.LJJD] });
    expect(created.status).toBe(201);

    const mine = await notes(officer);
    expect(mine).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'entry-returned', title: '办公室退回了《临江街道退回稿件》：缺少录用截图', link: `/articles/${returned.id}` }),
      expect.objectContaining({ kind: 'entry-rejected', title: '办公室认定《临江街道不予采用稿件》不予采用：内容与本单位无关' }),
      expect.objectContaining({ kind: 'commission-new', title: '新约稿《基层党建创新做法》，请于 2025-03-20 前报送', link: '/commissions/inbox' }),
    ]));
    expect((await notes(await t.login('reviewer'))).map((n) => n.kind)).toEqual(expect.arrayContaining(['entry-returned', 'entry-rejected', 'commission-new']));
    expect((await notes(officer2)).filter((n) => ['entry-returned', 'entry-rejected', 'commission-new'].includes(n.kind))).toEqual([]);
    // Events are in-app only: nothing was e-mailed for them.
    expect(mails()).toEqual([]);
  });

  it('tells units the review stage opened with its dispute deadline, and only the disputing unit its answer', async () => {
    const opened = await t.http().post('/api/quarters/2025-Q1/review').set(bearer(office));
    expect(opened.status).toBe(200);
    const until = opened.body.disputeUntil as string;
    for (const token of [officer, officer2]) {
      expect((await notes(token)).find((n) => n.kind === 'quarter-review')).toMatchObject({ title: `2025年第一季度排名草稿已公布，如有异议请于 ${until} 前提出`, link: '/scores?quarter=2025-Q1' });
    }
    expect((await notes(office)).find((n) => n.kind === 'quarter-review')?.title).toBe(`2025年第一季度已进入复核阶段，异议期至 ${until}，请处理异议后关闭并发布`);
    const dispute = await t.http().post('/api/quarters/2025-Q1/disputes').set(bearer(officer)).send({ reason: '3月录用未计分' });
    expect(dispute.status).toBe(201);
    const answer = await t.http().post(`/api/quarters/2025-Q1/disputes/${dispute.body.id}/answer`).set(bearer(office)).send({ answer: '已补录，重新计分' });
    expect(answer.status).toBe(200);
    expect((await notes(officer)).find((n) => n.kind === 'dispute-answered')).toMatchObject({ title: '办公室已答复2025年第一季度的异议：已补录，重新计分', link: '/scores?quarter=2025-Q1' });
    expect((await notes(await t.login('reviewer'))).map((n) => n.kind)).toContain('dispute-answered');
    expect((await notes(officer2)).map((n) => n.kind)).not.toContain('dispute-answered');
  });

  it('reminds by message, e-mail and both robots on the daily run; a failed delivery is retried and shown, and nothing goes out twice', async () => {
    const jobs = t.app.get(JobsService);
    const [{ officeId }] = await t.app.get(DataSource).query('SELECT officeId FROM units WHERE id = ?', [units.LJJD]);
    // 青石镇 filed February; everyone else is overdue on 2025-03-18, and 临江街道 has a 约稿 due on 03-20.
    await createFactories(t.app.get(DataSource)).monthlyReports.create({ officeId, unitId: units.QSZ, month: '2025-02', filedAt: '2025-03-03T10:00:00+08:00' });
    sink.fail('/wecom', 1);
    sink.fail('/dingtalk', -1);
    const job = await jobs.enqueue('reminders.send', { officeId, date: '2025-03-18' }, { businessKey: `daily:${officeId}:2025-03-18`, officeId });
    const failed = await t.waitForJob(office, job.id);
    expect(failed.status).toBe('failed');
    expect(failed.attempts).toBe(3);
    expect(failed.error).toContain('钉钉机器人返回 HTTP 500');
    const listed = (await t.http().get('/api/jobs?name=reminders.send&status=failed').set(bearer(office))).body.items;
    expect(listed.map((j: { id: number; error: string }) => [j.id, j.error])).toEqual([[job.id, failed.error]]);

    const mine = await notes(officer);
    expect(mine).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'monthly-overdue', title: '2025-02 月报已于 2025-03-05 截止，尚未报送，请尽快报送', link: '/monthly-report' }),
      expect.objectContaining({ kind: 'commission-due', title: '约稿《基层党建创新做法》将于 2025-03-20 截止（还有 2 天），请及时报送稿件' }),
    ]));
    expect((await notes(officer2)).filter((n) => n.title.includes('2025-02'))).toEqual([]);
    // Three attempts, yet each person got each reminder once; 青石镇 none.
    expect(mailsTo('officer@test.local')).toHaveLength(2);
    expect(mailsTo('reviewer@test.local')).toHaveLength(2);
    expect(mailsTo('officer2@test.local')).toHaveLength(0);
    expect(mailsTo('officer@test.local').map((m) => m.raw).join('\n')).toContain('From: pubscore <pubscore@test.local>');
    const wecom = requests().filter((r) => r.path === '/wecom');
    expect(wecom.map((r) => r.status)).toEqual([500, 200]);
    expect(wecom[1].body.msgtype).toBe('text');
    expect(wecom[1].body.text?.content).toContain('2025-02 月报已逾期未报');
    expect(wecom[1].body.text?.content).toContain('临江街道党工委');
    expect(wecom[1].body.text?.content).not.toContain('青石镇党委');
    expect(wecom[1].query.get('key')).toBe('k1');
    expect(requests().filter((r) => r.path === '/dingtalk').map((r) => r.status)).toEqual([500, 500, 500]);

    // The robot is back: the next day's run sends what is still owed, and nothing new.
    sink.fail('/dingtalk', 0);
    const next = await jobs.enqueue('reminders.send', { officeId, date: '2025-03-19' }, { businessKey: `daily:${officeId}:2025-03-19`, officeId });
    const done = await t.waitForJob(office, next.id);
    expect(done).toMatchObject({ status: 'done', result: { reminders: 0, sent: 1 } });
    const ding = requests().filter((r) => r.path === '/dingtalk').at(-1)!;
    expect(ding.status).toBe(200);
    expect(ding.body.text?.content).toContain('约稿《基层党建创新做法》2025-03-20 截止，尚未报送');
    const timestamp = ding.query.get('timestamp')!;
    expect(ding.query.get('sign')).toBe(createHmac('sha256', DING_SECRET).update(`${timestamp}\n${DING_SECRET}`).digest('base64'));
    expect(ding.query.get('access_token')).toBe('t1');
    expect(mailsTo('officer@test.local')).toHaveLength(2);
  });

  it('sends the office\'s 催报 now to every unit still missing the month\'s report, once a day', async () => {
    const before = smtp.mails.length;
    const robotsBefore = sink.requests.length;
    expect((await t.http().post('/api/reminders/monthly-reports').set(bearer(officer)).send({ month: '2025-02' })).status).toBe(403);
    const bad = await t.http().post('/api/reminders/monthly-reports').set(bearer(office)).send({ month: '2025-2' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.month).toBeDefined();
    const nextYear = `${new Date().getUTCFullYear() + 2}-01`;
    const future = await t.http().post('/api/reminders/monthly-reports').set(bearer(office)).send({ month: nextYear });
    expect(future.status).toBe(422);
    expect(future.body).toMatchObject({ code: 'future_month', errors: { month: `${nextYear} 尚未到来` } });
    const ds = t.app.get(DataSource);
    const all = await ds.query('SELECT id, officeId FROM units WHERE active = ?', [true]);
    await createFactories(ds).monthlyReports.fileOnTime(all[0].officeId, all.map((u: { id: number }) => u.id), ['2024-05']);
    const nothing = await t.http().post('/api/reminders/monthly-reports').set(bearer(office)).send({ month: '2024-05' });
    expect(nothing.status).toBe(409);
    expect(nothing.body).toMatchObject({ code: 'nothing_to_urge', message: '各单位均已报送 2024-05 月报，无需催报' });

    const res = await t.http().post('/api/reminders/monthly-reports').set(bearer(office)).send({ month: '2025-02' });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ month: '2025-02', dueDate: '2025-03-05', units: 19 });
    expect(await t.waitForJob(office, res.body.job.id)).toMatchObject({ status: 'done', result: { reminders: 19 } });
    expect((await notes(officer)).find((n) => n.kind === 'monthly-urge')?.title).toBe('办公室催报：2025-02 月报已于 2025-03-05 截止，请尽快报送');
    expect((await notes(officer2)).filter((n) => n.kind === 'monthly-urge')).toEqual([]);
    const urged = smtp.mails.slice(before);
    expect(mailsTo('officer@test.local', urged)).toHaveLength(1);
    expect(mailsTo('officer2@test.local', urged)).toHaveLength(0);
    const posts = sink.requests.slice(robotsBefore);
    expect(posts.map((r) => r.path).sort()).toEqual(['/dingtalk', '/wecom']);
    expect(posts[0].body.text?.content).toContain('2025-02 月报尚未报送（19 个单位）');

    // Pressed again the same day: the units were already told today.
    const again = await t.http().post('/api/reminders/monthly-reports').set(bearer(office)).send({ month: '2025-02' });
    expect(await t.waitForJob(office, again.body.job.id)).toMatchObject({ status: 'done', result: { reminders: 0, sent: 0 } });
    expect(smtp.mails.length - before).toBe(urged.length);
    expect(sink.requests.length - robotsBefore).toBe(2);
  });
});

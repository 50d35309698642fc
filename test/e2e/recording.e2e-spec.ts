import { DataSource } from 'typeorm';
import { testBackends } from '../utils/backends';
import { noonOf } from '../utils/clock';
import { bearer, createTestApp, type TestApp } from '../utils/app';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

describe.each(testBackends('recording'))('recording: officer → reviewer → office ($label)', (backend) => {
  let t: TestApp;
  let officer: string;
  let officer2: string;
  let reviewer: string;
  let office: string;
  let units: Record<string, number>;
  let outlets: Record<string, number>;

  beforeAll(async () => {
    t = await createTestApp(backend);
    [officer, officer2, reviewer, office] = await Promise.all(['officer', 'officer2', 'reviewer', 'office'].map((u) => t.login(u)));
    const unitList = await t.http().get('/api/units?pageSize=100').set(bearer(office));
    units = Object.fromEntries(unitList.body.items.map((u: { code: string; id: number }) => [u.code, u.id]));
    const outletList = await t.http().get('/api/outlets?pageSize=100').set(bearer(office));
    outlets = Object.fromEntries(outletList.body.items.map((o: { code: string; id: number }) => [o.code, o.id]));
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (token: string, url: string, body: object) => t.http().post(url).set(bearer(token)).send(body);

  it('walks an article with two placements, an instruction and a 约稿 answer from entry to verification', async () => {
    // Officers record on the day an article reaches the office: the clock stands there meanwhile.
    const article = await t.clock.during(noonOf('2023-04-03'), () => post(officer, '/api/articles', {
      title: '临江街道“红色管家”激活小区治理',
      wordCount: 1800,
      submittedAt: '2023-04-03',
      units: [{ unitId: units.LJJD, sharePercent: 60 }, { unitId: units.QSZ, sharePercent: 40 }],
    }));
    expect(article.status).toBe(201);
    expect(article.body).toMatchObject({ status: 'draft', submittedDate: '2023-04-03', ownerUnitId: units.LJJD });
    expect(article.body.units.map((u: { sharePercent: number }) => u.sharePercent).sort()).toEqual([40, 60]);
    const id = article.body.id;

    const p1 = await post(officer, `/api/articles/${id}/placements`, { outletId: outlets.RMRB, publishedAt: '2023-04-10', prominence: 'headline', page: '第4版' });
    expect(p1.status).toBe(201);
    expect(p1.body).toMatchObject({ publishedDate: '2023-04-10', level: 'central', prominence: 'headline', status: 'draft' });
    // Midnight in Shanghai: 2023-06-30T16:10Z is already 2023-07-01 there.
    const p2 = await post(officer, `/api/articles/${id}/placements`, { outletId: outlets['CITY-RB'], publishedAt: '2023-06-30T16:10:00Z' });
    expect(p2.status).toBe(201);
    expect(p2.body.publishedDate).toBe('2023-07-01');

    const evidence = await t.http().post(`/api/placements/${p1.body.id}/evidence`).set(bearer(officer)).attach('file', PNG, '剪报.png');
    expect(evidence.status).toBe(201);
    expect(evidence.body).toMatchObject({ fileName: '剪报.png', mimeType: 'image/png', size: PNG.length });
    const download = await t.http().get(evidence.body.url).set(bearer(reviewer)).buffer(true);
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, PNG)).toBe(0);

    expect((await t.http().post(`/api/placements/${p2.body.id}/evidence`).set(bearer(officer)).attach('file', PNG, '网页截图.png')).status).toBe(201);

    const instruction = await post(officer, `/api/articles/${id}/instructions`, { leaderTitle: '市委常委、组织部长', level: 'municipal', instructedDate: '2023-05-06' });
    expect(instruction.status).toBe(201);

    // The office had commissioned this topic (约稿); the officer answers with the article.
    const commission = await post(office, '/api/commissions', { topic: '基层治理创新', issuedDate: '2023-03-20', deadline: '2023-04-05', targetUnitIds: [units.LJJD] });
    expect(commission.status).toBe(201);
    const answer = await post(officer, `/api/commissions/${commission.body.id}/answer`, { articleId: id });
    expect(answer.status).toBe(200);
    // Answered with a draft: not done until the article is verified (deadline 2023-04-05 has passed).
    expect(answer.body).toMatchObject({ unitId: units.LJJD, articleId: id, articleStatus: 'draft', status: 'missing' });

    // The officer submits the article: its draft placements and instruction go with it.
    const submitted = await post(officer, `/api/review/articles/${id}/submit`, {});
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', cascaded: 3 });

    // The reviewer's queue holds the two placements of the unit; the office's queue does not yet.
    const reviewerQueue = await t.http().get('/api/review/queue?type=placements').set(bearer(reviewer));
    expect(reviewerQueue.body.items.map((r: { id: number }) => r.id).sort()).toEqual([p1.body.id, p2.body.id].sort());
    expect(reviewerQueue.body.items.find((r: { id: number }) => r.id === p1.body.id)).toMatchObject({ evidenceCount: 1, levelLabel: '中央级' });
    // An article row counts the evidence of its placements and 批示 (issue #16: the reviewer saw none).
    const articleQueue = await t.http().get('/api/review/queue?type=articles').set(bearer(reviewer));
    expect(articleQueue.body.items.find((r: { id: number }) => r.id === id)).toMatchObject({ evidenceCount: 2 });
    // Oldest first, page by page: the 2023-04-10 placement, then the 2023-07-01 one.
    const pageOf = async (page: number) => (await t.http().get(`/api/review/queue?type=placements&pageSize=1&page=${page}`).set(bearer(reviewer))).body;
    expect(await pageOf(1)).toMatchObject({ total: 2, items: [{ id: p1.body.id, date: '2023-04-10', unitName: expect.any(String), outletName: expect.any(String) }] });
    expect(await pageOf(2)).toMatchObject({ total: 2, items: [{ id: p2.body.id, date: '2023-07-01' }] });
    expect((await pageOf(3)).items).toEqual([]);
    const queue = async (type: string) => (await t.http().get(`/api/review/queue?type=${type}`).set(bearer(reviewer))).body;
    expect(await queue('articles')).toMatchObject({ total: 1, items: [{ id, articleId: id, articleTitle: article.body.title, unitId: units.LJJD, statusLabel: expect.any(String), outletName: null }] });
    expect(await queue('instructions')).toMatchObject({ total: 1, items: [{ id: instruction.body.id, articleId: id, leaderTitle: '市委常委、组织部长', level: 'municipal', date: '2023-05-06', unitId: units.LJJD }] });
    const officeBefore = await t.http().get('/api/review/queue?type=placements').set(bearer(office));
    expect(officeBefore.body.total).toBe(0);

    // The officer cannot approve; the reviewer can.
    expect((await post(officer, `/api/review/articles/${id}/approve`, {})).status).toBe(403);
    expect((await post(reviewer, `/api/review/articles/${id}/approve`, {})).body).toMatchObject({ status: 'unit-approved', cascaded: 3 });

    const officeQueue = await t.http().get(`/api/review/queue?type=placements&level=central`).set(bearer(office));
    expect(officeQueue.body.items.map((r: { id: number }) => r.id)).toEqual([p1.body.id]);

    const verified = await post(office, `/api/review/articles/${id}/verify`, {});
    expect(verified.body).toMatchObject({ status: 'verified', cascaded: 3 });
    const answered = await t.http().get(`/api/commissions/${commission.body.id}`).set(bearer(office));
    expect(answered.body.targets[0]).toMatchObject({ articleStatus: 'verified', status: 'on-time' });

    // Verified entries are locked for everyone until the office reopens them (audited).
    const locked = await t.http().patch(`/api/placements/${p1.body.id}`).set(bearer(office)).send({ page: '第1版', version: 1 });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('locked');
    expect((await post(office, `/api/review/placements/${p1.body.id}/reopen`, {})).body).toMatchObject({ code: 'validation_failed', errors: { reason: expect.any(String) } });
    expect((await post(office, `/api/review/placements/${p1.body.id}/reopen`, { reason: '版面有误' })).body.status).toBe('unit-approved');
    const audit = await t.http().get(`/api/audit?entity=placement&entityId=${p1.body.id}`).set(bearer(office));
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['create', 'attach-evidence', 'status:submitted', 'status:unit-approved', 'status:verified']),
    );
    expect(audit.body.items[0]).toMatchObject({ action: 'status:unit-approved', username: 'office', after: { reason: '版面有误' } });
  });

  it('returns an entry with a reason and lets the officer correct and resubmit it', async () => {
    const { body: article } = await t.clock.during(noonOf('2023-05-01'), () => post(officer, '/api/articles', { title: '临江街道开展“党员进网格”行动', submittedAt: '2023-05-01' }));
    await post(officer, `/api/review/articles/${article.id}/submit`, {});
    const noReason = await post(reviewer, `/api/review/articles/${article.id}/return`, {});
    expect(noReason.status).toBe(422);
    const returned = await post(reviewer, `/api/review/articles/${article.id}/return`, { reason: '请补充数据' });
    expect(returned.body.status).toBe('returned');
    // Every status move bumps the version: the officer edits what they just read.
    const { body: current } = await t.http().get(`/api/articles/${article.id}`).set(bearer(officer));
    expect(current).toMatchObject({ status: 'returned', reviewNote: '请补充数据' });
    const fixed = await t.http().patch(`/api/articles/${article.id}`).set(bearer(officer)).send({ summary: '补充了数据', version: current.version });
    expect(fixed.status).toBe(200);
    // A second save from the old version is a conflict, not a silent overwrite.
    const stale = await t.http().patch(`/api/articles/${article.id}`).set(bearer(officer)).send({ summary: '另一个版本', version: current.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    expect((await t.http().get(`/api/articles/${article.id}`).set(bearer(officer))).body.summary).toBe('补充了数据');
    expect((await post(officer, `/api/review/articles/${article.id}/submit`, {})).body.status).toBe('submitted');
  });

  it('keeps officers to their own unit', async () => {
    const { body: own } = await t.clock.during(noonOf('2023-05-02'), () => post(officer, '/api/articles', { title: '仅临江街道可见的稿件标题', submittedAt: '2023-05-02' }));
    const list2 = await t.http().get('/api/articles?pageSize=200').set(bearer(officer2));
    expect(list2.body.items.map((a: { id: number }) => a.id)).not.toContain(own.id);
    expect((await t.http().get(`/api/articles/${own.id}`).set(bearer(officer2))).status).toBe(404);
    expect((await t.http().patch(`/api/articles/${own.id}`).set(bearer(officer2)).send({ title: '改', version: 1 })).status).toBe(404);
    expect((await post(officer2, `/api/articles/${own.id}/placements`, { outletId: outlets.RMRB, publishedAt: '2023-05-03' })).status).toBe(404);
    expect((await post(officer2, `/api/review/articles/${own.id}/submit`, {})).status).toBe(404);
    // …but a joint article is visible to every unit on it (the first test's article names QSZ).
    const joint = list2.body.items.find((a: { title: string }) => a.title.includes('红色管家'));
    expect(joint).toBeDefined();
    // An officer cannot record an article for another unit.
    const other = await post(officer2, '/api/articles', { title: '替别的单位报送', units: [{ unitId: units.LJJD }] });
    expect(other.status).toBe(422);
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const dataSource = t.app.get(DataSource);
    const before = Number((await dataSource.query('SELECT COUNT(*) AS n FROM articles'))[0].n);
    const shares = await post(officer, '/api/articles', { title: '份额不对的稿件', units: [{ unitId: units.LJJD, sharePercent: 60 }, { unitId: units.QSZ, sharePercent: 30 }] });
    expect(shares.status).toBe(422);
    expect(shares.body.errors.units).toContain('100%');
    const partial = await post(officer, '/api/articles', { title: '只填了一个份额', units: [{ unitId: units.LJJD, sharePercent: 60 }, { unitId: units.QSZ }] });
    expect(partial.body.errors['units.1.sharePercent']).toBeDefined();
    const long = await post(officer, '/api/articles', { title: '长'.repeat(201) });
    expect(long.body.errors.title).toContain('200');
    expect(Number((await dataSource.query('SELECT COUNT(*) AS n FROM articles'))[0].n)).toBe(before);

    const { body: article } = await t.clock.during(noonOf('2023-05-10'), () => post(officer, '/api/articles', { title: '用来测试录用日期的稿件', submittedAt: '2023-05-10' }));
    const future = await post(officer, `/api/articles/${article.id}/placements`, { outletId: outlets.RMRB, publishedAt: `${new Date().getUTCFullYear() + 2}-01-01` });
    expect(future.status).toBe(422);
    expect(future.body.errors.publishedAt).toContain('晚于今天');
    const early = await post(officer, `/api/articles/${article.id}/placements`, { outletId: outlets.RMRB, publishedAt: '2023-01-02' });
    expect(early.status).toBe(201);
    expect(early.body.warnings[0]).toMatchObject({ field: 'publishedAt' });
    const twice = await post(officer, `/api/articles/${article.id}/placements`, { outletId: outlets.RMRB, publishedAt: '2023-01-02' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('duplicate_placement');

    const exe = await t.http().post(`/api/placements/${early.body.id}/evidence`).set(bearer(officer)).attach('file', Buffer.from('MZ\x90\x00'), 'virus.exe');
    expect(exe.body.code).toBe('forbidden_file_type');
    const fake = await t.http().post(`/api/placements/${early.body.id}/evidence`).set(bearer(officer)).attach('file', Buffer.from('not really a png'), 'clip.png');
    expect(fake.body.code).toBe('file_content_mismatch');
    const tooBig = Buffer.concat([PNG, Buffer.alloc(t.config.uploads.maxBytes)]);
    const big = await t.http().post(`/api/placements/${early.body.id}/evidence`).set(bearer(officer)).attach('file', tooBig, 'huge.png');
    expect(big.status).toBe(413);
    const evidence = await dataSource.query('SELECT COUNT(*) AS n FROM evidence_files WHERE ownerId = ?', [early.body.id]);
    expect(Number(evidence[0].n)).toBe(0);
  });
});

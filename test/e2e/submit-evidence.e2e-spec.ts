import { testBackends } from '../utils/backends';
import { noonOf } from '../utils/clock';
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { CLIPPING_PNG as PNG } from '../utils/recording';

// Issue #16: 提交 from the list (and in bulk) sent placements without evidence to review while
// the entry form refused them. The rule now lives in the server, so every path agrees; the
// office may let evidence follow later per scheme version (`evidenceLater: true`).
describe.each(testBackends('submit-evidence'))('submitting needs evidence on every path ($label)', (backend) => {
  let t: TestApp;
  let officer: string;
  let office: string;
  let outletId: number;

  beforeAll(async () => {
    t = await createTestApp(backend);
    [officer, office] = await Promise.all(['officer', 'office'].map((u) => t.login(u)));
    const outlets = await t.http().get('/api/outlets?pageSize=100').set(bearer(office));
    outletId = outlets.body.items.find((o: { code: string }) => o.code === 'RMRB').id;
    // The standard scheme stays in force for 2020; from 2021-Q1 a copy lets evidence follow later.
    const versions = await t.http().get('/api/schemes').set(bearer(office));
    const standard = await t.http().get(`/api/schemes/${versions.body.items[0].id}`).set(bearer(office));
    const later = await t.http().post('/api/schemes').set(bearer(office))
      .send({ effectiveFrom: '2021-Q1', document: `${standard.body.document}\nevidenceLater: true\n`, note: '证明材料可后补' });
    if (later.status !== 201) throw new Error(`scheme: ${later.status} ${JSON.stringify(later.body)}`);
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (url: string, body: object = {}, token = officer) => t.http().post(url).set(bearer(token)).send(body);
  const draft = async (title: string, publishedDates: string[], proven: boolean[]) => {
    const article = await t.clock.during(noonOf('2020-05-01'), () => post('/api/articles', { title, submittedAt: '2020-05-01' }));
    expect(article.status).toBe(201);
    const placements: number[] = [];
    for (const [i, publishedAt] of publishedDates.entries()) {
      const p = await post(`/api/articles/${article.body.id}/placements`, { outletId, publishedAt });
      expect(p.status).toBe(201);
      if (proven[i]) expect((await t.http().post(`/api/placements/${p.body.id}/evidence`).set(bearer(officer)).attach('file', PNG, '剪报.png')).status).toBe(201);
      placements.push(p.body.id);
    }
    return { id: article.body.id as number, placements };
  };
  const statusOf = async (id: number) => (await t.http().get(`/api/articles/${id}`).set(bearer(officer))).body.status;

  it('refuses 提交 of an article whose placement has no evidence, naming the placement, and changes nothing', async () => {
    const a = await draft('证明材料规则：一条有材料一条没有', ['2020-05-02', '2020-05-03'], [true, false]);
    const res = await post(`/api/review/articles/${a.id}/submit`);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'evidence_required', message: '有 1 条录用缺少证明材料，请上传后再提交', errors: { 'placements.1.evidence': expect.stringContaining('证明材料') } });
    expect(await statusOf(a.id)).toBe('draft');
  });

  it('refuses the same article in a bulk submit with a per-row answer, while the others go through', async () => {
    const bad = await draft('证明材料规则：批量提交缺材料', ['2020-06-02'], [false]);
    const good = await draft('证明材料规则：批量提交有材料', ['2020-06-02'], [true]);
    const res = await post('/api/review/bulk', { action: 'submit', items: [{ type: 'articles', id: bad.id }, { type: 'articles', id: good.id }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ succeeded: 1, failed: 1, results: [{ ok: false, id: bad.id, code: 'evidence_required' }, { ok: true, id: good.id, status: 'submitted' }] });
    expect(await statusOf(bad.id)).toBe('draft');
  });

  it('refuses a placement added later and submitted alone without evidence', async () => {
    const a = await draft('证明材料规则：后加的录用', ['2020-07-02'], [true]);
    expect((await post(`/api/review/articles/${a.id}/submit`)).status).toBe(200);
    const added = await post(`/api/articles/${a.id}/placements`, { outletId, publishedAt: '2020-07-09' });
    const res = await post(`/api/review/placements/${added.body.id}/submit`);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'evidence_required', errors: { evidence: expect.any(String) } });
  });

  it('submits an article without any placement yet (a 约稿 answer before it is published)', async () => {
    const a = await draft('证明材料规则：尚无录用的约稿稿件', [], []);
    expect((await post(`/api/review/articles/${a.id}/submit`)).body).toMatchObject({ status: 'submitted', cascaded: 0 });
  });

  it('deletes drafts in bulk with their placements and evidence, answering per article; a submitted one stays', async () => {
    const a = await draft('批量删除：导入错了的草稿', ['2020-08-02', '2020-08-03'], [true, false]);
    const b = await draft('批量删除：已提交的稿件', ['2020-08-02'], [true]);
    expect((await post(`/api/review/articles/${b.id}/submit`)).status).toBe(200);
    const other = await post('/api/articles', { title: '批量删除：青石镇的草稿' }, await t.login('officer2'));
    const res = await post('/api/articles/bulk-delete', { ids: [a.id, b.id, other.body.id] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      succeeded: 1,
      failed: 2,
      results: [{ id: a.id, ok: true }, { id: b.id, ok: false, code: 'not_editable' }, { id: other.body.id, ok: false, code: 'not_found' }],
    });
    expect((await t.http().get(`/api/articles/${a.id}`).set(bearer(officer))).status).toBe(404);
    expect((await t.http().get(`/api/placements/${a.placements[0]}`).set(bearer(officer))).status).toBe(404);
    expect(await statusOf(b.id)).toBe('submitted');
    // One at a time, a draft with entries is still refused (the form deletes placements one by one).
    const c = await draft('批量删除：单篇删除仍需先删录用', ['2020-08-04'], [false]);
    expect((await t.http().delete(`/api/articles/${c.id}`).set(bearer(officer))).body).toMatchObject({ code: 'not_deletable' });
    expect((await post('/api/articles/bulk-delete', { ids: [] })).status).toBe(400);
  });

  it('tells the entry form the rule for a placement’s date, and refuses a date that is not one', async () => {
    const rule = (date: string) => t.http().get('/api/review/evidence-rule').query({ date }).set(bearer(officer));
    expect((await rule('2020-12-31')).body).toEqual({ date: '2020-12-31', quarter: '2020-Q4', evidenceLater: false });
    expect((await rule('2021-01-01')).body).toEqual({ date: '2021-01-01', quarter: '2021-Q1', evidenceLater: true });
    const bad = await rule('2021-13-01');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty('date');
  });

  it('lets evidence follow later where the scheme in force for the placement’s quarter allows it', async () => {
    const a = await draft('证明材料规则：办法允许后补材料', ['2021-03-02'], [false]);
    expect((await post(`/api/review/articles/${a.id}/submit`)).body).toMatchObject({ status: 'submitted', cascaded: 1 });
  });
});

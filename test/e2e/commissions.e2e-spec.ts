// 约稿 end to end: the office issues commissions, target units answer with their articles, and
// completion (on time / late / missing / pending, rate) is read per commission and per unit.
// Articles are inserted through the DataSource because the articles API is built in parallel.
import { DataSource } from 'typeorm';
import { ArticleUnit } from '../../apps/api/src/articles/article-unit.entity';
import { Article } from '../../apps/api/src/articles/article.entity';
import { testBackends } from '../utils/backends';
import { bearer, createTestApp, type TestApp } from '../utils/app';

// Still ahead whenever the suite runs, and inside the business range (this year + 10 at most).
const FUTURE_YEAR = new Date().getUTCFullYear() + 2;

describe.each(testBackends('commissions'))('commissions 约稿 ($label)', (backend) => {
  let t: TestApp;
  let ds: DataSource;
  let office: string;
  let officer: string;
  let officer2: string;
  let leader: string;
  let officeId: number;
  const unit: Record<string, number> = {};
  // ids filled as the walk goes on
  const c: Record<string, number> = {};
  const a: Record<string, number> = {};

  /** Verified unless said otherwise: an answer counts once its article is verified, as in scoring. */
  async function insertArticle(title: string, submittedDate: string, unitCodes: string[], status: Article['status'] = 'verified'): Promise<number> {
    const saved = await ds.getRepository(Article).save({
      officeId,
      title,
      normalizedTitle: title,
      submittedAt: new Date(`${submittedDate}T02:00:00Z`),
      submittedDate,
      ownerUnitId: unit[unitCodes[0]],
      status,
      createdBy: null,
    });
    await ds.getRepository(ArticleUnit).insert(unitCodes.map((code, i) => ({ articleId: saved.id, unitId: unit[code], shareBp: null, position: i + 1 })));
    return saved.id;
  }

  const create = (token: string, body: object) => t.http().post('/api/commissions').set(bearer(token)).send(body);
  const answer = (token: string, id: number, articleId: unknown) => t.http().post(`/api/commissions/${id}/answer`).set(bearer(token)).send({ articleId });
  const get = (token: string, id: number) => t.http().get(`/api/commissions/${id}`).set(bearer(token));
  const byUnit = (targets: { unitId: number; status: string }[]) => Object.fromEntries(targets.map((x) => [Object.keys(unit).find((k) => unit[k] === x.unitId), x.status]));

  beforeAll(async () => {
    t = await createTestApp(backend);
    ds = t.app.get(DataSource);
    [office, officer, officer2, leader] = await Promise.all(['office', 'officer', 'officer2', 'leader'].map((u) => t.login(u)));
    officeId = (await t.http().get('/api/auth/me').set(bearer(office))).body.officeId;
    const units = await t.http().get('/api/units?pageSize=100').set(bearer(office));
    for (const u of units.body.items) unit[u.code] = u.id;
    a.ljjdOnTime = await insertArticle('临江街道乡村振兴经验', '2025-03-08', ['LJJD']);
    a.qszLate = await insertArticle('青石镇乡村振兴做法', '2025-03-12', ['QSZ']);
    a.ljjdLate = await insertArticle('临江街道补报稿件', '2025-03-11', ['LJJD']);
    a.ljjdApril = await insertArticle('临江街道四月稿件', '2025-04-01', ['LJJD']);
    a.joint = await insertArticle('临江青石联合稿件', '2025-04-10', ['LJJD', 'QSZ']);
    a.ljjdOther = await insertArticle('临江街道另一篇', '2025-04-11', ['LJJD']);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the office issues a commission; with its deadline passed and no answers every target is missing', async () => {
    const res = await create(office, { topic: '乡村振兴典型经验', description: '请报送一篇典型经验', issuedDate: '2025-03-01', deadline: '2025-03-10', targetUnitIds: [unit.LJJD, unit.QSZ, unit.FLJD] });
    expect(res.status).toBe(201);
    c.past = res.body.id;
    expect(res.body).toMatchObject({ topic: '乡村振兴典型经验', issuedDate: '2025-03-01', deadline: '2025-03-10', status: 'closed' });
    expect(byUnit(res.body.targets)).toEqual({ LJJD: 'missing', QSZ: 'missing', FLJD: 'missing' });
    expect(res.body.summary).toEqual({ targets: 3, answered: 0, onTime: 0, late: 0, missing: 3, pending: 0, rate: 0 });
  });

  it('answers are on time or late by the article\'s submitted date, and the rate is on-time ÷ targets', async () => {
    const first = await answer(officer, c.past, a.ljjdOnTime);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ unitId: unit.LJJD, articleId: a.ljjdOnTime, submittedDate: '2025-03-08', status: 'on-time' });
    expect(first.body.answeredAt).toBeTruthy();
    const second = await answer(officer2, c.past, a.qszLate);
    expect(second.status).toBe(200);
    expect(second.body.status).toBe('late');

    const res = await get(office, c.past);
    expect(byUnit(res.body.targets)).toEqual({ LJJD: 'on-time', QSZ: 'late', FLJD: 'missing' });
    // 1 on time of 3 targets = 0.3333
    expect(res.body.summary).toEqual({ targets: 3, answered: 2, onTime: 1, late: 1, missing: 1, pending: 0, rate: 0.3333 });
    const linked = await ds.getRepository(Article).findOneByOrFail({ id: a.ljjdOnTime });
    expect(linked.commissionId).toBe(c.past);
  });

  it('an unanswered target before the deadline is pending and the commission is open', async () => {
    const res = await create(office, { topic: '基层治理创新', issuedDate: '2025-04-01', deadline: `${FUTURE_YEAR}-12-31`, targetUnitIds: [unit.LJJD, unit.QSZ] });
    expect(res.status).toBe(201);
    c.future = res.body.id;
    expect(res.body.status).toBe('open');
    expect((await answer(officer, c.future, a.ljjdApril)).body.status).toBe('on-time');
    const view = await get(office, c.future);
    expect(byUnit(view.body.targets)).toEqual({ LJJD: 'on-time', QSZ: 'pending' });
    expect(view.body.summary).toMatchObject({ targets: 2, onTime: 1, pending: 1, missing: 0, rate: 0.5 });
  });

  it('answering again replaces the article and unlinks the old one', async () => {
    const late = await answer(officer, c.past, a.ljjdLate);
    expect(late.body).toMatchObject({ articleId: a.ljjdLate, status: 'late' });
    expect((await ds.getRepository(Article).findOneByOrFail({ id: a.ljjdOnTime })).commissionId).toBeNull();
    expect((await ds.getRepository(Article).findOneByOrFail({ id: a.ljjdLate })).commissionId).toBe(c.past);
    const back = await answer(officer, c.past, a.ljjdOnTime);
    expect(back.body).toMatchObject({ articleId: a.ljjdOnTime, status: 'on-time' });
    expect((await ds.getRepository(Article).findOneByOrFail({ id: a.ljjdLate })).commissionId).toBeNull();
  });

  it('a joint article answers for each of its units and stays linked while one still uses it', async () => {
    const res = await create(office, { topic: '联合调研', issuedDate: '2025-04-01', deadline: '2025-04-15', targetUnitIds: [unit.LJJD, unit.QSZ] });
    c.joint = res.body.id;
    expect((await answer(officer, c.joint, a.joint)).body.status).toBe('on-time');
    expect((await answer(officer2, c.joint, a.joint)).body.status).toBe('on-time');
    expect((await answer(officer, c.joint, a.ljjdOther)).body.status).toBe('on-time');
    expect((await ds.getRepository(Article).findOneByOrFail({ id: a.joint })).commissionId).toBe(c.joint);
  });

  it('an article already answering another commission cannot answer this one', async () => {
    const res = await answer(officer, c.future, a.ljjdOnTime);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'article_used', errors: { articleId: expect.stringContaining('已用于') } });
  });

  it('refuses bad commission input with field-level Chinese errors', async () => {
    const good = { topic: '专题', issuedDate: '2025-05-10', deadline: '2025-05-20', targetUnitIds: [unit.LJJD] };
    const cases: [object, number, string, string][] = [
      [{ ...good, deadline: '2025-05-09' }, 422, 'deadline_before_issued', 'deadline'],
      [{ ...good, targetUnitIds: [unit.LJJD, 999999] }, 422, 'unknown_unit', 'targetUnitIds'],
      [{ ...good, targetUnitIds: [] }, 400, 'validation_failed', 'targetUnitIds'],
      [{ ...good, targetUnitIds: [unit.LJJD, unit.LJJD] }, 400, 'validation_failed', 'targetUnitIds'],
      [{ ...good, topic: '题'.repeat(201) }, 400, 'validation_failed', 'topic'],
      [{ ...good, topic: '   ' }, 400, 'validation_failed', 'topic'],
      [{ ...good, deadline: '2025-02-30' }, 400, 'validation_failed', 'deadline'],
      [{ ...good, issuedDate: '2025/05/10' }, 400, 'validation_failed', 'issuedDate'],
      [{ topic: '专题', targetUnitIds: [unit.LJJD] }, 400, 'validation_failed', 'deadline'],
      [{ ...good, priority: 1 }, 400, 'unknown_field', 'priority'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await create(office, body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status, code });
      expect(res.body.errors[field]).toMatch(/[\u4e00-\u9fa5]/);
    }
    const before = await t.http().get('/api/commissions?pageSize=200').set(bearer(office));
    expect(before.body.items.map((x: { topic: string }) => x.topic)).not.toContain('专题');
  });

  it('refuses an inactive unit as a target', async () => {
    const sfj = await t.http().get(`/api/units/${unit.SFJ}`).set(bearer(office));
    expect((await t.http().patch(`/api/units/${unit.SFJ}`).set(bearer(office)).send({ active: false, version: sfj.body.version })).status).toBe(200);
    const res = await create(office, { topic: '专题', issuedDate: '2025-05-10', deadline: '2025-05-20', targetUnitIds: [unit.SFJ] });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'inactive_unit', errors: { targetUnitIds: expect.stringContaining('区司法局党组') } });
  });

  it('only the office issues, edits and deletes', async () => {
    const body = { topic: '专题', issuedDate: '2025-05-10', deadline: '2025-05-20', targetUnitIds: [unit.LJJD] };
    expect((await create(officer, body)).status).toBe(403);
    expect((await create(leader, body)).status).toBe(403);
    expect((await t.http().patch(`/api/commissions/${c.future}`).set(bearer(officer)).send({ topic: 'x' })).status).toBe(403);
    expect((await t.http().delete(`/api/commissions/${c.future}`).set(bearer(officer))).status).toBe(403);
    expect((await answer(office, c.future, a.ljjdApril)).status).toBe(403);
  });

  describe('scoping: officer2 of 青石镇 against 临江街道', () => {
    beforeAll(async () => {
      const res = await create(office, { topic: '临江专项', issuedDate: '2025-03-01', deadline: '2025-03-20', targetUnitIds: [unit.LJJD] });
      c.ljjdOnly = res.body.id;
    });

    it('cannot answer a commission that does not target its unit', async () => {
      const own = await ds.getRepository(Article).findOneByOrFail({ id: a.qszLate });
      const res = await answer(officer2, c.ljjdOnly, own.id);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('not_targeted');
    });

    it('cannot answer with another unit\'s article', async () => {
      const res = await answer(officer2, c.future, a.ljjdOther);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'article_not_yours', errors: { articleId: expect.any(String) } });
      expect((await get(office, c.future)).body.targets.find((x: { unitId: number }) => x.unitId === unit.QSZ).articleId).toBeNull();
    });

    it('cannot read a commission that does not target its unit', async () => {
      expect((await get(officer2, c.ljjdOnly)).status).toBe(403);
      expect((await get(officer, c.ljjdOnly)).status).toBe(200);
    });

    it('sees only its own target and no summary on a shared commission', async () => {
      const res = await get(officer2, c.past);
      expect(res.status).toBe(200);
      expect(res.body.targets).toHaveLength(1);
      expect(res.body.targets[0]).toMatchObject({ unitId: unit.QSZ, status: 'late' });
      expect(res.body.summary).toBeNull();
    });

    it('has an inbox of the commissions that target its unit only, even when asking for another unit', async () => {
      const inbox = await t.http().get('/api/commissions/inbox').set(bearer(officer2));
      expect(inbox.status).toBe(200);
      expect(inbox.body.items.map((x: { id: number }) => x.id).sort()).toEqual([c.past, c.future, c.joint].sort());
      const asked = await t.http().get(`/api/commissions?unitId=${unit.LJJD}`).set(bearer(officer2));
      expect(asked.body.items.map((x: { id: number }) => x.id)).not.toContain(c.ljjdOnly);
      const pending = await t.http().get('/api/commissions/inbox?answered=false').set(bearer(officer2));
      expect(pending.body.items.map((x: { id: number }) => x.id)).toEqual([c.future]);
      expect((await t.http().get('/api/commissions/inbox').set(bearer(office))).status).toBe(403);
    });
  });

  it('lists with status and unit filters and pagination', async () => {
    const list = (q: string) => t.http().get(`/api/commissions?${q}`).set(bearer(office));
    const ids = (res: { body: { items: { id: number }[] } }) => res.body.items.map((x) => x.id);
    expect(ids(await list('status=open'))).toEqual([c.future]);
    expect(ids(await list('status=closed')).sort()).toEqual([c.past, c.joint, c.ljjdOnly].sort());
    expect(ids(await list(`unitId=${unit.FLJD}`))).toEqual([c.past]);
    expect(ids(await list('q=联合'))).toEqual([c.joint]);
    expect(ids(await list('q=%25'))).toEqual([]); // a literal %, not a wildcard
    const page = await list('pageSize=2&page=2');
    // ordered by deadline, newest first: future (FUTURE_YEAR), joint (04-15), ljjdOnly (03-20), past (03-10)
    expect(page.body).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(ids(page)).toEqual([c.ljjdOnly, c.past]);
    expect((await list('status=later')).status).toBe(400);
  });

  it('the per-unit completion table covers commissions whose deadline is in the range', async () => {
    const res = await t.http().get('/api/commissions/completion?from=2025-03-01&to=2025-03-31').set(bearer(office));
    expect(res.status).toBe(200);
    // past (03-10: LJJD on time, QSZ late, FLJD missing) and ljjdOnly (03-20: LJJD missing); joint and future are outside.
    expect(res.body.commissions).toBe(2);
    const rows = Object.fromEntries(res.body.units.map((r: { unitId: number }) => [Object.keys(unit).find((k) => unit[k] === r.unitId), r]));
    expect(rows.LJJD).toMatchObject({ targets: 2, onTime: 1, late: 0, missing: 1, pending: 0, rate: 0.5 });
    expect(rows.QSZ).toMatchObject({ targets: 1, onTime: 0, late: 1, missing: 0, rate: 0 });
    expect(rows.FLJD).toMatchObject({ targets: 1, missing: 1, rate: 0 });
    expect(Object.keys(rows).sort()).toEqual(['FLJD', 'LJJD', 'QSZ']);
    expect(res.body.total).toEqual({ targets: 4, answered: 2, onTime: 1, late: 1, missing: 2, pending: 0, rate: 0.25 });

    const scoped = await t.http().get('/api/commissions/completion?from=2025-03-01&to=2025-03-31').set(bearer(officer2));
    expect(scoped.body.units.map((r: { unitId: number }) => r.unitId)).toEqual([unit.QSZ]);
    expect((await t.http().get('/api/commissions/completion?from=2025-03-01&to=2025-03-31').set(bearer(leader))).status).toBe(200);

    const reversed = await t.http().get('/api/commissions/completion?from=2025-04-01&to=2025-03-01').set(bearer(office));
    expect(reversed.status).toBe(422);
    expect(reversed.body).toMatchObject({ code: 'range_reversed', errors: { to: expect.any(String) } });
    const bad = await t.http().get('/api/commissions/completion?from=2025-13-01&to=2025-03-01').set(bearer(office));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.from).toContain('YYYY-MM-DD');
  });

  it('answering with a missing or malformed article is a field error', async () => {
    const unknown = await answer(officer, c.future, 99999999);
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'unknown_article', errors: { articleId: '稿件不存在' } });
    expect((await answer(officer, c.future, 'abc')).status).toBe(400);
    expect((await answer(officer, 99999999, a.ljjdApril)).status).toBe(404);
  });

  it('an answered commission can be neither edited nor deleted', async () => {
    const patch = await t.http().patch(`/api/commissions/${c.past}`).set(bearer(office)).send({ topic: '改题', version: (await get(office, c.past)).body.version });
    expect(patch.status).toBe(409);
    expect(patch.body.code).toBe('commission_answered');
    expect((await t.http().delete(`/api/commissions/${c.past}`).set(bearer(office))).status).toBe(409);
    expect((await get(office, c.past)).body.topic).toBe('乡村振兴典型经验');
  });

  it('an answer is on time only once its article is verified, as scoring counts it (issue #16)', async () => {
    const made = await create(office, { topic: '草稿回复', issuedDate: '2025-05-01', deadline: '2025-05-20', targetUnitIds: [unit.LJJD] });
    const answerArticle = await insertArticle('临江街道用草稿回复约稿', '2025-05-03', ['LJJD'], 'draft');
    expect((await answer(officer, made.body.id, answerArticle)).body).toMatchObject({ articleStatus: 'draft', status: 'missing' });
    for (const status of ['submitted', 'unit-approved'] as const) {
      await ds.getRepository(Article).update({ id: answerArticle }, { status });
      expect((await get(office, made.body.id)).body.targets[0]).toMatchObject({ articleStatus: status, status: 'missing' });
    }
    await ds.getRepository(Article).update({ id: answerArticle }, { status: 'verified' });
    expect((await get(office, made.body.id)).body.targets[0]).toMatchObject({ articleStatus: 'verified', status: 'on-time' });
    expect((await get(office, made.body.id)).body.summary).toMatchObject({ onTime: 1, rate: 1 });
  });

  it('an answer whose article was deleted counts as no answer, and the commission is editable again', async () => {
    const made = await create(office, { topic: '草稿被删', issuedDate: '2025-05-01', deadline: `${FUTURE_YEAR}-06-30`, targetUnitIds: [unit.LJJD] });
    const draft = await insertArticle('临江街道待删草稿', '2025-05-02', ['LJJD'], 'draft');
    expect((await answer(officer, made.body.id, draft)).body).toMatchObject({ articleId: draft, articleStatus: 'draft', status: 'pending' });
    // what the articles feature does when a draft is deleted
    await ds.getRepository(ArticleUnit).delete({ articleId: draft });
    await ds.getRepository(Article).delete({ id: draft });
    const view = await get(office, made.body.id);
    expect(view.body.targets[0]).toMatchObject({ articleId: null, status: 'pending' });
    expect((await t.http().delete(`/api/commissions/${made.body.id}`).set(bearer(office))).status).toBe(204);
  });

  it('an unanswered commission is edited (targets too) and deleted, each change audited', async () => {
    const made = await create(office, { topic: '待修改', issuedDate: '2025-06-01', deadline: '2025-06-10', targetUnitIds: [unit.LJJD, unit.QSZ] });
    const id = made.body.id;
    const edited = await t.http().patch(`/api/commissions/${id}`).set(bearer(office)).send({ topic: '已修改', deadline: '2025-06-20', targetUnitIds: [unit.QSZ, unit.BHJD], version: made.body.version });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ topic: '已修改', deadline: '2025-06-20', version: made.body.version + 1 });
    expect(edited.body.targets.map((x: { unitId: number }) => x.unitId).sort()).toEqual([unit.QSZ, unit.BHJD].sort());

    const stale = await t.http().patch(`/api/commissions/${id}`).set(bearer(office)).send({ topic: '过期', version: made.body.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    const early = await t.http().patch(`/api/commissions/${id}`).set(bearer(office)).send({ deadline: '2025-05-31', version: edited.body.version });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('deadline_before_issued');
    const unknownUnit = await t.http().patch(`/api/commissions/${id}`).set(bearer(office)).send({ topic: '不应保存', targetUnitIds: [999999], version: edited.body.version });
    expect(unknownUnit.status).toBe(422);
    expect((await get(office, id)).body.topic).toBe('已修改');

    expect((await t.http().delete(`/api/commissions/${id}`).set(bearer(office))).status).toBe(204);
    expect((await get(office, id)).status).toBe(404);

    const audit = await t.http().get(`/api/audit?entity=commission&entityId=${id}`).set(bearer(office));
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['delete', 'update', 'create']);
    const answers = await t.http().get('/api/audit?entity=commission_target&action=answer&pageSize=100').set(bearer(office));
    // past: LJJD, QSZ, LJJD again, LJJD back; future: LJJD; joint: LJJD, QSZ, LJJD again; the draft answer: LJJD; the deleted draft: LJJD
    expect(answers.body.total).toBe(10);
  });
});

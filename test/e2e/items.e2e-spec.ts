// Issue #12: 事项 records (会议交流发言, 虚假信息…) of the kinds the scheme catalogue defines, with
// evidence, the three-level review, unit scoping and a recompute of their quarter when they
// enter or leave "verified".
import { DataSource } from 'typeorm';
import { ItemRecord } from '../../apps/api/src/items/item-record.entity';
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';
import { noonOf } from '../utils/clock';
import { recomputeRequests } from '../utils/recording';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

/**
 * The office's catalogue from 2026-Q2 (installed through the API; before it the standard preset
 * has none): 虚假信息 is office-recorded, two kinds are valued per level, two are flat.
 */
const CATALOGUE = [
  'format: 2',
  'name: 事项目录测试',
  'adoption: { rows: [ { label: 媒体采用, when: { channel: media }, points: { all: 1 } } ] }',
  'items:',
  '  - { kind: 会议交流发言, points: { central: 100, provincial: 60, municipal: 40 } }',
  '  - { kind: 调研报告, points: { provincial: 20, municipal: 10 } }',
  '  - { kind: 网评文章, points: 1 }',
  '  - { kind: 虚假信息, points: -3, voids: article, recordedBy: office }',
].join('\n');

describe.each(testBackends('items'))('事项 records ($label)', (backend) => {
  let t: TestApp;
  let ds: DataSource;
  let officer: string;
  let officer2: string;
  let reviewer: string;
  let office: string;
  let units: Record<string, number>;

  beforeAll(async () => {
    t = await createTestApp(backend);
    ds = t.app.get(DataSource);
    [officer, officer2, reviewer, office] = await Promise.all(['officer', 'officer2', 'reviewer', 'office'].map((u) => t.login(u)));
    const unitList = await t.http().get('/api/units?pageSize=100').set(bearer(office));
    units = Object.fromEntries(unitList.body.items.map((u: { code: string; id: number }) => [u.code, u.id]));
    const scheme = await t.http().post('/api/schemes').set(bearer(office)).send({ effectiveFrom: '2026-Q2', document: CATALOGUE });
    if (scheme.status !== 201) throw new Error(`scheme: ${scheme.status} ${JSON.stringify(scheme.body)}`);
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = (method: 'post' | 'patch' | 'delete', token: string, url: string, body: object = {}) => t.http()[method](url).set(bearer(token)).send(body);
  const get = (token: string, url: string) => t.http().get(url).set(bearer(token));
  const recomputesOf = (quarter: string) => recomputeRequests(ds, `quarters:%${quarter}`);

  it('lets an officer record a draft item of the own unit with evidence, seen only by that unit and the office', async () => {
    const created = await send('post', officer, '/api/items', { kind: '会议交流发言', title: '在全省组织工作会议上作交流发言', date: '2026-05-12', level: 'provincial', note: '附会议通知' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ unitId: units.LJJD, unitName: '临江街道党工委', kind: '会议交流发言', date: '2026-05-12', level: 'provincial', levelLabel: '省级', status: 'draft', version: 1, evidence: [] });
    const id = created.body.id;
    const upload = await t.http().post(`/api/items/${id}/evidence`).set(bearer(officer)).attach('file', PNG, '会议通知.png');
    expect(upload.status).toBe(201);
    const evidence = await t.http().get(upload.body.url).set(bearer(reviewer)).buffer(true);
    expect(Buffer.compare(evidence.body as Buffer, PNG)).toBe(0);

    expect((await get(officer, `/api/items/${id}`)).body.evidence).toHaveLength(1);
    expect((await get(officer2, `/api/items/${id}`)).status).toBe(404);
    expect((await t.http().get(upload.body.url).set(bearer(officer2))).status).toBe(404);
    expect((await get(officer2, '/api/items')).body.items.map((i: { id: number }) => i.id)).not.toContain(id);
    expect((await get(officer2, `/api/items?unitId=${units.LJJD}`)).body.items.map((i: { id: number }) => i.id)).not.toContain(id);
    const byOffice = await get(office, `/api/items?unitId=${units.LJJD}&kind=会议交流发言&from=2026-05-01&to=2026-05-31`);
    expect(byOffice.body).toMatchObject({ total: 1, page: 1, items: [{ id }] });
    expect((await get(office, `/api/items?unitId=${units.LJJD}&from=2026-06-01`)).body.total).toBe(0);

    // Another unit's officer can neither change it nor attach to it.
    expect((await send('patch', officer2, `/api/items/${id}`, { title: '改', version: 1 })).status).toBe(404);
    const stale = await send('patch', officer, `/api/items/${id}`, { title: '改后标题', version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    const edited = await send('patch', officer, `/api/items/${id}`, { title: '在全省组织工作会议上作典型发言', version: 1 });
    expect(edited.body).toMatchObject({ title: '在全省组织工作会议上作典型发言', version: 2 });
  });

  it('refuses bad input field by field and records nothing', async () => {
    const before = (await get(office, '/api/items?pageSize=200')).body.total;
    // 400: the DTO refuses the field; 422: a well-formed value the records contradict.
    const cases: [object, number, string][] = [
      [{ kind: '会议 发言', title: 'x', date: '2026-05-01' }, 400, 'kind'],
      [{ kind: 'k'.repeat(41), title: 'x', date: '2026-05-01' }, 400, 'kind'],
      [{ kind: '调研报告', title: '', date: '2026-05-01' }, 400, 'title'],
      [{ kind: '调研报告', title: 'x', date: '2026-02-30' }, 400, 'date'],
      [{ kind: '调研报告', title: 'x', date: '9999-01-01' }, 400, 'date'],
      [{ kind: '调研报告', title: 'x', date: '2030-01-01' }, 422, 'date'],
      [{ kind: '调研报告', title: 'x', date: '2026-05-01', level: 'galactic' }, 400, 'level'],
      [{ kind: '调研报告', title: 'x', date: '2026-05-01', articleId: 0 }, 400, 'articleId'],
      [{ kind: '调研报告', title: 'x', date: '2026-05-01', level: 'municipal', articleId: 2147483647 }, 422, 'articleId'],
      // The catalogue of the scheme in force on the item's date decides kind and level.
      [{ kind: '座谈会发言', title: 'x', date: '2026-05-01' }, 422, 'kind'],
      [{ kind: '会议交流发言', title: 'x', date: '2026-03-31', level: 'municipal' }, 422, 'kind'],
      [{ kind: '会议交流发言', title: 'x', date: '2026-05-01' }, 422, 'level'],
      [{ kind: '网评文章', title: 'x', date: '2026-05-01', level: 'municipal' }, 422, 'level'],
    ];
    for (const [body, status, field] of cases) {
      const res = await send('post', officer, '/api/items', body);
      expect([res.status, Object.keys(res.body.errors ?? {})]).toEqual([status, [field]]);
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const unknown = await send('post', officer, '/api/items', { kind: '座谈会发言', title: 'x', date: '2026-05-01' });
    expect(unknown.body).toMatchObject({ code: 'item_kind_not_in_scheme', errors: { kind: '事项类型「座谈会发言」不在 2026-05-01 施行的计分办法的事项目录中，可选：会议交流发言、调研报告、网评文章、虚假信息' } });
    expect((await send('post', officer, '/api/items', { kind: '会议交流发言', title: 'x', date: '2026-03-31', level: 'municipal' })).body.errors.kind).toContain('没有事项目录');
    expect((await send('post', officer, '/api/items', { kind: '会议交流发言', title: 'x', date: '2026-05-01' })).body.code).toBe('item_level_required');
    expect((await send('post', officer, '/api/items', { kind: '网评文章', title: 'x', date: '2026-05-01', level: 'municipal' })).body.code).toBe('item_level_not_applicable');
    expect((await send('post', officer, '/api/items', { unitId: units.QSZ, kind: '调研报告', title: 'x', date: '2026-05-01', level: 'municipal' })).status).toBe(403);
    expect((await send('post', office, '/api/items', { kind: '调研报告', title: 'x', date: '2026-05-01', level: 'municipal' })).body.errors).toHaveProperty('unitId');
    expect((await send('post', reviewer, '/api/items', { kind: '调研报告', title: 'x', date: '2026-05-01', level: 'municipal' })).status).toBe(403);
    expect((await get(office, '/api/items?pageSize=200')).body.total).toBe(before);
  });

  it('takes an officer item through 提交 → 单位审核 → 核定 in the review queue, and recomputes its quarter when verified or reopened', async () => {
    const created = await send('post', officer, '/api/items', { kind: '调研报告', title: '关于基层党建的调研报告', date: '2026-04-20', level: 'municipal' });
    const id = created.body.id;
    expect((await send('post', reviewer, `/api/review/items/${id}/approve`)).status).toBe(409);
    expect((await send('post', officer, `/api/review/items/${id}/submit`)).body).toMatchObject({ type: 'items', id, status: 'submitted' });
    expect((await send('patch', officer, `/api/items/${id}`, { title: '改', version: created.body.version })).status).toBe(409);
    const queue = await get(reviewer, '/api/review/queue?type=items');
    expect(queue.body.items.find((r: { id: number }) => r.id === id)).toMatchObject({ type: 'items', kind: '调研报告', itemTitle: '关于基层党建的调研报告', articleId: null, unitId: units.LJJD, date: '2026-04-20', levelLabel: '市级' });
    expect((await get(officer2, '/api/review/queue?type=items&status=submitted')).body.items.map((r: { id: number }) => r.id)).not.toContain(id);
    expect((await send('post', reviewer, `/api/review/items/${id}/approve`)).body.status).toBe('unit-approved');

    const before = await recomputesOf('2026-Q2');
    const verified = await send('post', office, '/api/review/bulk', { action: 'verify', items: [{ type: 'items', id }] });
    expect(verified.body).toMatchObject({ succeeded: 1, failed: 0 });
    expect((await get(officer, `/api/items/${id}`)).body).toMatchObject({ status: 'verified', verifiedAt: expect.any(String) });
    expect(await recomputesOf('2026-Q2')).toBeGreaterThan(before);
    expect((await send('delete', officer, `/api/items/${id}`)).status).toBe(409);

    const reopenedBefore = await recomputesOf('2026-Q2');
    expect((await send('post', office, `/api/review/items/${id}/reopen`, { reason: '日期有误' })).body.status).toBe('unit-approved');
    expect(await recomputesOf('2026-Q2')).toBeGreaterThan(reopenedBefore);
    const audit = await ds.query("SELECT action FROM audit_log WHERE entity = 'item' AND entityId = ? ORDER BY id", [String(id)]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'status:submitted', 'status:unit-approved', 'status:verified', 'status:unit-approved']);
  });

  it('refuses to verify a record that no longer fits its quarter\'s catalogue (one stored before the check), leaving it as it was', async () => {
    const created = await send('post', officer, '/api/items', { kind: '网评文章', title: '目录外的旧记录', date: '2026-05-08' });
    const id = created.body.id;
    // As a row written before kinds were checked would be: the API can no longer store it.
    await ds.getRepository(ItemRecord).update(id, { kind: '座谈会发言' });
    await send('post', officer, `/api/review/items/${id}/submit`).expect(200);
    await send('post', reviewer, `/api/review/items/${id}/approve`).expect(200);
    const refused = await send('post', office, `/api/review/items/${id}/verify`);
    expect([refused.status, refused.body.code, Object.keys(refused.body.errors)]).toEqual([422, 'item_kind_not_in_scheme', ['kind']]);
    const bulk = await send('post', office, '/api/review/bulk', { action: 'verify', items: [{ type: 'items', id }] });
    expect(bulk.body).toMatchObject({ succeeded: 0, failed: 1, results: [{ ok: false, code: 'item_kind_not_in_scheme' }] });
    expect((await get(office, `/api/items/${id}`)).body).toMatchObject({ status: 'unit-approved', verifiedAt: null });
  });

  it('verifies an item the office records on save, links the article it concerns, and deletes only drafts', async () => {
    const article = await t.clock.during(noonOf('2026-04-02'), () => send('post', officer, '/api/articles', { title: '经查实的虚假信息稿件', submittedAt: '2026-04-02' }));
    const foreign = await t.clock.during(noonOf('2026-04-02'), () => send('post', officer2, '/api/articles', { title: '其他单位的稿件', submittedAt: '2026-04-02' }));
    const before = await recomputesOf('2026-Q2');
    const bad = await send('post', office, '/api/items', { unitId: units.LJJD, kind: '虚假信息', title: '报送虚假信息', date: '2026-05-06', articleId: foreign.body.id });
    expect([bad.status, bad.body.errors]).toEqual([422, { articleId: expect.any(String) }]);
    const found = await send('post', office, '/api/items', { unitId: units.LJJD, kind: '虚假信息', title: '报送虚假信息', date: '2026-05-06', articleId: article.body.id });
    expect(found.status).toBe(201);
    expect(found.body).toMatchObject({ status: 'verified', level: null, articleId: article.body.id, articleTitle: '经查实的虚假信息稿件' });
    expect(await recomputesOf('2026-Q2')).toBeGreaterThan(before);
    // Verified: locked for the office too until reopened.
    expect((await send('patch', office, `/api/items/${found.body.id}`, { note: '补充', version: found.body.version })).body.code).toBe('locked');

    const draft = await send('post', officer, '/api/items', { kind: '网评文章', title: '草稿事项', date: '2026-05-07' });
    expect((await send('delete', officer2, `/api/items/${draft.body.id}`)).status).toBe(404);
    expect((await send('delete', officer, `/api/items/${draft.body.id}`)).status).toBe(204);
    expect((await get(officer, `/api/items/${draft.body.id}`)).status).toBe(404);
  });

  it('recomputes an article whose verification the office takes back (reopen leaves "verified" too)', async () => {
    const article = await t.clock.during(noonOf('2026-04-03'), () => send('post', officer, '/api/articles', { title: '撤销核定后重算的稿件', submittedAt: '2026-04-03' }));
    const id = article.body.id;
    const requests = () => recomputeRequests(ds, `articles:%${id}`);
    await send('post', officer, `/api/review/articles/${id}/submit`).expect(200);
    await send('post', reviewer, `/api/review/articles/${id}/approve`).expect(200);
    await send('post', office, `/api/review/articles/${id}/verify`).expect(200);
    const verified = await requests();
    expect(verified).toBeGreaterThan(0);
    await send('post', office, `/api/review/articles/${id}/reopen`, { reason: '重新核实' }).expect(200);
    expect(await requests()).toBeGreaterThan(verified);
  });

  it('offers the kinds of the scheme in force and keeps office-recorded kinds to the office', async () => {
    expect((await get(officer, '/api/item-kinds?date=2026-03-31')).body).toEqual([]);
    const kinds = await get(officer, '/api/item-kinds?date=2026-05-01');
    expect(kinds.body).toEqual([
      { kind: '会议交流发言', name: '会议交流发言', recordedBy: 'unit', perLevel: true, voidsArticle: false },
      { kind: '调研报告', name: '调研报告', recordedBy: 'unit', perLevel: true, voidsArticle: false },
      { kind: '网评文章', name: '网评文章', recordedBy: 'unit', perLevel: false, voidsArticle: false },
      { kind: '虚假信息', name: '虚假信息', recordedBy: 'office', perLevel: false, voidsArticle: true },
    ]);
    expect((await get(officer, '/api/item-kinds?date=2019-02-30')).status).toBe(400);
    const refused = await send('post', officer, '/api/items', { kind: '虚假信息', title: '自报虚假信息', date: '2026-05-01' });
    expect([refused.status, refused.body.code]).toEqual([403, 'forbidden']);
    const allowed = await send('post', officer, '/api/items', { kind: '会议交流发言', title: '季度内的交流发言', date: '2026-05-01', level: 'municipal' });
    expect(allowed.body.status).toBe('draft');
    const renamed = await send('patch', officer, `/api/items/${allowed.body.id}`, { kind: '虚假信息', level: null, version: allowed.body.version });
    expect(renamed.status).toBe(403);
    await send('delete', officer, `/api/items/${allowed.body.id}`).expect(204);
  });

  it('refuses an edit that would leave the record outside the catalogue of its date, and keeps it as it was', async () => {
    const created = await send('post', officer, '/api/items', { kind: '会议交流发言', title: '待修改的交流发言', date: '2026-05-15', level: 'provincial' });
    const id = created.body.id;
    const edits: [object, string, string][] = [
      [{ kind: '座谈会发言' }, 'kind', 'item_kind_not_in_scheme'],
      // Moved to a quarter whose scheme (the standard preset) has no catalogue.
      [{ date: '2026-03-15' }, 'kind', 'item_kind_not_in_scheme'],
      [{ level: null }, 'level', 'item_level_required'],
      [{ kind: '网评文章' }, 'level', 'item_level_not_applicable'],
    ];
    for (const [edit, field, code] of edits) {
      const res = await send('patch', officer, `/api/items/${id}`, { ...edit, version: created.body.version });
      expect([res.status, res.body.code, Object.keys(res.body.errors)]).toEqual([422, code, [field]]);
    }
    expect((await get(officer, `/api/items/${id}`)).body).toMatchObject({ kind: '会议交流发言', date: '2026-05-15', level: 'provincial', version: created.body.version });
    const flat = await send('patch', officer, `/api/items/${id}`, { kind: '网评文章', level: null, version: created.body.version });
    expect(flat.body).toMatchObject({ kind: '网评文章', level: null, version: created.body.version + 1 });
  });
});

// Issue #12: a scheme version must be able to score the 事项 already recorded in the quarters it
// governs. A version whose catalogue drops a recorded kind (or values it per level while records
// have none) would make the engine refuse every recompute of those quarters for the whole
// office, so saving, editing, or deleting the version after it is refused and nothing changes.
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';

const ADOPTION = 'adoption: { rows: [ { label: 媒体采用, when: { channel: media }, points: { all: 1 } } ] }';
/** A format-2 version with `items` as its catalogue. */
const scheme = (name: string, ...items: string[]) => ['format: 2', `name: ${name}`, ADOPTION, 'items:', ...items.map((i) => `  - ${i}`)].join('\n');
const SPEECH = '{ kind: 会议交流发言, points: { central: 100, provincial: 60, municipal: 40 } }';
const WEB = '{ kind: 网评文章, points: 2 }';

interface Version { id: number; version: number; effectiveFrom: string; document: string }

describe.each(testBackends('scheme-item-kinds'))('scheme versions and the 事项 recorded under them ($label)', (backend) => {
  let t: TestApp;
  let office: string;
  let officer: string;
  let unitId: number;
  /** From 2026-Q1, after the seeded standard preset (2020-Q1, no catalogue). */
  let first: Version;

  const send = (method: 'post' | 'patch' | 'delete', url: string, body: object = {}, token = office) => t.http()[method](url).set(bearer(token)).send(body);
  const versions = async () => (await t.http().get('/api/schemes?pageSize=100').set(bearer(office))).body.items as Version[];
  const detail = async (id: number) => (await t.http().get(`/api/schemes/${id}`).set(bearer(office))).body as Version;
  const recomputed = async (res: { body: { recomputeJob: { id: number } } }) => expect((await t.waitForJob(office, res.body.recomputeJob.id)).status).toBe('done');

  beforeAll(async () => {
    t = await createTestApp(backend);
    [office, officer] = await Promise.all([t.login('office'), t.login('officer')]);
    unitId = (await t.http().get('/api/auth/me').set(bearer(officer))).body.unitId;
    const saved = await send('post', '/api/schemes', { effectiveFrom: '2026-Q1', document: scheme('含事项目录', SPEECH, WEB) });
    if (saved.status !== 201) throw new Error(`scheme: ${saved.status} ${JSON.stringify(saved.body)}`);
    await recomputed(saved);
    first = saved.body;
    // Two verified speeches in 2026-Q2 (the office records them verified), one draft 网评文章 in 2026-Q3.
    for (const date of ['2026-05-12', '2026-06-03']) {
      const item = await send('post', '/api/items', { unitId, kind: '会议交流发言', title: `交流发言 ${date}`, date, level: 'provincial' });
      if (item.status !== 201) throw new Error(`item: ${item.status} ${JSON.stringify(item.body)}`);
    }
    const draft = await send('post', '/api/items', { kind: '网评文章', title: '网评文章草稿', date: '2026-08-03' }, officer);
    if (draft.status !== 201) throw new Error(`item: ${draft.status} ${JSON.stringify(draft.body)}`);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a new version whose catalogue drops a recorded kind, naming it and its records, and saves nothing', async () => {
    const before = await versions();
    const res = await send('post', '/api/schemes', { effectiveFrom: '2026-Q2', document: scheme('去掉会议交流发言', WEB) });
    expect([res.status, res.body.code, Object.keys(res.body.errors)]).toEqual([422, 'validation_failed', ['document']]);
    expect(res.body.errors.document).toContain('事项“会议交流发言”已有 2 条记录，新版本的事项目录中没有它');
    expect(res.body.errors.document).not.toContain('网评文章');
    expect(await versions()).toEqual(before);
  });

  it('refuses a new version that values a kind per level while its records have no level', async () => {
    const before = await versions();
    const res = await send('post', '/api/schemes', { effectiveFrom: '2026-Q3', document: scheme('网评文章按级别', SPEECH, '{ kind: 网评文章, points: { central: 5, provincial: 3 } }') });
    expect([res.status, Object.keys(res.body.errors)]).toEqual([422, ['document']]);
    expect(res.body.errors.document).toContain('事项“网评文章”改为按级别计分，但已有 1 条记录没有级别');
    expect(await versions()).toEqual(before);
  });

  it('refuses an edit of a version\'s document that drops a recorded kind, and keeps the version as it was', async () => {
    const res = await send('patch', `/api/schemes/${first.id}`, { document: scheme('改后去掉会议交流发言', WEB), version: first.version });
    expect([res.status, Object.keys(res.body.errors)]).toEqual([422, ['document']]);
    expect(res.body.errors.document).toContain('事项“会议交流发言”已有 2 条记录');
    expect(await detail(first.id)).toMatchObject({ version: first.version, document: first.document });
  });

  it('refuses to delete a version when the version before it lacks a recorded kind, and deletes nothing', async () => {
    const before = await versions();
    const res = await send('delete', `/api/schemes/${first.id}`);
    expect([res.status, res.body.code]).toEqual([409, 'item_kind_in_use']);
    expect(res.body.message).toContain('事项“会议交流发言”已有 2 条记录');
    expect(await versions()).toEqual(before);
  });

  it('saves a version that keeps the kind, even at 0 points, and its quarters still recompute', async () => {
    const res = await send('post', '/api/schemes', { effectiveFrom: '2026-Q2', document: scheme('会议交流发言不计分', '{ kind: 会议交流发言, points: 0 }', WEB) });
    expect(res.status).toBe(201);
    await recomputed(res);
    const edited = await send('patch', `/api/schemes/${res.body.id}`, { document: scheme('会议交流发言按级别不计分', '{ kind: 会议交流发言, points: { central: 0 } }', WEB), version: res.body.version });
    expect(edited.status).toBe(200);
    await recomputed(edited);
    // The version before it (from 2026-Q1) has the kind too: this one may go.
    const removed = await send('delete', `/api/schemes/${res.body.id}`);
    expect(removed.status).toBe(200);
    await recomputed(removed);
  });
});

// Last writer no longer wins on 约稿, units, outlets, scheme versions and monthly reports: two
// clients load the same row and both save; the second save carries the version it loaded,
// is refused with 409 stale_version, and the row keeps the first client's change. A save that
// sends no version at all is refused too, so a client cannot overwrite blindly.
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';

interface Case {
  what: string;
  /** who edits (two separate logins of this user are the two clients) */
  as: 'office' | 'officer';
  /** creates the row if needed; returns the URL that reads it and takes the save */
  prepare: (t: TestApp, token: string) => Promise<string>;
  method: 'patch' | 'put';
  first: Record<string, unknown>;
  second: Record<string, unknown>;
  /** the saved field and the row's version in what the URL answers */
  field: (body: Record<string, unknown>) => unknown;
  version: (body: Record<string, unknown>) => number;
  /** what a save without any version answers */
  withoutVersion: { status: number; code: string };
}

const MONTH = '2026-06';
const idOf = async (t: TestApp, token: string, url: string, code: string) =>
  ((await t.http().get(url).query({ q: code, pageSize: 200 }).set(bearer(token))).body.items as { id: number; code: string }[]).find((r) => r.code === code)!.id;
const missing = { status: 400, code: 'validation_failed' };
const plain = { version: (b: Record<string, unknown>) => b.version as number };

const CASES: Case[] = [
  {
    what: 'unit',
    as: 'office',
    prepare: async (t, token) => `/api/units/${await idOf(t, token, '/api/units', 'QSZ')}`,
    method: 'patch',
    first: { contactName: '张甲' },
    second: { contactName: '李乙' },
    field: (b) => b.contactName,
    ...plain,
    withoutVersion: missing,
  },
  {
    what: 'outlet',
    as: 'office',
    prepare: async (t, token) => `/api/outlets/${await idOf(t, token, '/api/outlets', 'RMRB')}`,
    method: 'patch',
    first: { aliases: ['甲'] },
    second: { aliases: ['乙'] },
    field: (b) => b.aliases,
    ...plain,
    withoutVersion: missing,
  },
  {
    what: 'commission (约稿)',
    as: 'office',
    prepare: async (t, token) => {
      const targetUnitIds = [await idOf(t, token, '/api/units', 'QSZ')];
      const made = await t.http().post('/api/commissions').set(bearer(token)).send({ topic: '并发约稿', issuedDate: '2026-06-01', deadline: '2026-12-31', targetUnitIds });
      expect(made.status).toBe(201);
      return `/api/commissions/${made.body.id}`;
    },
    method: 'patch',
    first: { topic: '甲改的题目' },
    second: { topic: '乙改的题目' },
    field: (b) => b.topic,
    ...plain,
    withoutVersion: missing,
  },
  {
    what: 'scheme version (draft)',
    as: 'office',
    prepare: async (t, token) => {
      const versions = (await t.http().get('/api/schemes').set(bearer(token))).body.items as { id: number; locked: boolean }[];
      const draft = versions.find((v) => !v.locked)!;
      return `/api/schemes/${draft.id}`;
    },
    method: 'patch',
    first: { note: '甲的说明' },
    second: { note: '乙的说明' },
    field: (b) => b.note,
    ...plain,
    withoutVersion: missing,
  },
  {
    what: 'monthly report',
    as: 'officer',
    prepare: async (t, token) => {
      const filed = await t.http().put(`/api/monthly-reports/${MONTH}`).set(bearer(token)).send({ articlesSubmitted: 1, placementsAdopted: 0 });
      expect(filed.status).toBe(200);
      return `/api/monthly-reports/${MONTH}`;
    },
    method: 'put',
    first: { articlesSubmitted: 5, placementsAdopted: 2 },
    second: { articlesSubmitted: 9, placementsAdopted: 9 },
    field: (b) => (b.report as { articlesSubmitted: number }).articlesSubmitted,
    version: (b) => (b.report as { version: number }).version,
    // Re-filing an existing month without its version is a save over a report never seen.
    withoutVersion: { status: 409, code: 'stale_version' },
  },
];

describe.each(testBackends('optimistic_versions'))('optimistic versions on 约稿, units, outlets, schemes and monthly reports ($label)', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(CASES)('$what: the second of two saves from the same loaded version gets 409 stale_version, the first one\'s change stays', async (c) => {
    const [a, b] = [await t.login(c.as), await t.login(c.as)];
    const url = await c.prepare(t, a);
    const read = async (token: string) => {
      const res = await t.http().get(url).set(bearer(token));
      expect(res.status).toBe(200);
      return res.body as Record<string, unknown>;
    };
    const save = (token: string, body: Record<string, unknown>) => t.http()[c.method](url).set(bearer(token)).send(body);
    const loadedA = await read(a);
    const loadedB = await read(b);
    expect(c.version(loadedB)).toBe(c.version(loadedA));

    const first = await save(a, { ...c.first, version: c.version(loadedA) });
    expect(first.status).toBe(200);
    expect(c.version(first.body)).toBe(c.version(loadedA) + 1);
    const second = await save(b, { ...c.second, version: c.version(loadedB) });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'stale_version', errors: { version: '版本已过期' } });
    expect(second.body.message).toContain('刷新后重试');
    const after = await read(b);
    expect(c.field(after)).toEqual(c.field(first.body));
    expect(c.version(after)).toBe(c.version(first.body));

    // Without a version nothing is overwritten blindly either.
    const blind = await save(b, c.second);
    expect(blind.status).toBe(c.withoutVersion.status);
    expect(blind.body.code).toBe(c.withoutVersion.code);
    expect(blind.body.errors).toHaveProperty('version');
    expect(c.field(await read(b))).toEqual(c.field(first.body));
  });
});

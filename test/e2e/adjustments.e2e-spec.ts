// Issue #12: 加减分 — the office records ± points for a unit in a quarter with a reason and
// evidence, a different office user approves or rejects it, every step is audited, and an
// approved adjustment asks for its quarter to be recomputed. Units read their own approved ones.
import { DataSource } from 'typeorm';
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';
import { recomputeRequests, secondOfficeUser } from '../utils/recording';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

describe.each(testBackends('adjustments'))('加减分 ($label)', (backend) => {
  let t: TestApp;
  let ds: DataSource;
  let office: string;
  let office2: string;
  let officer: string;
  let officer2: string;
  let reviewer: string;
  let units: Record<string, number>;

  beforeAll(async () => {
    t = await createTestApp(backend);
    ds = t.app.get(DataSource);
    [office, officer, officer2, reviewer] = await Promise.all(['office', 'officer', 'officer2', 'reviewer'].map((u) => t.login(u)));
    // A second office user: adjustments need four eyes.
    office2 = await secondOfficeUser(t);
    const unitList = await t.http().get('/api/units?pageSize=100').set(bearer(office));
    units = Object.fromEntries(unitList.body.items.map((u: { code: string; id: number }) => [u.code, u.id]));
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = (method: 'post' | 'patch' | 'delete', token: string, url: string, body: object = {}) => t.http()[method](url).set(bearer(token)).send(body);
  const get = (token: string, url: string) => t.http().get(url).set(bearer(token));
  const recomputesOf = (quarter: string) => recomputeRequests(ds, `quarters:%${quarter}`);

  it('records an adjustment as exact fixed-point points, approved only by another office user', async () => {
    const created = await send('post', office, '/api/adjustments', { unitId: units.LJJD, quarter: '2026-Q2', points: '-3.25', reason: '报送信息严重失实' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ unitId: units.LJJD, unitName: '临江街道党工委', quarter: '2026-Q2', points: '-3.25', status: 'pending', statusLabel: '待审批', approvedBy: null, version: 1 });
    const [row] = await ds.query('SELECT points FROM adjustments WHERE id = ?', [created.body.id]);
    expect(Number(row.points)).toBe(-32500);
    const id = created.body.id;
    expect((await t.http().post(`/api/adjustments/${id}/evidence`).set(bearer(office)).attach('file', PNG, '情况说明.png')).status).toBe(201);

    const same = await send('post', office, `/api/adjustments/${id}/approve`, { version: 1 });
    expect([same.status, same.body.code]).toEqual([409, 'same_approver']);
    const stale = await send('post', office2, `/api/adjustments/${id}/approve`, { version: 9 });
    expect([stale.status, stale.body.code]).toEqual([409, 'stale_version']);
    // Units do not see what is not approved.
    expect((await get(officer, `/api/adjustments/${id}`)).status).toBe(404);
    expect((await get(officer, '/api/adjustments')).body.total).toBe(0);

    const before = await recomputesOf('2026-Q2');
    const approved = await send('post', office2, `/api/adjustments/${id}/approve`, { version: 1 });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedByName: '办公室 刘洋', createdByName: expect.any(String), approvedAt: expect.any(String), version: 2 });
    expect(await recomputesOf('2026-Q2')).toBeGreaterThan(before);
    expect((await send('post', office2, `/api/adjustments/${id}/reject`, { version: 2, note: '晚了' })).body.code).toBe('not_pending');
    expect((await send('patch', office, `/api/adjustments/${id}`, { reason: '改', version: 2 })).body.code).toBe('not_editable');
    expect((await send('delete', office, `/api/adjustments/${id}`)).status).toBe(409);

    // The unit reads its approved adjustment with the evidence, read-only; another unit sees nothing.
    const seen = await get(officer, '/api/adjustments');
    expect(seen.body).toMatchObject({ total: 1, items: [{ id, points: '-3.25', evidence: [expect.objectContaining({ fileName: '情况说明.png' })] }] });
    expect((await get(reviewer, `/api/adjustments/${id}`)).status).toBe(200);
    expect((await get(officer2, `/api/adjustments/${id}`)).status).toBe(404);
    expect((await get(officer2, `/api/adjustments?unitId=${units.LJJD}`)).body.total).toBe(0);
    expect((await send('post', officer, '/api/adjustments', { unitId: units.LJJD, quarter: '2026-Q2', points: 5, reason: '自己加分' })).status).toBe(403);
    expect((await send('post', officer, `/api/adjustments/${id}/approve`, { version: 2 })).status).toBe(403);

    const audit = await ds.query("SELECT action FROM audit_log WHERE entity = 'adjustment' AND entityId = ? ORDER BY id", [String(id)]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'attach-evidence', 'approve']);
  });

  it('edits and deletes only pending adjustments, rejects with a reason and no recompute', async () => {
    const created = await send('post', office2, '/api/adjustments', { unitId: units.QSZ, quarter: '2026-Q1', points: 2, reason: '获得表彰' });
    const id = created.body.id;
    const edited = await send('patch', office2, `/api/adjustments/${id}`, { points: '2.5', quarter: '2026-Q2', version: 1 });
    expect(edited.body).toMatchObject({ points: '2.5', quarter: '2026-Q2', version: 2 });
    expect((await send('post', office, `/api/adjustments/${id}/reject`, { version: 2 })).body.errors).toHaveProperty('note');
    const before = await recomputesOf('2026-Q2');
    const rejected = await send('post', office, `/api/adjustments/${id}/reject`, { version: 2, note: '材料不足' });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionNote: '材料不足' });
    expect(await recomputesOf('2026-Q2')).toBe(before);
    expect((await get(officer2, `/api/adjustments/${id}`)).status).toBe(404);

    const gone = await send('post', office, '/api/adjustments', { unitId: units.QSZ, quarter: '2026-Q2', points: 1, reason: '误录' });
    expect((await send('delete', office, `/api/adjustments/${gone.body.id}`)).status).toBe(204);
    expect((await get(office, `/api/adjustments/${gone.body.id}`)).status).toBe(404);
    const listed = await get(office, '/api/adjustments?quarter=2026-Q2&status=rejected');
    expect(listed.body.items.map((a: { id: number }) => a.id)).toEqual([id]);
  });

  it('refuses bad points, quarters and reasons field by field and records nothing', async () => {
    const before = (await get(office, '/api/adjustments?pageSize=200')).body.total;
    const good = { unitId: units.LJJD, quarter: '2026-Q2', points: 1, reason: '理由' };
    const cases: [object, number, string][] = [
      [{ points: 0 }, 400, 'points'],
      [{ points: '1.23456' }, 400, 'points'],
      [{ points: 1000.0001 }, 400, 'points'],
      [{ points: '-1000.5' }, 400, 'points'],
      [{ points: '1e2' }, 400, 'points'],
      [{ points: 'abc' }, 400, 'points'],
      [{ points: true }, 400, 'points'],
      [{ quarter: '2026-Q5' }, 400, 'quarter'],
      [{ quarter: '9999-Q1' }, 400, 'quarter'],
      [{ reason: '  ' }, 400, 'reason'],
      [{ reason: 'x'.repeat(501) }, 400, 'reason'],
      [{ unitId: 2147483647 }, 422, 'unitId'],
    ];
    for (const [change, status, field] of cases) {
      const res = await send('post', office, '/api/adjustments', { ...good, ...change });
      expect([res.status, Object.keys(res.body.errors ?? {})]).toEqual([status, [field]]);
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const edge = await send('post', office, '/api/adjustments', { ...good, points: '-1000' });
    expect(edge.body.points).toBe('-1000');
    await send('delete', office, `/api/adjustments/${edge.body.id}`).expect(204);
    expect((await get(office, '/api/adjustments?pageSize=200')).body.total).toBe(before);
  });
});

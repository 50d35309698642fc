import { DataSource } from 'typeorm';
import { JobsService } from '../../apps/api/src/jobs/jobs.service';
import { Office } from '../../apps/api/src/offices/office.entity';
import { Outlet } from '../../apps/api/src/outlets/outlet.entity';
import { RollupLoader } from '../../apps/api/src/score-ledger/rollup-loader';
import { ScoreLedgerRepository } from '../../apps/api/src/score-ledger/score-ledger.repository';
import { ScoreLedgerService } from '../../apps/api/src/score-ledger/score-ledger.service';
import { Unit } from '../../apps/api/src/units/unit.entity';
import { createFactories } from '../factories';
import { testBackends } from '../utils/backends';
import { bearer, createTestApp, type TestApp } from '../utils/app';

const Q = '2023-Q2';

/**
 * Publication publishes from the stored ledger: a quarter is recomputed first only when a
 * recompute was requested for it and has not run since (its dirty marks), never otherwise.
 */
describe.each(testBackends('ledger-dirty'))('publishing from the ledger kept fresh ($label)', (backend) => {
  let t: TestApp;
  let ds: DataSource;
  let office: string;
  let officeId: number;
  let unit: Record<string, Unit>;
  let outlet: Record<string, Outlet>;
  let ledger: ScoreLedgerService;

  beforeAll(async () => {
    t = await createTestApp(backend);
    ds = t.app.get(DataSource);
    ledger = t.app.get(ScoreLedgerService);
    office = await t.login('office');
    unit = Object.fromEntries((await ds.getRepository(Unit).find()).map((u) => [u.code, u]));
    outlet = Object.fromEntries((await ds.getRepository(Outlet).find()).map((o) => [o.code, o]));
    officeId = unit.LJJD.officeId;
    const f = createFactories(ds);
    const a1 = await f.articles.create({ officeId, units: [unit.LJJD.id], title: '临江街道打造“红色物业”', submittedAt: '2023-04-02' });
    await f.placements.create({ article: a1, outlet: outlet.RMRB, publishedAt: '2023-04-10' });
    const a2 = await f.articles.create({ officeId, units: [unit.RSJ.id], title: '人社局“家门口就业”经验', submittedAt: '2023-05-05' });
    await f.placements.create({ article: a2, outlet: outlet['CITY-ZGXX'], publishedAt: '2023-06-01' });
    await ledger.recompute({ officeId, quarters: [Q], reason: 'test' });
    const closed = await t.http().post(`/api/quarters/${Q}/close`).set(bearer(office)).send({ excludeUnverified: true });
    if (closed.status !== 200) throw new Error(`close ${Q}: ${closed.status} ${JSON.stringify(closed.body)}`);
  });
  afterAll(async () => {
    await t?.close();
  });

  const lineIds = async () => (await ds.query('SELECT id FROM score_lines WHERE officeId = ? AND quarter = ? ORDER BY id', [officeId, Q])).map((r: { id: unknown }) => Number(r.id));
  const publish = async (body: object = {}) => {
    const job = await t.http().post(`/api/quarters/${Q}/publish`).set(bearer(office)).send(body);
    expect(job.status).toBe(202);
    const done = await t.waitForJob(office, job.body.id, 60_000);
    expect(done.status).toBe('done');
    return (done.result as { snapshotId: number }).snapshotId;
  };
  /** The published totals against a forced recompute's: publishing from the ledger changes no figure. */
  const expectTotalsOfFreshRecompute = async (snapshotId: number) => {
    const units: { unitId: unknown; total: unknown }[] = await ds.query('SELECT unitId, total FROM snapshot_units WHERE snapshotId = ?', [snapshotId]);
    const [{ schemeVersionId }] = await ds.query('SELECT schemeVersionId FROM ranking_snapshots WHERE id = ?', [snapshotId]);
    await ledger.recompute({ officeId, quarters: [Q], reason: 'test-forced' });
    const fresh = await t.app.get(ScoreLedgerRepository).totals(officeId, Number(schemeVersionId), Q);
    expect(units.length).toBeGreaterThan(0);
    expect(units.some((u) => Number(u.total) !== 0)).toBe(true);
    for (const u of units) expect(Number(u.total)).toBe(fresh.get(String(u.unitId)) ?? 0);
  };

  it('publishes a clean quarter from its stored lines without recomputing it', async () => {
    expect(await ledger.isDirty(officeId, Q)).toBe(false);
    const before = await lineIds();
    expect(before.length).toBeGreaterThan(0);
    const snapshotId = await publish();
    expect(await lineIds()).toEqual(before);
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM snapshot_lines WHERE snapshotId = ?', [snapshotId]);
    expect(Number(n)).toBe(before.length);
    await expectTotalsOfFreshRecompute(snapshotId);
  });

  it('marks the quarter dirty with the recompute request, and publishing then recomputes it first', async () => {
    // A record the ledger has not seen yet (written directly), then the request a change stores with it.
    const f = createFactories(ds);
    const a3 = await f.articles.create({ officeId, units: [unit.QSZ.id], title: '青石镇乡村振兴新路径', submittedAt: '2023-05-10' });
    await f.placements.create({ article: a3, outlet: outlet['PROV-RB'], publishedAt: '2023-05-20' });
    await ds.transaction((tx) => t.app.get(JobsService).request('scores.recompute', { officeId, articleIds: [a3.id], reason: 'test' }, { businessKey: 'test', officeId }, tx));
    expect(await ledger.isDirty(officeId, Q)).toBe(true);
    expect(await ledger.isDirty(officeId, '2023-Q1')).toBe(false);
    const before = await lineIds();
    const snapshotId = await publish({ reason: '补录稿件后更正' });
    expect(await lineIds()).not.toEqual(before);
    const [qsz] = await ds.query('SELECT total FROM snapshot_units WHERE snapshotId = ? AND unitId = ?', [snapshotId, unit.QSZ.id]);
    expect(Number(qsz.total)).toBeGreaterThan(0);
    await expectTotalsOfFreshRecompute(snapshotId);
  });

  it('keeps the quarter dirty when a change lands while a recompute is running', async () => {
    await ledger.recompute({ officeId, reason: 'test-all' });
    expect(await ledger.isDirty(officeId, Q)).toBe(false);
    const loader = t.app.get(RollupLoader);
    const load = loader.load.bind(loader);
    const spy = jest.spyOn(loader, 'load').mockImplementationOnce(async (...args) => {
      const records = await load(...args);
      // The change commits after this recompute read the records.
      await t.app.get(JobsService).request('scores.recompute', { officeId, quarters: [Q], reason: 'test-during' }, { businessKey: 'test-during', officeId });
      return records;
    });
    try {
      await ledger.recompute({ officeId, quarters: [Q], reason: 'test' });
    } finally {
      spy.mockRestore();
    }
    expect(await ledger.isDirty(officeId, Q)).toBe(true);
    await ledger.recompute({ officeId, quarters: [Q], reason: 'test-after' });
    expect(await ledger.isDirty(officeId, Q)).toBe(false);
  });

  it('marks every quarter from a version on when a request names no quarter', async () => {
    await t.app.get(JobsService).request('scores.recompute', { officeId, fromQuarter: '2023-Q2', reason: 'test-from' }, { businessKey: 'test-from', officeId });
    expect(await ledger.isDirty(officeId, '2023-Q1')).toBe(false);
    expect(await ledger.isDirty(officeId, Q)).toBe(true);
    expect(await ledger.isDirty(officeId, '2023-Q4')).toBe(true);
    await ledger.recompute({ officeId, fromQuarter: '2023-Q2', reason: 'test-from' });
    expect(await ledger.isDirty(officeId, Q)).toBe(false);
  });

  it('counts a change in an office ranked below as a change of the office that ranks it', async () => {
    const child = await ds.getRepository(Office).save({ code: 'LEDGER-D1', name: '中共甲区委组织部办公室', regionName: '甲区', parentId: officeId });
    await ds.getRepository(Unit).update({ id: unit.QSZ.id }, { childOfficeId: child.id });
    try {
      expect(await ledger.isDirty(officeId, Q)).toBe(false);
      await t.app.get(JobsService).request('scores.recompute', { officeId: child.id, quarters: [Q], reason: 'test-below' }, { businessKey: 'test-below', officeId: child.id });
      expect(await ledger.isDirty(child.id, Q)).toBe(true);
      expect(await ledger.isDirty(officeId, Q)).toBe(true);
      expect(await ledger.isDirty(officeId, '2023-Q1')).toBe(false);
    } finally {
      await ds.getRepository(Unit).update({ id: unit.QSZ.id }, { childOfficeId: null });
    }
  });
});

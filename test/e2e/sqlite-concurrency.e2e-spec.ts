import { DataSource } from 'typeorm';
import { RankingGroup } from '../../apps/api/src/units/ranking-group.entity';
import { testBackends } from '../utils/backends';
import { bearer, createTestApp, type TestApp } from '../utils/app';

const insert = "INSERT INTO ranking_groups (officeId, code, name, sortOrder, active, version, createdAt, updatedAt) VALUES (1, ?, 'x', 0, 1, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
const pause = () => new Promise((resolve) => setTimeout(resolve, 3));

/**
 * Concurrent transactions, implicit save() transactions and plain statements from different
 * requests at once: every committed write stays, every rolled-back one is gone, none fails
 * for being concurrent. On SQLite this needs the serialised access (database/sqlite-serial-access.ts).
 */
describe.each(testBackends('db-concurrency'))('concurrent writes ($label)', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps committed work and drops rolled-back work when transactions overlap', async () => {
    const ds = t.app.get(DataSource);
    const transactions = Array.from({ length: 20 }, (_, i) =>
      ds.transaction(async (m) => {
        await m.query(insert, [`T${i}`]);
        await pause();
        await m.query(insert, [`U${i}`]);
        if (i % 4 === 0) throw new Error(`planned rollback ${i}`);
      }),
    );
    const saves = Array.from({ length: 10 }, (_, i) => ds.getRepository(RankingGroup).save({ officeId: 1, code: `S${i}`, name: 's', sortOrder: 0, active: true }));
    const plain = Array.from({ length: 10 }, (_, i) => pause().then(() => ds.query(insert, [`P${i}`])));
    const results = await Promise.allSettled([...transactions, ...saves, ...plain]);
    const failures = results.flatMap((r, i) => (r.status === 'rejected' ? [`${i}: ${(r.reason as Error).message}`] : []));
    expect(failures.filter((f) => !f.includes('planned rollback'))).toEqual([]);
    expect(failures).toHaveLength(5);
    const codes: string[] = (await ds.query('SELECT code FROM ranking_groups')).map((row: { code: string }) => row.code);
    const kept = (prefix: string) => codes.filter((c) => new RegExp(`^${prefix}\\d+$`).test(c)).length;
    expect([kept('T'), kept('U'), kept('S'), kept('P')]).toEqual([15, 15, 10, 10]);
  });

  it('answers 40 concurrent article saves without a server error', async () => {
    const officer = await t.login('officer');
    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => t.http().post('/api/articles').set(bearer(officer)).send({ title: `并发保存的稿件 ${i}` })));
    expect(responses.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    expect((await t.http().get('/api/articles?q=并发保存的稿件&pageSize=100').set(bearer(officer))).body.total).toBe(40);
  });
});

// Throwaway check of the test infrastructure (test/setup, test/utils/backends.ts): each
// backend's database and Redis answer a round trip. Delete once real e2e suites cover this.
import Redis from 'ioredis';
import * as mysql from 'mysql2/promise';
import { prepareBackend, testBackends, type TestBackend } from '../utils/backends';

const backends = testBackends('infra_smoke');

describe.each(backends)('infra smoke ($label)', (backend: TestBackend) => {
  beforeAll(async () => {
    await prepareBackend(backend);
  });

  it('lists the distributed backend whenever the servers are up', () => {
    const up = !!process.env.PUBSCORE_TEST_MYSQL_URL && !!process.env.PUBSCORE_TEST_REDIS_URL;
    expect(backends.map((b) => b.name)).toEqual(up ? ['embedded', 'distributed'] : ['embedded']);
  });

  if (backend.name === 'embedded') {
    it('leaves the database to the app factory (fresh SQLite file)', () => {
      expect(backend.databaseUrl).toBeUndefined();
      expect(backend.redisUrl).toBeUndefined();
    });
    return;
  }

  it('names a per-suite database and Bull prefix', () => {
    expect(backend.databaseName).toMatch(/^t_infra_smoke_\d+$/);
    expect(backend.databaseUrl).toMatch(new RegExp(`/${backend.databaseName}$`));
    expect(backend.redisPrefix).toMatch(/^bull_infra_smoke_\d+$/);
  });

  it('round-trips through MariaDB (utf8mb4)', async () => {
    const conn = await mysql.createConnection({ uri: backend.databaseUrl!, timezone: 'Z' });
    try {
      const [rows] = await conn.query('SELECT 1 AS one, DATABASE() AS db, @@character_set_database AS cs, @@version AS v');
      expect(rows).toEqual([expect.objectContaining({ one: 1, db: backend.databaseName, cs: 'utf8mb4' })]);
      await conn.query('CREATE TABLE t (name VARCHAR(20)) ENGINE=InnoDB');
      await conn.query('INSERT INTO t VALUES (?)', ['宣传信息计分']);
      const [back] = await conn.query('SELECT name FROM t');
      expect(back).toEqual([{ name: '宣传信息计分' }]);
    } finally {
      await conn.end();
    }
  });

  it('round-trips through Redis', async () => {
    const redis = new Redis(backend.redisUrl!, { maxRetriesPerRequest: 1, lazyConnect: true });
    try {
      await redis.connect();
      const key = `${backend.redisPrefix}:smoke`;
      await redis.set(key, 'ok');
      expect(await redis.get(key)).toBe('ok');
    } finally {
      redis.disconnect();
    }
  });
});

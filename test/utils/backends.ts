// The backends every e2e suite runs against:
//   embedded    — SQLite + inline jobs: always. databaseUrl is undefined, so the app factory
//                 gives the app a fresh SQLite file.
//   distributed — MariaDB + Redis/Bull: when global-setup started the throwaway servers (it
//                 sets PUBSCORE_TEST_MYSQL_URL / PUBSCORE_TEST_REDIS_URL).
//
//   describe.each(testBackends('units'))('units ($label)', (backend) => {
//     beforeAll(async () => { app = await createTestApp(backend); });  // calls prepareBackend
//     afterAll(async () => { await app?.close(); });
//   });
//
// Each suite gets its own MariaDB database (t_<suite>_<pid>) and its own Bull key prefix, so
// suites never see each other's rows or queues, even when jest runs them in parallel.
import { createDatabase } from '../setup/servers';

export interface TestBackend {
  name: 'embedded' | 'distributed';
  label: 'SQLite + inline' | 'MariaDB + Redis/Bull';
  /** mysql://user:pw@127.0.0.1:PORT/t_<suite>_<pid>; undefined = a fresh SQLite file. */
  databaseUrl?: string;
  /** The database name inside databaseUrl (distributed only). */
  databaseName?: string;
  /** redis://127.0.0.1:PORT (distributed only). */
  redisUrl?: string;
  /** Bull's `prefix` option for this suite (distributed only), e.g. `bull_units_1234`. */
  redisPrefix?: string;
}

/** [a-z0-9_] only, at most `max` characters. */
function sanitize(s: string, max: number): string {
  return s.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').slice(0, max) || 'x';
}

/**
 * The backends to run `suite` against: embedded always, distributed when the servers are up.
 * Synchronous (for describe.each); call prepareBackend before using a distributed one.
 * `suite` must be unique among the e2e files: it names the database and the Bull prefix.
 */
export function testBackends(suite: string): TestBackend[] {
  const backends: TestBackend[] = [{ name: 'embedded', label: 'SQLite + inline' }];
  const mysqlUrl = process.env.PUBSCORE_TEST_MYSQL_URL;
  const redisUrl = process.env.PUBSCORE_TEST_REDIS_URL;
  if (mysqlUrl && redisUrl) {
    const pid = String(process.pid);
    // t_ + suite + _ + pid ≤ 64 (MariaDB's limit for identifiers)
    const databaseName = `t_${sanitize(suite, 64 - 3 - pid.length)}_${pid}`;
    const base = new URL(mysqlUrl);
    base.pathname = `/${databaseName}`;
    backends.push({
      name: 'distributed',
      label: 'MariaDB + Redis/Bull',
      databaseUrl: base.toString(),
      databaseName,
      redisUrl,
      redisPrefix: `bull_${sanitize(suite, 80)}_${pid}`,
    });
  }
  return backends;
}

/** Creates the suite's MariaDB database (distributed; idempotent). Nothing to do for embedded. */
export async function prepareBackend(b: TestBackend): Promise<void> {
  if (b.name !== 'distributed' || !b.databaseUrl) return;
  const u = new URL(b.databaseUrl);
  const name = b.databaseName ?? decodeURIComponent(u.pathname.replace(/^\//, ''));
  u.pathname = '/';
  await createDatabase(u.toString(), name);
}

// jest globalSetup of the `medium`, `e2e` and `reliability` projects: starts a throwaway MariaDB and Redis (servers.ts)
// for the whole run and hands their URLs to the test files through process.env, which the
// workers (or, with --runInBand, the test environments) inherit:
//   PUBSCORE_TEST_MYSQL_URL  mysql://pubscore:pubscore@127.0.0.1:PORT   (no database part)
//   PUBSCORE_TEST_REDIS_URL  redis://127.0.0.1:PORT
// test/utils/backends.ts turns them into the `distributed` backend.
//
// Without the binaries only the embedded backend (SQLite + inline jobs) is tested, with a loud
// banner; on CI (CI=true) that is an error instead. PUBSCORE_TEST_BACKENDS=embedded skips the
// servers on purpose. If both URLs are already set (servers you run yourself), they are used
// as they are and nothing is started.
//
// It also makes the directory of the run's template databases (templates.ts): migrated once
// per backend, copied per app. The projects `medium` and `e2e` both use this setup.
import { reapStaleServers, serverBinariesAvailable, startMariaDb, startRedis, stopServerSync, type RunningServer } from './servers';
import { createTemplateDir } from './templates';

export interface ServerState {
  servers: RunningServer[];
  exitHandlersInstalled?: boolean;
}

const STATE_KEY = '__pubscoreTestServers';

export function serverState(): ServerState {
  const g = globalThis as unknown as Record<string, ServerState | undefined>;
  return (g[STATE_KEY] ??= { servers: [] });
}

function banner(reason: string, install = true): void {
  const line = '='.repeat(78);
  process.stderr.write(
    `\n${line}\n${line}\n` +
    '  DISTRIBUTED SUITE SKIPPED: mariadbd/redis-server not found — only the embedded backend was tested\n' +
    `  (${reason})\n` +
    (install ? '  Install them with: apt-get install -y --no-install-recommends mariadb-server redis-server\n' : '') +
    `${line}\n${line}\n\n`,
  );
}

function installExitHandlers(state: ServerState): void {
  if (state.exitHandlersInstalled) return;
  state.exitHandlersInstalled = true;
  const killAll = () => {
    for (const s of state.servers.splice(0)) stopServerSync(s);
  };
  process.on('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      killAll();
      // Keep the default behaviour (die of the signal) unless someone else handles it.
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    });
  }
}

export default async function globalSetup(): Promise<void> {
  const state = serverState();
  const mode = (process.env.PUBSCORE_TEST_BACKENDS ?? '').trim().toLowerCase();
  createTemplateDir();

  if (mode === 'embedded') {
    delete process.env.PUBSCORE_TEST_MYSQL_URL;
    delete process.env.PUBSCORE_TEST_REDIS_URL;
    banner('PUBSCORE_TEST_BACKENDS=embedded: not started on purpose', false);
    return;
  }
  if (process.env.PUBSCORE_TEST_MYSQL_URL && process.env.PUBSCORE_TEST_REDIS_URL) {
    process.stderr.write(`[test servers] using the given PUBSCORE_TEST_MYSQL_URL / PUBSCORE_TEST_REDIS_URL\n`);
    return;
  }

  const { ok, missing } = serverBinariesAvailable();
  if (!ok) {
    const reason = `missing: ${missing.join(', ')}`;
    if (process.env.CI === 'true') {
      throw new Error(`DISTRIBUTED SUITE CANNOT RUN on CI: ${reason}. .ci/run should have installed mariadb-server and redis-server.`);
    }
    delete process.env.PUBSCORE_TEST_MYSQL_URL;
    delete process.env.PUBSCORE_TEST_REDIS_URL;
    banner(reason);
    return;
  }

  const reaped = reapStaleServers();
  if (reaped) process.stderr.write(`[test servers] removed ${reaped} server dir(s) left by a crashed run\n`);
  installExitHandlers(state);

  const t0 = Date.now();
  const results = await Promise.allSettled([startMariaDb({ inMemory: true }), startRedis()]);
  for (const r of results) if (r.status === 'fulfilled') state.servers.push(r.value);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    for (const s of state.servers.splice(0)) stopServerSync(s);
    throw failed.reason;
  }
  const [db, redis] = state.servers;
  process.env.PUBSCORE_TEST_MYSQL_URL = db.url;
  process.env.PUBSCORE_TEST_REDIS_URL = redis.url;
  process.stderr.write(
    `\n[test servers] MariaDB on 127.0.0.1:${db.port} (${db.startMs} ms), ` +
    `Redis on 127.0.0.1:${redis.port} (${redis.startMs} ms); ready after ${Date.now() - t0} ms\n`,
  );
}

// jest globalTeardown of the `medium`, `e2e` and `reliability` projects: stops the servers global-setup started (handles
// kept on globalThis; both run in jest's parent process) and, should the handles be lost,
// kills whatever this process's pid files still name and removes the temp dirs.
import { serverState } from './global-setup';
import { reapStaleServers, stopServer } from './servers';
import { removeTemplates } from './templates';

export default async function globalTeardown(): Promise<void> {
  const state = serverState();
  // Servers given from outside outlive the run: drop the template database there.
  await removeTemplates(state.servers.length === 0 ? process.env.PUBSCORE_TEST_MYSQL_URL : undefined).catch((e: unknown) => {
    process.stderr.write(`[test templates] cleanup failed: ${String(e)}\n`);
  });
  const servers = state.servers.splice(0);
  const results = await Promise.allSettled(servers.map((s) => stopServer(s)));
  reapStaleServers(process.pid);
  for (const r of results) {
    if (r.status === 'rejected') process.stderr.write(`[test servers] stop failed: ${String(r.reason)}\n`);
  }
}

// Real processes for the reliability suite: the built server (any role) and a private
// redis-server that can be stopped and started again on the same port.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findBinary, freePort } from '../setup/servers';
import { TEST_HASH_COST } from './app';

const ROOT = path.resolve(__dirname, '..', '..');

export interface Proc {
  child: ChildProcess;
  output: () => string;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
}

function track(child: ChildProcess): Proc {
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => out,
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** The built server (scripts/build.js output) with the given settings. */
export function startServerProcess(env: Record<string, string>): Proc {
  require(path.join(ROOT, 'scripts', 'build.js')).build();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', DEMO_RECORDS: 'false', JOB_BACKOFF_MS: '100', PASSWORD_HASH_COST: String(TEST_HASH_COST), SESSION_SECRET: 'test-secret-test-secret-test-secret-0123456789', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return track(child);
}

/** A redis-server on `port` (free one when omitted) that can be killed and restarted there. */
export async function startRedisOn(port?: number): Promise<Proc & { port: number; url: string }> {
  const bin = findBinary('redis-server');
  if (!bin) throw new Error('redis-server not found');
  const p = port ?? (await freePort());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pubscore-redis-'));
  const proc = track(spawn(bin, ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] }));
  await waitFor(async () => proc.output().includes('Ready to accept connections'), 10_000, 'redis-server start');
  return { ...proc, port: p, url: `redis://127.0.0.1:${p}` };
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

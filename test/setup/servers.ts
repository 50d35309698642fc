// Throwaway MariaDB 10.11 and Redis servers for the e2e suites (see shared/STACK-NOTES.md,
// "Throwaway servers"). Each server lives in a fresh temp dir `pubscore-test-*` on a free
// port on 127.0.0.1 and is removed with its dir on stop. Every dir holds `owner.pid` (the pid
// of the process that started it) and the server's pid file, so that a later run can reap
// what a crashed or SIGKILLed run left behind (`reapStaleServers`).
//
// Only node built-ins at the top: global-setup loads this file in jest's parent process.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const TEMP_PREFIX = 'pubscore-test-';
/** The MariaDB account the tests use (created by `startMariaDb`, ALL PRIVILEGES). */
export const MYSQL_TEST_USER = 'pubscore';
export const MYSQL_TEST_PASSWORD = 'pubscore';

export interface RunningServer {
  kind: 'mariadb' | 'redis';
  dir: string;
  port: number;
  pid: number;
  /** `mysql://pubscore:pubscore@127.0.0.1:PORT` (no database) or `redis://127.0.0.1:PORT`. */
  url: string;
  /** Milliseconds from the first command to "answers". */
  startMs: number;
  child: ChildProcess;
}

// ---------------------------------------------------------------------------------------
// binaries

const EXTRA_BIN_DIRS = ['/usr/sbin', '/usr/local/sbin', '/sbin', '/usr/bin', '/usr/local/bin'];

/** Absolute path of an executable, searched in PATH and the sbin dirs (mariadbd lives in /usr/sbin). */
export function findBinary(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), ...EXTRA_BIN_DIRS];
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function serverBinariesAvailable(): { ok: boolean; missing: string[] } {
  const missing = ['mariadbd', 'mariadb-install-db', 'mariadb-admin', 'redis-server'].filter((b) => !findBinary(b));
  return { ok: missing.length === 0, missing };
}

function requireBinary(name: string): string {
  const found = findBinary(name);
  if (!found) throw new Error(`${name} not found in PATH or /usr/sbin`);
  return found;
}

// ---------------------------------------------------------------------------------------
// helpers

/** A TCP port that was free a moment ago on 127.0.0.1 (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Where an in-memory server's dir goes: /dev/shm when there is one, else the temp dir. The test
 * suites' data is throwaway, and on a disk MariaDB's DDL (every suite's tables) is bound by
 * fsyncs: migrating 1.2–6.8 s and copying a template 1.6 s there, 0.4 s and 0.03 s in memory.
 */
function serverBase(): string {
  const shm = '/dev/shm';
  try {
    fs.accessSync(shm, fs.constants.W_OK);
    if (fs.statSync(shm).isDirectory()) return shm;
  } catch {
    // no /dev/shm
  }
  return tempBase();
}

/** The MariaDB socket path must stay under ~107 bytes: fall back to /tmp for a long TMPDIR. */
function tempBase(): string {
  const base = os.tmpdir();
  return base.length > 60 ? '/tmp' : base;
}

function makeTempDir(kind: string, inMemory = false): string {
  const base = inMemory ? serverBase() : tempBase();
  const dir = fs.mkdtempSync(path.join(base, `${TEMP_PREFIX}${kind}-`));
  fs.writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
  return dir;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves with `p`'s value or 'timeout', clearing its timer (a pending timer keeps jest alive). */
async function raceTimeout<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<'timeout'>((r) => { timer = setTimeout(() => r('timeout'), ms); })]);
  } finally {
    clearTimeout(timer);
  }
}

function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function spawnServer(bin: string, args: string[], logFile: string): ChildProcess {
  const fd = fs.openSync(logFile, 'a');
  try {
    // Not detached: a Ctrl-C in the terminal reaches the servers too.
    const child = spawn(bin, args, { stdio: ['ignore', fd, fd] });
    child.unref(); // never keep jest alive by itself; teardown / exit handlers stop it
    child.on('error', () => undefined); // reported through the readiness check
    return child;
  } finally {
    fs.closeSync(fd);
  }
}

async function waitUntil(what: string, child: ChildProcess, log: string, probe: () => Promise<boolean>, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}) before answering:\n${tail(log)}`);
    }
    if (await probe()) return;
    if (Date.now() > deadline) throw new Error(`${what} did not answer within ${timeoutMs} ms:\n${tail(log)}`);
    await sleep(50);
  }
}

/** Retries a start on another port when the one picked was taken in between. */
async function withPortRetry<T>(start: (port: number) => Promise<T>): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await start(await freePort());
    } catch (e) {
      lastError = e;
      if (!/address already in use|EADDRINUSE|Can't start server: Bind/i.test(String(e))) throw e;
    }
  }
  throw lastError;
}

// ---------------------------------------------------------------------------------------
// MariaDB

/** InnoDB memory of a throwaway server; the test suites keep the small default (64M pool, 8M redo log). */
export interface InnoDbSizes {
  /** innodb_buffer_pool_size, e.g. '2G' */
  bufferPool: string;
  /** innodb_log_file_size (the redo log), e.g. '512M' */
  logFile: string;
}

/**
 * `inMemory` (the test suites): the server's dir on /dev/shm and no durability (no fsync per
 * commit, no doublewrite). The benchmarks keep the default, a server on disk as deployed, and
 * pass `innodb` sizes a production server would have (test/bench/harness.ts BENCH_INNODB).
 */
export async function startMariaDb(options: { inMemory?: boolean; innodb?: InnoDbSizes } = {}): Promise<RunningServer> {
  const innodb = options.innodb ?? { bufferPool: '64M', logFile: '8M' };
  const mariadbd = requireBinary('mariadbd');
  const installDb = requireBinary('mariadb-install-db');
  const admin = requireBinary('mariadb-admin');
  const t0 = Date.now();
  const dir = makeTempDir('mariadb', options.inMemory);
  try {
    const data = path.join(dir, 'data');
    const sock = path.join(dir, 'mysqld.sock');
    const log = path.join(dir, 'error.log');
    try {
      await execFileAsync(installDb, [
        '--no-defaults', `--datadir=${data}`, '--user=root', '--auth-root-authentication-method=normal',
        '--skip-test-db', `--innodb-log-file-size=${innodb.logFile}`,
      ], { maxBuffer: 16 * 1024 * 1024 });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string; message: string };
      throw new Error(`mariadb-install-db failed: ${err.message}\n${err.stdout ?? ''}\n${err.stderr ?? ''}`);
    }
    const server = await withPortRetry(async (port) => {
      fs.rmSync(log, { force: true });
      const child = spawnServer(mariadbd, [
        '--no-defaults', `--datadir=${data}`, `--socket=${sock}`, `--port=${port}`, '--bind-address=127.0.0.1',
        '--user=root', `--pid-file=${path.join(dir, 'mysqld.pid')}`, `--log-error=${log}`, '--skip-log-bin',
        `--innodb-buffer-pool-size=${innodb.bufferPool}`, `--innodb-log-file-size=${innodb.logFile}`,
        // tmpfs has no O_DIRECT (MariaDB's default flush method)
        ...(options.inMemory ? ['--innodb-flush-log-at-trx-commit=0', '--innodb-doublewrite=0', '--innodb-flush-method=fsync'] : []),
        '--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_ci',
      ], path.join(dir, 'stdout.log'));
      fs.writeFileSync(path.join(dir, 'server.pid'), String(child.pid));
      try {
        await waitUntil('mariadbd', child, log, async () => {
          try {
            await execFileAsync(admin, ['--no-defaults', `--socket=${sock}`, '-uroot', 'ping'], { timeout: 5000 });
            return true;
          } catch {
            return false;
          }
        });
      } catch (e) {
        killNow(child.pid);
        throw e;
      }
      return { port, child };
    });
    // root@127.0.0.1 with an empty password works too (install-db creates it), but a
    // password account over TCP is what production uses and does not depend on how
    // 127.0.0.1 resolves, so the tests use `pubscore`.
    const mysql = await import('mysql2/promise');
    const conn = await mysql.createConnection({ socketPath: sock, user: 'root', multipleStatements: true });
    try {
      const pw = conn.escape(MYSQL_TEST_PASSWORD);
      const hosts = ['%', 'localhost', '127.0.0.1'];
      await conn.query(hosts.map((h) =>
        `CREATE USER IF NOT EXISTS '${MYSQL_TEST_USER}'@'${h}' IDENTIFIED BY ${pw};` +
        ` GRANT ALL PRIVILEGES ON *.* TO '${MYSQL_TEST_USER}'@'${h}' WITH GRANT OPTION;`).join(' ') + ' FLUSH PRIVILEGES;');
    } finally {
      await conn.end();
    }
    return {
      kind: 'mariadb', dir, port: server.port, pid: server.child.pid!, child: server.child,
      url: `mysql://${MYSQL_TEST_USER}:${encodeURIComponent(MYSQL_TEST_PASSWORD)}@127.0.0.1:${server.port}`,
      startMs: Date.now() - t0,
    };
  } catch (e) {
    reapDir(dir, true);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------
// Redis

function redisPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ host: '127.0.0.1', port });
    let buf = '';
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(1000, () => done(false));
    sock.on('error', () => done(false));
    sock.on('connect', () => sock.write('PING\r\n'));
    sock.on('data', (d) => {
      buf += d.toString();
      if (buf.includes('\r\n')) done(buf.startsWith('+PONG'));
    });
  });
}

export async function startRedis(): Promise<RunningServer> {
  const redisServer = requireBinary('redis-server');
  const t0 = Date.now();
  const dir = makeTempDir('redis');
  try {
    const log = path.join(dir, 'redis.log');
    const server = await withPortRetry(async (port) => {
      fs.rmSync(log, { force: true });
      const child = spawnServer(redisServer, [
        '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no',
        '--dir', dir, '--pidfile', path.join(dir, 'redis.pid'),
      ], log);
      fs.writeFileSync(path.join(dir, 'server.pid'), String(child.pid));
      try {
        await waitUntil('redis-server', child, log, () => redisPing(port), 15000);
      } catch (e) {
        killNow(child.pid);
        throw e;
      }
      return { port, child };
    });
    return {
      kind: 'redis', dir, port: server.port, pid: server.child.pid!, child: server.child,
      url: `redis://127.0.0.1:${server.port}`, startMs: Date.now() - t0,
    };
  } catch (e) {
    reapDir(dir, true);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------
// stopping

function killNow(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/**
 * Stops a server (SIGTERM: both shut down cleanly on it; SIGKILL after 10 s) and removes its
 * dir. The data is throwaway, so nothing is saved.
 */
export async function stopServer(server: RunningServer, timeoutMs = 10000): Promise<void> {
  const { child } = server;
  if (child.exitCode === null && child.signalCode === null && isAlive(server.pid)) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(server.pid, 'SIGTERM');
    } catch {
      // gone meanwhile
    }
    if ((await raceTimeout(exited, timeoutMs)) === 'timeout') {
      killNow(server.pid);
      await raceTimeout(exited, 2000);
    }
  }
  fs.rmSync(server.dir, { recursive: true, force: true });
}

/** Synchronous last resort, for process 'exit' handlers: SIGKILL and remove the dir. */
export function stopServerSync(server: RunningServer): void {
  killNow(server.pid);
  try {
    fs.rmSync(server.dir, { recursive: true, force: true });
  } catch {
    // best effort
  }
}

function pidFromFile(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Kills the server recorded in `dir` (only if its command line names this dir) and removes the dir. */
function reapDir(dir: string, force = false): void {
  for (const f of ['server.pid', 'mysqld.pid', 'redis.pid']) {
    const pid = pidFromFile(path.join(dir, f));
    if (!pid || !isAlive(pid)) continue;
    // Guard against a recycled pid: mariadbd names the dir on its command line; redis-server
    // retitles itself ("redis-server 127.0.0.1:PORT") but runs inside the dir (--dir).
    let cmdline = '';
    let cwd = '';
    try {
      cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
    } catch {
      // no /proc: only kill when told to
    }
    if (cmdline.includes(dir) || cwd.startsWith(dir) || (force && !cmdline)) killNow(pid);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Removes the `pubscore-test-*` dirs (and kills their servers) whose owner is dead, or — with
 * `ownerPid` — owned by that pid. Used at setup (leftovers of a crashed run) and at teardown
 * (when the handles were lost). Returns how many dirs were reaped.
 */
export function reapStaleServers(ownerPid?: number): number {
  let n = 0;
  for (const base of new Set([serverBase(), os.tmpdir(), '/tmp'])) {
    let entries: string[];
    try {
      entries = fs.readdirSync(base);
    } catch {
      continue;
    }
    for (const name of entries) {
      if (!name.startsWith(TEMP_PREFIX)) continue;
      const dir = path.join(base, name);
      const owner = pidFromFile(path.join(dir, 'owner.pid'));
      if (owner === undefined) {
        // owner.pid is written right after mkdtemp; skip dirs younger than a minute
        try {
          if (Date.now() - fs.statSync(dir).mtimeMs < 60000) continue;
        } catch {
          continue;
        }
      } else if (ownerPid !== undefined ? owner !== ownerPid : isAlive(owner)) {
        continue;
      }
      reapDir(dir);
      n++;
    }
  }
  return n;
}

// ---------------------------------------------------------------------------------------
// databases

/**
 * `CREATE DATABASE IF NOT EXISTS name` (utf8mb4, utf8mb4_unicode_ci) on the server of
 * `baseUrl` (`mysql://user:pw@host:port`, any database part is ignored).
 */
export async function createDatabase(baseUrl: string, name: string): Promise<void> {
  if (!/^[A-Za-z0-9_]{1,64}$/.test(name)) throw new Error(`invalid database name: ${name}`);
  const mysql = await import('mysql2/promise');
  const u = new URL(baseUrl);
  const conn = await mysql.createConnection({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  });
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await conn.end();
  }
}

// The browser tests' plumbing: the server on a free port with fresh demo data, Chromium through
// playwright-core, a tiny runner (named async cases, a fresh browser context each), sessions
// reused between cases (the login route allows 30 attempts a minute), and screenshots.
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '../..');
const shotsDir = path.join(root, 'test-artifacts', 'screenshots');
const PASSWORD = 'Demo@2026';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts `node dist/apps/api/src/main.js` on a free port with an empty data folder (so the demo seed runs). */
async function startServer() {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pubscore-browser-'));
  const output = [];
  // The embedded default whatever the caller's shell has set: SQLite, in-process queue, one process.
  // PASSWORD_HASH_COST 4 as in the e2e suites (test/utils/app.ts TEST_HASH_COST): the cases log in
  // dozens of times, and bcrypt at the default cost would be most of the server's CPU.
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', PASSWORD_HASH_COST: '4' };
  for (const key of ['DATABASE_URL', 'REDIS_URL', 'APP_ROLE', 'HOST']) delete env[key];
  const child = spawn(process.execPath, [path.join(root, 'dist/apps/api/src/main.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => output.push(d));
  child.stderr.on('data', (d) => output.push(d));
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${Buffer.concat(output).toString()}`);
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start in 90 s:\n${Buffer.concat(output).toString()}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  await settle(baseURL);
  return {
    baseURL,
    log: () => Buffer.concat(output).toString(),
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The demo seed publishes past quarters through queued jobs after the server starts listening;
 * wait until no job is queued or running, so the cases do not race that startup work.
 */
async function settle(baseURL, timeoutMs = 120_000) {
  const login = await fetch(`${baseURL}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'office', password: PASSWORD }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const busy = async (status) => (await (await fetch(`${baseURL}/api/jobs?status=${status}&pageSize=1`, { headers: { cookie } })).json()).total;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await busy('queued')) + (await busy('running')) === 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server\'s startup jobs did not finish in time');
}

function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * What every case gets: `page(user?, viewport?)` opens a fresh context (logged in as `user`
 * from a session made once per user), `shot(page, name)` saves a screenshot, `api(user)` a
 * request context for setting up data the case is not about.
 */
function createKit(browser, baseURL, sessions) {
  const contexts = [];

  /** One login per user for the whole run (a promise, so two cases asking at once share it). */
  function storageFor(username) {
    if (!sessions.has(username)) {
      sessions.set(username, (async () => {
        const ctx = await browser.newContext({ baseURL });
        const res = await ctx.request.post('/api/auth/login', { data: { username, password: PASSWORD } });
        if (!res.ok()) throw new Error(`login ${username} failed: ${res.status()} ${await res.text()}`);
        const { token } = await res.json();
        const state = await ctx.storageState();
        await ctx.close();
        return { state, token };
      })());
    }
    return sessions.get(username);
  }

  return {
    baseURL,
    async page(username, viewport = { width: 1366, height: 768 }) {
      const ctx = await browser.newContext({ baseURL, viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', storageState: username ? (await storageFor(username)).state : undefined });
      ctx.setDefaultTimeout(10_000);
      contexts.push(ctx);
      const page = await ctx.newPage();
      page.on('pageerror', (e) => console.log(`    [page error] ${e.message}`));
      return page;
    },
    async api(username) {
      // A script, not a page: it sends no Origin, so it authenticates the way API clients do
      // (Bearer); the session cookie alone would be refused as a possible cross-site write.
      const ctx = await browser.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${(await storageFor(username)).token}` } });
      contexts.push(ctx);
      return ctx.request;
    },
    async shot(page, name, fullPage = false) {
      fs.mkdirSync(shotsDir, { recursive: true });
      await page.waitForTimeout(350); // let transitions settle
      await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage });
    },
    browser,
    /** On a failure: what each open page showed, to read beside the error. */
    async shootFailure(caseIndex) {
      fs.mkdirSync(shotsDir, { recursive: true });
      let n = 0;
      for (const ctx of contexts) {
        for (const p of ctx.pages()) {
          await p.screenshot({ path: path.join(shotsDir, `failed-${String(caseIndex).padStart(2, '0')}-${++n}.png`) }).catch(() => undefined);
        }
      }
    },
    async closeAll() {
      await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined)));
    },
  };
}

/**
 * Runs the cases, `workers` at a time (they use their own records, so order does not matter;
 * two at a time keeps a 2-core machine busy while the other waits on the server). Each case
 * gets fresh contexts, closed when it ends; a failure prints its error. Returns {passed, failed}.
 */
async function runCases(cases, makeKit, workers = 2) {
  let passed = 0;
  let failed = 0;
  let next = 0;
  async function worker() {
    while (next < cases.length) {
      const index = next++;
      const { name, fn } = cases[index];
      const kit = makeKit();
      const t0 = Date.now();
      try {
        await fn(kit);
        passed++;
        console.log(`  ✓ ${name} (${Date.now() - t0} ms)`);
      } catch (error) {
        failed++;
        await kit.shootFailure(index);
        console.log(`  ✗ ${name} (${Date.now() - t0} ms)\n    ${String(error && error.stack ? error.stack : error).split('\n').slice(0, 8).join('\n    ')}`);
      } finally {
        await kit.closeAll();
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(workers, cases.length) }, worker));
  return { passed, failed };
}

module.exports = { startServer, launchBrowser, createKit, runCases, PASSWORD, root };

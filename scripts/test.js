#!/usr/bin/env node
// `npm test`: every test part in turn, then one total. Its very last line is exactly
// `N passed, N failed` (CI reads it); it exits non-zero if anything failed or a part crashed.
//
//   1. jest --selectProjects unit
//   2. jest --selectProjects medium --runInBand       (services on a real database, no HTTP)
//   3. jest --selectProjects e2e --maxWorkers=2       (two files at a time: each suite has its own
//      database copy and Bull prefix, and on a 2-core machine one worker leaves a core mostly idle
//      while it waits on the database; medium, e2e and reliability each start MariaDB + Redis
//      in their globalSetup)
//   4. jest --selectProjects reliability --runInBand  (servers and workers killed/restarted)
//   5. node test/browser/run.js <result.json>   — only if that file exists.
//      Contract for the browser runner: it runs its own tests, prints what it likes, and
//      writes `{"passed":N,"failed":N}` (JSON, two non-negative integers) to the file path
//      it gets as argv[2] before exiting; exit code 0 only if all passed. No file, or
//      unreadable JSON, counts as 1 failed; so does a non-zero exit with failed = 0.
//
// Extra arguments go to every jest run (`npm test -- -t scoring`, `npm test -- --ci`).
// A part that crashes (no JSON result) counts as 1 failed.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { setInterval, clearInterval } = require('node:timers');

const root = path.resolve(__dirname, '..');
const extra = process.argv.slice(2);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pubscore-results-'));
const jestBin = require.resolve('jest/bin/jest', { paths: [root] });

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.error) console.error(`[test] could not run ${cmd}: ${r.error.message}`);
  return r.status ?? 1; // killed by a signal → failed
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

// Jest writes its results after globalTeardown; a jest still running this long after that is
// held open by handles a suite left (a Redis connection, a timer). No --forceExit to hide it:
// the run is stopped and the part counts one failure that says so.
const EXIT_GRACE_MS = 30_000;
// With workers, jest kills a worker that a suite's handles keep alive and only warns: that
// warning counts as the same failure.
const WORKER_FORCED = 'A worker process has failed to exit gracefully';

/** Runs jest writing its results to `out`; `hung` when it had to be stopped after writing them or a worker had to be killed. */
function runJest(args, out) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [jestBin, ...args], { cwd: root, stdio: ['inherit', 'inherit', 'pipe'], env: process.env });
    let resultsAt = 0;
    let hung = false;
    let tail = '';
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-4 * WORKER_FORCED.length);
      if (tail.includes(WORKER_FORCED)) hung = true;
    });
    const watch = setInterval(() => {
      if (!resultsAt && fs.existsSync(out)) resultsAt = Date.now();
      if (!resultsAt || Date.now() - resultsAt < EXIT_GRACE_MS) return;
      hung = true;
      clearInterval(watch);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    }, 500);
    child.on('error', (error) => console.error(`[test] could not run jest: ${error.message}`));
    child.on('close', (code) => {
      clearInterval(watch);
      resolve({ code: code ?? 1, hung }); // killed by a signal → failed
    });
  });
}

async function jestPart(name, args) {
  const out = path.join(tmp, `${name}.json`);
  // --passWithNoTests: a filter given through `npm test -- …` may leave one project empty.
  const { code, hung } = await runJest([...args, '--passWithNoTests', '--json', `--outputFile=${out}`, ...extra], out);
  const r = readJson(out);
  if (!r) return { name, passed: 0, failed: 1, skipped: 0, note: `crashed (exit ${code}, no results)` };
  if (hung) {
    console.error(`[test] ${name}: jest did not exit ${EXIT_GRACE_MS / 1000} s after its results, or killed a worker that did not exit; find the open handles with --detectOpenHandles`);
    return { name, passed: r.numPassedTests || 0, failed: (r.numFailedTests || 0) + 1, skipped: (r.numPendingTests || 0) + (r.numTodoTests || 0), note: 'did not exit: open handles' };
  }
  const passed = r.numPassedTests || 0;
  // A file that fails to load (syntax error, throwing import) fails no test but is a failure.
  let failed = (r.numFailedTests || 0) + (r.numRuntimeErrorTestSuites || 0);
  let note = '';
  if (code !== 0 && failed === 0) {
    failed = 1; // e.g. globalSetup/teardown threw, or open handles made jest fail
    note = `jest exited ${code}`;
  }
  return { name, passed, failed, skipped: (r.numPendingTests || 0) + (r.numTodoTests || 0), note };
}

function browserPart() {
  const runner = path.join(root, 'test/browser/run.js');
  const out = path.join(tmp, 'browser.json');
  const code = run(process.execPath, [runner, out]);
  const r = readJson(out);
  const ok = r && Number.isInteger(r.passed) && Number.isInteger(r.failed) && r.passed >= 0 && r.failed >= 0;
  if (!ok) return { name: 'browser', passed: 0, failed: 1, skipped: 0, note: `crashed (exit ${code}, no results)` };
  if (code !== 0 && r.failed === 0) return { name: 'browser', passed: r.passed, failed: 1, skipped: 0, note: `exited ${code}` };
  return { name: 'browser', passed: r.passed, failed: r.failed, skipped: 0, note: '' };
}

async function main() {
  const parts = [];
  try {
    parts.push(await jestPart('unit', ['--selectProjects', 'unit']));
    parts.push(await jestPart('medium', ['--selectProjects', 'medium', '--runInBand']));
    parts.push(await jestPart('e2e', ['--selectProjects', 'e2e', '--maxWorkers=2']));
    parts.push(await jestPart('reliability', ['--selectProjects', 'reliability', '--runInBand']));
    if (fs.existsSync(path.join(root, 'test/browser/run.js'))) parts.push(browserPart());
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return parts;
}

main().then((parts) => {
  const sum = (k) => parts.reduce((n, p) => n + p[k], 0);
  console.log('\n[test] ' + parts.map((p) =>
    `${p.name}: ${p.passed} passed, ${p.failed} failed${p.skipped ? `, ${p.skipped} skipped` : ''}${p.note ? ` (${p.note})` : ''}`).join(' | '));
  const failed = sum('failed');
  console.log(`${sum('passed')} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}, (error) => {
  console.error(`[test] ${error.stack ?? error}`);
  process.exitCode = 1;
});

#!/usr/bin/env node
// Browser tests (issue #6): the pages driven in Debian's Chromium against the server on the
// embedded default with fresh demo data. Contract with scripts/test.js: writes
// {"passed":N,"failed":N} to argv[2] and exits 0 only if every case passed.
// Screenshots of the main pages go to test-artifacts/screenshots/ (git-ignored).
const fs = require('node:fs');
const path = require('node:path');
const { createKit, launchBrowser, root, runCases, startServer } = require('./harness');

const publication = require('./cases/publication');
const officeLeader = require('./cases/office-leader');

const cases = [
  ...require('./cases/shell'),
  ...require('./cases/reference'),
  ...require('./cases/recording'),
  ...require('./cases/workflow'),
  ...require('./cases/reminders'),
  ...require('./cases/office-records'),
  ...require('./cases/officer-day'),
  ...require('./cases/printing'),
  ...publication,
  ...officeLeader,
];
/**
 * Cases that change what the others rely on run last, alone: the scheme editor's new version
 * (the draft-version case counts versions), the officer's and the office's dispute-window cases
 * (they open the current quarter's review), then closing the current quarter.
 */
const serialCases = [...require('./cases/scheme-editor'), ...require('./cases/officer-day').serial, ...officeLeader.serial, ...publication.serial];

/**
 * `BROWSER_CASES=<text>` runs only the cases whose name contains the text (while working on a
 * page); several texts separated by `|` run every case matching any of them (a serial case
 * needs the cases before it: `BROWSER_CASES='异议期|发布'`). The full run (no filter) is what
 * `npm test` does.
 */
const filters = (process.env.BROWSER_CASES ?? '').split('|').filter(Boolean);
const only = (list) => (filters.length ? list.filter((c) => filters.some((f) => c.name.includes(f))) : list);

async function main() {
  const out = process.argv[2];
  const t0 = Date.now();
  let result = { passed: 0, failed: 1 };
  let server;
  let browser;
  try {
    require(path.join(root, 'scripts/build')).build();
    server = await startServer();
    browser = await launchBrowser();
    console.log(`[browser] ${cases.length + serialCases.length} cases against ${server.baseURL}`);
    const sessions = new Map();
    const kit = () => createKit(browser, server.baseURL, sessions);
    const first = await runCases(only(cases), kit, 2);
    const last = await runCases(only(serialCases), kit, 1);
    result = { passed: first.passed + last.passed, failed: first.failed + last.failed };
    if (result.failed > 0) console.log(`[browser] server log (tail):\n${server.log().split('\n').slice(-30).join('\n')}`);
  } catch (error) {
    console.error(`[browser] could not run: ${error && error.stack ? error.stack : error}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
  }
  console.log(`[browser] ${result.passed} passed, ${result.failed} failed in ${Math.round((Date.now() - t0) / 1000)} s`);
  if (out) fs.writeFileSync(out, JSON.stringify(result));
  process.exit(result.failed === 0 && result.passed > 0 ? 0 : 1);
}

void main();

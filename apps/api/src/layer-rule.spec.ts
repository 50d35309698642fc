import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The layer rule of .dependency-cruiser.cjs (what `npm run lint:layers` runs): first shown to
 * catch every kind of back-edge in a small tree built to contain them, then to pass on the real one.
 */
const ROOT = join(__dirname, '../../..');
const CLI = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const FIXTURE = join(ROOT, 'test/fixtures/layers');

function cruise(cwd: string, extra: string[]) {
  const run = spawnSync(process.execPath, [CLI, 'apps', 'libs', '--config', CONFIG, ...extra], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw run.error;
  return run;
}

describe('layer rule (dependency-cruiser)', () => {
  it('reports each deliberate back-edge of the fixture tree, and only those', () => {
    const out = JSON.parse(cruise(FIXTURE, ['--output-type', 'json']).stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
    expect(out.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort()).toEqual([
      'ledger-not-downstream: apps/api/src/score-ledger/back-edge.ts → apps/api/src/publication/snapshot.ts',
      'libs-not-apps: libs/shared/src/index.ts → apps/api/src/score-ledger/lines.ts',
      'recording-through-ledger-api: apps/api/src/articles/reach-in.ts → apps/api/src/score-ledger/lines.ts',
      'web-not-api: apps/web/src/page.ts → apps/api/src/score-ledger/lines.ts',
    ]);
  }, 120_000);

  it('fails lint on the fixture tree (non-zero exit, the back-edge named)', () => {
    const run = cruise(FIXTURE, []);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toContain('ledger-not-downstream: apps/api/src/score-ledger/back-edge.ts → apps/api/src/publication/snapshot.ts');
  }, 120_000);

  it('passes on the repository as lint runs it', () => {
    const run = cruise(ROOT, []);
    expect(run.stdout).not.toContain('error');
    expect(run.status).toBe(0);
  }, 120_000);
});

// One case process: forked by main.ts with a task, answers over IPC with its figures. Each
// task runs in a fresh process so its peak RSS is its own and a crash stays contained.
import { runEngine } from './cases/engine';
import { startHttpServer, serverPeak } from './cases/http-server';
import { runImport } from './cases/import';
import { runAggregate, runRecompute } from './cases/ledger';
import { runPublication } from './cases/publication';
import { prepareRollup, provinceId, runRollup } from './cases/rollup';
import { PUBLISH_QUARTER, type SizeName } from './dataset';
import { DailySchedules } from '../../apps/api/src/jobs/daily-schedules';
import { ScoreLedgerService } from '../../apps/api/src/score-ledger/score-ledger.service';
import { abandon, bootApp, peakRssMb, type BackendSpec, type Figure } from './harness';
import { datasetFor, insertDataset, officeRefs } from './seed-db';

export interface Runs {
  engine: number;
  recomputeOne: number;
  recomputeAll: number;
  aggregate: number;
  import: number;
  publication: number;
  rollup: number;
}

export type Task =
  | { task: 'prepare'; backend: BackendSpec; size: SizeName; seed: number }
  | { task: 'engine'; size: SizeName; seed: number; runs: Runs }
  | { task: 'db'; backend: BackendSpec; size: SizeName; seed: number; cases: string[]; runs: Runs }
  | { task: 'prepare-rollup'; backend: BackendSpec; size: SizeName; seed: number }
  | { task: 'ledger'; backend: BackendSpec; rollup?: boolean }
  | { task: 'publication'; backend: BackendSpec; runs: Runs }
  | { task: 'rollup'; backend: BackendSpec; runs: Runs }
  | { task: 'http-server'; backend: BackendSpec; size: SizeName; seed: number };

export type ChildMessage =
  | { type: 'result'; figures: Figure[]; data?: Record<string, unknown> }
  | { type: 'ready'; target: unknown }
  | { type: 'cpu'; usage: NodeJS.CpuUsage }
  | { type: 'error'; message: string };

const send = (m: ChildMessage) => new Promise<void>((resolve) => process.send!(m, () => resolve()));

async function officeId(ds: { query: (sql: string) => Promise<{ id: unknown }[]> }): Promise<number> {
  return Number((await ds.query('SELECT id FROM offices ORDER BY id LIMIT 1'))[0].id);
}

async function run(t: Task): Promise<void> {
  if (t.task === 'engine') {
    await send({ type: 'result', figures: await runEngine(t.size, t.seed, t.runs.engine) });
    return;
  }
  const b = await bootApp(t.backend);
  try {
    // No task measures the in-process daily check (quarters.tick 10 s after boot): it would
    // recompute every office's current quarters in the middle of a case (a province roll-up's
    // setup, the first HTTP step at city size: ~1 s of CPU there).
    b.app.get(DailySchedules).stop();
    if (t.task === 'prepare') {
      const t0 = Date.now();
      const refs = await officeRefs(b.ds);
      const data = datasetFor(t.size, t.seed, refs);
      const generatedMs = Date.now() - t0;
      const counts = await insertDataset(b.ds, refs, data);
      await send({ type: 'result', figures: [], data: { counts, generatedMs, insertedMs: Date.now() - t0 - generatedMs, peakRssMb: peakRssMb() } });
      return;
    }
    if (t.task === 'prepare-rollup') {
      const t0 = Date.now();
      const counts = await prepareRollup(b, t.size, t.seed);
      await send({ type: 'result', figures: [], data: { counts, insertedMs: Date.now() - t0, peakRssMb: peakRssMb() } });
      return;
    }
    if (t.task === 'rollup') {
      await send({ type: 'result', figures: await runRollup(b, t.runs.rollup) });
      if (abandon.now) process.exit(0);
      return;
    }
    const office = t.task === 'ledger' && t.rollup ? await provinceId(b.ds) : await officeId(b.ds);
    if (t.task === 'db') {
      const figures: Figure[] = [];
      for (const c of t.cases) {
        if (c === 'recompute') figures.push(...(await runRecompute(b, office, { one: t.runs.recomputeOne, all: t.runs.recomputeAll })));
        if (c === 'aggregate') figures.push(...(await runAggregate(b, office, t.runs.aggregate, t.size, t.seed)));
        if (c === 'import') figures.push(...(await runImport(b, t.runs.import)));
      }
      await send({ type: 'result', figures });
      if (abandon.now) process.exit(0);
      return;
    }
    if (t.task === 'ledger') {
      // The ledger as its incremental upkeep leaves it (the dataset is inserted without the
      // recompute requests the app stores with each change): the quarter's lines, no dirty mark.
      const t0 = Date.now();
      await b.app.get(ScoreLedgerService).recompute({ officeId: office, quarters: [PUBLISH_QUARTER], reason: 'bench' });
      await send({ type: 'result', figures: [], data: { ms: Date.now() - t0, peakRssMb: peakRssMb() } });
      return;
    }
    if (t.task === 'publication') {
      await send({ type: 'result', figures: await runPublication(b, office, t.runs.publication) });
      if (abandon.now) process.exit(0);
      return;
    }
    const target = await startHttpServer(b, office, t.size, t.seed);
    // The load generator asks for the server's CPU time around each step: CPU per request.
    process.on('message', (m: { type?: string }) => {
      if (m?.type === 'cpu?') void send({ type: 'cpu', usage: process.cpuUsage() });
    });
    await send({ type: 'ready', target });
    await new Promise<void>((resolve) => process.on('message', (m: { type?: string }) => m?.type === 'stop' && resolve()));
    const [{ n }] = await b.ds.query('SELECT COUNT(*) AS n FROM placements WHERE articleId IN (' + (target.articleIds.join(',') || '0') + ')');
    await send({ type: 'result', figures: [], data: { ...serverPeak(), placementsSaved: Number(n) } });
  } finally {
    await b.close();
  }
}

export function childMain(): void {
  process.once('message', (t: Task) => {
    run(t).then(
      () => process.exit(0),
      async (e: Error) => {
        await send({ type: 'error', message: `${e.message}\n${e.stack ?? ''}` });
        process.exit(1);
      },
    );
  });
}

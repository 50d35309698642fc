// The orchestrator: for each backend and size, a fresh database with the generated dataset,
// then each case in its own process (child.ts); the HTTP case's load comes from this process.
// Prints each figure as it arrives, then writes bench-results/*.json and appends the table to
// docs/BENCHMARKS.md.
import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createDatabase, reapStaleServers, serverBinariesAvailable, startMariaDb, startRedis, stopServer, type RunningServer } from '../setup/servers';
import type { ChildMessage, Runs, Task } from './child';
import { planRollup, PUBLISH_QUARTER, SIZES, type SizeName } from './dataset';
import type { BackendSpec, Figure } from './harness';
import { runHttp, type HttpReport } from './http-case';
import { appendDocs, machineInfo, printFigure, type BenchResults, type CaseResult } from './report';

const ROOT = path.resolve(__dirname, '../..');
export const ALL_CASES = ['engine', 'recompute', 'aggregate', 'import', 'publication', 'http', 'rollup'] as const;
type CaseName = (typeof ALL_CASES)[number];

const RUNS: Record<SizeName, Runs> = {
  district: { engine: 5, recomputeOne: 5, recomputeAll: 3, aggregate: 15, import: 2, publication: 3, rollup: 3 },
  // Fewer runs at city keep the default run (district + city, both backends) under 10 minutes.
  city: { engine: 3, recomputeOne: 2, recomputeAll: 1, aggregate: 10, import: 1, publication: 1, rollup: 1 },
  province: { engine: 3, recomputeOne: 2, recomputeAll: 1, aggregate: 5, import: 1, publication: 1, rollup: 1 },
};

export interface Options {
  sizes: SizeName[];
  cases: CaseName[];
  backends: ('embedded' | 'distributed')[];
  seed: number;
  httpSeconds: number;
  httpRates: number[];
  runs?: number;
  /** Sizes the roll-up case runs at: province only unless `--cases` names it (it adds a dataset per size and backend). */
  rollupSizes: SizeName[];
  docs: boolean;
  /** Case processes write V8 CPU profiles to bench-results/profiles (summarize with profile-summary.js). */
  profile: boolean;
}

const USAGE = `npm run bench -- [--size district,city,province] [--cases ${ALL_CASES.join(',')}]
  [--backend embedded,distributed] [--seed 42] [--http-seconds 5] [--http-rates 50,200,500]
  [--runs N] [--no-docs] [--profile]
Distributed uses DATABASE_URL (mysql://user:pw@host:port, a bench_* database is created) and
REDIS_URL when both are set, else throwaway MariaDB + Redis (test/setup/servers.ts).`;

function list<T extends string>(value: string, allowed: readonly string[], what: string): T[] {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((i) => !allowed.includes(i));
  if (bad.length) throw new Error(`unknown ${what}: ${bad.join(', ')} (known: ${allowed.join(', ')})`);
  return items as T[];
}

export function parseOptions(argv: string[], distributedAvailable: boolean): Options {
  const o: Options = {
    sizes: ['district', 'city'], cases: [...ALL_CASES], backends: distributedAvailable ? ['embedded', 'distributed'] : ['embedded'],
    seed: 42, httpSeconds: 5, httpRates: [50, 200, 500], rollupSizes: ['province'], docs: true, profile: false,
  };
  let casesGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--size' || flag === '--sizes') o.sizes = list(value(), Object.keys(SIZES), 'size');
    else if (flag === '--cases' || flag === '--case') {
      o.cases = list(value(), ALL_CASES, 'case');
      casesGiven = true;
    }
    else if (flag === '--backend' || flag === '--backends') o.backends = list(value(), ['embedded', 'distributed'], 'backend');
    else if (flag === '--seed') o.seed = Number(value());
    else if (flag === '--http-seconds') o.httpSeconds = Number(value());
    else if (flag === '--http-rates') o.httpRates = value().split(',').map(Number);
    else if (flag === '--runs') o.runs = Number(value());
    else if (flag === '--no-docs') o.docs = false;
    else if (flag === '--profile') o.profile = true;
    else if (flag === '--help' || flag === '-h') throw new Error(USAGE);
    else throw new Error(`unknown option ${argv[i]}\n${USAGE}`);
  }
  if (![o.seed, o.httpSeconds, ...o.httpRates].every((n) => Number.isFinite(n) && n > 0)) throw new Error(`numbers must be positive\n${USAGE}`);
  o.rollupSizes = casesGiven ? o.sizes : o.sizes.filter((s) => s === 'province');
  return o;
}

/** Forks a case process and resolves with its result; `onReady` serves the HTTP case. */
let childExecArgv = process.execArgv;

function runChild(task: Task, onReady?: (target: unknown, child: ChildProcess) => Promise<void>): Promise<{ figures: Figure[]; data?: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'run.js'), ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: childExecArgv });
    let settled = false;
    const done = (fn: () => void) => {
      if (!settled) {
        settled = true;
        fn();
      }
    };
    child.on('message', (m: ChildMessage) => {
      if (m.type === 'result') done(() => resolve({ figures: m.figures, data: m.data }));
      else if (m.type === 'error') done(() => reject(new Error(m.message)));
      else if (m.type === 'ready' && onReady) {
        onReady(m.target, child).catch((e) => {
          child.kill('SIGTERM');
          done(() => reject(e));
        });
      }
    });
    child.on('exit', (code, signal) => done(() => reject(new Error(`case process exited (${code ?? signal}) without a result`))));
    child.send(task);
  });
}

/**
 * The throwaway MariaDB is sized as a production server would be: a buffer pool that holds the
 * province working set (placements, articles, the ledger's lines and a snapshot's copy: about
 * 1 GB) and a redo log that a publication's transaction (200,000 lines copied) does not fill.
 * With the test suites' 64 MB pool and 8 MB redo log the province cases were bound by disk reads
 * and log checkpoints (publication 256 s instead of 32 s, dataset 382 s instead of 102 s). An
 * external server (DATABASE_URL) keeps its own settings.
 */
export const BENCH_INNODB = { bufferPool: '2G', logFile: '512M' };

interface Distributed { mysqlUrl: string; redisUrl: string; servers: RunningServer[] }

async function startDistributed(): Promise<Distributed> {
  if (process.env.DATABASE_URL && process.env.REDIS_URL) return { mysqlUrl: process.env.DATABASE_URL, redisUrl: process.env.REDIS_URL, servers: [] };
  reapStaleServers();
  const servers = await Promise.all([startMariaDb({ innodb: BENCH_INNODB }), startRedis()]);
  return { mysqlUrl: servers[0].url, redisUrl: servers[1].url, servers };
}

async function backendFor(name: 'embedded' | 'distributed', size: SizeName, dist: Distributed | null, variant = ''): Promise<{ spec: BackendSpec; cleanup: () => Promise<void> }> {
  const tag = variant ? `${size}_${variant}` : size;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `pubscore-bench-${tag}-`));
  if (name === 'embedded') return { spec: { name, dataDir }, cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  const database = `bench_${tag}_${process.pid}`;
  const url = new URL(dist!.mysqlUrl);
  url.pathname = '/';
  const mysql = await import('mysql2/promise');
  const drop = async () => {
    const conn = await mysql.createConnection(url.toString());
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await conn.end();
  };
  await drop();
  await createDatabase(url.toString(), database);
  url.pathname = `/${database}`;
  return {
    spec: { name, dataDir, databaseUrl: url.toString(), redisUrl: dist!.redisUrl, queuePrefix: `bench_${tag}_${process.pid}` },
    cleanup: async () => {
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The roll-up case (cases/rollup.ts) on a database of its own: the province and its districts
 * with their records, the province's ledger of the quarter brought up to date (untimed, in a
 * process of its own), then the province's publication in a fresh process.
 */
async function runRollupCases(
  size: SizeName, backendName: 'embedded' | 'distributed', dist: Distributed | null, seed: number, runs: Runs,
  record: (size: SizeName, backend: string, figures: Figure[]) => void, fail: (size: SizeName, backend: string, name: string, e: unknown) => void, results: BenchResults,
): Promise<void> {
  const { spec, cleanup } = await backendFor(backendName, size, dist, 'rollup');
  try {
    console.log(`[${size}] ${backendName}: roll-up of ${planRollup(size).length} district offices, ${SIZES[size].units} units, ${SIZES[size].placements.toLocaleString('en')} placements`);
    const prep = await runChild({ task: 'prepare-rollup', backend: spec, size, seed });
    results.datasets.push({ size, backend: `${backendName}, roll-up`, ...prep.data });
    console.log(`  roll-up dataset: inserted in ${prep.data?.insertedMs} ms: ${JSON.stringify(prep.data?.counts)}`);
    const fresh = await runChild({ task: 'ledger', backend: spec, rollup: true });
    console.log(`  province ledger of ${PUBLISH_QUARTER} brought up to date (untimed setup) in ${fresh.data?.ms} ms, ${fresh.data?.peakRssMb} MB`);
    await runChild({ task: 'rollup', backend: spec, runs }).then((r) => record(size, backendName, r.figures), (e) => fail(size, backendName, 'rollup', e));
  } catch (e) {
    fail(size, backendName, 'roll-up dataset', e);
  } finally {
    await cleanup();
  }
}

export async function main(argv: string[]): Promise<number> {
  const binaries = serverBinariesAvailable();
  const external = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
  let options: Options;
  try {
    options = parseOptions(argv, binaries.ok || external);
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  if (options.backends.includes('distributed') && !binaries.ok && !external) {
    console.error(`distributed backend: set DATABASE_URL and REDIS_URL, or install ${binaries.missing.join(', ')}`);
    return 2;
  }
  if (options.profile) {
    const dir = path.join(ROOT, 'bench-results', 'profiles');
    fs.mkdirSync(dir, { recursive: true });
    childExecArgv = [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${dir}`];
  }
  const started = Date.now();
  const results: BenchResults = { ...machineInfo(ROOT), options, cases: [], http: [], datasets: [] };
  console.log(`pubscore bench — ${results.machine.cores} cores, ${results.machine.memoryGb} GB, node ${results.machine.node}, commit ${results.commit}, load average ${results.machine.loadAvgStart.join(' ')}`);
  console.log(`sizes ${options.sizes.join(', ')} · backends ${options.backends.join(', ')} · cases ${options.cases.join(', ')}\n`);
  const has = (c: CaseName) => options.cases.includes(c);
  const runsFor = (size: SizeName): Runs => {
    const r = RUNS[size];
    return options.runs ? (Object.fromEntries(Object.keys(r).map((k) => [k, options.runs])) as unknown as Runs) : r;
  };
  const record = (size: SizeName, backend: string, figures: Figure[]) => {
    for (const f of figures) {
      const c: CaseResult = { size, backend, ...f };
      results.cases.push(c);
      printFigure(c);
    }
  };
  const fail = (size: SizeName, backend: string, name: string, e: unknown) => {
    const message = (e as Error).message.split('\n')[0];
    console.error(`  ✗ ${name} failed: ${(e as Error).message}`);
    results.cases.push({ size, backend, name, pass: false, error: message });
  };

  let dist: Distributed | null = null;
  try {
    if (options.backends.includes('distributed')) dist = await startDistributed();
    for (const size of options.sizes) {
      const runs = runsFor(size);
      if (has('engine')) {
        console.log(`[${size}] engine (in process)`);
        await runChild({ task: 'engine', size, seed: options.seed, runs }).then((r) => record(size, 'in process', r.figures), (e) => fail(size, 'in process', 'engine', e));
      }
      for (const backendName of options.backends) {
        if (has('rollup') && options.rollupSizes.includes(size)) await runRollupCases(size, backendName, dist, options.seed, runs, record, fail, results);
        if (!options.cases.some((c) => c !== 'engine' && c !== 'rollup')) continue;
        const { spec, cleanup } = await backendFor(backendName, size, dist);
        try {
          console.log(`[${size}] ${backendName}: generating ${SIZES[size].units} units, ${SIZES[size].placements.toLocaleString('en')} placements`);
          const prep = await runChild({ task: 'prepare', backend: spec, size, seed: options.seed });
          results.datasets.push({ size, backend: backendName, ...prep.data });
          console.log(`  dataset: generated in ${prep.data?.generatedMs} ms, inserted in ${prep.data?.insertedMs} ms: ${JSON.stringify(prep.data?.counts)}`);
          const dbCases = (['recompute', 'aggregate', 'import'] as const).filter(has);
          if (dbCases.length) {
            await runChild({ task: 'db', backend: spec, size, seed: options.seed, cases: [...dbCases], runs }).then((r) => record(size, backendName, r.figures), (e) => fail(size, backendName, dbCases.join('+'), e));
          }
          if (has('publication')) {
            // In its own process, so the publication's peak RSS is the publication's alone.
            const fresh = await runChild({ task: 'ledger', backend: spec });
            console.log(`  ledger of ${PUBLISH_QUARTER} brought up to date (untimed setup) in ${fresh.data?.ms} ms, ${fresh.data?.peakRssMb} MB`);
            await runChild({ task: 'publication', backend: spec, runs }).then((r) => record(size, backendName, r.figures), (e) => fail(size, backendName, 'publication', e));
          }
          if (has('http')) {
            let report: HttpReport | undefined;
            await runChild({ task: 'http-server', backend: spec, size, seed: options.seed }, async (target, child) => {
              const serverCpu = () => new Promise<number>((resolve) => {
                const onMessage = (m: ChildMessage) => {
                  if (m.type !== 'cpu') return;
                  child.off('message', onMessage);
                  resolve((m.usage.user + m.usage.system) / 1000);
                };
                child.on('message', onMessage);
                child.send({ type: 'cpu?' });
              });
              report = await runHttp(target as never, options.httpRates, options.httpSeconds, size, backendName, serverCpu);
              child.send({ type: 'stop' });
            }).then((r) => {
              if (report) {
                for (const step of report.steps) results.http.push({ ...step, size, backend: backendName, serverPeakRssMb: Number(r.data?.peakRssMb) });
                console.log(`  server peak RSS during load: ${r.data?.peakRssMb} MB; placements saved: ${r.data?.placementsSaved}`);
              }
            }, (e) => fail(size, backendName, 'http', e));
          }
        } catch (e) {
          fail(size, backendName, 'dataset', e);
        } finally {
          await cleanup();
        }
      }
    }
  } finally {
    for (const s of dist?.servers ?? []) await stopServer(s);
  }
  results.elapsedSeconds = Math.round((Date.now() - started) / 1000);
  results.machine.loadAvgEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
  const outDir = path.join(ROOT, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `bench-${results.date.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nresults: ${path.relative(ROOT, file)} (${results.elapsedSeconds} s)`);
  if (options.docs) {
    appendDocs(path.join(ROOT, 'docs/BENCHMARKS.md'), results);
    console.log('table appended to docs/BENCHMARKS.md');
  }
  return 0;
}

// What a bench run prints and keeps: one line per figure on the console, the whole run as
// JSON, and a dated section of docs/BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import type { Figure } from './harness';
import type { HttpStep } from './http-case';

export interface CaseResult extends Figure {
  size: string;
  backend: string;
  error?: string;
}

export interface BenchResults {
  date: string;
  commit: string;
  dirty: boolean;
  machine: { cores: number; cpu: string; memoryGb: number; node: string; platform: string; loadAvgStart: number[]; loadAvgEnd?: number[] };
  options: unknown;
  datasets: Record<string, unknown>[];
  cases: CaseResult[];
  http: (HttpStep & { size: string; backend: string; serverPeakRssMb: number })[];
  elapsedSeconds?: number;
}

export function machineInfo(root: string): Pick<BenchResults, 'date' | 'commit' | 'dirty' | 'machine'> {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  return {
    date: new Date().toISOString(),
    commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    // The app's own sources: other engineers' work in progress is measured too, and says so.
    dirty: git('status', '--porcelain', '--', 'apps/api', 'libs').length > 0,
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 1024 ** 3),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      // Other work on the machine (other engineers' tests) slows every figure: it is kept with them.
      loadAvgStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    },
  };
}

const n = (v: number | undefined, digits = 0) => (v === undefined || Number.isNaN(v) ? '—' : v.toLocaleString('en', { maximumFractionDigits: digits }));
const ms = (f: Figure) => (f.ms ? `${n(f.ms.median, f.ms.median < 10 ? 2 : 0)} ms` : '—');
const spread = (f: Figure) => (f.ms ? `${n(f.ms.min, f.ms.min < 10 ? 2 : 0)}–${n(f.ms.max, f.ms.max < 10 ? 2 : 0)} (±${n(f.ms.spreadPct / 2, 1)}%, n=${f.ms.runs})` : '—');
/** Text for a table cell: no pipes or newlines, cut short. */
const cell = (text: string, max = 220) => {
  const t = text.replace(/[|\n]/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};
const verdict = (pass: boolean | null | undefined) => (pass === true ? 'pass' : pass === false ? '**miss**' : '');

export function printFigure(c: CaseResult): void {
  const mark = c.pass === true ? '✓' : c.pass === false ? '✗' : ' ';
  const parts = [`${ms(c)} median`, c.ms ? `spread ${spread(c)}` : '', c.cpuMs ? `CPU ${n(c.cpuMs.median)} ms` : '', c.rowsPerSec ? `${n(c.rowsPerSec)} rows/s` : '', c.rowsPerCpuSec ? `${n(c.rowsPerCpuSec)} rows/CPU-s` : '', c.ratio !== undefined ? `ratio ${c.ratio}×` : '', c.peakRssMb ? `peak RSS ${c.peakRssMb} MB` : '', c.target ? `target ${c.target}` : ''].filter(Boolean);
  if (c.error) parts.push(`error: ${c.error}`);
  console.log(`  ${mark} ${c.name} [${c.size}/${c.backend}]: ${parts.join(', ')}`);
  for (const note of c.notes ?? []) console.log(`      ${note}`);
}

/** Appends the run's section to docs/BENCHMARKS.md (created with its introduction if missing). */
export function appendDocs(file: string, r: BenchResults): void {
  if (!fs.existsSync(file)) fs.writeFileSync(file, '# Benchmarks\n\nFigures from `npm run bench` (test/bench/README.md). Newest last.\n');
  const m = r.machine;
  const lines = [
    '',
    `## ${r.date.slice(0, 16).replace('T', ' ')} UTC — commit ${r.commit}${r.dirty ? ' (with uncommitted changes)' : ''}`,
    '',
    `${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, Node ${m.node}, ${m.platform}. Load average ${m.loadAvgStart.join(' / ')} at the start and ${m.loadAvgEnd?.join(' / ') ?? '?'} at the end (1/5/15 min; above ${m.cores} means other work shared the cores). Run took ${r.elapsedSeconds ?? '?'} s. Options: \`${JSON.stringify(r.options)}\`.`,
    '',
    '| size | backend | case | median | min–max (spread, runs) | CPU | rows/s (per CPU-s) | ratio | peak RSS | target | result | notes |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...r.cases.map((c) => `| ${c.size} | ${c.backend} | ${c.name}${c.error ? ` — error: ${c.error.replace(/\|/g, '/')}` : ''} | ${ms(c)} | ${spread(c)} | ${c.cpuMs ? `${n(c.cpuMs.median)} ms` : '—'} | ${c.rowsPerSec ? `${n(c.rowsPerSec)}${c.rowsPerCpuSec ? ` (${n(c.rowsPerCpuSec)})` : ''}` : '—'} | ${c.ratio !== undefined ? `${c.ratio}×` : '—'} | ${c.peakRssMb ? `${c.peakRssMb} MB` : '—'} | ${c.target ?? ''} | ${verdict(c.pass)} | ${cell((c.notes ?? []).filter((x) => !x.startsWith('plan:') && !x.startsWith('what GET')).join('; '))} |`),
  ];
  if (r.http.length) {
    lines.push('', '| size | backend | HTTP | rate | ok/s | p50 | p95 | p99 | max | errors | server CPU/request | server peak RSS | target | result |', '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const s of r.http) {
      if (s.seconds === 0) {
        lines.push(`| ${s.size} | ${s.backend} | ${s.scenario} | ${s.rate}/s | ${s.firstError} | | | | | | | | ${s.target} | ${verdict(s.pass)} |`);
        continue;
      }
      lines.push(`| ${s.size} | ${s.backend} | ${s.scenario} | ${s.rate}/s × ${s.seconds} s | ${s.achievedRps} | ${s.p50} ms | ${s.p95} ms | ${s.p99} ms | ${s.max} ms | ${s.errors}${s.dropped ? ` (${s.dropped} dropped)` : ''} | ${s.serverCpuMsPerRequest ?? '—'} ms | ${s.serverPeakRssMb} MB | ${s.target} | ${verdict(s.pass)} |`);
    }
  }
  if (r.datasets.length) {
    lines.push('', 'Datasets: ' + r.datasets.map((d) => `${d.size}/${d.backend} inserted in ${n(Number(d.insertedMs) / 1000, 1)} s`).join('; ') + '.');
  }
  fs.appendFileSync(file, `${lines.join('\n')}\n`);
}

/** `--docs-from FILE`: appends the section of a saved run to docs/BENCHMARKS.md. */
export async function docsFrom(argv: string[]): Promise<number> {
  const file = argv[argv.indexOf('--docs-from') + 1];
  if (!file || !fs.existsSync(file)) {
    console.error(`--docs-from: no such file ${file ?? ''}`);
    return 2;
  }
  appendDocs(`${__dirname}/../../docs/BENCHMARKS.md`, JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults);
  return 0;
}

// What every case process shares: the app on a given backend, timing, statistics and memory.
import * as fs from 'node:fs';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../../apps/api/src/bootstrap';
import { parseConfig, type AppConfig } from '../../apps/api/src/config/app-config';
import { InlineJobDriver } from '../../apps/api/src/jobs/inline-job.driver';

/** Where one (backend, size) database lives; the parent hands it to every case process. */
export interface BackendSpec {
  name: 'embedded' | 'distributed';
  /** DATA_DIR: the SQLite file (embedded) and the file store (both). */
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  queuePrefix?: string;
}

export function benchConfig(b: BackendSpec, env: Record<string, string> = {}): AppConfig {
  return parseConfig({
    DATA_DIR: b.dataDir,
    DATABASE_URL: b.databaseUrl,
    REDIS_URL: b.redisUrl,
    QUEUE_PREFIX: b.queuePrefix,
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789',
    LOG_LEVEL: 'silent',
    // The demo district (office, 20 units, outlets, accounts) without its year of records.
    DEMO_RECORDS: 'false',
    JOB_BACKOFF_MS: '100',
    ...env,
  });
}

/** Set by a case that gave up on a job still running: the process then exits without draining the queue. */
export const abandon = { now: false };

export interface BenchApp {
  app: NestExpressApplication;
  config: AppConfig;
  ds: DataSource;
  close(): Promise<void>;
}

export async function bootApp(b: BackendSpec, env: Record<string, string> = {}): Promise<BenchApp> {
  const config = benchConfig(b, env);
  const { app } = await createHttpApp(config, { bufferLogs: false });
  return {
    app,
    config,
    ds: app.get(DataSource),
    async close() {
      if (config.queue.mode === 'inline') await app.get(InlineJobDriver).drain();
      await app.close();
    },
  };
}

// ---------------------------------------------------------------------------------------
// memory: the kernel's high-water mark of this process, resettable between cases

export function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    // no /proc: fall through
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Starts a new peak (Linux: writing 5 to clear_refs resets VmHWM to the current RSS). */
export function resetPeakRss(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

export const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

// ---------------------------------------------------------------------------------------
// timing and statistics

export interface Summary {
  runs: number;
  median: number;
  min: number;
  max: number;
  /** (max − min) / median, in percent. */
  spreadPct: number;
}

export function summarize(values: number[]): Summary {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { runs: s.length, median: round(median), min: round(s[0]), max: round(s[s.length - 1]), spreadPct: median > 0 ? round(((s[s.length - 1] - s[0]) / median) * 100, 1) : 0 };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Wall-clock and CPU milliseconds of each timed run. CPU time is this process's (user + system):
 * on a machine shared with other work it stays close to what an idle machine would take, where
 * wall time does not; for MariaDB the server's own CPU is not in it.
 */
export interface Timings { wall: number[]; cpu: number[] }

/**
 * Runs `fn` `runs` times after `warmup` untimed runs; stops early (after at least one run) once
 * the timed runs have taken `budgetMs`, so that a case that turns slow keeps the run bounded.
 */
export async function timeRuns(runs: number, fn: (run: number) => Promise<unknown> | unknown, warmup = 0, budgetMs = Infinity): Promise<Timings> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const out: Timings = { wall: [], cpu: [] };
  for (let i = 0; i < runs && out.wall.reduce((a, b) => a + b, 0) < budgetMs; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await fn(i);
    out.wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    out.cpu.push((c.user + c.system) / 1000);
  }
  return out;
}

/** One figure of a case, as the report prints it. */
export interface Figure {
  name: string;
  /** Milliseconds per run (wall clock). */
  ms?: Summary;
  /** CPU milliseconds of this process per run (see Timings). */
  cpuMs?: Summary;
  rowsPerCpuSec?: number;
  /** Rows (placements, lines, sheet rows) handled per run; rows/s is rows / median seconds. */
  rows?: number;
  rowsPerSec?: number;
  peakRssMb?: number;
  /** Target text and verdict, when the issue sets one for this figure. */
  target?: string;
  pass?: boolean | null;
  notes?: string[];
  [extra: string]: unknown;
}

export function rowsFigure(name: string, times: Timings, rows: number): Figure {
  const ms = summarize(times.wall);
  const cpuMs = summarize(times.cpu);
  return { name, ms, cpuMs, rows, rowsPerSec: Math.round(rows / (ms.median / 1000)), rowsPerCpuSec: Math.round(rows / (cpuMs.median / 1000)) };
}

export async function scalar(ds: DataSource, sql: string, params: unknown[] = []): Promise<number> {
  const rows = await ds.query(sql, params);
  const v = rows[0] ? Object.values(rows[0])[0] : 0;
  return Number(v ?? 0);
}

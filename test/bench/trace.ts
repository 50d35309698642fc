// Where one request's time goes: runs a scenario of the HTTP case serially (no concurrency)
// against a freshly generated dataset and prints each SQL statement it ran with its mean time,
// and the database's plan for the slowest ones.
//   node test/bench/run.js --trace "save placement" --size district --backend embedded [--count 30]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { createDatabase, serverBinariesAvailable, startMariaDb, startRedis, stopServer, type RunningServer } from '../setup/servers';
import { startHttpServer } from './cases/http-server';
import type { SizeName } from './dataset';
import { bootApp, percentile, round, type BackendSpec } from './harness';
import { BENCH_INNODB } from './main';
import { scenarios } from './http-case';
import { datasetFor, insertDataset, officeRefs } from './seed-db';

export async function trace(argv: string[]): Promise<number> {
  const arg = (flag: string, fallback: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : fallback);
  const name = arg('--trace', 'save placement');
  const size = arg('--size', 'district') as SizeName;
  const backend = arg('--backend', 'embedded');
  const count = Number(arg('--count', '30'));
  const servers: RunningServer[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pubscore-bench-trace-'));
  const spec: BackendSpec = { name: backend === 'distributed' ? 'distributed' : 'embedded', dataDir };
  try {
    if (spec.name === 'distributed') {
      if (!serverBinariesAvailable().ok) throw new Error('mariadbd/redis-server not found');
      servers.push(await startMariaDb({ innodb: BENCH_INNODB }), await startRedis());
      await createDatabase(servers[0].url, 'bench_trace');
      Object.assign(spec, { databaseUrl: `${servers[0].url}/bench_trace`, redisUrl: servers[1].url, queuePrefix: 'bench_trace' });
    }
    const b = await bootApp(spec);
    try {
      const refs = await officeRefs(b.ds);
      await insertDataset(b.ds, refs, datasetFor(size, 42, refs));
      const target = await startHttpServer(b, refs.officeId, size, 42);
      const scenario = scenarios(target).find((s) => s.name === name);
      if (!scenario) throw new Error(`unknown scenario ${name}`);
      // Wrap the query runner's query once: every statement of the request passes through it.
      const stats = new Map<string, number[]>();
      // On SQLite the one shared runner carries its own `query` (sqlite-serial-access wraps it at
      // boot): patch that instance; MariaDB's pooled runners share the prototype's.
      const runner = b.ds.createQueryRunner();
      const proto = (Object.prototype.hasOwnProperty.call(runner, 'query') ? runner : Object.getPrototypeOf(runner)) as { query: (...a: unknown[]) => Promise<unknown> };
      await runner.release();
      const original = proto.query;
      let recording = false;
      proto.query = async function (this: unknown, ...a: unknown[]) {
        const t0 = process.hrtime.bigint();
        try {
          return await original.apply(this, a);
        } finally {
          if (recording) {
            // TypeORM inlines some ids into the text: group statements by their shape.
            const sql = String(a[0]).replace(/\b\d+\b/g, '?');
            stats.set(sql, [...(stats.get(sql) ?? []), Number(process.hrtime.bigint() - t0) / 1e6]);
          }
        }
      };
      const http = () => request(b.app.getHttpServer());
      const totals: number[] = [];
      for (let i = 0; i < count + 5; i++) {
        const { path: url, body } = scenario.request(100_000 + i);
        recording = i >= 5;
        const t0 = process.hrtime.bigint();
        const req = scenario.method === 'GET' ? http().get(url) : http().post(url).send(body as object);
        const res = await req.set(scenario.headers);
        if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
        if (recording) totals.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      recording = false;
      proto.query = original;
      totals.sort((x, y) => x - y);
      console.log(`${name} [${size}/${spec.name}], ${count} requests one at a time: p50 ${round(percentile(totals, 50), 1)} ms, p95 ${round(percentile(totals, 95), 1)} ms`);
      const rows = [...stats].map(([sql, t]) => ({ sql, n: t.length / count, mean: t.reduce((x, y) => x + y, 0) / t.length, perRequest: t.reduce((x, y) => x + y, 0) / count }));
      rows.sort((x, y) => y.perRequest - x.perRequest);
      console.log(`SQL per request: ${round(rows.reduce((s, r) => s + r.perRequest, 0), 1)} ms in ${round(rows.reduce((s, r) => s + r.n, 0), 1)} statements`);
      for (const r of rows.slice(0, 15)) console.log(`${round(r.perRequest, 2).toFixed(2).padStart(8)} ms/request  ×${round(r.n, 1)}  ${r.sql.replace(/\s+/g, ' ').slice(0, 160)}`);
      for (const r of rows.slice(0, 3).filter((x) => /^\s*SELECT/i.test(x.sql))) {
        const explain = spec.name === 'embedded' ? 'EXPLAIN QUERY PLAN ' : 'EXPLAIN ';
        try {
          const plan = await b.ds.query(explain + r.sql.replace(/\?/g, '1'));
          console.log(`\nplan of ${r.sql.replace(/\s+/g, ' ').slice(0, 100)}…\n${plan.map((p: Record<string, unknown>) => JSON.stringify(p)).join('\n')}`);
        } catch (e) {
          console.log(`(no plan: ${(e as Error).message})`);
        }
      }
    } finally {
      await b.close();
    }
  } finally {
    for (const s of servers) await stopServer(s);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return 0;
}

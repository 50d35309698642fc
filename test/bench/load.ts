// The bench's load generators, loopback only.
//
// runStep: open loop at a fixed rate. Requests are sent on schedule whatever the server's
// answer time, over keep-alive connections; latency is measured from send to the end of the
// response. Bounded: at most `seconds` of sending, at most MAX_IN_FLIGHT open requests (more
// count as dropped errors), and every request times out after TIMEOUT_MS. autocannon cannot do
// this faithfully (test/bench/README.md, "Why not autocannon for the fixed rates"): its
// overallRate lets each connection send its quota back to back at the start of every second,
// one request in flight per connection, and its coordinated-omission correction assumes 1 ms
// between requests whatever the rate.
//
// runCapacity: closed loop with autocannon — a fixed number of connections, each sending its
// next request when the previous answer arrived: how many requests per second the server
// completes at most, and at what latency.
import * as http from 'node:http';
import { percentile, round } from './harness';

// autocannon ships no types: the part of its API used here.
interface AutocannonResult {
  requests: { sent: number };
  latency: { p50: number; p97_5: number; p99: number; max: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = require('autocannon') as Autocannon;

const MAX_IN_FLIGHT = 1000;
const TIMEOUT_MS = 10_000;

export interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  /** Path and body of request number i (bodies are JSON). */
  request(i: number): { path: string; body?: unknown };
  headers: Record<string, string>;
}

export interface StepResult {
  scenario: string;
  rate: number;
  seconds: number;
  sent: number;
  ok: number;
  errors: number;
  dropped: number;
  statuses: Record<string, number>;
  achievedRps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  firstError?: string;
}

export async function runStep(port: number, scenario: Scenario, rate: number, seconds: number, counter: { next: number }): Promise<StepResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let ok = 0;
  let errors = 0;
  let dropped = 0;
  let sent = 0;
  let inFlight = 0;
  let firstError: string | undefined;
  const total = Math.round(rate * seconds);
  const pending: Promise<void>[] = [];
  const fail = (why: string) => {
    errors++;
    statuses[why] = (statuses[why] ?? 0) + 1;
  };

  const fire = () => {
    if (inFlight >= MAX_IN_FLIGHT) {
      dropped++;
      fail('dropped');
      return;
    }
    const { path, body } = scenario.request(counter.next++);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    inFlight++;
    sent++;
    const t0 = process.hrtime.bigint();
    pending.push(new Promise<void>((resolve) => {
      const req = http.request({
        host: '127.0.0.1', port, path, method: scenario.method, agent, timeout: TIMEOUT_MS,
        headers: { ...scenario.headers, ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {}) },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          inFlight--;
          const status = res.statusCode ?? 0;
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status >= 200 && status < 300) {
            ok++;
            latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          } else {
            errors++;
            firstError ??= `${status} ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}`;
          }
          resolve();
        });
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (e) => {
        inFlight--;
        fail(e.message === 'timeout' ? 'timeout' : 'network');
        firstError ??= e.message;
        resolve();
      });
      if (payload) req.write(payload);
      req.end();
    }));
  };

  // Send on schedule: request k is due at k / rate seconds; each tick sends whatever is due.
  const start = process.hrtime.bigint();
  let due = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
      const target = Math.min(total, Math.floor(elapsed * rate) + 1);
      while (due < target) {
        fire();
        due++;
      }
      if (due >= total) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  const sendSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  await Promise.all(pending);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    scenario: scenario.name, rate, seconds, sent, ok, errors, dropped, statuses,
    achievedRps: round(ok / Math.max(sendSeconds, seconds), 1),
    p50: round(percentile(latencies, 50), 1), p95: round(percentile(latencies, 95), 1), p99: round(percentile(latencies, 99), 1),
    max: round(latencies[latencies.length - 1] ?? NaN, 1), firstError,
  };
}

export interface CapacityResult {
  scenario: string;
  connections: number;
  seconds: number;
  ok: number;
  errors: number;
  /** Answered with 2xx per second. */
  okPerSecond: number;
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
}

/** Closed loop: `connections` keep-alive connections, each one request at a time, for `seconds`. */
export async function runCapacity(port: number, scenario: Scenario, connections: number, seconds: number, counter: { next: number }): Promise<CapacityResult> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    timeout: TIMEOUT_MS / 1000,
    requests: [{
      method: scenario.method,
      // Called for every request: each gets its own path and body (a save must not repeat a key).
      setupRequest: (req: Record<string, unknown>) => {
        const { path, body } = scenario.request(counter.next++);
        return {
          ...req,
          path,
          headers: { ...scenario.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        };
      },
    }],
  });
  const ok = result['2xx'];
  return {
    scenario: scenario.name, connections, seconds, ok,
    errors: result.non2xx + result.errors + result.timeouts,
    okPerSecond: round(ok / result.duration, 1),
    p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max,
  };
}

// A small open-loop load generator (used while autocannon is not installed): requests are
// sent at a fixed rate whatever the server's answer time, over keep-alive connections, to
// loopback only. Latency is measured from send to the end of the response. Bounded: at most
// `seconds` of sending, at most MAX_IN_FLIGHT open requests (more count as dropped errors),
// and every request times out after TIMEOUT_MS.
import * as http from 'node:http';
import { percentile, round } from './harness';

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

// The app factory every e2e suite uses: the real server (createHttpApp) on a real database,
// with a fresh copy of the run's migrated template database per app (SQLite file or MariaDB
// database, see test/setup/templates.ts), and supertest.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { JobResponse } from '@app/contracts';
import { createHttpApp } from '../../apps/api/src/bootstrap';
import { parseConfig, type AppConfig } from '../../apps/api/src/config/app-config';
import { InlineJobDriver } from '../../apps/api/src/jobs/inline-job.driver';
import { freshDatabase, type TestBackend } from './backends';
import { TestClock } from './clock';

export const DEMO_PASSWORD = 'Demo@2026';
/**
 * bcrypt cost of the suite's password hashes (PASSWORD_HASH_COST): hundreds of logins at the
 * default 10 cost ~0.1 s of CPU each; 4 keeps the same code path at a hundredth of that.
 */
export const TEST_HASH_COST = 4;

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  backend: TestBackend;
  dataDir: string;
  /** The app's clock: follows real time until a test pins it (`t.clock.set(...)`). */
  clock: TestClock;
  http: () => ReturnType<typeof request>;
  /** Logs in and returns a Bearer token. */
  login(username: string, password?: string): Promise<string>;
  /** Waits until the job is done or failed and returns it. */
  waitForJob(token: string, jobId: number, timeoutMs?: number): Promise<JobResponse>;
  close(): Promise<void>;
}

/** The settings every test app or service module starts with; `env` overrides them. */
export function testConfig(backend: TestBackend, dataDir: string, env: Record<string, string> = {}): AppConfig {
  return parseConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: backend.databaseUrl,
    REDIS_URL: backend.redisUrl,
    QUEUE_PREFIX: backend.redisPrefix,
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    LOG_LEVEL: 'silent',
    PASSWORD_HASH_COST: String(TEST_HASH_COST),
    JOB_BACKOFF_MS: '50',
    // The demo district (units, outlets, accounts) without its year of records: suites make their own.
    DEMO_RECORDS: 'false',
    ...env,
  });
}

/**
 * Starts the real app on `backend`; `env` overrides settings (e.g. LOGIN_FREE_FAILURES).
 * `shareWith`: a second API process on the first one's database (its SQLite file or MariaDB
 * database), as in a deployment with several processes behind a load balancer.
 */
export async function createTestApp(backend: TestBackend, env: Record<string, string> = {}, options: { shareWith?: TestApp } = {}): Promise<TestApp> {
  const shared = options.shareWith;
  const dataDir = shared?.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pubscore-e2e-'));
  const config = testConfig(backend, dataDir, env);
  // A fresh copy of the run's migrated template (test/setup/templates.ts), not a migration per app.
  if (!shared) await freshDatabase(backend, config);
  const clock = new TestClock(config.business.timeZone);
  const { app } = await createHttpApp(config, { bufferLogs: false, clock });
  const http = () => request(app.getHttpServer());
  return {
    app,
    config,
    backend,
    dataDir,
    clock,
    http,
    async login(username, password = DEMO_PASSWORD) {
      const res = await http().post('/api/auth/login').send({ username, password });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token as string;
    },
    async waitForJob(token, jobId, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const res = await http().get(`/api/jobs/${jobId}`).set('Authorization', `Bearer ${token}`);
        if (res.status !== 200) throw new Error(`job ${jobId}: ${res.status} ${JSON.stringify(res.body)}`);
        if (res.body.status === 'done' || res.body.status === 'failed') return res.body as JobResponse;
        if (Date.now() > deadline) throw new Error(`job ${jobId} still ${res.body.status} after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      if (config.queue.mode === 'inline') await app.get(InlineJobDriver).drain();
      await app.close();
      if (!shared) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A supertest parser that keeps a download's bytes: `.buffer(true).parse(binary)`, then `res.body` is a Buffer. */
export const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
/** A binary answer (DOCX, XLSX) as a Buffer; the status must be 200. */
export async function download(t: TestApp, url: string, token: string): Promise<Buffer> {
  const res = await t.http().get(url).set(bearer(token)).buffer(true).parse((r, done) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => done(null, Buffer.concat(chunks)));
  });
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Buffer;
}

/** Today's business date in the demo zone and its quarter (the one quarter that has not ended). */
export const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
export const CURRENT_QUARTER = `${TODAY.slice(0, 4)}-Q${Math.ceil(Number(TODAY.slice(5, 7)) / 3)}`;

// The job state machine of JobsService on a real database, with real job names and their real
// handlers: `scores.recompute` of an office without records succeeds, `notices.render` of a
// snapshot that does not exist fails every time.
//
// 1. Delivered by hand (the driver replaced by one that only records dispatches, the spec calls
//    JobsService.execute as a driver does): queued → running → done / failed, attempts and
//    maxAttempts, a job delivered twice leaving one result, joinWhile / activeKey, and the
//    outbox (job_requests) stored while the queue is down and drained, merged, once it is up.
// 2. Through the backend's real driver (in-process on SQLite, Bull on Redis on MariaDB):
//    retries up to maxAttempts, and a record dispatched twice runs once.
import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import type { JobResponse } from '@app/contracts';
import type { AuthUser } from '../../apps/api/src/auth/auth-user';
import { ListJobsQuery } from '../../apps/api/src/jobs/dto/list-jobs.query';
import { InlineJobDriver } from '../../apps/api/src/jobs/inline-job.driver';
import { JobDriver } from '../../apps/api/src/jobs/job-driver';
import type { JobRecord } from '../../apps/api/src/jobs/job-record.entity';
import { JobsService } from '../../apps/api/src/jobs/jobs.service';
import { testBackends } from '../utils/backends';
import { createServiceModule, type ServiceModule } from './support/service-module';

const ATTEMPTS = 3;
const MISSING_SNAPSHOT = 987_654;

/** A driver that runs nothing: it records what was dispatched; the spec delivers. */
class HandDelivery extends JobDriver {
  readonly mode = 'inline' as const;
  readonly dispatched: number[] = [];
  healthy = true;
  async dispatch(record: JobRecord) {
    this.dispatched.push(record.id);
  }
  async isHealthy() {
    return this.healthy;
  }
  async holds() {
    return true;
  }
  onReconnect() {}
}

async function officeAccount(m: ServiceModule): Promise<{ officeId: number; office: AuthUser }> {
  const office = await m.f.offices.create();
  return { officeId: office.id, office: m.as(await m.f.users.create({ officeId: office.id, role: 'office' })) };
}

describe.each(testBackends('medium-jobs-by-hand'))('job state machine, delivered by hand ($label)', (backend) => {
  let m: ServiceModule;
  let jobs: JobsService;
  let driver: HandDelivery;
  let officeId: number;
  let office: AuthUser;

  beforeAll(async () => {
    driver = new HandDelivery();
    m = await createServiceModule(backend, { env: { JOB_ATTEMPTS: String(ATTEMPTS) }, override: (b) => b.overrideProvider(JobDriver).useValue(driver) });
    jobs = m.get(JobsService);
    ({ officeId, office } = await officeAccount(m));
  });
  afterAll(async () => {
    await m?.close();
  });

  const recompute = (quarter: string, joinWhile?: 'queued' | 'running') =>
    jobs.enqueue('scores.recompute', { officeId, quarters: [quarter], reason: 'medium' }, { businessKey: `medium:${quarter}`, officeId, joinWhile });
  const render = (key: string, joinWhile?: 'queued' | 'running') =>
    jobs.enqueue('notices.render', { snapshotId: MISSING_SNAPSHOT }, { businessKey: key, officeId, joinWhile });
  const job = (id: number) => jobs.get(office, id);

  it('stores an enqueued job as queued and hands it to the driver once', async () => {
    const record = await recompute('2023-Q1');
    expect(await job(record.id)).toMatchObject({ status: 'queued', attempts: 0, maxAttempts: ATTEMPTS, progress: 0, startedAt: null, finishedAt: null });
    expect(driver.dispatched.filter((id) => id === record.id)).toHaveLength(1);
  });

  it('runs a delivery to done with its result, and ignores a second delivery of it (one result)', async () => {
    const record = await recompute('2023-Q2');
    await jobs.execute(record.id, 1);
    const done = await job(record.id);
    expect(done).toMatchObject({ status: 'done', attempts: 1, progress: 100, error: null, result: { quarters: ['2023-Q2'] } });
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();
    // Delivered again (a redelivery after a lost ack): nothing runs, nothing changes.
    await jobs.execute(record.id, 2);
    expect(await job(record.id)).toEqual(done);
    // Its business key is free again: the same work enqueued now is a new job.
    expect((await recompute('2023-Q2')).id).not.toBe(record.id);
  });

  it('puts a failed attempt back to queued with its error, and marks the last attempt failed', async () => {
    const record = await render('render:a');
    await expect(jobs.execute(record.id, 1)).rejects.toThrow();
    const retrying = await job(record.id);
    expect(retrying).toMatchObject({ status: 'queued', attempts: 1, finishedAt: null });
    expect(retrying.error).toEqual(expect.any(String));
    await expect(jobs.execute(record.id, 2)).rejects.toThrow();
    expect(await job(record.id)).toMatchObject({ status: 'queued', attempts: 2 });
    await expect(jobs.execute(record.id, ATTEMPTS)).rejects.toThrow();
    const failed = await job(record.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: ATTEMPTS });
    expect(failed.finishedAt).not.toBeNull();
    // A failed job's key is free: the same work enqueued again is a new job.
    expect((await render('render:a')).id).not.toBe(record.id);
  });

  it('joins a queued job of the same key; joinWhile running keeps joining it between attempts, joinWhile queued not once it started', async () => {
    const running = await render('render:join-running', 'running');
    expect((await render('render:join-running', 'running')).id).toBe(running.id);
    await expect(jobs.execute(running.id, 1)).rejects.toThrow();
    expect((await render('render:join-running', 'running')).id).toBe(running.id);

    const queued = await render('render:join-queued', 'queued');
    expect((await render('render:join-queued', 'queued')).id).toBe(queued.id);
    await expect(jobs.execute(queued.id, 1)).rejects.toThrow();
    // It started (and waits for its retry): new work of that key queues anew.
    const again = await render('render:join-queued', 'queued');
    expect(again.id).not.toBe(queued.id);
    expect((await job(queued.id)).status).toBe('queued');
  });

  it('refuses enqueue while the queue is down, storing nothing', async () => {
    const before = (await jobs.list(office, plainToInstance(ListJobsQuery, { pageSize: 200 }))).total;
    driver.healthy = false;
    try {
      await expect(recompute('2023-Q3')).rejects.toMatchObject({ code: 'queue_unavailable' });
    } finally {
      driver.healthy = true;
    }
    expect((await jobs.list(office, plainToInstance(ListJobsQuery, { pageSize: 200 }))).total).toBe(before);
  });

  it('keeps requests in the outbox while the queue is down, merged, and hands them over as one job once it is up', async () => {
    const other = await officeAccount(m);
    const ask = (articleIds: number[]) => jobs.request('scores.recompute', { officeId: other.officeId, articleIds, reason: 'review' }, { businessKey: `review:${articleIds.join(',')}`, officeId: other.officeId, joinWhile: 'queued' });
    await ask([1]);
    await ask([2]);
    await ask([3, 1]);
    expect((await jobs.backlog('scores.recompute')).count).toBe(3);

    driver.healthy = false;
    try {
      expect(await jobs.drainRequests()).toBe(0);
    } finally {
      driver.healthy = true;
    }
    // Still stored, and merged meanwhile: a long outage keeps the backlog small.
    expect((await jobs.backlog('scores.recompute')).count).toBe(1);
    const listOther = async () => (await jobs.list(other.office, plainToInstance(ListJobsQuery, { pageSize: 200 }))).items;
    expect(await listOther()).toHaveLength(0);

    expect(await jobs.drainRequests()).toBe(1);
    expect(await jobs.backlog('scores.recompute')).toEqual({ count: 0, oldestAgeSeconds: null });
    const [handed] = await listOther();
    expect(handed).toMatchObject({ name: 'scores.recompute', status: 'queued' });
    expect(driver.dispatched).toContain(handed.id);
    // Draining again hands over nothing twice.
    expect(await jobs.drainRequests()).toBe(0);
  });
});

describe.each(testBackends('medium-jobs-driver'))('job state machine through the real driver ($label)', (backend) => {
  let m: ServiceModule;
  let jobs: JobsService;
  let officeId: number;
  let office: AuthUser;

  beforeAll(async () => {
    m = await createServiceModule(backend, { env: { JOB_ATTEMPTS: String(ATTEMPTS), JOB_BACKOFF_MS: '20' } });
    jobs = m.get(JobsService);
    ({ officeId, office } = await officeAccount(m));
  });
  afterAll(async () => {
    await m?.close();
  });

  /** Until the job is done or failed: the in-process driver drained, Bull's worker polled. */
  async function settled(id: number): Promise<JobResponse> {
    if (m.config.queue.mode === 'inline') await m.get(InlineJobDriver).drain();
    const deadline = Date.now() + 20_000;
    for (;;) {
      const current = await jobs.get(office, id);
      if (current.status === 'done' || current.status === 'failed') return current;
      if (Date.now() > deadline) throw new Error(`job ${id} still ${current.status}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  it(`retries a failing job up to maxAttempts (${ATTEMPTS}) and then marks it failed`, async () => {
    const record = await jobs.enqueue('notices.render', { snapshotId: MISSING_SNAPSHOT }, { businessKey: 'driver:render', officeId });
    expect(await settled(record.id)).toMatchObject({ status: 'failed', attempts: ATTEMPTS, maxAttempts: ATTEMPTS });
  });

  it('runs a record dispatched twice once: one result, one attempt', async () => {
    const record = await jobs.enqueue('scores.recompute', { officeId, quarters: ['2023-Q4'], reason: 'medium' }, { businessKey: 'driver:twice', officeId });
    await m.get(JobDriver).dispatch(record);
    const done = await settled(record.id);
    expect(done).toMatchObject({ status: 'done', attempts: 1, result: { quarters: ['2023-Q4'] } });
    // The second delivery (inline: a second run, ignored; Bull: the same job id, not added) changed nothing.
    if (m.config.queue.mode === 'inline') await m.get(InlineJobDriver).drain();
    expect(await jobs.get(office, record.id)).toEqual(done);
  });
});

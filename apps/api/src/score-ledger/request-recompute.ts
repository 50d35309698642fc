import type { EntityManager } from 'typeorm';
import { compareQuarter } from '@app/scoring';
import type { EnqueueOptions, JobsService } from '../jobs/jobs.service';
import type { JobRecord } from '../jobs/job-record.entity';
import type { JobRequest } from '../jobs/job-request.entity';
import type { JobPayloads } from '../jobs/job.types';

type RecomputePayload = JobPayloads['scores.recompute'];

/**
 * What a recompute covers: an office and the reason, then its articles, its quarters or the
 * quarters from one on (none of them: every quarter). It is the job's payload.
 */
export type RecomputeScope = RecomputePayload;

/**
 * The parent's recompute after an office ranked below it rescored `quarters`. One reason for
 * every child (not the child's id), so that the requests of many districts join one queued
 * recompute of the parent: a province's daily tick rescores 100 districts, and each asked for
 * a roll-up of the province of its own.
 */
export const parentRescoreScope = (parentOfficeId: number, quarters: string[]): RecomputeScope => ({ officeId: parentOfficeId, quarters, reason: 'below' });

/** Above this many articles a merged backlog recomputes the whole office instead (the row stays small). */
const MAX_MERGED_ARTICLES = 2000;

/**
 * Stores the request to bring the stored score lines up to date after a record changed — in
 * the change's transaction when `manager` is given, so a committed change always has its
 * recompute. Call `jobs.handOver([request])` after the commit; while the queue is down the
 * request waits in the database and the job sweep queues it when the queue is back. Joins
 * only a recompute that has not started yet (a running one may have read the data before
 * this change).
 */
export function storeRecompute(jobs: JobsService, scope: RecomputeScope, createdBy: number | null = null, manager?: EntityManager): Promise<JobRequest> {
  const payload = normalizeScope(scope);
  return jobs.request('scores.recompute', payload, { businessKey: recomputeKey(payload), officeId: payload.officeId, createdBy, joinWhile: 'queued' }, manager);
}

/** storeRecompute() then handOver(), for changes made outside a transaction of the caller's. */
export async function requestRecompute(jobs: JobsService, scope: RecomputeScope, createdBy: number | null = null): Promise<void> {
  await jobs.handOver([await storeRecompute(jobs, scope, createdBy)]);
}

/**
 * Queues a recompute now, for someone waiting on its job (POST /scores/recompute): unlike
 * storeRecompute it fails with 503 while the queue is down. By default it joins a recompute
 * of the same scope that is queued or running (`joinWhile`, see EnqueueOptions).
 */
export async function enqueueRecompute(jobs: JobsService, scope: RecomputeScope, options: { createdBy?: number | null; joinWhile?: EnqueueOptions['joinWhile'] } = {}): Promise<JobRecord> {
  const payload = normalizeScope(scope);
  return jobs.enqueue('scores.recompute', payload, { businessKey: recomputeKey(payload), officeId: payload.officeId, createdBy: options.createdBy ?? null, joinWhile: options.joinWhile });
}

/** Articles and quarters once each, in order, so the same scope always gives the same key. */
function normalizeScope(scope: RecomputeScope): RecomputePayload {
  const { articleIds, quarters, fromQuarter, ...rest } = scope;
  return {
    ...rest,
    ...(quarters?.length ? { quarters: [...new Set(quarters)].sort(compareQuarter) } : {}),
    ...(fromQuarter ? { fromQuarter } : {}),
    ...(articleIds?.length ? { articleIds: [...new Set(articleIds)].sort((a, b) => a - b) } : {}),
  };
}

/**
 * The one business key of a recompute: reason, office and each part of the scope (a request
 * joins another only with the same key). Every recompute, stored, merged or queued, is keyed here.
 */
export function recomputeKey(payload: RecomputePayload): string {
  const parts = [
    payload.articleIds?.length ? `articles:${payload.articleIds.join(',')}` : null,
    payload.quarters?.length ? `quarters:${payload.quarters.join(',')}` : null,
    payload.fromQuarter ? `from:${payload.fromQuarter}` : null,
  ].filter((part) => part !== null);
  return `${payload.reason}:${payload.officeId}:${parts.length > 0 ? parts.join(':') : 'from:all'}`.slice(0, 200);
}

/**
 * Merges one office's stored recompute requests into at most three: one for the union of the
 * articles, one for the union of the quarters, one from the earliest quarter (or everything).
 * Each merged request recomputes at least what its parts would have. A request naming more
 * than one of those scopes is kept as it is.
 */
export function coalesceRecomputes(payloads: RecomputePayload[]): { payload: RecomputePayload; businessKey: string }[] {
  const officeId = payloads[0].officeId;
  const articles = new Set<number>();
  const quarters = new Set<string>();
  let from: { fromQuarter?: string } | null = null;
  const kept: RecomputePayload[] = [];
  const reasons = new Set<string>();
  for (const p of payloads) {
    const scopes = [p.articleIds?.length, p.quarters?.length, p.fromQuarter].filter(Boolean).length;
    if (scopes > 1) {
      kept.push(p);
      continue;
    }
    reasons.add(p.reason);
    if (p.articleIds?.length) p.articleIds.forEach((id) => articles.add(id));
    else if (p.quarters?.length) p.quarters.forEach((q) => quarters.add(q));
    else from = mergeFrom(from, p.fromQuarter);
  }
  if (articles.size > MAX_MERGED_ARTICLES) {
    from = {};
    articles.clear();
  }
  const reason = [...reasons].join('+').slice(0, 100);
  const merged: RecomputePayload[] = [...kept];
  if (articles.size) merged.push({ officeId, articleIds: [...articles].sort((a, b) => a - b), reason });
  if (quarters.size) merged.push({ officeId, quarters: [...quarters].sort(compareQuarter), reason });
  if (from) merged.push({ officeId, ...from, reason });
  return merged.map((payload) => ({ payload, businessKey: recomputeKey(payload) }));
}

/** "From a quarter on" requests merge to the earliest quarter; one without a quarter means everything. */
function mergeFrom(current: { fromQuarter?: string } | null, fromQuarter?: string): { fromQuarter?: string } {
  if (!fromQuarter || (current && !current.fromQuarter)) return {};
  if (!current?.fromQuarter || compareQuarter(fromQuarter, current.fromQuarter) < 0) return { fromQuarter };
  return current;
}

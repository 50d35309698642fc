import type { EntityManager } from 'typeorm';
import { compareQuarter } from '@app/scoring';
import type { JobsService } from '../jobs/jobs.service';
import type { JobRequest } from '../jobs/job-request.entity';
import type { JobPayloads } from '../jobs/job.types';

type RecomputePayload = JobPayloads['scores.recompute'];

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
export function storeRecompute(jobs: JobsService, payload: RecomputePayload, createdBy: number | null = null, manager?: EntityManager): Promise<JobRequest> {
  return jobs.request('scores.recompute', payload, { businessKey: recomputeKey(payload), officeId: payload.officeId, createdBy, joinWhile: 'queued' }, manager);
}

/** storeRecompute() then handOver(), for changes made outside a transaction of the caller's. */
export async function requestRecompute(jobs: JobsService, payload: RecomputePayload, createdBy: number | null = null): Promise<void> {
  await jobs.handOver([await storeRecompute(jobs, payload, createdBy)]);
}

function recomputeKey(payload: RecomputePayload): string {
  const scope = payload.articleIds?.length ? `articles:${payload.articleIds.join(',')}` : payload.quarters?.length ? `quarters:${payload.quarters.join(',')}` : `from:${payload.fromQuarter ?? 'all'}`;
  return `${payload.reason}:${payload.officeId}:${scope}`.slice(0, 200);
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

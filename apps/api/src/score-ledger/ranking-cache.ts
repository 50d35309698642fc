import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';

/**
 * The highest score line id when an entry was computed. Lines are only ever inserted and
 * deleted, and ids are never reused, so every recompute that writes a line (of any quarter,
 * in any process) moves it. Reading it is one step down the primary key; a per-quarter count
 * would scan the quarter's lines on every request (5 ms at city size).
 */
export interface LinesStamp {
  maxId: number;
}

interface Entry<T> {
  stamp: LinesStamp;
  at: number;
  value: Promise<T>;
}

/** How long an entry serves at most: bounds what the stamp cannot see (see RankingCache). */
export const RANKING_CACHE_TTL_MS = 60_000;
const MAX_ENTRIES = 200;

/**
 * The expensive parts of a ranking page (each unit's total, and the placement counts that join
 * placements, articles, article_units and outlets over the whole quarter) per office, quarter
 * and scheme version, computed once and then served while the score lines are unchanged.
 *
 * Counts and totals move when a recompute runs (a review, an outlet change, a new version all
 * queue one), so an entry is good while:
 * - no score line was written since (LinesStamp: catches a recompute in any process, a Bull
 *   worker's included, as soon as it inserts a line — of any quarter, so also some needlessly),
 * - this process's ledger has not replaced the quarter's lines since (`invalidate`: catches a
 *   recompute here that only deleted lines or wrote none, e.g. for a placement that scores
 *   nothing after a top-up), and
 * - it is younger than RANKING_CACHE_TTL_MS (what neither sees: such a recompute in another
 *   process).
 * Concurrent readers share one computation.
 */
@Injectable()
export class RankingCache<T = unknown> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly clock: Clock) {}

  get(officeId: number, quarter: string, versionId: number, stamp: LinesStamp, compute: () => Promise<T>): Promise<T> {
    const key = keyOf(officeId, quarter, versionId);
    const hit = this.entries.get(key);
    if (hit && sameStamp(hit.stamp, stamp) && this.clock.now().getTime() - hit.at < RANKING_CACHE_TTL_MS) return hit.value;
    const entry: Entry<T> = { stamp, at: this.clock.now().getTime(), value: compute() };
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return entry.value;
  }

  /** The ledger replaced lines of the quarter: drop its entries (of every version), even those still computing. */
  invalidate(officeId: number, quarter: string): void {
    const prefix = `${officeId}|${quarter}|`;
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }
}

const keyOf = (officeId: number, quarter: string, versionId: number) => `${officeId}|${quarter}|${versionId}`;
const sameStamp = (a: LinesStamp, b: LinesStamp) => a.maxId === b.maxId;

import { Inject, Injectable, Optional, type OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { rankingStamps, type RankingStamps } from './ranking-stamps';

/** Tests hand the cache their own stamps; the app builds them from the settings. */
export const RANKING_STAMPS = Symbol('RANKING_STAMPS');

/**
 * The highest score line id when an entry was computed. Lines are only ever inserted and
 * deleted, and ids are never reused, so every recompute that writes a line (of any quarter,
 * in any process) moves it. Reading it is one step down the primary key; a per-quarter count
 * would scan the quarter's lines on every request (5 ms at city size).
 */
export interface LinesStamp {
  maxId: number;
}

/** What callers pass when `needsLinesStamp` is false. */
export const UNSTAMPED: LinesStamp = { maxId: 0 };

interface Entry<T> {
  stamp: LinesStamp;
  /** The quarter's counter in RankingStamps when the entry was computed. */
  shared: string;
  at: number;
  value: Promise<T>;
}

/** How long an entry serves at most: bounds what the stamps cannot see (see RankingCache). */
export const RANKING_CACHE_TTL_MS = 60_000;
const MAX_ENTRIES = 200;

/**
 * The expensive parts of a ranking page (each unit's total, and the placement counts that join
 * placements, articles, article_units and outlets over the whole quarter) per office, quarter
 * and scheme version, computed once and then served while the score lines are unchanged.
 *
 * Counts and totals move when a recompute runs (a review, an outlet change, a new version all
 * queue one), so an entry is good while:
 * - no score line was written since (LinesStamp: catches a recompute in any process as soon as
 *   it inserts a line — of any quarter, so also some needlessly; read only where the counters
 *   below cannot see every replace, see `needsLinesStamp`),
 * - the quarter's counter in RankingStamps has not moved: every replace of the quarter's lines
 *   moves it after its commit, in whatever process it ran (with REDIS_URL a Bull worker's replace
 *   reaches every API process this way, also one that only deleted lines — a withdrawn
 *   verification — which LinesStamp cannot see); when the counter cannot be read (Redis down)
 *   nothing is served from the cache,
 * - this process's ledger has not replaced the quarter's lines since (`invalidate`: also drops a
 *   computation still running), and
 * - it is younger than RANKING_CACHE_TTL_MS (a backstop: a counter lost with Redis's data).
 * Concurrent readers share one computation.
 */
@Injectable()
export class RankingCache<T = unknown> implements OnModuleDestroy {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly stamps: RankingStamps;

  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
    @Optional() @Inject(RANKING_STAMPS) stamps?: RankingStamps,
  ) {
    this.stamps = stamps ?? rankingStamps(config.queue, config.database.type);
  }

  /**
   * Whether callers must pass a fresh LinesStamp: not when the counters see every replace (Redis,
   * or SQLite's one process), which spares every ranking request a query; then pass UNSTAMPED.
   */
  get needsLinesStamp(): boolean {
    return !this.stamps.seeEveryReplace;
  }

  async get(officeId: number, quarter: string, versionId: number, stamp: LinesStamp, compute: () => Promise<T>): Promise<T> {
    const shared = await this.stamps.read(officeId, quarter);
    if (shared === null) return compute();
    const key = keyOf(officeId, quarter, versionId);
    const hit = this.entries.get(key);
    if (hit && sameStamp(hit.stamp, stamp) && hit.shared === shared && this.clock.now().getTime() - hit.at < RANKING_CACHE_TTL_MS) return hit.value;
    const entry: Entry<T> = { stamp, shared, at: this.clock.now().getTime(), value: compute() };
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return entry.value;
  }

  /**
   * The ledger replaced lines of the quarter (call after the commit): drop its entries here (of
   * every version, even those still computing) and move its counter for every other process.
   * Rejects when the counter cannot be moved, so the recompute fails and is retried rather than
   * leaving other processes on a stale ranking.
   */
  async invalidate(officeId: number, quarter: string): Promise<void> {
    const prefix = `${officeId}|${quarter}|`;
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
    await this.stamps.bump(officeId, quarter);
  }

  async onModuleDestroy(): Promise<void> {
    await this.stamps.close();
  }
}

const keyOf = (officeId: number, quarter: string, versionId: number) => `${officeId}|${quarter}|${versionId}`;
const sameStamp = (a: LinesStamp, b: LinesStamp) => a.maxId === b.maxId;

import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import type { AppConfig } from '../config/app-config';

/**
 * A counter per office and quarter, moved by whichever process replaced the quarter's score
 * lines and read before a cached ranking is served (RankingCache). With REDIS_URL recomputes
 * run in worker processes and pages are served by others, so the counters live in Redis (one
 * hash: a read is one HGET, far cheaper than any query over the quarter). Without it one
 * process runs both the recomputes and the pages, and its own invalidation is enough.
 */
export interface RankingStamps {
  /** The counter now, or null when it cannot be read (then no cached ranking may be served). */
  read(officeId: number, quarter: string): Promise<string | null>;
  /** After a replace has committed: every process's cached ranking of the quarter is stale. */
  bump(officeId: number, quarter: string): Promise<void>;
  close(): Promise<void>;
  /**
   * Whether the counters alone see every replace of lines that this process could have cached:
   * with Redis every process moves them after its commit; on SQLite one process runs both the
   * recomputes and the pages (its own invalidation). Then the per-request LinesStamp query is
   * not needed. MySQL without Redis may have several API processes, each running its own jobs.
   */
  readonly seeEveryReplace: boolean;
}

/** Without Redis: nothing to share (on SQLite there is one process; see seeEveryReplace). */
const local = (seeEveryReplace: boolean): RankingStamps => ({
  read: async () => '',
  bump: async () => undefined,
  close: async () => undefined,
  seeEveryReplace,
});

export function rankingStamps(queue: AppConfig['queue'], database: AppConfig['database']['type']): RankingStamps {
  return queue.mode === 'bull' ? new RedisRankingStamps(queue.redisUrl, `${queue.prefix}:ranking-stamps`) : local(database === 'sqlite');
}

class RedisRankingStamps implements RankingStamps {
  private readonly logger = new Logger('RankingStamps');
  private readonly client: Redis;
  readonly seeEveryReplace = true;

  constructor(url: string, private readonly key: string) {
    // lazyConnect: a process that never scores nor ranks never connects. Short timeouts: while
    // Redis is down a ranking is computed fresh rather than waiting on the stamp.
    this.client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: 1000 });
    this.client.on('error', (error: Error) => this.logger.debug(`redis: ${error.message}`));
  }

  async read(officeId: number, quarter: string): Promise<string | null> {
    // Known to be down: answer at once rather than after the command's timeout.
    if (DISCONNECTED.has(this.client.status)) return null;
    try {
      return (await this.client.hget(this.key, field(officeId, quarter))) ?? '0';
    } catch {
      return null;
    }
  }

  async bump(officeId: number, quarter: string): Promise<void> {
    await this.client.hincrby(this.key, field(officeId, quarter), 1);
  }

  async close(): Promise<void> {
    this.client.disconnect();
  }
}

/** ioredis states in which a command would only wait for a reconnection. */
const DISCONNECTED = new Set(['reconnecting', 'close', 'end']);

const field = (officeId: number, quarter: string) => `${officeId}|${quarter}`;

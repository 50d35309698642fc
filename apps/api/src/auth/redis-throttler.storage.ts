import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';

/** ioredis states in which a command would only wait for a reconnection. */
const DISCONNECTED = new Set(['reconnecting', 'close', 'end']);

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** Counts a hit in a fixed window: the window starts with its first hit and lasts `ttl` ms. */
const HIT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { hits, redis.call('PTTL', KEYS[1]) }`;

/**
 * The per-address login cap (AuthController) counted in Redis, so that every API process behind
 * the load balancer counts the same attempts (with the default in-memory storage two processes
 * allowed twice the cap). While Redis cannot be reached each process counts on its own again.
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RedisThrottlerStorage');
  private readonly client: Redis;
  private readonly local = new ThrottlerStorageService();

  constructor(url: string, private readonly prefix: string) {
    this.client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: 1000 });
    this.client.on('error', (error: Error) => this.logger.debug(`redis: ${error.message}`));
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    let hits: number;
    let msLeft: number;
    try {
      if (DISCONNECTED.has(this.client.status)) throw new Error(`redis ${this.client.status}`);
      [hits, msLeft] = (await this.client.eval(HIT, 1, `${this.prefix}:${throttlerName}:${key}`, ttl)) as [number, number];
    } catch (error) {
      this.logger.warn(`login cap counted in this process only: ${(error as Error).message}`);
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
    const secondsLeft = Math.max(1, Math.ceil(msLeft / 1000));
    const isBlocked = hits > limit;
    return { totalHits: hits, timeToExpire: secondsLeft, isBlocked, timeToBlockExpire: isBlocked ? secondsLeft : 0 };
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
    this.client.disconnect();
  }
}

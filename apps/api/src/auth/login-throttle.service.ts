import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThan, Repository } from 'typeorm';
import { isUniqueViolation } from '../common/db-errors';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { LoginThrottle } from './login-throttle.entity';

/** A key nobody has failed on for this long starts again from zero. */
const FORGET_AFTER_MS = 24 * 3600_000;

/**
 * Growing delays per username + client address instead of locking accounts: failures from
 * one address never hold off the owner elsewhere. Counted in the database, so every API
 * process sees the same numbers.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectRepository(LoginThrottle) private readonly throttles: Repository<LoginThrottle>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Counts an attempt before its password is checked (so that attempts sent all at once cannot
   * all slip through) and returns null when it may go ahead, or the time until which this
   * username is held off from this address. A success then clears the count (`succeeded`).
   */
  async admit(username: string, address: string, now: Date): Promise<Date | null> {
    const { freeFailures } = this.config.login;
    await this.throttles.createQueryBuilder().delete()
      .where('username = :username AND address = :address AND lastFailureAt < :stale AND (heldUntil IS NULL OR heldUntil <= :now)', { username, address, stale: new Date(now.getTime() - FORGET_AFTER_MS), now })
      .execute();
    for (let round = 0; round < 3; round++) {
      // One statement counts the attempt and, when it is the last free one, starts the hold-off,
      // so a concurrent attempt can no longer pass the `heldUntil` condition. heldUntil comes
      // first: MySQL evaluates SET left to right with the new values, SQLite with the old ones.
      const counted = await this.throttles.createQueryBuilder().update()
        .set({ heldUntil: () => 'CASE WHEN failures + 1 >= :free THEN :firstHold ELSE NULL END', failures: () => 'failures + 1', lastFailureAt: now })
        .where('username = :username AND address = :address AND (heldUntil IS NULL OR heldUntil <= :now)')
        .setParameters({ free: freeFailures, firstHold: this.holdUntil(freeFailures, now), username, address, now })
        .execute();
      if (counted.affected) {
        const row = await this.throttles.findOne({ where: { username, address }, select: { id: true, failures: true } });
        if (row && row.failures > freeFailures) await this.throttles.update(row.id, { heldUntil: this.holdUntil(row.failures, now) });
        return null;
      }
      const held = await this.throttles.findOne({ where: { username, address }, select: { id: true, heldUntil: true } });
      if (held) {
        if (held.heldUntil && held.heldUntil > now) return held.heldUntil;
        continue; // expired between the two statements: count again
      }
      try {
        await this.throttles.insert({ username, address, failures: 1, lastFailureAt: now, heldUntil: freeFailures <= 1 ? this.holdUntil(1, now) : null });
        return null;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error; // another attempt created the row first: count on it
      }
    }
    throw new Error(`login throttle for ${username} kept changing under us`);
  }

  /** The right password: this address starts again from zero (other addresses keep their count). */
  async succeeded(username: string, address: string): Promise<void> {
    await this.throttles.delete({ username, address });
  }

  /** An admin unlocks an account: every hold-off on its username ends. */
  async clear(username: string): Promise<number> {
    return (await this.throttles.delete({ username })).affected ?? 0;
  }

  /** The latest hold-off still running per username, for the users list. */
  async heldUntil(usernames: string[], now: Date): Promise<Map<string, Date>> {
    if (usernames.length === 0) return new Map();
    const rows = await this.throttles.find({ where: { username: In(usernames), heldUntil: MoreThan(now) }, select: { username: true, heldUntil: true } });
    const held = new Map<string, Date>();
    for (const r of rows) {
      const latest = held.get(r.username);
      if (r.heldUntil && (!latest || r.heldUntil > latest)) held.set(r.username, r.heldUntil);
    }
    return held;
  }

  /** LOGIN_DELAY_SECONDS after the last free failure, doubling with each further one, up to the cap. */
  private holdUntil(failures: number, now: Date): Date {
    const { freeFailures, delaySeconds, maxDelayMinutes } = this.config.login;
    const doublings = Math.min(Math.max(0, failures - freeFailures), 30);
    const seconds = Math.min(delaySeconds * 2 ** doublings, maxDelayMinutes * 60);
    return new Date(now.getTime() + seconds * 1000);
  }
}

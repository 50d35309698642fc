import { DynamicModule, Global, Module } from '@nestjs/common';
import { businessDate } from '@app/scoring';

/**
 * The server's one source of "now" (lint forbids `new Date()` and `Date.now()` elsewhere in
 * apps/api/src), injected so tests can pin time instead of racing the real clock: a run that
 * straddles 16:00 UTC is a different business day in Asia/Shanghai.
 *
 * Every process reads the system clock through it, so an API process and a Bull worker in
 * another process agree to within their hosts' clock drift, as they did before. A test that
 * pins the clock pins it for the queue processors of its own app as well (the e2e apps run
 * their Bull processors in process); timestamps the database stamps itself (CreateDateColumn)
 * stay real, so pinned tests must not compare those with the pinned time.
 */
export class Clock {
  constructor(
    /** The business zone (BUSINESS_TIME_ZONE): `today()` is a calendar date there. */
    readonly timeZone: string,
  ) {}

  /** The current instant. */
  now(): Date {
    return new Date();
  }

  /** Today's business date, 'YYYY-MM-DD'. */
  today(): string {
    return businessDate(this.now(), this.timeZone);
  }

  /** The current business month, 'YYYY-MM'. */
  month(): string {
    return this.today().slice(0, 7);
  }
}

/**
 * Wall-clock time for the few places that run outside the Nest container: loading the config,
 * CLI scripts (backup, migration names) and the DTO validators' date range
 * (common/business-range.ts says why those cannot be injected).
 */
export function systemNow(): Date {
  return new Date();
}

/** Makes the Clock injectable everywhere; tests pass their own (test/utils/clock.ts). */
@Global()
@Module({})
export class ClockModule {
  static forRoot(clock: Clock): DynamicModule {
    return { module: ClockModule, providers: [{ provide: Clock, useValue: clock }], exports: [Clock] };
  }
}

import { Clock } from '../../apps/api/src/common/clock';

/**
 * The clock e2e apps run on (createTestApp passes it to the app): real time until a test sets
 * it, then stopped at that instant until advanced or released. It pins the queue processors of
 * the same app too; rows the database stamps itself (CreateDateColumn) keep the real time.
 */
export class TestClock extends Clock {
  private pinned: number | null = null;

  override now(): Date {
    return this.pinned === null ? super.now() : new Date(this.pinned);
  }

  /** Stops the clock at `instant` (an ISO string or a Date). */
  set(instant: string | Date): void {
    const at = new Date(instant).getTime();
    if (Number.isNaN(at)) throw new RangeError(`TestClock.set: not an instant: ${String(instant)}`);
    this.pinned = at;
  }

  /** Moves a stopped clock on by `ms` milliseconds. */
  advance(ms: number): void {
    if (this.pinned === null) throw new Error('TestClock.advance: set() the clock first');
    this.pinned += ms;
  }

  /** Back to real time. */
  release(): void {
    this.pinned = null;
  }

  /**
   * Runs `work` with the clock stopped at `instant`, then puts it back as it was (running, or
   * stopped where it was): an officer records on the day an entry reaches the office.
   */
  async during<T>(instant: string | Date, work: () => PromiseLike<T>): Promise<T> {
    const before = this.pinned;
    this.set(instant);
    try {
      return await work();
    } finally {
      this.pinned = before;
    }
  }
}

/**
 * Noon of a business date in Asia/Shanghai (the test zone): where a test stops the clock while
 * an officer records an article "on" that day (officers cannot back-date, issue #14).
 */
export const noonOf = (date: string): string => `${date}T12:00:00+08:00`;

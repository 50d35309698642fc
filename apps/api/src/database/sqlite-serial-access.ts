import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner } from 'typeorm';

type Fn = (...args: unknown[]) => Promise<unknown>;

/**
 * better-sqlite3 gives TypeORM one connection and one shared query runner. Left alone, a
 * second request's transaction fails ("cannot start a transaction within a transaction") and
 * a plain query from another request runs inside someone's open transaction — and is rolled
 * back with it. Here one transaction runs at a time:
 * - `manager.transaction(...)` calls are queued; the callback's async context owns the
 *   connection and every other query waits until it commits or rolls back;
 * - the short transactions TypeORM opens by itself inside save()/remove() wait for the
 *   connection to be free too; other requests' single statements may run meanwhile (each is
 *   atomic on its own), which keeps those saves from deadlocking on themselves.
 * MySQL/MariaDB have real connection pools and are left alone.
 */
export function serializeSqliteAccess(dataSource: DataSource): void {
  const owner = new AsyncLocalStorage<true>();
  const runner: QueryRunner = dataSource.driver.createQueryRunner('master');
  let kind: 'none' | 'owned' | 'implicit' = 'none';
  /** Settles when the transaction now open (if any) ends. */
  let released: Promise<void> = Promise.resolve();
  let release: () => void = () => undefined;
  let tail: Promise<unknown> = Promise.resolve();
  /**
   * True from the moment a transaction is let in until TypeORM marks it active: starting one
   * awaits (events, BEGIN), and two waiters woken by the same release would otherwise both
   * see the connection free and both BEGIN.
   */
  let starting = false;

  const whileActive = async (condition: () => boolean) => {
    while ((runner.isTransactionActive || starting) && condition()) await released;
  };

  const manager = dataSource.manager as unknown as { transaction: Fn };
  const transaction = manager.transaction.bind(manager) as Fn;
  manager.transaction = (...args: unknown[]) => {
    if (owner.getStore()) return transaction(...args);
    const run = tail.then(() => owner.run(true, async () => {
      await whileActive(() => true);
      return transaction(...args);
    }));
    tail = run.catch(() => undefined);
    return run;
  };

  const r = runner as unknown as Record<'query' | 'startTransaction' | 'commitTransaction' | 'rollbackTransaction', Fn>;
  const original = {
    query: r.query.bind(runner) as Fn,
    start: r.startTransaction.bind(runner) as Fn,
    commit: r.commitTransaction.bind(runner) as Fn,
    rollback: r.rollbackTransaction.bind(runner) as Fn,
  };
  r.startTransaction = async (...args: unknown[]) => {
    const mine = owner.getStore() === true;
    if (mine && kind === 'owned' && runner.isTransactionActive) return original.start(...args); // SAVEPOINT inside ours
    // The check and the claim must be one synchronous step (no await between them, not even
    // the return of an async helper): several waiters wake on the same release.
    while (runner.isTransactionActive || starting) await released;
    starting = true;
    kind = mine ? 'owned' : 'implicit';
    released = new Promise<void>((resolve) => (release = resolve));
    try {
      return await original.start(...args);
    } catch (error) {
      kind = 'none';
      release();
      throw error;
    } finally {
      starting = false;
    }
  };
  const ending = (end: Fn): Fn => async (...args: unknown[]) => {
    try {
      return await end(...args);
    } finally {
      if (!runner.isTransactionActive) {
        kind = 'none';
        release();
      }
    }
  };
  r.commitTransaction = ending(original.commit);
  r.rollbackTransaction = ending(original.rollback);
  r.query = async (...args: unknown[]) => {
    await whileActive(() => kind === 'owned' && !owner.getStore());
    return original.query(...args);
  };
}

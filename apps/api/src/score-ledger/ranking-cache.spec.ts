import { Clock } from '../common/clock';
import type { AppConfig } from '../config/app-config';
import { RANKING_CACHE_TTL_MS, RankingCache, type LinesStamp } from './ranking-cache';
import type { RankingStamps } from './ranking-stamps';

/** The counters another process shares through Redis: a map here, `down` makes reads fail. */
function fakeStamps() {
  const counters = new Map<string, number>();
  const state = { down: false };
  const stamps: RankingStamps = {
    read: async (officeId, quarter) => (state.down ? null : String(counters.get(`${officeId}|${quarter}`) ?? 0)),
    bump: async (officeId, quarter) => {
      counters.set(`${officeId}|${quarter}`, (counters.get(`${officeId}|${quarter}`) ?? 0) + 1);
    },
    close: async () => undefined,
    seeEveryReplace: true,
  };
  return { stamps, state };
}
const INLINE = { queue: { mode: 'inline' }, database: { type: 'sqlite', file: ':memory:' } } as AppConfig;

describe('RankingCache', () => {
  const stamp: LinesStamp = { maxId: 100 };
  let sut: RankingCache<number>;
  let shared: ReturnType<typeof fakeStamps>;
  let computed: number;
  const compute = () => Promise.resolve(++computed);

  beforeEach(() => {
    shared = fakeStamps();
    sut = new RankingCache<number>(new Clock('Asia/Shanghai'), INLINE, shared.stamps);
    computed = 0;
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('computes once while the quarter\'s lines are unchanged', async () => {
    await expect(sut.get(1, '2025-Q3', 7, stamp, compute)).resolves.toBe(1);
    await expect(sut.get(1, '2025-Q3', 7, { ...stamp }, compute)).resolves.toBe(1);
    expect(computed).toBe(1);
  });

  it('computes again once a line was written since (by a recompute in any process)', async () => {
    await sut.get(1, '2025-Q3', 7, stamp, compute);
    await expect(sut.get(1, '2025-Q3', 7, { maxId: 101 }, compute)).resolves.toBe(2);
  });

  it('keeps offices, quarters and scheme versions apart', async () => {
    await sut.get(1, '2025-Q3', 7, stamp, compute);
    await expect(sut.get(2, '2025-Q3', 7, stamp, compute)).resolves.toBe(2);
    await expect(sut.get(1, '2025-Q2', 7, stamp, compute)).resolves.toBe(3);
    await expect(sut.get(1, '2025-Q3', 8, stamp, compute)).resolves.toBe(4);
    await expect(sut.get(1, '2025-Q3', 7, stamp, compute)).resolves.toBe(1);
  });

  it.each([
    ['this process (no shared counters)', () => {
      const only = new RankingCache<number>(new Clock('Asia/Shanghai'), INLINE);
      return { reader: only, writer: only };
    }],
    ['another process (its counter moved)', () => ({ reader: sut, writer: new RankingCache<number>(new Clock('Asia/Shanghai'), INLINE, shared.stamps) })],
  ])('computes again after %s replaced the quarter\'s lines, even when the stamp did not move', async (_, caches) => {
    const { reader, writer } = caches();
    await reader.get(1, '2025-Q3', 7, stamp, compute);
    await writer.invalidate(1, '2025-Q2');
    await writer.invalidate(2, '2025-Q3');
    await expect(reader.get(1, '2025-Q3', 7, stamp, compute)).resolves.toBe(1);
    await writer.invalidate(1, '2025-Q3');
    await expect(reader.get(1, '2025-Q3', 7, stamp, compute)).resolves.toBe(2);
    await expect(reader.get(1, '2025-Q3', 7, stamp, compute)).resolves.toBe(2);
  });

  it('does not keep a computation that was running when the lines were replaced', async () => {
    let finish!: (n: number) => void;
    const slow = sut.get(1, '2025-Q3', 7, stamp, () => new Promise<number>((resolve) => (finish = resolve)));
    // A second reader meanwhile shares the running computation.
    const shared = sut.get(1, '2025-Q3', 7, stamp, compute);
    await sut.invalidate(1, '2025-Q3');
    finish(41);
    await expect(slow).resolves.toBe(41);
    await expect(shared).resolves.toBe(41);
    await expect(sut.get(1, '2025-Q3', 7, stamp, compute)).resolves.toBe(1);
  });

  it('serves an entry for RANKING_CACHE_TTL_MS at most', async () => {
    await sut.get(1, '2025-Q3', 7, stamp, compute);
    jest.advanceTimersByTime(RANKING_CACHE_TTL_MS - 1);
    await expect(sut.get(1, '2025-Q3', 7, stamp, compute)).resolves.toBe(1);
    jest.advanceTimersByTime(1);
    await expect(sut.get(1, '2025-Q3', 7, stamp, compute)).resolves.toBe(2);
  });

  it('serves nothing from the cache while the shared counters cannot be read', async () => {
    await sut.get(1, '2025-Q3', 7, stamp, compute);
    shared.state.down = true;
    await expect(sut.get(1, '2025-Q3', 7, stamp, compute)).resolves.toBe(2);
    await expect(sut.get(1, '2025-Q3', 7, stamp, compute)).resolves.toBe(3);
  });

  it('fails the invalidation when the counter cannot be moved (the recompute is retried)', async () => {
    const failing: RankingStamps = { ...shared.stamps, bump: () => Promise.reject(new Error('redis down')) };
    sut = new RankingCache<number>(new Clock('Asia/Shanghai'), INLINE, failing);
    await sut.get(1, '2025-Q3', 7, stamp, compute);
    await expect(sut.invalidate(1, '2025-Q3')).rejects.toThrow('redis down');
    await expect(sut.get(1, '2025-Q3', 7, stamp, compute)).resolves.toBe(2);
  });

  it('forgets a failed computation', async () => {
    await expect(sut.get(1, '2025-Q3', 7, stamp, () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    await expect(sut.get(1, '2025-Q3', 7, stamp, compute)).resolves.toBe(1);
  });

  it('asks callers for the highest line id only where the counters cannot see every replace (MySQL without Redis: several processes)', () => {
    const clock = new Clock('Asia/Shanghai');
    const sqlite = { queue: { mode: 'inline' }, database: { type: 'sqlite', file: ':memory:' } } as AppConfig;
    const mysql = { queue: { mode: 'inline' }, database: { type: 'mysql', url: 'mysql://x' } } as AppConfig;
    expect(new RankingCache(clock, sqlite).needsLinesStamp).toBe(false);
    expect(new RankingCache(clock, mysql).needsLinesStamp).toBe(true);
    expect(sut.needsLinesStamp).toBe(false);
  });
});

import type { JobsService } from '../jobs/jobs.service';
import { coalesceRecomputes, enqueueRecompute, parentRescoreScope, recomputeKey, storeRecompute } from './request-recompute';

const office = { officeId: 7 };

describe('coalesceRecomputes', () => {
  it.each([
    ['articles are united', [{ articleIds: [3, 1] }, { articleIds: [2, 3] }], [{ articleIds: [1, 2, 3] }]],
    ['quarters are united', [{ quarters: ['2024-Q2'] }, { quarters: ['2024-Q1', '2024-Q2'] }], [{ quarters: ['2024-Q1', '2024-Q2'] }]],
    ['"from" keeps the earliest quarter', [{ fromQuarter: '2024-Q3' }, { fromQuarter: '2023-Q4' }], [{ fromQuarter: '2023-Q4' }]],
    ['"everything" swallows "from"', [{ fromQuarter: '2024-Q3' }, {}, { fromQuarter: '2023-Q4' }], [{}]],
    ['each scope keeps its own request', [{ articleIds: [1] }, { quarters: ['2024-Q1'] }, { articleIds: [2] }], [{ articleIds: [1, 2] }, { quarters: ['2024-Q1'] }]],
    ['a request with two scopes is kept as it is', [{ articleIds: [1], quarters: ['2024-Q1'] }, { articleIds: [2] }], [{ articleIds: [1], quarters: ['2024-Q1'] }, { articleIds: [2] }]],
  ])('%s', (_name, parts, expected) => {
    const merged = coalesceRecomputes(parts.map((p) => ({ ...office, reason: 'review', ...p })));
    expect(merged.map((m) => { const { officeId, reason, ...scope } = m.payload; expect(officeId).toBe(7); expect(reason).toBe('review'); return scope; })).toEqual(expected);
  });

  it('turns a very large union of articles into a recompute of the whole office', () => {
    const parts = Array.from({ length: 2001 }, (_, i) => ({ ...office, articleIds: [i + 1], reason: 'review' }));
    expect(coalesceRecomputes(parts).map((m) => m.payload)).toEqual([{ officeId: 7, reason: 'review' }]);
  });

  it('names the merged reasons and gives each request the key of its scope', () => {
    const [merged] = coalesceRecomputes([{ ...office, articleIds: [1], reason: 'review' }, { ...office, articleIds: [2], reason: 'bulk' }]);
    expect(merged).toEqual({ payload: { officeId: 7, articleIds: [1, 2], reason: 'review+bulk' }, businessKey: 'review+bulk:7:articles:1,2' });
  });
});

describe('one key for every recompute', () => {
  function fakeJobs() {
    const calls: { via: string; payload: unknown; options: { businessKey: string; joinWhile?: string } }[] = [];
    const jobs = {
      request: async (_name: string, payload: unknown, options: { businessKey: string; joinWhile?: string }) => (calls.push({ via: 'request', payload, options }), { id: 1 }),
      enqueue: async (_name: string, payload: unknown, options: { businessKey: string; joinWhile?: string }) => (calls.push({ via: 'enqueue', payload, options }), { id: 2 }),
    } as unknown as JobsService;
    return { jobs, calls };
  }

  it('names each part of the scope, and everything when there is none', () => {
    expect(recomputeKey({ officeId: 3, reason: 'manual', articleIds: [4], quarters: ['2024-Q1'], fromQuarter: '2023-Q4' })).toBe('manual:3:articles:4:quarters:2024-Q1:from:2023-Q4');
    expect(recomputeKey({ officeId: 3, reason: 'outlet' })).toBe('outlet:3:from:all');
  });

  it('stores and queues a scope under the same key and payload, whatever the order or repeats it was given in', async () => {
    const { jobs, calls } = fakeJobs();
    await storeRecompute(jobs, { officeId: 3, reason: 'manual', quarters: ['2024-Q2', '2024-Q1', '2024-Q2'], articleIds: [9, 2, 9] });
    await enqueueRecompute(jobs, { officeId: 3, reason: 'manual', quarters: ['2024-Q1', '2024-Q2'], articleIds: [2, 9], fromQuarter: undefined }, { createdBy: 5 });
    const expected = { officeId: 3, reason: 'manual', quarters: ['2024-Q1', '2024-Q2'], articleIds: [2, 9] };
    expect(calls.map((c) => [c.via, c.payload, c.options.businessKey, c.options.joinWhile])).toEqual([
      ['request', expected, 'manual:3:articles:2,9:quarters:2024-Q1,2024-Q2', 'queued'],
      ['enqueue', expected, 'manual:3:articles:2,9:quarters:2024-Q1,2024-Q2', undefined],
    ]);
  });
});

describe('the parent office\'s recompute after a child rescored', () => {
  it('has one key whichever child asks, so the requests of many districts join one queued recompute', () => {
    const fromDistrict = (quarters: string[]) => recomputeKey(parentRescoreScope(7, quarters));
    expect(fromDistrict(['2025-Q3'])).toBe(fromDistrict(['2025-Q3']));
    expect(parentRescoreScope(7, ['2025-Q3']).officeId).toBe(7);
    expect(fromDistrict(['2025-Q3'])).not.toBe(fromDistrict(['2025-Q2']));
  });
});

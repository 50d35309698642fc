import type { EntityManager } from 'typeorm';
import { BackfillMarker } from './backfill-marker';

describe('BackfillMarker', () => {
  const tx = {} as EntityManager;

  it('refuses to import history without publication plugged in, instead of leaving quarters unmarked', () => {
    expect(() => new BackfillMarker().mark(tx, 1, ['2025-Q1'])).toThrow('no backfill marker is set');
  });

  it('hands the transaction, the office and the quarters to what publication set', async () => {
    const sut = new BackfillMarker();
    const calls: unknown[][] = [];
    sut.use(async (...args) => {
      calls.push(args);
    });
    await sut.mark(tx, 3, ['2025-Q1', '2025-Q2']);
    await sut.mark(tx, 3, []);
    expect(calls).toEqual([[tx, 3, ['2025-Q1', '2025-Q2']]]);
  });

  it('takes one marker only', () => {
    const sut = new BackfillMarker();
    sut.use(async () => undefined);
    expect(() => sut.use(async () => undefined)).toThrow('already set');
  });
});

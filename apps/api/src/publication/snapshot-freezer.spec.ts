import type { EntityManager } from 'typeorm';
import type { RankingSnapshot } from './ranking-snapshot.entity';
import { SnapshotFreezer } from './snapshot-freezer';

describe('SnapshotFreezer', () => {
  const tx = {} as EntityManager;
  const snapshot = { id: 7 } as RankingSnapshot;

  it('refuses to publish without the notices plugged in, instead of skipping the freeze', () => {
    const sut = new SnapshotFreezer();
    expect(() => sut.freeze(tx, snapshot)).toThrow('no snapshot freezer is set');
  });

  it('hands the transaction and the snapshot to the freezer the notices set', async () => {
    const sut = new SnapshotFreezer();
    const calls: [EntityManager, RankingSnapshot][] = [];
    sut.use(async (m, s) => {
      calls.push([m, s]);
    });
    await sut.freeze(tx, snapshot);
    expect(calls).toEqual([[tx, snapshot]]);
  });

  it('takes one freezer only', () => {
    const sut = new SnapshotFreezer();
    sut.use(async () => undefined);
    expect(() => sut.use(async () => undefined)).toThrow('already set');
  });
});

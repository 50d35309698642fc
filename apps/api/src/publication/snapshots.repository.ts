import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { toNumber } from '../common/db-errors';
import { UnitOfWork } from '../database/unit-of-work';
import { QuarterPeriod } from './quarter-period.entity';
import { RankingSnapshot } from './ranking-snapshot.entity';
import { SnapshotUnit } from './snapshot-unit.entity';

/**
 * Named reads of what a publication froze (ranking_snapshots, snapshot_units) and of the quarter
 * rows it publishes: what publication's own services read, and what notices are made from.
 * Methods taking `tx` read inside the caller's transaction.
 */
@Injectable()
export class SnapshotsRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** The latest published revision of each quarter of an office (optionally only these quarters), oldest quarter first. */
  async latest(officeId: number, quarters?: string[], tx: EntityManager = this.uow.manager): Promise<RankingSnapshot[]> {
    const all = await tx.find(RankingSnapshot, { where: { officeId }, order: { quarter: 'ASC', revision: 'DESC' } });
    const latest = new Map<string, RankingSnapshot>();
    for (const s of all) if (!latest.has(s.quarter) && (!quarters || quarters.includes(s.quarter))) latest.set(s.quarter, s);
    return [...latest.values()];
  }

  byIdOrFail(id: number): Promise<RankingSnapshot> {
    return this.uow.manager.findOneByOrFail(RankingSnapshot, { id });
  }

  ofOffice(officeId: number, id: number): Promise<RankingSnapshot | null> {
    return this.uow.manager.findOneBy(RankingSnapshot, { id, officeId });
  }

  /** Every revision of every quarter of an office, newest first. */
  allOfOffice(officeId: number): Promise<RankingSnapshot[]> {
    return this.uow.manager.find(RankingSnapshot, { where: { officeId }, order: { quarter: 'DESC', revision: 'DESC' } });
  }

  revision(officeId: number, quarter: string, revision: number, tx: EntityManager = this.uow.manager): Promise<RankingSnapshot | null> {
    return tx.findOneBy(RankingSnapshot, { officeId, quarter, revision });
  }

  /** A quarter's revisions in order, with what the quarter page lists of them. */
  revisionsOfQuarter(officeId: number, quarter: string): Promise<RankingSnapshot[]> {
    return this.uow.manager.find(RankingSnapshot, {
      where: { officeId, quarter },
      order: { revision: 'ASC' },
      select: { id: true, revision: true, publishedAt: true, schemeVersionId: true, contentHash: true },
    });
  }

  /** The highest revision published of each quarter of an office. */
  async latestRevisions(officeId: number): Promise<Map<string, number>> {
    const rows: { quarter: string; revision: unknown }[] = await this.uow.manager.query(
      'SELECT quarter, MAX(revision) AS revision FROM ranking_snapshots WHERE officeId = ? GROUP BY quarter',
      [officeId],
    );
    return new Map(rows.map((r) => [r.quarter, toNumber(r.revision)]));
  }

  units(snapshotId: number, tx: EntityManager = this.uow.manager): Promise<SnapshotUnit[]> {
    return tx.find(SnapshotUnit, { where: { snapshotId } });
  }

  /** A snapshot's unit rows in overall rank order (then code). */
  unitsByRank(snapshotId: number): Promise<SnapshotUnit[]> {
    return this.uow.manager.find(SnapshotUnit, { where: { snapshotId }, order: { overallRank: 'ASC', unitCode: 'ASC' } });
  }

  unitsOfSnapshots(snapshotIds: number[]): Promise<SnapshotUnit[]> {
    return snapshotIds.length ? this.uow.manager.find(SnapshotUnit, { where: { snapshotId: In(snapshotIds) } }) : Promise.resolve([]);
  }

  /** Each unit's total in a snapshot. */
  unitTotals(tx: EntityManager, snapshotId: number): Promise<Pick<SnapshotUnit, 'unitId' | 'total'>[]> {
    return tx.find(SnapshotUnit, { where: { snapshotId }, select: { unitId: true, total: true } });
  }

  /** The quarter's row, if anyone acted on it. */
  period(tx: EntityManager, officeId: number, quarter: string): Promise<QuarterPeriod | null> {
    return tx.findOneBy(QuarterPeriod, { officeId, quarter });
  }
}

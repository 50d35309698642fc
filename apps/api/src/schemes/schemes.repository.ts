import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { toNumber } from '../common/db-errors';
import { updateVersioned } from '../common/optimistic';
import { UnitOfWork } from '../database/unit-of-work';
import { ancestorIds } from '../offices/office-tree';
import { Outlet } from '../outlets/outlet.entity';
import { SchemeVersion } from './scheme-version.entity';

/** Named queries over scheme_versions (and the two reads a scheme is checked against). */
@Injectable()
export class SchemesRepository {
  constructor(private readonly uow: UnitOfWork) {}

  /** Every version of an office, oldest effectiveFrom first. */
  versionsOf(officeId: number, tx: EntityManager = this.uow.manager): Promise<SchemeVersion[]> {
    return tx.find(SchemeVersion, { where: { officeId }, order: { effectiveFrom: 'ASC' } });
  }

  findOfOffice(officeId: number, id: number, tx: EntityManager = this.uow.manager): Promise<SchemeVersion | null> {
    return tx.findOne(SchemeVersion, { where: { id, officeId } });
  }

  findByIdOrFail(tx: EntityManager, id: number): Promise<SchemeVersion> {
    return tx.findOneByOrFail(SchemeVersion, { id });
  }

  async countOfOffice(tx: EntityManager, officeId: number): Promise<number> {
    return tx.count(SchemeVersion, { where: { officeId } });
  }

  async highestVersionNo(tx: EntityManager, officeId: number): Promise<number | null> {
    return tx.getRepository(SchemeVersion).maximum('versionNo', { officeId });
  }

  insert(tx: EntityManager, row: Omit<SchemeVersion, 'id' | 'version' | 'createdAt' | 'updatedAt'>): Promise<SchemeVersion> {
    return tx.save(SchemeVersion, tx.create(SchemeVersion, row));
  }

  /** Saves `changes` only if the row is still at `expectedVersion` (409 otherwise). */
  updateVersioned(tx: EntityManager, id: number, expectedVersion: number, changes: Partial<SchemeVersion>): Promise<void> {
    return updateVersioned(tx, SchemeVersion, id, expectedVersion, changes);
  }

  /** Deletes the version only while it is unlocked; false when a publication locked it first. */
  async deleteUnlocked(tx: EntityManager, id: number): Promise<boolean> {
    const result = await tx.createQueryBuilder().delete().from(SchemeVersion).where('id = :id AND lockedAt IS NULL', { id }).execute();
    return Boolean(result.affected);
  }

  /** Sets lockedAt once; through the query builder so the row version is bumped and an edit in flight fails. */
  async lock(tx: EntityManager, versionId: number, at: Date): Promise<void> {
    await tx.createQueryBuilder().update(SchemeVersion).set({ lockedAt: at }).where('id = :id AND lockedAt IS NULL', { id: versionId }).execute();
  }

  /** The codes of the outlets the office sees (its own and those shared from above), which a scheme's rows may name. */
  async outletCodes(officeId: number): Promise<string[]> {
    const offices = await ancestorIds(this.uow.manager, officeId);
    const rows = await this.uow.manager.find(Outlet, { where: { officeId: In(offices) }, select: { code: true } });
    return rows.map((o) => o.code);
  }

  /**
   * The 事项 recorded from `fromDate` (before `untilDate` when given), counted by kind and by
   * whether they carry a level: what a version governing those dates must still be able to score.
   */
  async itemKindCounts(tx: EntityManager, officeId: number, fromDate: string, untilDate: string | null): Promise<{ kind: string; noLevel: boolean; n: number }[]> {
    const params: unknown[] = [officeId, fromDate];
    let range = 'itemDate >= ?';
    if (untilDate) {
      range += ' AND itemDate < ?';
      params.push(untilDate);
    }
    const rows: { kind: unknown; noLevel: unknown; n: unknown }[] = await tx.query(
      `SELECT kind, CASE WHEN level IS NULL THEN 1 ELSE 0 END AS noLevel, COUNT(*) AS n FROM item_records
       WHERE officeId = ? AND ${range} GROUP BY kind, CASE WHEN level IS NULL THEN 1 ELSE 0 END ORDER BY kind`,
      params,
    );
    return rows.map((r) => ({ kind: String(r.kind), noLevel: toNumber(r.noLevel) === 1, n: toNumber(r.n) }));
  }
}

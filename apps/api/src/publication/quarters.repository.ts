import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import { Dispute } from './dispute.entity';
import { QuarterPeriod } from './quarter-period.entity';

/** Named queries over quarter_periods and disputes, the two tables a quarter's lifecycle writes. */
@Injectable()
export class QuartersRepository {
  constructor(private readonly uow: UnitOfWork) {}

  findPeriod(tx: EntityManager, officeId: number, quarter: string): Promise<QuarterPeriod | null> {
    return tx.findOne(QuarterPeriod, { where: { officeId, quarter } });
  }

  /** The quarter's row, inserted as `open` unless it exists (two first actions at once: one row). */
  async ensurePeriod(tx: EntityManager, officeId: number, quarter: string): Promise<QuarterPeriod> {
    await tx.createQueryBuilder().insert().into(QuarterPeriod).values({ officeId, quarter, stage: 'open' }).orIgnore().execute();
    return tx.findOneOrFail(QuarterPeriod, { where: { officeId, quarter } });
  }

  /** An unsaved `open` row: the state of a quarter nobody acted on. */
  unsavedOpenPeriod(tx: EntityManager, officeId: number, quarter: string): QuarterPeriod {
    return tx.create(QuarterPeriod, { officeId, quarter, stage: 'open', reviewOpenedAt: null, disputeUntil: null, closedAt: null, publishedAt: null, excludedEntries: null, noticeTexts: null, backfill: false, guardOverrides: null });
  }

  periodsOfOffice(officeId: number): Promise<QuarterPeriod[]> {
    return this.uow.manager.find(QuarterPeriod, { where: { officeId } });
  }

  /** Past quarters loaded from history are 补录, unless already published (a published quarter keeps what it said). */
  async markBackfill(tx: EntityManager, officeId: number, quarters: readonly string[]): Promise<void> {
    for (const quarter of quarters) {
      await tx.createQueryBuilder().insert().into(QuarterPeriod).values({ officeId, quarter, stage: 'open' }).orIgnore().execute();
      await tx.createQueryBuilder().update(QuarterPeriod).set({ backfill: true }).where('officeId = :officeId AND quarter = :quarter AND stage <> :published', { officeId, quarter, published: 'published' }).execute();
    }
  }

  async updatePeriod(id: number, changes: Partial<QuarterPeriod>, tx: EntityManager = this.uow.manager): Promise<void> {
    await tx.update(QuarterPeriod, { id }, changes);
  }

  disputesWhere(where: { officeId: number; quarter: string; unitId?: number }): Promise<Dispute[]> {
    return this.uow.manager.find(Dispute, { where, order: { id: 'ASC' } });
  }

  countOpenDisputes(tx: EntityManager, officeId: number, quarter: string): Promise<number> {
    return tx.count(Dispute, { where: { officeId, quarter, status: 'open' } });
  }

  insertDispute(tx: EntityManager, row: Omit<Dispute, 'id' | 'createdAt' | 'updatedAt' | 'version'>): Promise<Dispute> {
    return tx.save(Dispute, tx.create(Dispute, row));
  }

  findDispute(tx: EntityManager, officeId: number, quarter: string, id: number): Promise<Dispute | null> {
    return tx.findOne(Dispute, { where: { id, officeId, quarter } });
  }

  async markAnswered(tx: EntityManager, id: number, answer: string, by: number, at: Date): Promise<void> {
    await tx.update(Dispute, { id }, { status: 'answered', answer, answeredBy: by, answeredAt: at });
  }

  disputeOrFail(tx: EntityManager, id: number): Promise<Dispute> {
    return tx.findOneOrFail(Dispute, { where: { id } });
  }
}

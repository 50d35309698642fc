import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, In, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { CommissionTarget } from '../commissions/commission-target.entity';
import { MonthlyReport } from '../monthly-reports/monthly-report.entity';
import { Office } from '../offices/office.entity';
import { Unit } from '../units/unit.entity';
import { NotificationDelivery } from './notification-delivery.entity';

/** Named queries of the reminders: what is due, and the notification_deliveries they write and send. */
@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async officeIds(): Promise<number[]> {
    return (await this.dataSource.getRepository(Office).find({ select: { id: true }, order: { id: 'ASC' } })).map((o) => o.id);
  }

  /** The office's active units that have not filed `month`'s report, by code. */
  async unitsMissingReport(tx: EntityManager, officeId: number, month: string): Promise<Unit[]> {
    const units = await tx.find(Unit, { where: { officeId, active: true }, order: { code: 'ASC' } });
    const filed = new Set((await tx.find(MonthlyReport, { where: { officeId, month }, select: { unitId: true } })).map((r) => r.unitId));
    return units.filter((u) => !filed.has(u.id));
  }

  /** 约稿 targets still unanswered whose deadline lies between `from` and `until`, with their 约稿. */
  unansweredTargetsDue(tx: EntityManager, officeId: number, from: string, until: string): Promise<CommissionTarget[]> {
    return tx.find(CommissionTarget, {
      where: { articleId: IsNull(), commission: { officeId, deadline: Between(from, until) } },
      relations: { commission: true },
      order: { commissionId: 'ASC', unitId: 'ASC' },
    });
  }

  async unitNames(tx: EntityManager, officeId: number): Promise<Map<number, string>> {
    return new Map((await tx.find(Unit, { where: { officeId }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  }

  /** Whether any of these delivery keys is already written (a robot has the reminder). */
  hasDelivery(tx: EntityManager, officeId: number, dedupeKeys: string[]): Promise<boolean> {
    return tx.exists(NotificationDelivery, { where: { officeId, dedupeKey: In(dedupeKeys) } });
  }

  /** Writes deliveries; one whose key is already there is left as it is. */
  async insertDeliveries(tx: EntityManager, rows: Partial<NotificationDelivery>[]): Promise<void> {
    if (rows.length > 0) await tx.createQueryBuilder().insert().into(NotificationDelivery).values(rows).orIgnore().execute();
  }

  /** Unsent deliveries of the office written after `since`, oldest first. */
  pendingDeliveries(officeId: number, since: Date): Promise<NotificationDelivery[]> {
    return this.dataSource.getRepository(NotificationDelivery).find({ where: { officeId, sentAt: IsNull(), createdAt: MoreThan(since) }, order: { id: 'ASC' } });
  }

  /** Takes a delivery for sending: true only if no other worker took or sent it since it was read. */
  async claimDelivery(delivery: NotificationDelivery): Promise<boolean> {
    const claim = await this.dataSource.getRepository(NotificationDelivery).update({ id: delivery.id, attempts: delivery.attempts, sentAt: IsNull() }, { attempts: delivery.attempts + 1 });
    return !!claim.affected;
  }

  async markSent(ids: number[], sentAt: Date): Promise<void> {
    await this.dataSource.getRepository(NotificationDelivery).update({ id: In(ids) }, { sentAt, error: null });
  }

  async markFailed(ids: number[], error: string): Promise<void> {
    await this.dataSource.getRepository(NotificationDelivery).update({ id: In(ids) }, { error });
  }
}

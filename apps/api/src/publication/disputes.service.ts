import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { isUnitScoped } from '../auth/scope';
import { AuditService } from '../audit/audit.service';
import { conflict, invalid, notFound } from '../common/app-error';
import { NotificationsService } from '../notifications/notifications.service';
import { UnitOfWork } from '../database/unit-of-work';
import { ScoreLedgerRepository } from '../score-ledger/score-ledger.repository';
import type { AnswerDisputeDto, CreateDisputeDto } from './dto/quarter.dto';
import { QuartersRepository } from './quarters.repository';
import { QuartersService } from './quarters.service';
import { Clock } from '../common/clock';
import { quarterLabel, type DisputeRecord, type DisputeResponse } from '@app/contracts';
import { formatPoints } from '@app/scoring';
import { RULE_LABELS } from '../score-ledger/score-labels';
import { toDisputeRecord } from './dispute-response';

/** A dispute as the pages read it: with the score line it is about. */

/** During the review window units flag what they think is wrong; the office answers each. */
@Injectable()
export class DisputesService {
  constructor(
    private readonly repo: QuartersRepository,
    private readonly lines: ScoreLedgerRepository,
    private readonly uow: UnitOfWork,
    private readonly quarters: QuartersService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /**
   * The quarter's disputes, each with the score line it is about (so the page can link to it);
   * `line` is null for a dispute about the quarter as a whole, or when a recompute has since
   * replaced the line.
   */
  async list(user: AuthUser, quarter: string): Promise<DisputeResponse[]> {
    const where = { officeId: user.officeId, quarter, ...(isUnitScoped(user) ? { unitId: user.unitId! } : {}) };
    const disputes = await this.repo.disputesWhere(where);
    const ids = disputes.map((d) => d.scoreLineId).filter((id): id is number => id !== null);
    const lines = ids.length ? await this.lines.linesByIds(user.officeId, ids) : [];
    const byId = new Map(lines.map((l) => [l.id, l]));
    return disputes.map((d) => {
      const line = d.scoreLineId !== null ? byId.get(d.scoreLineId) : undefined;
      return {
        ...toDisputeRecord(d),
        line: line
          ? { id: line.id, date: line.date, ruleLabel: RULE_LABELS[line.ruleId] ?? line.ruleId, explanation: line.explanation, amountText: formatPoints(line.amount, 2) }
          : null,
      };
    });
  }

  async create(user: AuthUser, quarter: string, dto: CreateDisputeDto): Promise<DisputeRecord> {
    const unitId = isUnitScoped(user) ? user.unitId! : dto.unitId;
    if (!unitId) throw invalid({ unitId: '请选择单位' });
    const period = await this.quarters.currentPeriod(this.uow.manager, user.officeId, quarter);
    if (period.stage !== 'review') throw conflict('not_in_review', '该季度不在复核期，不能提出异议');
    if (period.disputeUntil && this.clock.today() > period.disputeUntil) {
      throw conflict('dispute_window_closed', `异议期已于 ${period.disputeUntil} 结束`);
    }
    if (dto.scoreLineId) {
      const line = await this.lines.lineInQuarter(user.officeId, quarter, dto.scoreLineId);
      if (!line || line.unitId !== unitId) throw invalid({ scoreLineId: '得分明细不存在或不属于本单位' });
    }
    const saved = await this.uow.run(async (manager) => {
      const row = await this.repo.insertDispute(manager, {
        officeId: user.officeId, quarter, unitId, scoreLineId: dto.scoreLineId ?? null, reason: dto.reason, status: 'open',
        answer: null, answeredBy: null, answeredAt: null, createdBy: user.id,
      });
      await this.audit.record(user, 'create', 'dispute', row.id, null, dto, manager);
      return row;
    });
    await this.notifications.notifyOffice(user.officeId, ['office'], {
      kind: 'dispute', title: `${quarterLabel(quarter)}排名收到新的异议`, link: `/quarters/${quarter}`, dedupeKey: `dispute:${saved.id}`,
    });
    return toDisputeRecord(saved);
  }

  async answer(user: AuthUser, quarter: string, id: number, dto: AnswerDisputeDto): Promise<DisputeRecord> {
    return this.uow.run(async (manager) => {
      const dispute = await this.repo.findDispute(manager, user.officeId, quarter, id);
      if (!dispute) throw notFound('异议');
      await this.repo.markAnswered(manager, id, dto.answer, user.id, this.clock.now());
      await this.audit.record(user, 'answer', 'dispute', id, { status: dispute.status }, { status: 'answered', answer: dto.answer }, manager);
      await this.notifications.notifyUnits(user.officeId, [dispute.unitId], {
        kind: 'dispute-answered',
        title: `办公室已答复${quarterLabel(quarter)}的异议：${dto.answer}`,
        link: `/scores?quarter=${quarter}`,
        // An answer may be revised: each answer is news.
        dedupeKey: `dispute-answered:${id}:${randomUUID()}`,
      }, manager);
      return toDisputeRecord(await this.repo.disputeOrFail(manager, id));
    });
  }
}

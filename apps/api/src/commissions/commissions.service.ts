import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Page } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { isUnitScoped, scopedUnitId } from '../auth/scope';
import { quarterOf } from '@app/scoring';
import { JobsService } from '../jobs/jobs.service';
import { NotificationsService } from '../notifications/notifications.service';
import { storeRecompute } from '../score-ledger/request-recompute';
import { AuditService } from '../audit/audit.service';
import { AppError, conflict, forbidden, notFound } from '../common/app-error';
import { updateVersioned } from '../common/optimistic';
import { UnitOfWork } from '../database/unit-of-work';
import { UnitsRepository } from '../units/units.repository';
import { loadTargetViews, toCommissionResponse, type CommissionResponse } from './commission-views';
import { Commission } from './commission.entity';
import { CommissionsRepository } from './commissions.repository';
import type { CreateCommissionDto, ListCommissionsQuery, UpdateCommissionDto } from './dto/commission.dto';
import { Clock } from '../common/clock';

/** 约稿 as the office issues and keeps it; answering and completion are in CommissionAnswersService. */
@Injectable()
export class CommissionsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: CommissionsRepository,
    private readonly units: UnitsRepository,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Runs a change of 约稿 in one transaction with the request to rescore the quarters of the
   * deadlines it names (约稿 points count in the deadline's quarter), then hands the request to
   * the queue: a committed change always has its recompute, whatever the queue says.
   */
  async changeAndRescore<T>(user: AuthUser, change: (manager: EntityManager) => Promise<{ value: T; deadlines: string[] }>): Promise<T> {
    const { value, request } = await this.uow.run(async (manager) => {
      const { value, deadlines } = await change(manager);
      if (deadlines.length === 0) return { value, request: null };
      const quarters = [...new Set(deadlines.map(quarterOf))].sort();
      return { value, request: await storeRecompute(this.jobs, { officeId: user.officeId, quarters, reason: 'commission' }, user.id, manager) };
    });
    if (request) await this.jobs.handOver([request]);
    return value;
  }

  today(): string {
    return this.clock.today();
  }

  /** Officers and reviewers get only commissions that target their unit. */
  async list(user: AuthUser, query: ListCommissionsQuery): Promise<Page<CommissionResponse>> {
    const unitId = scopedUnitId(user, query.unitId);
    const today = this.today();
    const [items, total] = await this.repo.findPage(user.officeId, unitId, today, query);
    const targets = await this.targetViews(user.officeId, items, today);
    const scope = isUnitScoped(user) ? unitId : undefined;
    return { items: items.map((c) => toCommissionResponse(c, targets.get(c.id)!, today, scope)), total, page: query.page, pageSize: query.pageSize };
  }

  async get(user: AuthUser, id: number): Promise<CommissionResponse> {
    const commission = await this.findOrFail(user, id);
    const today = this.today();
    const targets = (await this.targetViews(user.officeId, [commission], today)).get(id)!;
    if (isUnitScoped(user) && !targets.some((t) => t.unitId === user.unitId)) throw forbidden('本单位不是该约稿的对象');
    return toCommissionResponse(commission, targets, today, isUnitScoped(user) ? user.unitId ?? -1 : undefined);
  }

  /** The targets of these commissions as their views show them (unit, answering article, status). */
  targetViews(officeId: number, commissions: Commission[], today: string) {
    return loadTargetViews({ commissions: this.repo, units: this.units }, officeId, commissions, today);
  }

  async findOrFail(user: AuthUser, id: number, manager?: EntityManager): Promise<Commission> {
    const commission = await this.repo.findInOffice(user.officeId, id, manager);
    if (!commission) throw notFound('约稿');
    return commission;
  }

  async create(user: AuthUser, dto: CreateCommissionDto): Promise<CommissionResponse> {
    const issuedDate = dto.issuedDate ?? this.today();
    assertDeadline(issuedDate, dto.deadline);
    const id = await this.changeAndRescore(user, async (manager) => {
      await this.assertTargetUnits(manager, user, dto.targetUnitIds);
      const saved = await this.repo.insert(
        { officeId: user.officeId, topic: dto.topic, description: dto.description || null, issuedDate, deadline: dto.deadline, issuer: dto.issuer ?? '', createdBy: user.id },
        manager,
      );
      await this.repo.insertTargets(saved.id, dto.targetUnitIds, manager);
      await this.audit.record(user, 'create', 'commission', saved.id, null, { ...saved, targetUnitIds: dto.targetUnitIds }, manager);
      await this.notifyTargets(user, saved, dto.targetUnitIds, manager);
      return { value: saved.id, deadlines: [dto.deadline] };
    });
    return this.get(user, id);
  }

  /** Editable only while no target has answered: an answer was judged against these terms. */
  async update(user: AuthUser, id: number, dto: UpdateCommissionDto): Promise<CommissionResponse> {
    const { version, targetUnitIds, ...fields } = dto;
    await this.changeAndRescore(user, async (manager) => {
      const before = await this.findOrFail(user, id, manager);
      const targets = await this.repo.findTargets(id, manager);
      await this.assertNothingAnswered(manager, id, '修改');
      assertDeadline(fields.issuedDate ?? before.issuedDate, fields.deadline ?? before.deadline);
      const { issuer, ...rest } = fields;
      const changes: Partial<Commission> = { ...rest };
      if (fields.description !== undefined) changes.description = fields.description || null;
      if (issuer !== undefined) changes.issuer = issuer ?? '';
      await updateVersioned(manager, Commission, id, version, changes);
      const beforeUnitIds = targets.map((t) => t.unitId).sort((a, b) => a - b);
      let after: Record<string, unknown> = changes;
      if (targetUnitIds) {
        await this.assertTargetUnits(manager, user, targetUnitIds);
        const removed = targets.filter((t) => !targetUnitIds.includes(t.unitId)).map((t) => t.id);
        const added = targetUnitIds.filter((u) => !beforeUnitIds.includes(u));
        if (removed.length) await this.repo.deleteTargets(removed, manager);
        if (added.length) await this.repo.insertTargets(id, added, manager);
        await this.notifyTargets(user, { ...before, ...changes }, added, manager);
        after = { ...changes, targetUnitIds: [...targetUnitIds].sort((a, b) => a - b) };
      }
      await this.audit.record(user, 'update', 'commission', id, { ...before, targetUnitIds: beforeUnitIds }, after, manager);
      return { value: null, deadlines: [before.deadline, fields.deadline ?? before.deadline] };
    });
    return this.get(user, id);
  }

  /** A new 约稿 (or a unit added to one) is news for the target units' officers and reviewers. */
  private notifyTargets(user: AuthUser, commission: Pick<Commission, 'id' | 'topic' | 'deadline'>, unitIds: number[], manager: EntityManager) {
    return this.notifications.notifyUnits(user.officeId, unitIds, {
      kind: 'commission-new',
      title: `新约稿《${commission.topic}》，请于 ${commission.deadline} 前报送`,
      link: '/commissions/inbox',
      dedupeKey: `commission-new:${commission.id}`,
    }, manager);
  }

  async remove(user: AuthUser, id: number): Promise<void> {
    await this.changeAndRescore(user, async (manager) => {
      const commission = await this.findOrFail(user, id, manager);
      const targets = await this.repo.findTargets(id, manager);
      await this.assertNothingAnswered(manager, id, '删除');
      await this.repo.delete(id, manager);
      await this.audit.record(user, 'delete', 'commission', id, { ...commission, targetUnitIds: targets.map((t) => t.unitId) }, null, manager);
      return { value: null, deadlines: [commission.deadline] };
    });
  }

  /**
   * For the articles feature, inside its transaction: the 约稿 answered with article
   * `articleId` are answered with `replacement` instead (two articles merged), or are
   * unanswered again (null: the draft was deleted) rather than pointing at nothing.
   */
  async relinkAnswers(manager: EntityManager, articleId: number, replacement: number | null): Promise<void> {
    await this.repo.relinkAnswers(articleId, replacement, manager);
  }

  /** Counts answers whose article still exists: a deleted draft article is no answer (as in the views). */
  private async assertNothingAnswered(manager: EntityManager, commissionId: number, action: string) {
    const answered = await this.repo.countAnswered(commissionId, manager);
    if (answered > 0) throw conflict('commission_answered', `已有 ${answered} 个单位回复了该约稿，不能${action}`);
  }

  /** Every target must be a unit of the caller's office that is still active. */
  private async assertTargetUnits(manager: EntityManager, user: AuthUser, unitIds: number[]) {
    const units = await this.units.findManyInOffice(user.officeId, unitIds, manager);
    const found = new Map(units.map((u) => [u.id, u]));
    const unknown = unitIds.filter((id) => !found.has(id));
    if (unknown.length) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'unknown_unit', '约稿对象中有不存在的单位', { targetUnitIds: `单位不存在：${unknown.join('、')}` });
    }
    const inactive = units.filter((u) => !u.active);
    if (inactive.length) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'inactive_unit', '约稿对象中有已停用的单位', { targetUnitIds: `单位已停用：${inactive.map((u) => u.name).join('、')}` });
    }
  }
}

function assertDeadline(issuedDate: string, deadline: string) {
  if (deadline < issuedDate) {
    throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, 'deadline_before_issued', '截止日期不能早于下达日期', { deadline: `截止日期不能早于下达日期（${issuedDate}）` });
  }
}


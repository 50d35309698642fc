import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AdjustmentResponse, Page } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { isUnitScoped, scopedUnitId } from '../auth/scope';
import { AuditService } from '../audit/audit.service';
import { conflict, invalid } from '../common/app-error';
import { updateVersioned } from '../common/optimistic';
import { releaseEvidenceFiles } from '../evidence/evidence-file-cleanup';
import { EvidenceRepository } from '../evidence/evidence.repository';
import { JobsService } from '../jobs/jobs.service';
import { storeRecompute } from '../score-ledger/request-recompute';
import { FileStore } from '../storage/file-store.service';
import { UnitsRepository } from '../units/units.repository';
import { UsersRepository } from '../users/users.repository';
import { UnitOfWork } from '../database/unit-of-work';
import { assertAdjustmentEditable, loadVisibleAdjustment } from './adjustment-access';
import { toAdjustmentResponse } from './adjustment-response';
import { Adjustment } from './adjustment.entity';
import { AdjustmentsRepository } from './adjustments.repository';
import { adjustmentPoints, type CreateAdjustmentDto, type DecideAdjustmentDto, type ListAdjustmentsQuery, type UpdateAdjustmentDto } from './dto/adjustment.dto';
import { Clock } from '../common/clock';

/**
 * 加减分 by the office, under four eyes: one office user records an adjustment, a different one
 * approves or rejects it (409 same_approver otherwise). Approval is what makes it count, so it
 * stores the recompute of the adjustment's quarter in the same transaction.
 */
@Injectable()
export class AdjustmentsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly adjustments: AdjustmentsRepository,
    private readonly evidence: EvidenceRepository,
    private readonly units: UnitsRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly files: FileStore,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, query: ListAdjustmentsQuery): Promise<Page<AdjustmentResponse>> {
    const unitId = scopedUnitId(user, query.unitId);
    // Units read their approved adjustments only.
    const scoped = isUnitScoped(user);
    const [rows, total] = await this.adjustments.findPage(user.officeId, {
      unitId,
      status: scoped ? 'approved' : query.status,
      awaitingUserId: query.awaitingMe && !scoped ? user.id : undefined,
      quarter: query.quarter,
    }, query);
    return { items: await this.responses(rows), total, page: query.page, pageSize: query.pageSize };
  }

  async get(user: AuthUser, id: number): Promise<AdjustmentResponse> {
    const adjustment = await loadVisibleAdjustment(this.uow.manager, user, id);
    return (await this.responses([adjustment]))[0];
  }

  async create(user: AuthUser, dto: CreateAdjustmentDto): Promise<AdjustmentResponse> {
    const id = await this.uow.run(async (manager) => {
      await this.assertUnit(manager, user, dto.unitId);
      const saved = await this.adjustments.insert({
        officeId: user.officeId, unitId: dto.unitId, quarter: dto.quarter, points: adjustmentPoints(dto.points)!, reason: dto.reason,
        status: 'pending', decisionNote: null, createdBy: user.id, approvedBy: null, approvedAt: null,
      }, manager);
      await this.audit.record(user, 'create', 'adjustment', saved.id, null, { ...dto, points: saved.points }, manager);
      return saved.id;
    });
    return this.get(user, id);
  }

  async update(user: AuthUser, id: number, dto: UpdateAdjustmentDto): Promise<AdjustmentResponse> {
    await this.uow.run(async (manager) => {
      const adjustment = await loadVisibleAdjustment(manager, user, id);
      assertAdjustmentEditable(user, adjustment);
      const { version, points, ...fields } = dto;
      const changes: Partial<Adjustment> = { ...fields };
      if (points !== undefined) changes.points = adjustmentPoints(points)!;
      if (fields.unitId !== undefined) await this.assertUnit(manager, user, fields.unitId);
      await updateVersioned(manager, Adjustment, id, version, changes);
      await this.audit.record(user, 'update', 'adjustment', id, toAdjustmentResponse(adjustment), changes, manager);
    });
    return this.get(user, id);
  }

  /** Pending ones only: a decided adjustment stays on record. */
  async remove(user: AuthUser, id: number): Promise<void> {
    const fileKeys = await this.uow.run(async (manager) => {
      const adjustment = await loadVisibleAdjustment(manager, user, id);
      assertAdjustmentEditable(user, adjustment);
      const fileKeys = await this.evidence.deleteForOwner('adjustment', id, manager);
      await this.adjustments.delete(id, manager);
      await this.audit.record(user, 'delete', 'adjustment', id, toAdjustmentResponse(adjustment), null, manager);
      return fileKeys;
    });
    await releaseEvidenceFiles(this.evidence, this.files, fileKeys);
  }

  approve(user: AuthUser, id: number, dto: DecideAdjustmentDto): Promise<AdjustmentResponse> {
    return this.decide(user, id, dto, 'approved');
  }

  reject(user: AuthUser, id: number, dto: DecideAdjustmentDto): Promise<AdjustmentResponse> {
    if (!dto.note) throw invalid({ note: '驳回时必须填写原因' });
    return this.decide(user, id, dto, 'rejected');
  }

  private async decide(user: AuthUser, id: number, dto: DecideAdjustmentDto, to: 'approved' | 'rejected'): Promise<AdjustmentResponse> {
    const request = await this.uow.run(async (manager) => {
      const adjustment = await loadVisibleAdjustment(manager, user, id);
      if (adjustment.status !== 'pending') throw conflict('not_pending', `该加减分已${adjustment.status === 'approved' ? '批准' : '驳回'}，不能再次审批`);
      if (adjustment.createdBy === user.id) throw conflict('same_approver', '加减分须由录入人以外的办公室人员审批');
      await updateVersioned(manager, Adjustment, id, dto.version, { status: to, decisionNote: to === 'rejected' ? dto.note! : dto.note || null, approvedBy: user.id, approvedAt: this.clock.now() });
      await this.audit.record(user, to === 'approved' ? 'approve' : 'reject', 'adjustment', id, { status: 'pending' }, { status: to, note: dto.note ?? null }, manager);
      if (to !== 'approved') return null;
      return storeRecompute(this.jobs, { officeId: user.officeId, quarters: [adjustment.quarter], reason: 'adjustment' }, user.id, manager);
    });
    if (request) await this.jobs.handOver([request]);
    return this.get(user, id);
  }

  private async responses(rows: Adjustment[]): Promise<AdjustmentResponse[]> {
    if (rows.length === 0) return [];
    const userIds = [...new Set(rows.flatMap((r) => [r.createdBy, r.approvedBy]).filter((u): u is number => u !== null))];
    const [unitName, userName, evidence] = await Promise.all([
      this.units.namesByIds([...new Set(rows.map((r) => r.unitId))]),
      this.users.displayNamesByIds(userIds),
      this.evidence.findForOwners('adjustment', rows.map((r) => r.id)),
    ]);
    const nameOf = (id: number | null) => (id === null ? null : userName.get(id) ?? null);
    return rows.map((a) => toAdjustmentResponse(
      a,
      { unitName: unitName.get(a.unitId), createdByName: nameOf(a.createdBy), approvedByName: nameOf(a.approvedBy) },
      evidence.filter((e) => e.ownerId === a.id),
    ));
  }

  private async assertUnit(manager: EntityManager, user: AuthUser, unitId: number) {
    const unit = await this.units.findInOffice(user.officeId, unitId, manager);
    if (!unit) throw invalid({ unitId: '单位不存在' });
    if (!unit.active) throw invalid({ unitId: `单位「${unit.name}」已停用` });
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ENTRY_STATUS_LABELS, LEVEL_LABELS, type InstructionResponse } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { assertCanAddChild, assertEditable, loadVisibleArticle } from '../articles/article-access';
import { conflict, invalid, notFound } from '../common/app-error';
import { isBusinessDate } from '../common/business-date';
import { updateVersioned } from '../common/optimistic';
import { releaseEvidenceFiles } from '../evidence/evidence-file-cleanup';
import type { EvidenceFile } from '../evidence/evidence-file.entity';
import { EvidenceRepository } from '../evidence/evidence.repository';
import { toEvidenceResponse } from '../evidence/evidence-response';
import type { CreateInstructionDto, UpdateInstructionDto } from './dto/instruction.dto';
import { Instruction } from './instruction.entity';
import { InstructionsRepository } from './instructions.repository';
import { UnitOfWork } from '../database/unit-of-work';
import { newDraftReview } from '../database/review-columns';
import { FileStore } from '../storage/file-store.service';
import { Clock } from '../common/clock';

export const toInstructionResponse = (i: Instruction, evidence: EvidenceFile[] = []) => ({
  id: i.id,
  articleId: i.articleId,
  leaderTitle: i.leaderTitle,
  level: i.level,
  levelLabel: LEVEL_LABELS[i.level],
  instructedDate: i.instructedDate,
  content: i.content,
  status: i.status,
  statusLabel: ENTRY_STATUS_LABELS[i.status],
  reviewNote: i.reviewNote,
  version: i.version,
  evidence: evidence.map(toEvidenceResponse),
}) satisfies InstructionResponse;

/** 领导批示 on articles: recorded by the unit, verified by the office like placements. */
@Injectable()
export class InstructionsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly instructions: InstructionsRepository,
    private readonly evidence: EvidenceRepository,
    private readonly audit: AuditService,
    private readonly files: FileStore,
    private readonly clock: Clock,
  ) {}

  async listForArticle(user: AuthUser, articleId: number) {
    await loadVisibleArticle(this.uow.manager, user, articleId);
    const items = await this.instructions.findForArticle(articleId);
    const evidence = await this.evidence.findForOwners('instruction', items.map((i) => i.id));
    return items.map((i) => toInstructionResponse(i, evidence.filter((e) => e.ownerId === i.id)));
  }

  async loadVisible(manager: EntityManager, user: AuthUser, id: number) {
    const instruction = await this.instructions.findInOffice(user.officeId, id, manager);
    if (!instruction) throw notFound('批示记录');
    const article = await loadVisibleArticle(manager, user, instruction.articleId).catch(() => {
      throw notFound('批示记录');
    });
    return { instruction, article };
  }

  async get(user: AuthUser, id: number) {
    const { instruction } = await this.loadVisible(this.uow.manager, user, id);
    const evidence = await this.evidence.findForOwners('instruction', [id]);
    return toInstructionResponse(instruction, evidence);
  }

  async create(user: AuthUser, articleId: number, dto: CreateInstructionDto) {
    this.checkDate(dto.instructedDate);
    const id = await this.uow.run(async (manager) => {
      const article = await loadVisibleArticle(manager, user, articleId);
      assertCanAddChild(user, article);
      const saved = await this.instructions.insert({
        officeId: user.officeId, articleId, leaderTitle: dto.leaderTitle, level: dto.level, instructedDate: dto.instructedDate,
        content: dto.content ?? null, ...newDraftReview(user.id),
      }, manager);
      await this.audit.record(user, 'create', 'instruction', saved.id, null, dto, manager);
      return saved.id;
    });
    return this.get(user, id);
  }

  async update(user: AuthUser, id: number, dto: UpdateInstructionDto) {
    if (dto.instructedDate !== undefined) this.checkDate(dto.instructedDate);
    await this.uow.run(async (manager) => {
      const { instruction, article } = await this.loadVisible(manager, user, id);
      assertEditable(user, article, instruction.status, '批示记录');
      const { version, ...changes } = dto;
      await updateVersioned(manager, Instruction, id, version, changes);
      await this.audit.record(user, 'update', 'instruction', id, toInstructionResponse(instruction), dto, manager);
    });
    return this.get(user, id);
  }

  async remove(user: AuthUser, id: number): Promise<void> {
    const fileKeys = await this.uow.run(async (manager) => {
      const { instruction, article } = await this.loadVisible(manager, user, id);
      assertEditable(user, article, instruction.status, '批示记录');
      if (instruction.status !== 'draft' && instruction.status !== 'returned') throw conflict('not_deletable', '已提交的批示记录不能删除');
      const fileKeys = await this.evidence.deleteForOwner('instruction', id, manager);
      await this.instructions.delete(id, manager);
      await this.audit.record(user, 'delete', 'instruction', id, toInstructionResponse(instruction), null, manager);
      return fileKeys;
    });
    await releaseEvidenceFiles(this.evidence, this.files, fileKeys);
  }

  private checkDate(date: string) {
    if (!isBusinessDate(date)) throw invalid({ instructedDate: '日期不存在' });
    if (date > this.clock.today()) throw invalid({ instructedDate: '批示日期不能晚于今天' });
  }
}

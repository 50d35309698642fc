import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { assertEditable } from '../articles/article-access';
import { AppError, badRequest, notFound } from '../common/app-error';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { InstructionsService } from '../instructions/instructions.service';
import { assertAdjustmentEditable, loadVisibleAdjustment } from '../adjustments/adjustment-access';
import { assertItemEditable, loadVisibleItem } from '../items/item-access';
import { PlacementsService } from '../placements/placements.service';
import { FileStore } from '../storage/file-store.service';
import { UnitOfWork } from '../database/unit-of-work';
import { releaseEvidenceFiles } from './evidence-file-cleanup';
import type { EvidenceFile, EvidenceOwner } from './evidence-file.entity';
import { EvidenceRepository } from './evidence.repository';
import { toEvidenceResponse } from './evidence-response';
import { checkEvidenceFile } from './file-signature';

/** Evidence files of placements, instructions, 事项 and 加减分: type-, size- and content-checked, stored with a checksum. */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly evidence: EvidenceRepository,
    private readonly placements: PlacementsService,
    private readonly instructions: InstructionsService,
    private readonly files: FileStore,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The owner entry, checked for visibility; `forEdit` also checks that the caller may change it. */
  private async owner(manager: EntityManager, user: AuthUser, type: EvidenceOwner, id: number, forEdit: boolean): Promise<void> {
    if (type === 'item') {
      const item = await loadVisibleItem(manager, user, id);
      if (forEdit) assertItemEditable(user, item);
      return;
    }
    if (type === 'adjustment') {
      const adjustment = await loadVisibleAdjustment(manager, user, id);
      if (forEdit) assertAdjustmentEditable(user, adjustment);
      return;
    }
    const loaded = type === 'placement'
      ? await this.placements.loadVisible(manager, user, id).then(({ placement, article }) => ({ status: placement.status, article }))
      : await this.instructions.loadVisible(manager, user, id).then(({ instruction, article }) => ({ status: instruction.status, article }));
    if (forEdit) assertEditable(user, loaded.article, loaded.status, type === 'placement' ? '录用记录' : '批示记录');
  }

  async upload(user: AuthUser, type: EvidenceOwner, ownerId: number, file: Express.Multer.File | undefined) {
    if (!file) throw badRequest('file_required', '请选择要上传的文件', { file: '必填' });
    // multer reports names as latin1; browsers send UTF-8 (剪报.png).
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    const check = checkEvidenceFile(fileName, file.buffer, this.config.uploads.maxBytes);
    if (!check.ok) throw new AppError(check.code === 'file_too_large' ? 413 : 400, check.code, check.message, { file: check.message });
    await this.owner(this.uow.manager, user, type, ownerId, true);
    const stored = await this.files.put(file.buffer, check.extension);
    const saved = await this.uow.run(async (manager) => {
      const row = await this.evidence.insert({
        officeId: user.officeId, ownerType: type, ownerId, fileKey: stored.key, fileName: fileName.slice(0, 200),
        mimeType: check.mime, size: stored.size, sha256: stored.sha256, uploadedBy: user.id,
      }, manager);
      await this.audit.record(user, 'attach-evidence', type, ownerId, null, { evidenceId: row.id, fileName, sha256: stored.sha256 }, manager);
      return row;
    });
    // A delete of the same content may have removed the file between put() and the commit.
    await this.files.ensure(stored.key, file.buffer);
    return toEvidenceResponse(saved);
  }

  async download(user: AuthUser, id: number): Promise<{ content: Buffer; evidence: EvidenceFile }> {
    const evidence = await this.evidence.findInOffice(user.officeId, id);
    if (!evidence) throw notFound('证明材料');
    await this.owner(this.uow.manager, user, evidence.ownerType, evidence.ownerId, false).catch(() => {
      throw notFound('证明材料');
    });
    return { content: await this.files.get(evidence.fileKey), evidence };
  }

  async remove(user: AuthUser, id: number): Promise<void> {
    const fileKey = await this.uow.run(async (manager) => {
      const evidence = await this.evidence.findInOffice(user.officeId, id, manager);
      if (!evidence) throw notFound('证明材料');
      await this.owner(manager, user, evidence.ownerType, evidence.ownerId, true);
      await this.evidence.delete(id, manager);
      await this.audit.record(user, 'remove-evidence', evidence.ownerType, evidence.ownerId, { evidenceId: id, fileName: evidence.fileName }, null, manager);
      return evidence.fileKey;
    });
    await releaseEvidenceFiles(this.evidence, this.files, [fileKey]);
  }
}

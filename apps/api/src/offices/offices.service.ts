import type { OfficeResponse } from '@app/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { quarterOf } from '@app/scoring';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { PasswordsService } from '../auth/passwords.service';
import { conflict, invalid, notFound } from '../common/app-error';
import { isUniqueViolation } from '../common/db-errors';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { presetVersionRow } from '../schemes/scheme-document';
import { UnitOfWork } from '../database/unit-of-work';
import { UnitsRepository } from '../units/units.repository';
import { UsersRepository } from '../users/users.repository';
import type { OfficeSettingsResponse } from '@app/contracts/offices';
import type { CreateOfficeDto, UpdateOfficeSettingsDto } from './dto/office.dto';
import { OfficeSettingsReader } from './office-settings.reader';
import { Clock } from '../common/clock';
import type { Office, OfficeSettings } from './office.entity';
import { OfficesRepository } from './offices.repository';

const toOfficeResponse = (office: Office, own: boolean): OfficeResponse => ({
  id: office.id,
  code: office.code,
  name: office.name,
  regionName: office.regionName,
  parentId: office.parentId,
  issuingAuthority: office.issuingAuthority,
  docNumberPrefix: office.docNumberPrefix,
  settings: office.settings,
  own,
});

/**
 * The office tree. An office's administrator creates offices below their own (the root
 * office's administrator is thus the deployment's); each new office gets the standard scheme,
 * the outlet catalogue and its own administrator, and keeps every record of its own.
 */
@Injectable()
export class OfficesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: OfficesRepository,
    private readonly units: UnitsRepository,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly settingsReader: OfficeSettingsReader,
  ) {}

  /** The unit standing for `office` in its parent's ranking (units.childOfficeId). */
  private async addRankedUnit(manager: EntityManager, office: Office, groupId: number) {
    const group = await this.units.findGroupInOffice(office.parentId!, groupId, manager);
    if (!group) throw invalid({ rankingGroupId: '上级组织部没有这个排名分组' });
    const clash = await this.units.findByCode(office.parentId!, office.code, manager);
    if (clash) throw conflict('duplicate_unit_code', `上级组织部已有代码为 ${office.code} 的单位`, { code: '上级组织部已有同代码的单位' });
    await this.units.insert({
      officeId: office.parentId!, code: office.code, name: office.issuingAuthority ?? office.name, groupId, childOfficeId: office.id, contactName: null, contactPhone: null,
    }, manager);
  }

  /** The caller's office and every office below it, parents before children. */
  async list(user: AuthUser): Promise<OfficeResponse[]> {
    const ids = await this.repo.subtreeIds(user.officeId);
    const offices = new Map((await this.repo.findByIds(ids)).map((o) => [o.id, o]));
    return ids.map((id) => toOfficeResponse(offices.get(id)!, id === user.officeId));
  }

  /** An office strictly below the caller's, else 404 (an office elsewhere in the tree is not disclosed). */
  async findBelow(user: AuthUser, id: number): Promise<Office> {
    const ids = await this.repo.subtreeIds(user.officeId);
    const office = id !== user.officeId && ids.includes(id) ? await this.repo.findById(id) : null;
    if (!office) throw notFound('下级组织部');
    return office;
  }

  async create(actor: AuthUser, dto: CreateOfficeDto): Promise<OfficeResponse> {
    if (!(await this.repo.subtreeIds(actor.officeId)).includes(dto.parentId)) {
      throw notFound('上级组织部');
    }
    this.passwords.assertAcceptable('admin.password', dto.admin.password, dto.admin.username);
    const admin = this.users.build({
      username: dto.admin.username, displayName: dto.admin.displayName, role: 'admin', unitId: null, mustChangePassword: true,
    });
    await this.passwords.apply(admin, dto.admin.password, this.clock.now());
    return this.uow.run(async (manager) => {
      let office: Office;
      try {
        office = await this.repo.insert({
          code: dto.code, name: dto.name, regionName: dto.regionName, parentId: dto.parentId,
          issuingAuthority: dto.issuingAuthority ?? null, docNumberPrefix: dto.docNumberPrefix ?? null, settings: dto.settings ? { ...dto.settings } : null,
        }, manager);
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('duplicate_office_code', `组织部代码 ${dto.code} 已存在`, { code: '代码已存在' });
        throw error;
      }
      try {
        admin.officeId = office.id;
        await this.passwords.remember(await this.users.save(admin, manager), manager);
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('duplicate_username', `用户名 ${dto.admin.username} 已存在`, { 'admin.username': '用户名已存在' });
        throw error;
      }
      if (dto.rankingGroupId !== undefined) await this.addRankedUnit(manager, office, dto.rankingGroupId);
      // In force from the first business quarter, so a past year can be loaded under it (history import).
      await this.repo.insertSchemeVersion(presetVersionRow(office.id, 'standard', quarterOf(this.config.business.dateMin)), manager);
      // No outlets of its own yet: it sees the central outlets and its ancestors' (OutletsRepository.visibleIds) and adds its own.
      const response = toOfficeResponse(office, false);
      await this.audit.record(actor, 'create', 'office', office.id, null, { ...response, admin: admin.username }, manager);
      return response;
    });
  }

  /** The caller's office's business settings: its own, the deployment's and those in force. */
  async settings(user: AuthUser): Promise<OfficeSettingsResponse> {
    const office = await this.repo.findById(user.officeId);
    if (!office) throw notFound('组织部');
    return {
      officeId: office.id,
      own: { ...office.settings },
      deployment: this.settingsReader.deployment(),
      effective: await this.settingsReader.forOffice(office.id),
    };
  }

  /** Sets (a number) or clears (null: back to the deployment's) the caller's office's own settings. */
  async updateSettings(user: AuthUser, dto: UpdateOfficeSettingsDto): Promise<OfficeSettingsResponse> {
    await this.uow.run(async (manager) => {
      const office = await this.repo.findById(user.officeId, manager);
      if (!office) throw notFound('组织部');
      const before: OfficeSettings = { ...office.settings };
      const after: OfficeSettings = { ...before };
      for (const key of SETTING_KEYS) {
        const value = dto[key];
        if (value === null) delete after[key];
        else if (value !== undefined) after[key] = value;
      }
      await this.repo.updateSettings(office.id, Object.keys(after).length > 0 ? after : null, manager);
      await this.audit.record(user, 'update', 'office', office.id, { settings: before }, { settings: after }, manager);
    });
    return this.settings(user);
  }
}

const SETTING_KEYS = ['monthlyReportDueDay', 'quarterDisputeDays', 'placementEarlyMarginDays'] as const satisfies readonly (keyof OfficeSettings)[];

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type FindOptionsWhere } from 'typeorm';
import type { Page, UnitResponse } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { conflict, invalid, notFound } from '../common/app-error';
import { isUniqueViolation } from '../common/db-errors';
import { updateVersioned } from '../common/optimistic';
import { assertNotReferenced } from '../database/references';
import { UnitOfWork } from '../database/unit-of-work';
import type { CreateUnitDto, ListUnitsQuery, UpdateUnitDto } from './dto/unit.dto';
import { RankingGroup } from './ranking-group.entity';
import { Unit } from './unit.entity';
import { UnitsRepository } from './units.repository';
import { toUnitResponse } from './unit-response';
import { Containing } from '../common/like';
import { asc, findOrder } from '../common/sort';

@Injectable()
export class UnitsService {
  constructor(
    @InjectRepository(Unit) private readonly units: Repository<Unit>,
    @InjectRepository(RankingGroup) private readonly groups: Repository<RankingGroup>,
    private readonly uow: UnitOfWork,
    private readonly repo: UnitsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, query: ListUnitsQuery): Promise<Page<UnitResponse>> {
    const base: FindOptionsWhere<Unit> = { officeId: user.officeId };
    if (query.groupId) base.groupId = query.groupId;
    if (query.active !== undefined) base.active = query.active;
    const where = query.q ? [{ ...base, name: Containing(query.q) }, { ...base, code: Containing(query.q.toUpperCase()) }] : base;
    const [items, total] = await this.units.findAndCount({
      where,
      relations: { group: true },
      order: findOrder<Unit>(query.sort, { code: 'code', name: 'name', groupId: 'groupId', active: 'active' }, [asc('groupId'), asc('code')]),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: items.map(toUnitResponse), total, page: query.page, pageSize: query.pageSize };
  }

  async get(user: AuthUser, id: number): Promise<UnitResponse> {
    return toUnitResponse(await this.findOrFail(user, id));
  }

  async findOrFail(user: AuthUser, id: number): Promise<Unit> {
    const unit = await this.units.findOne({ where: { id, officeId: user.officeId }, relations: { group: true } });
    if (!unit) throw notFound('单位');
    return unit;
  }

  async create(user: AuthUser, dto: CreateUnitDto): Promise<UnitResponse> {
    await this.assertGroup(user, dto.groupId);
    return this.uow.run(async (manager) => {
      try {
        const saved = await this.repo.insert({ ...dto, officeId: user.officeId, contactName: dto.contactName ?? null, contactPhone: dto.contactPhone ?? null }, manager);
        await this.audit.record(user, 'create', 'unit', saved.id, null, saved, manager);
        return toUnitResponse(saved);
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('duplicate_code', `单位代码 ${dto.code} 已存在`, { code: '单位代码已存在' });
        throw error;
      }
    });
  }

  async update(user: AuthUser, id: number, dto: UpdateUnitDto): Promise<UnitResponse> {
    const before = await this.findOrFail(user, id);
    if (dto.groupId !== undefined) await this.assertGroup(user, dto.groupId);
    const { version, ...changes } = dto;
    await this.uow.run(async (manager) => {
      await updateVersioned(manager, Unit, id, version, changes);
      await this.audit.record(user, changes.active === false ? 'deactivate' : 'update', 'unit', id, before, changes, manager);
    });
    return this.get(user, id);
  }

  /** Deletes a unit nobody refers to yet; a referenced one must be deactivated instead. */
  async remove(user: AuthUser, id: number): Promise<void> {
    const unit = await this.findOrFail(user, id);
    await this.uow.run(async (manager) => {
      await assertNotReferenced(manager, 'unit', id, `单位「${unit.name}」`);
      await this.repo.delete(id, manager);
      await this.audit.record(user, 'delete', 'unit', id, unit, null, manager);
    });
  }

  private async assertGroup(user: AuthUser, groupId: number) {
    const group = await this.groups.findOne({ where: { id: groupId, officeId: user.officeId } });
    if (!group) throw invalid({ groupId: '排名分组不存在' });
  }
}

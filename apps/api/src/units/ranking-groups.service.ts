import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { conflict, notFound } from '../common/app-error';
import { isUniqueViolation } from '../common/db-errors';
import { updateVersioned } from '../common/optimistic';
import { assertNotReferenced } from '../database/references';
import { UnitOfWork } from '../database/unit-of-work';
import type { CreateRankingGroupDto, UpdateRankingGroupDto } from './dto/unit.dto';
import type { RankingGroupResponse } from '@app/contracts';
import { RankingGroup } from './ranking-group.entity';
import { UnitsRepository } from './units.repository';
import { toRankingGroupResponse } from './unit-response';

@Injectable()
export class RankingGroupsService {
  constructor(
    @InjectRepository(RankingGroup) private readonly groups: Repository<RankingGroup>,
    private readonly uow: UnitOfWork,
    private readonly repo: UnitsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser): Promise<RankingGroupResponse[]> {
    return (await this.groups.find({ where: { officeId: user.officeId }, order: { sortOrder: 'ASC', code: 'ASC' } })).map(toRankingGroupResponse);
  }

  async findOrFail(user: AuthUser, id: number): Promise<RankingGroup> {
    const group = await this.groups.findOne({ where: { id, officeId: user.officeId } });
    if (!group) throw notFound('排名分组');
    return group;
  }

  create(user: AuthUser, dto: CreateRankingGroupDto): Promise<RankingGroupResponse> {
    return this.uow.run(async (manager) => {
      try {
        const saved = await this.repo.insertGroup({ ...dto, officeId: user.officeId }, manager);
        await this.audit.record(user, 'create', 'rankingGroup', saved.id, null, saved, manager);
        return toRankingGroupResponse(saved);
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('duplicate_code', `分组代码 ${dto.code} 已存在`, { code: '分组代码已存在' });
        throw error;
      }
    });
  }

  async update(user: AuthUser, id: number, dto: UpdateRankingGroupDto): Promise<RankingGroupResponse> {
    const before = await this.findOrFail(user, id);
    await this.uow.run(async (manager) => {
      await updateVersioned(manager, RankingGroup, id, before.version, dto);
      await this.audit.record(user, 'update', 'rankingGroup', id, before, dto, manager);
    });
    return toRankingGroupResponse(await this.findOrFail(user, id));
  }

  async remove(user: AuthUser, id: number): Promise<void> {
    const group = await this.findOrFail(user, id);
    await this.uow.run(async (manager) => {
      await assertNotReferenced(manager, 'rankingGroup', id, `排名分组「${group.name}」`);
      await this.repo.deleteGroup(id, manager);
      await this.audit.record(user, 'delete', 'rankingGroup', id, group, null, manager);
    });
  }
}

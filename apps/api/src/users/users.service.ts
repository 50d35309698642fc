import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type FindOptionsWhere } from 'typeorm';
import { UNIT_SCOPED_ROLES, type Page, type Role, type SessionUser } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { toSessionUser } from '../auth/auth.service';
import { AuditService } from '../audit/audit.service';
import { conflict, invalid, notFound } from '../common/app-error';
import { isUniqueViolation } from '../common/db-errors';
import { Unit } from '../units/unit.entity';
import type { CreateUserDto, ListUsersQuery, ResetPasswordDto, UpdateUserDto } from './dto/user.dto';
import { hashPassword, passwordProblem } from './password';
import { User } from './user.entity';
import { Containing } from '../common/like';

export type UserResponse = SessionUser & { active: boolean; lockedUntil: string | null; lastLoginAt: string | null };

const toUserResponse = (user: User): UserResponse => ({
  ...toSessionUser(user),
  active: user.active,
  lockedUntil: user.lockedUntil?.toISOString() ?? null,
  lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
});

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Unit) private readonly units: Repository<Unit>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: AuthUser, query: ListUsersQuery): Promise<Page<UserResponse>> {
    const base: FindOptionsWhere<User> = { officeId: actor.officeId, ...(query.role ? { role: query.role } : {}) };
    const where = query.q ? [{ ...base, username: Containing(query.q) }, { ...base, displayName: Containing(query.q) }] : base;
    const [items, total] = await this.users.findAndCount({ where, order: { id: 'ASC' }, skip: (query.page - 1) * query.pageSize, take: query.pageSize });
    return { items: items.map(toUserResponse), total, page: query.page, pageSize: query.pageSize };
  }

  async create(actor: AuthUser, dto: CreateUserDto): Promise<UserResponse> {
    const problem = passwordProblem(dto.password);
    if (problem) throw invalid({ password: problem });
    const unitId = await this.checkUnit(actor, dto.role, dto.unitId ?? null);
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (manager) => {
      try {
        const saved = await manager.save(User, manager.create(User, {
          username: dto.username, displayName: dto.displayName, role: dto.role, unitId, passwordHash,
          mustChangePassword: true, officeId: actor.officeId,
        }));
        await this.audit.record(actor, 'create', 'user', saved.id, null, toUserResponse(saved), manager);
        return toUserResponse(saved);
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('duplicate_username', `用户名 ${dto.username} 已存在`, { username: '用户名已存在' });
        throw error;
      }
    });
  }

  async update(actor: AuthUser, id: number, dto: UpdateUserDto): Promise<UserResponse> {
    const user = await this.findOrFail(actor, id);
    const before = toUserResponse(user);
    const role = dto.role ?? user.role;
    const unitId = await this.checkUnit(actor, role, dto.unitId !== undefined ? dto.unitId : role === user.role ? user.unitId : null);
    Object.assign(user, { ...dto, role, unitId });
    // Changing someone's role or disabling them ends their sessions.
    if (dto.role !== undefined || dto.active === false) user.tokenVersion += 1;
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(User, user);
      await this.audit.record(actor, 'update', 'user', id, before, toUserResponse(saved), manager);
      return toUserResponse(saved);
    });
  }

  async resetPassword(actor: AuthUser, id: number, dto: ResetPasswordDto): Promise<UserResponse> {
    const user = await this.findOrFail(actor, id);
    const problem = passwordProblem(dto.password);
    if (problem) throw invalid({ password: problem });
    Object.assign(user, { passwordHash: await hashPassword(dto.password), mustChangePassword: true, failedLogins: 0, lockedUntil: null, tokenVersion: user.tokenVersion + 1 });
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(User, user);
      await this.audit.record(actor, 'reset-password', 'user', id, null, null, manager);
      return toUserResponse(saved);
    });
  }

  private async findOrFail(actor: AuthUser, id: number): Promise<User> {
    const user = await this.users.findOne({ where: { id, officeId: actor.officeId } });
    if (!user) throw notFound('用户');
    return user;
  }

  /** Officers and reviewers belong to exactly one unit of the office; other roles to none. */
  private async checkUnit(actor: AuthUser, role: Role, unitId: number | null): Promise<number | null> {
    if (!UNIT_SCOPED_ROLES.includes(role)) {
      if (unitId !== null) throw invalid({ unitId: '只有信息员和单位审核人可以绑定单位' });
      return null;
    }
    if (unitId === null) throw invalid({ unitId: '信息员和单位审核人必须绑定单位' });
    const unit = await this.units.findOne({ where: { id: unitId, officeId: actor.officeId } });
    if (!unit) throw invalid({ unitId: '单位不存在' });
    return unitId;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type FindOptionsWhere } from 'typeorm';
import { DUTY_ROLES, type AuditAction, UNIT_SCOPED_ROLES, type Page, type Role, type UserResponse } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { toSessionUser } from '../auth/auth.service';
import { AuditService } from '../audit/audit.service';
import { conflict, forbidden, invalid, notFound } from '../common/app-error';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { isUniqueViolation } from '../common/db-errors';
import { UnitOfWork } from '../database/unit-of-work';
import { UnitsRepository } from '../units/units.repository';
import type { CreateUserDto, ListUsersQuery, ResetPasswordDto, UpdateUserDto } from './dto/user.dto';
import { LoginThrottleService } from '../auth/login-throttle.service';
import { PasswordsService } from '../auth/passwords.service';
import { SessionsService } from '../auth/sessions.service';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';
import { Containing } from '../common/like';
import { Clock } from '../common/clock';
import { asc, findOrder } from '../common/sort';

/** `throttledUntil`: the latest running login hold-off on the username (from any address). */
const toUserResponse = (user: User, throttledUntil: Date | null = null): UserResponse => ({
  ...toSessionUser(user),
  email: user.email,
  active: user.active,
  throttledUntil: throttledUntil?.toISOString() ?? null,
  lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
});

/** The audit action of an account change: role changes and disabling are named security events. */
function updateAction(before: User, dto: UpdateUserDto): AuditAction {
  if (dto.role !== undefined && dto.role !== before.role) return 'role';
  if (dto.active === false && before.active) return 'disable';
  if (dto.active === true && !before.active) return 'enable';
  return 'update';
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly repo: UsersRepository,
    private readonly units: UnitsRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly passwords: PasswordsService,
    private readonly sessions: SessionsService,
    private readonly throttles: LoginThrottleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async list(actor: AuthUser, query: ListUsersQuery): Promise<Page<UserResponse>> {
    const base: FindOptionsWhere<User> = { officeId: actor.officeId, ...(query.role ? { role: query.role } : {}) };
    const where = query.q ? [{ ...base, username: Containing(query.q) }, { ...base, displayName: Containing(query.q) }] : base;
    const [items, total] = await this.users.findAndCount({ where, order: findOrder<User>(query.sort, { id: 'id', username: 'username', displayName: 'displayName', role: 'role', unitId: 'unitId', lastLoginAt: 'lastLoginAt' }, [asc('id')]), skip: (query.page - 1) * query.pageSize, take: query.pageSize });
    const held = await this.throttles.heldUntil(items.map((u) => u.username), this.clock.now());
    return { items: items.map((u) => toUserResponse(u, held.get(u.username))), total, page: query.page, pageSize: query.pageSize };
  }

  async create(actor: AuthUser, dto: CreateUserDto): Promise<UserResponse> {
    this.assertRoleAllowed(dto.role);
    // Under 三员分立 the administrator cannot make the accounts that would watch it: the
    // security administrator turns an existing account into one (update).
    if (this.config.separationOfDuties && DUTY_ROLES.includes(dto.role)) throw forbidden('已实行三员分立：安全管理员、安全审计员由安全管理员分配角色');
    this.passwords.assertAcceptable('password', dto.password, dto.username);
    const unitId = await this.checkUnit(actor, dto.role, dto.unitId ?? null);
    const user = this.users.create({ username: dto.username, displayName: dto.displayName, email: dto.email ?? null, role: dto.role, unitId, mustChangePassword: true, officeId: actor.officeId });
    await this.passwords.apply(user, dto.password, this.clock.now());
    return this.uow.run(async (manager) => {
      try {
        const saved = await this.repo.save(user, manager);
        await this.passwords.remember(saved, manager);
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
    if (dto.role !== undefined) this.assertRoleAllowed(dto.role);
    this.assertOwnDuty(actor, user, dto);
    const role = dto.role ?? user.role;
    const unitId = await this.checkUnit(actor, role, dto.unitId !== undefined ? dto.unitId : role === user.role ? user.unitId : null);
    const action = updateAction(user, dto);
    // Changing someone's role or disabling them ends their sessions.
    const endSessions = action === 'role' || action === 'disable';
    Object.assign(user, { ...dto, role, unitId });
    if (endSessions) user.tokenVersion += 1;
    return this.uow.run(async (manager) => {
      const saved = await this.repo.save(user, manager);
      if (endSessions) await this.sessions.revokeAll(id, manager);
      await this.audit.record(actor, action, 'user', id, before, toUserResponse(saved), manager);
      return toUserResponse(saved);
    });
  }

  async resetPassword(actor: AuthUser, id: number, dto: ResetPasswordDto): Promise<UserResponse> {
    const user = await this.findOrFail(actor, id);
    this.passwords.assertAcceptable('password', dto.password, user.username);
    await this.passwords.apply(user, dto.password, this.clock.now());
    Object.assign(user, { mustChangePassword: true, tokenVersion: user.tokenVersion + 1 });
    return this.uow.run(async (manager) => {
      const saved = await this.repo.save(user, manager);
      await this.passwords.remember(saved, manager);
      await this.sessions.revokeAll(id, manager);
      await this.audit.record(actor, 'reset-password', 'user', id, null, null, manager);
      return toUserResponse(saved);
    });
  }

  /** Ends every login hold-off on the account, from every address (解除登录限制). */
  async unlock(actor: AuthUser, id: number): Promise<UserResponse> {
    const user = await this.findOrFail(actor, id);
    const cleared = await this.throttles.clear(user.username);
    await this.audit.record(actor, 'unlock', 'user', id, null, { cleared });
    return toUserResponse(user);
  }

  /** The security administrator and auditor roles exist only with SEPARATION_OF_DUTIES. */
  private assertRoleAllowed(role: Role) {
    if (DUTY_ROLES.includes(role) && !this.config.separationOfDuties) throw invalid({ role: '未实行三员分立，不能设置此角色' });
  }

  /** 三员分立: roles are the security administrator's, everything else about an account the administrator's. */
  private assertOwnDuty(actor: AuthUser, user: User, dto: UpdateUserDto) {
    if (!this.config.separationOfDuties) return;
    const roleChange = dto.role !== undefined && dto.role !== user.role;
    if (actor.role === 'admin' && roleChange) throw forbidden('已实行三员分立：角色由安全管理员分配');
    if (actor.role === 'secadmin' && (dto.displayName !== undefined || dto.active !== undefined || dto.email !== undefined)) throw forbidden('已实行三员分立：安全管理员只分配角色');
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
    const unit = await this.units.findInOffice(actor.officeId, unitId);
    if (!unit) throw invalid({ unitId: '单位不存在' });
    return unitId;
  }
}

import { randomBytes } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { SessionAnswer, SessionUser } from '@app/contracts';
import { AppError, invalid } from '../common/app-error';
import type { ClientInfo } from '../common/request-context';
import { AuditService, NO_OFFICE } from '../audit/audit.service';
import { User } from '../users/user.entity';
import { hashPassword, verifyPassword } from '../users/password';
import type { AuthUser } from './auth-user';
import { unauthorized } from './auth.guard';
import type { ChangePasswordDto, LoginDto } from './dto/login.dto';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordsService } from './passwords.service';
import { SessionTokenService } from './session-token.service';
import { SessionsService } from './sessions.service';
import { Clock } from '../common/clock';
import { UnitOfWork } from '../database/unit-of-work';


@Injectable()
export class AuthService {
  /** Compared against for unknown usernames, so that they cost the same bcrypt time as known ones. */
  private dummy?: Promise<string>;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly uow: UnitOfWork,
    private readonly tokens: SessionTokenService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly passwords: PasswordsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Made on first use, at the configured cost (PASSWORD_HASH_COST) like every stored hash. */
  private dummyHash(): Promise<string> {
    this.dummy ??= hashPassword(randomBytes(16).toString('hex'), this.passwords.hashCost);
    return this.dummy;
  }

  /**
   * Checks the password. Unknown usernames, wrong passwords and disabled accounts get the same
   * answer after the same work; repeated failures for one username from one address are held
   * off with growing delays (LoginThrottleService), never locking the account for everyone.
   */
  async login(dto: LoginDto, client: ClientInfo): Promise<SessionAnswer> {
    const username = dto.username.trim().toLowerCase();
    const now = this.clock.now();
    const user = await this.users.findOne({ where: { username } });
    const who = { officeId: user?.officeId ?? NO_OFFICE, userId: user?.id ?? null, username, entity: 'user' as const, entityId: user?.id ?? '-' };
    const heldUntil = await this.throttle.admit(username, client.address, now);
    if (heldUntil) {
      await this.audit.recordEvent({ ...who, action: 'login-throttled', after: { heldUntil } });
      throw throttled(heldUntil, now);
    }
    const ok = await verifyPassword(dto.password, user?.passwordHash ?? (await this.dummyHash()));
    if (!user || !ok || !user.active) {
      await this.audit.recordEvent({ ...who, action: 'login-failed' });
      throw unauthorized('invalid_credentials', '用户名或密码错误');
    }
    await this.throttle.succeeded(username, client.address);
    const session = await this.sessions.start(user.id, client, now);
    await this.users.update(user.id, { lastLoginAt: now });
    await this.audit.recordEvent({ ...who, action: 'login', entity: 'session', entityId: session.id });
    return { token: this.tokens.issue(user.id, user.tokenVersion, session.id), user: this.toSessionUser(user, now) };
  }

  /** Logging out ends this session only: the user's other devices stay signed in. */
  async logout(auth: AuthUser): Promise<void> {
    if (auth.sessionId) await this.sessions.revoke(auth.sessionId);
    await this.audit.record(auth, 'logout', 'session', auth.sessionId ?? '-', null, null);
  }

  async me(auth: AuthUser): Promise<SessionUser> {
    return this.toSessionUser(await this.users.findOneOrFail({ where: { id: auth.id } }), this.clock.now());
  }

  /** A new password ends every session of the user, other devices included, and starts a new one here. */
  async changePassword(auth: AuthUser, dto: ChangePasswordDto, client: ClientInfo): Promise<SessionAnswer> {
    const user = await this.users.findOneOrFail({ where: { id: auth.id } });
    if (!(await verifyPassword(dto.currentPassword, user.passwordHash))) throw invalid({ currentPassword: '当前密码不正确' });
    this.passwords.assertAcceptable('newPassword', dto.newPassword, user.username);
    if (dto.newPassword === dto.currentPassword) throw invalid({ newPassword: '新密码不能与当前密码相同' });
    await this.passwords.assertNotRecent('newPassword', user, dto.newPassword);
    const now = this.clock.now();
    await this.passwords.apply(user, dto.newPassword, now);
    user.mustChangePassword = false;
    user.tokenVersion += 1;
    const session = await this.uow.run(async (manager) => {
      await manager.save(User, user);
      await this.passwords.remember(user, manager);
      await this.sessions.revokeAll(user.id, manager);
      await this.audit.record(auth, 'password', 'user', user.id, null, null, manager);
      return this.sessions.start(user.id, client, now, manager);
    });
    return { token: this.tokens.issue(user.id, user.tokenVersion, session.id), user: this.toSessionUser(user, now) };
  }

  /** An expired password (PASSWORD_MAX_AGE_DAYS) must be changed at login like a temporary one. */
  private toSessionUser(user: User, now: Date): SessionUser {
    return { ...toSessionUser(user), mustChangePassword: user.mustChangePassword || this.passwords.isExpired(user, now) };
  }
}

export function toSessionUser(user: User): SessionUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    officeId: user.officeId,
    unitId: user.unitId,
    mustChangePassword: user.mustChangePassword,
  };
}

/** 429 with Retry-After: this username is held off from this address for a while. */
function throttled(until: Date, now: Date) {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const wait = seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
  return new AppError(HttpStatus.TOO_MANY_REQUESTS, 'login_throttled', `登录失败次数过多，请 ${wait}后再试`, {}, { 'Retry-After': String(seconds) });
}

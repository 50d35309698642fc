import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { SessionUser } from '@app/contracts';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { AppError, invalid } from '../common/app-error';
import { AuditService } from '../audit/audit.service';
import { User } from '../users/user.entity';
import { hashPassword, passwordProblem, verifyPassword } from '../users/password';
import type { AuthUser } from './auth-user';
import { unauthorized } from './auth.guard';
import type { ChangePasswordDto, LoginDto } from './dto/login.dto';
import { SessionTokenService } from './session-token.service';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly tokens: SessionTokenService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks the password. Each failure in a row makes the answer slower (guessing gets
   * expensive) and at LOGIN_MAX_FAILURES the account is locked for LOGIN_LOCK_MINUTES.
   */
  async login(dto: LoginDto): Promise<{ token: string; user: SessionUser }> {
    const user = await this.users.findOne({ where: { username: dto.username.trim().toLowerCase() } });
    const now = new Date();
    if (user?.lockedUntil && user.lockedUntil > now) throw locked(user.lockedUntil);
    const ok = user ? await verifyPassword(dto.password, user.passwordHash) : false;
    if (!user || !ok || !user.active) {
      if (user && user.active) await this.recordFailure(user, now);
      throw unauthorized('invalid_credentials', '用户名或密码错误');
    }
    await this.users.update(user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    return { token: this.tokens.issue(user.id, user.tokenVersion), user: toSessionUser(user) };
  }

  private async recordFailure(user: User, now: Date) {
    // Counted in the database, not from the row read before the password check: failures
    // arriving at the same time must each count, or parallel guessing never locks.
    await this.users.increment({ id: user.id }, 'failedLogins', 1);
    const { failedLogins: failures } = await this.users.findOneOrFail({ where: { id: user.id }, select: { id: true, failedLogins: true } });
    if (failures >= this.config.login.maxFailures) {
      const lockedUntil = new Date(now.getTime() + this.config.login.lockMinutes * 60_000);
      await this.users.update(user.id, { failedLogins: 0, lockedUntil });
      throw locked(lockedUntil);
    }
    await sleep(Math.min(200 * 2 ** (failures - 1), 3000));
  }

  /** Logging out bumps the token version: the token cannot be replayed afterwards. */
  async logout(auth: AuthUser): Promise<void> {
    await this.users.increment({ id: auth.id }, 'tokenVersion', 1);
  }

  async me(auth: AuthUser): Promise<SessionUser> {
    return toSessionUser(await this.users.findOneOrFail({ where: { id: auth.id } }));
  }

  async changePassword(auth: AuthUser, dto: ChangePasswordDto): Promise<{ token: string; user: SessionUser }> {
    const user = await this.users.findOneOrFail({ where: { id: auth.id } });
    if (!(await verifyPassword(dto.currentPassword, user.passwordHash))) throw invalid({ currentPassword: '当前密码不正确' });
    const problem = passwordProblem(dto.newPassword);
    if (problem) throw invalid({ newPassword: problem });
    if (dto.newPassword === dto.currentPassword) throw invalid({ newPassword: '新密码不能与当前密码相同' });
    user.passwordHash = await hashPassword(dto.newPassword);
    user.mustChangePassword = false;
    user.tokenVersion += 1;
    await this.users.save(user);
    await this.audit.record(auth, 'password', 'user', user.id, null, null);
    return { token: this.tokens.issue(user.id, user.tokenVersion), user: toSessionUser(user) };
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

function locked(until: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError(HttpStatus.TOO_MANY_REQUESTS, 'account_locked', `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`);
}

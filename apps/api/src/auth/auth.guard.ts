import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request } from 'express';
import { Repository } from 'typeorm';
import { AppError, forbidden } from '../common/app-error';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { User } from '../users/user.entity';
import type { AuthUser } from './auth-user';
import { PasswordsService } from './passwords.service';
import { ACCESS_KEY, DUTY_KEY, type Duty, type RouteAccess } from './roles.decorator';
import { SESSION_COOKIE, SessionTokenService } from './session-token.service';
import { SessionsService } from './sessions.service';
import { Clock } from '../common/clock';

export const unauthorized = (code = 'unauthorized', message = '请先登录') => new AppError(HttpStatus.UNAUTHORIZED, code, message);

/** lastSeenAt is written at most this often per session: one write a minute, not one per request. */
const TOUCH_EVERY_MS = 60_000;

/** Global guard: every route must declare its access; the caller must hold one of its roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: SessionTokenService,
    private readonly sessions: SessionsService,
    private readonly passwords: PasswordsService,
    @InjectRepository(User) private readonly users: Repository<User>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!access) {
      // A route without a declaration is a programming error: refuse rather than guess.
      this.logger.error(`route ${context.getClass().name}.${context.getHandler().name} declares no roles`);
      throw forbidden('该接口未声明访问权限');
    }
    if (access.public) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const now = this.clock.now();
    const user = await this.authenticate(request, now);
    if (!access.allowPendingPasswordChange) {
      if (user.mustChangePassword) throw new AppError(HttpStatus.FORBIDDEN, 'password_change_required', '请先修改初始密码');
      if (this.passwords.isExpired(user, now)) throw new AppError(HttpStatus.FORBIDDEN, 'password_change_required', '密码已过期，请先修改密码');
    }
    if (!access.roles.includes(user.role)) throw forbidden();
    if (user.role === 'admin' && this.config.separationOfDuties) {
      const duty = this.reflector.getAllAndOverride<Duty | undefined>(DUTY_KEY, [context.getHandler(), context.getClass()]);
      if (duty) throw forbidden(duty === 'audit' ? '已实行三员分立：审计日志由安全审计员查看' : '已实行三员分立：该操作由安全管理员办理');
    }
    request.user = { id: user.id, username: user.username, displayName: user.displayName, role: user.role, officeId: user.officeId, unitId: user.unitId, sessionId: user.sessionId };
    return true;
  }

  private async authenticate(request: Request, now: Date): Promise<SessionRow> {
    const token = bearer(request) ?? (request.cookies?.[SESSION_COOKIE] as string | undefined);
    if (!token) throw unauthorized();
    const claims = this.tokens.verify(token);
    if (!claims) throw unauthorized('invalid_token', '登录已失效，请重新登录');
    // Read on every request (a logout, password change or ended session elsewhere must take
    // effect at once): the session and its user in one indexed statement, not two findOnes.
    const rows: Record<string, unknown>[] = await this.users.query(
      'SELECT u.id, u.username, u.displayName, u.role, u.officeId, u.unitId, u.active, u.mustChangePassword, u.tokenVersion, u.passwordChangedAt, u.createdAt, ' +
        's.lastSeenAt, s.expiresAt, s.revokedAt FROM sessions s JOIN users u ON u.id = s.userId WHERE s.id = ? AND s.userId = ?',
      [claims.sid, claims.sub],
    );
    const row = rows[0] ? toSessionRow(rows[0], claims.sid) : null;
    if (!row || !row.active || row.tokenVersion !== claims.tv || row.revokedAt || row.expiresAt <= now) {
      throw unauthorized('invalid_token', '登录已失效，请重新登录');
    }
    if (now.getTime() - row.lastSeenAt.getTime() >= this.config.session.idleMinutes * 60_000) {
      throw unauthorized('session_idle', '长时间未操作，登录已失效，请重新登录');
    }
    if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) await this.sessions.touch(row.sessionId, now);
    return row;
  }
}

type SessionRow = Pick<User, 'id' | 'username' | 'displayName' | 'role' | 'officeId' | 'unitId' | 'active' | 'mustChangePassword' | 'tokenVersion' | 'passwordChangedAt' | 'createdAt'> & {
  sessionId: number;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
};

/** mysql2 and better-sqlite3 both answer booleans as 0/1 and ints as numbers here; dates differ. */
function toSessionRow(r: Record<string, unknown>, sessionId: number): SessionRow {
  return {
    id: Number(r.id),
    username: String(r.username),
    displayName: String(r.displayName),
    role: r.role as User['role'],
    officeId: Number(r.officeId),
    unitId: r.unitId === null || r.unitId === undefined ? null : Number(r.unitId),
    active: Number(r.active) === 1,
    mustChangePassword: Number(r.mustChangePassword) === 1,
    tokenVersion: Number(r.tokenVersion),
    passwordChangedAt: toDate(r.passwordChangedAt),
    createdAt: toDate(r.createdAt)!,
    sessionId,
    lastSeenAt: toDate(r.lastSeenAt)!,
    expiresAt: toDate(r.expiresAt)!,
    revokedAt: toDate(r.revokedAt),
  };
}

/** mysql2 answers Date objects (UTC connection); better-sqlite3 the UTC text TypeORM stored. */
function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  return new Date(`${String(value).replace(' ', 'T')}Z`);
}

function bearer(request: Request): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

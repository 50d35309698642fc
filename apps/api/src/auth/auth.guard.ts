import { CanActivate, ExecutionContext, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request } from 'express';
import { Repository } from 'typeorm';
import { AppError, forbidden } from '../common/app-error';
import { User } from '../users/user.entity';
import type { AuthUser } from './auth-user';
import { ACCESS_KEY, type RouteAccess } from './roles.decorator';
import { SESSION_COOKIE, SessionTokenService } from './session-token.service';

export const unauthorized = (code = 'unauthorized', message = '请先登录') => new AppError(HttpStatus.UNAUTHORIZED, code, message);

/** Global guard: every route must declare its access; the caller must hold one of its roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: SessionTokenService,
    @InjectRepository(User) private readonly users: Repository<User>,
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
    const user = await this.authenticate(request);
    if (user.mustChangePassword && !access.allowPendingPasswordChange) {
      throw new AppError(HttpStatus.FORBIDDEN, 'password_change_required', '请先修改初始密码');
    }
    if (!access.roles.includes(user.role)) throw forbidden();
    request.user = { id: user.id, username: user.username, displayName: user.displayName, role: user.role, officeId: user.officeId, unitId: user.unitId };
    return true;
  }

  private async authenticate(request: Request): Promise<SessionRow> {
    const token = bearer(request) ?? (request.cookies?.[SESSION_COOKIE] as string | undefined);
    if (!token) throw unauthorized();
    const claims = this.tokens.verify(token);
    if (!claims) throw unauthorized('invalid_token', '登录已失效，请重新登录');
    // Read on every request (a logout or password change elsewhere must end the session at
    // once), so a plain statement of the few columns needed instead of a findOne.
    const rows: Record<string, unknown>[] = await this.users.query(
      'SELECT id, username, displayName, role, officeId, unitId, active, mustChangePassword, tokenVersion FROM users WHERE id = ?',
      [claims.sub],
    );
    const user = rows[0] ? toSessionRow(rows[0]) : null;
    if (!user || !user.active || user.tokenVersion !== claims.tv) throw unauthorized('invalid_token', '登录已失效，请重新登录');
    return user;
  }
}

type SessionRow = Pick<User, 'id' | 'username' | 'displayName' | 'role' | 'officeId' | 'unitId' | 'active' | 'mustChangePassword' | 'tokenVersion'>;

/** mysql2 and better-sqlite3 both answer booleans as 0/1 and ints as numbers here. */
function toSessionRow(r: Record<string, unknown>): SessionRow {
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
  };
}

function bearer(request: Request): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

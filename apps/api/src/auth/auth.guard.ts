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

  private async authenticate(request: Request): Promise<User> {
    const token = bearer(request) ?? (request.cookies?.[SESSION_COOKIE] as string | undefined);
    if (!token) throw unauthorized();
    const claims = this.tokens.verify(token);
    if (!claims) throw unauthorized('invalid_token', '登录已失效，请重新登录');
    const user = await this.users.findOne({ where: { id: claims.sub } });
    if (!user || !user.active || user.tokenVersion !== claims.tv) throw unauthorized('invalid_token', '登录已失效，请重新登录');
    return user;
  }
}

function bearer(request: Request): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

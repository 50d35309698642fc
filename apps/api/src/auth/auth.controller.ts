import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { clientOf } from '../common/request-context';
import { Auth, type AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { ChangePasswordDto, LoginDto } from './dto/login.dto';
import { AnyAccount, AnyRoleEvenBeforePasswordChange, Public } from './roles.decorator';
import { SESSION_COOKIE, SessionTokenService } from './session-token.service';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { SessionsService } from './sessions.service';
import { ApiAnswer, ApiNoContent } from '../common/openapi';

@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(private readonly service: AuthService, private readonly sessions: SessionsService, private readonly tokens: SessionTokenService) {}

  /**
   * Two limits: LoginThrottleService per username + address (growing delays, shared by every
   * process through the database), and this per-address cap on all logins (password spraying
   * across many usernames; counted in Redis when REDIS_URL is set, so across every API process —
   * a coarse backstop well above LOGIN_FREE_FAILURES).
   */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @Post('login')
  @HttpCode(200)
  @ApiAnswer('SessionAnswer')
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.withCookie(res, await this.service.login(dto, clientOf(req)));
  }

  @AnyRoleEvenBeforePasswordChange()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContent()
  async logout(@Auth() user: AuthUser, @Res({ passthrough: true }) res: Response) {
    await this.service.logout(user);
    res.clearCookie(SESSION_COOKIE, cookieOptions(res));
  }

  @AnyRoleEvenBeforePasswordChange()
  @Get('me')
  @ApiAnswer('SessionUser')
  me(@Auth() user: AuthUser) {
    return this.service.me(user);
  }

  @AnyRoleEvenBeforePasswordChange()
  @Post('password')
  @HttpCode(200)
  @ApiAnswer('SessionAnswer')
  async changePassword(@Auth() user: AuthUser, @Body() dto: ChangePasswordDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.withCookie(res, await this.service.changePassword(user, dto, clientOf(req)));
  }

  /** The caller's own sessions (登录设备): device, address, since, last seen. */
  @AnyAccount()
  @Get('sessions')
  @ApiAnswer('SessionInfo', 'list')
  listSessions(@Auth() user: AuthUser) {
    return this.sessions.list(user);
  }

  /** Ends every session of the caller except this one. */
  @AnyAccount()
  @Delete('sessions')
  @HttpCode(200)
  @ApiAnswer('EndedSessions')
  async endOtherSessions(@Auth() user: AuthUser) {
    return { ended: await this.sessions.endOthers(user) };
  }

  @AnyAccount()
  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiNoContent()
  endSession(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.sessions.end(user, id);
  }

  private withCookie<T extends { token: string }>(res: Response, session: T): T {
    res.cookie(SESSION_COOKIE, session.token, { ...cookieOptions(res), maxAge: this.tokens.cookieMaxAgeMs });
    return session;
  }
}

/**
 * Strict: the web app is one page, so the cookie never needs to ride along on a navigation from
 * another site (the CSRF origin check is the second line). Secure whenever the request came over
 * TLS, directly or through a trusted proxy (TRUST_PROXY), so an HTTPS install never leaks it.
 */
function cookieOptions(res: Response) {
  return { httpOnly: true, sameSite: 'strict', secure: res.req.secure, path: '/' } as const;
}

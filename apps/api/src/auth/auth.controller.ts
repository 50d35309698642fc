import { Body, Controller, Get, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { Auth, type AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { ChangePasswordDto, LoginDto } from './dto/login.dto';
import { AnyRoleEvenBeforePasswordChange, Public } from './roles.decorator';
import { SESSION_COOKIE, SessionTokenService } from './session-token.service';

@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(private readonly service: AuthService, private readonly tokens: SessionTokenService) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @Post('login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @Res({ passthrough: true }) res: Response) {
    return this.withCookie(res, await this.service.login(dto));
  }

  @AnyRoleEvenBeforePasswordChange()
  @Post('logout')
  @HttpCode(204)
  async logout(@Auth() user: AuthUser, @Res({ passthrough: true }) res: Response) {
    await this.service.logout(user);
    res.clearCookie(SESSION_COOKIE, cookieOptions(res));
  }

  @AnyRoleEvenBeforePasswordChange()
  @Get('me')
  me(@Auth() user: AuthUser) {
    return this.service.me(user);
  }

  @AnyRoleEvenBeforePasswordChange()
  @Post('password')
  @HttpCode(200)
  async changePassword(@Auth() user: AuthUser, @Body() dto: ChangePasswordDto, @Res({ passthrough: true }) res: Response) {
    return this.withCookie(res, await this.service.changePassword(user, dto));
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

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
    res.clearCookie(SESSION_COOKIE, { path: '/' });
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
    res.cookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: this.tokens.cookieMaxAgeMs });
    return session;
  }
}

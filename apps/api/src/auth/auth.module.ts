import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { User } from '../users/user.entity';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle.entity';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHistory } from './password-history.entity';
import { PasswordsService } from './passwords.service';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { Session } from './session.entity';
import { SessionTokenService } from './session-token.service';
import { SessionsService } from './sessions.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, Session, LoginThrottle, PasswordHistory]), JwtModule.register({}), ThrottlerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: loginCapOptions })],
  controllers: [AuthController],
  providers: [AuthService, SessionTokenService, SessionsService, LoginThrottleService, PasswordsService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [SessionTokenService, SessionsService, LoginThrottleService, PasswordsService],
})
export class AuthModule {}

/** The per-address login cap (AuthController): counted in Redis when there is one, so across every API process. */
function loginCapOptions(config: AppConfig) {
  const throttlers = [{ ttl: 60_000, limit: 30 }];
  if (config.queue.mode !== 'bull') return { throttlers };
  return { throttlers, storage: new RedisThrottlerStorage(config.queue.redisUrl, `${config.queue.prefix}:login-cap`) };
}

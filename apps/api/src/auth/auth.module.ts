import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '../users/user.entity';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle.entity';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHistory } from './password-history.entity';
import { PasswordsService } from './passwords.service';
import { Session } from './session.entity';
import { SessionTokenService } from './session-token.service';
import { SessionsService } from './sessions.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, Session, LoginThrottle, PasswordHistory]), JwtModule.register({}), ThrottlerModule.forRoot([{ ttl: 60_000, limit: 30 }])],
  controllers: [AuthController],
  providers: [AuthService, SessionTokenService, SessionsService, LoginThrottleService, PasswordsService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [SessionTokenService, SessionsService, LoginThrottleService, PasswordsService],
})
export class AuthModule {}

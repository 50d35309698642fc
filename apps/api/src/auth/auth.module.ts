import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '../users/user.entity';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { SessionTokenService } from './session-token.service';

@Module({
  imports: [TypeOrmModule.forFeature([User]), JwtModule.register({}), ThrottlerModule.forRoot([{ ttl: 60_000, limit: 30 }])],
  controllers: [AuthController],
  providers: [AuthService, SessionTokenService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [SessionTokenService],
})
export class AuthModule {}

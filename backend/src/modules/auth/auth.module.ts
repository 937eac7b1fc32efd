import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AuthController } from './auth.controller';
import { AccessGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { PasswordHasher } from './password-hasher';
import { SessionService } from './session.service';
import { TokenService } from './token.service';

@Module({
  imports: [PassportModule],
  controllers: [AuthController],
  providers: [AuthService, SessionService, PasswordHasher, TokenService, JwtStrategy, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [PasswordHasher, SessionService],
})
export class AuthModule {}

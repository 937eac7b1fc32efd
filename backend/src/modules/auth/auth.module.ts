import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AuthController } from './auth.controller';
import { AccessGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { EsiaController } from './esia/esia.controller';
import { EsiaRelyingParty } from './esia/esia-relying-party';
import { EsiaSignInService } from './esia/esia-sign-in.service';
import { JwtStrategy } from './jwt.strategy';
import { PasswordHasher } from './password-hasher';
import { SessionService } from './session.service';
import { TokenService } from './token.service';

@Module({
  imports: [PassportModule],
  controllers: [AuthController, EsiaController],
  providers: [AuthService, SessionService, EsiaRelyingParty, EsiaSignInService, PasswordHasher, TokenService, JwtStrategy, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [PasswordHasher, SessionService],
})
export class AuthModule {}

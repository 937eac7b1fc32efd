import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { UserDirectoryModule } from '../users/user-directory.module';
import { AccountSessionsService } from './account-security.service';
import { AuthController } from './auth.controller';
import { AccessGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { CaptchaService } from './captcha.service';
import { ContactChanges } from './contacts/contact-changes.service';
import { OneTimeCodes } from './codes/one-time-codes';
import { EsiaController } from './esia/esia.controller';
import { EsiaRelyingParty } from './esia/esia-relying-party';
import { EsiaSignInService } from './esia/esia-sign-in.service';
import { JwtStrategy } from './jwt.strategy';
import { LiveSessions } from './live-sessions.repository';
import { MeSecurityController } from './me-security.controller';
import { MfaService } from './mfa/mfa.service';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password/password-policy';
import { PasswordService } from './password/password.service';
import { AuthLimits } from './protection/auth-limits';
import { LockoutService } from './protection/lockout.service';
import { RateLimiter } from './protection/rate-limiter';
import { SignInBookkeeping } from './protection/sign-in-bookkeeping.repository';
import { RegistrationService } from './registration.service';
import { SessionService } from './session.service';
import { SignInService } from './sign-in.service';
import { TokenService } from './token.service';
import { UserContacts } from './user-contacts';
import { AccountLinks } from './staff/account-links';
import { AccountLinkController, StaffAccountsController } from './staff/staff-accounts.controller';
import { StaffAccountsService } from './staff/staff-accounts.service';

@Module({
  imports: [PassportModule, UserDirectoryModule],
  controllers: [AuthController, MeSecurityController, EsiaController, StaffAccountsController, AccountLinkController],
  providers: [
    AuthService,
    SessionService,
    SignInService,
    PasswordHasher,
    { provide: PasswordPolicy, useFactory: () => new PasswordPolicy() },
    PasswordService,
    TokenService,
    JwtStrategy,
    LiveSessions,
    CaptchaService,
    OneTimeCodes,
    RateLimiter,
    LockoutService,
    AuthLimits,
    RegistrationService,
    MfaService,
    AccountSessionsService,
    UserContacts,
    ContactChanges,
    EsiaRelyingParty,
    EsiaSignInService,
    SignInBookkeeping,
    AccountLinks,
    StaffAccountsService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [SignInBookkeeping, PasswordHasher, SessionService, SignInService, PasswordPolicy, CaptchaService, RateLimiter, ContactChanges, UserContacts, EsiaSignInService],
})
export class AuthModule {}

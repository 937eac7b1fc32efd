import { Inject, Injectable } from '@nestjs/common';
import { isStaff } from '@otklik/shared/domain';
import { BlindIndex } from '../../common/crypto/blind-index';
import { anonymousActor } from '../../common/http/actor';
import { DomainError } from '../../common/problem/domain-error';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { Mailer, maskEmail } from '../messaging/mailer';
import { maskPhone, SmsSender } from '../messaging/sms-sender';
import { Account, UserAccounts, normalizeEmail } from '../users/user-accounts.repository';
import { CodeSentDto, EnrolledTokensDto, MfaEnrolment, MfaMethod, MfaRequiredDto, SignInEnrolmentDto, TokensDto } from './auth.dto';
import { CODE_TTL_SECONDS, OneTimeCodes } from './codes/one-time-codes';
import { MfaService } from './mfa/mfa.service';
import { PasswordHasher } from './password-hasher';
import { AuthLimits } from './protection/auth-limits';
import { accountIpAllowed, staffIpAllowed } from './protection/ip-allow-list';
import { LockoutService } from './protection/lockout.service';
import { RefreshToken } from './refresh-token.entity';
import { ClientInfo, SessionService } from './session.service';
import { LiveSessions } from './live-sessions.repository';
import { actorOf, SignInService } from './sign-in.service';
import { SignInStep, TokenService } from './token.service';
import { UserContacts } from './user-contacts';
import { TransactionRunner } from '../../database/transaction-runner';

export type { ClientInfo } from './session.service';

/** A sign-in step token as remembered once spent (until it would have expired anyway). */
interface SpentStep {
  key: string;
  expiresAt: Date;
}

const MFA_TOKEN_TTL_SECONDS = 5 * 60;
/** Time to scan the QR code and type the first code from the app. */
const ENROLMENT_TOKEN_TTL_SECONDS = 10 * 60;

/** Local sign-in (password, then a second factor when due), refresh-token rotation with reuse detection, logout. */
@Injectable()
export class AuthService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly accounts: UserAccounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly live: LiveSessions,
    private readonly signIn: SignInService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly lockout: LockoutService,
    private readonly limits: AuthLimits,
    private readonly codes: OneTimeCodes,
    private readonly mfa: MfaService,
    private readonly contacts: UserContacts,
    private readonly sms: SmsSender,
    private readonly mailer: Mailer,
    private readonly blindIndex: BlindIndex,
  ) {}

  async login(login: string, password: string, client: ClientInfo): Promise<TokensDto | MfaRequiredDto> {
    const accountKey = `login:${normalizeEmail(login)}`;
    const ipKey = `ip:${client.ip}`;
    await this.limits.signInAttempt(client);
    const user = await this.accounts.findOne({ emailNormalized: normalizeEmail(login) }, { secrets: ['passwordHash'] });
    try {
      await this.lockout.assertOpen(accountKey, ipKey);
    } catch (error) {
      // Refused by the back-off without a look at the password: still a failed sign-in of the account.
      await this.recordFailedSignIn(user, login, client, 'locked_out');
      throw error;
    }
    const ok = await this.hasher.verify(user?.active ? user.passwordHash : null, password);
    if (!user || !ok) {
      await this.lockout.fail(accountKey, this.config.identity.lockoutAccountFailures);
      await this.lockout.fail(ipKey, this.config.identity.lockoutIpFailures);
      await this.recordFailedSignIn(user, login, client, user ? 'wrong_password' : 'unknown_login');
      throw new DomainError(401, 'invalid_credentials');
    }
    await this.lockout.reset(accountKey);
    // Locked by a suspicious-activity alert: only someone who knows the password learns it.
    if (user.lockedAt) throw new DomainError(403, 'account_locked_pending_review');
    this.assertStaffMayEnter(user, client);
    const methods = await this.mfa.methodsFor(user);
    if (methods.length > 0) return this.mfaChallenge(user, methods, client);
    return this.signIn.complete(user, client, 'password');
  }

  /**
   * One audit row per refused sign-in, by an anonymous actor known by the request; the signals
   * count them per account, or — for a login that matches no account — per login, named by its
   * keyed hash (entity `login`), never in clear. The caller's answer is the same either way.
   */
  private recordFailedSignIn(user: Account | null, login: string, client: ClientInfo, reason: 'wrong_password' | 'unknown_login' | 'locked_out'): Promise<void> {
    const entity = user ? { entityType: 'user', entityId: user.id } : { entityType: 'login', entityId: this.blindIndex.ofLogin(normalizeEmail(login)) };
    return this.tx.run((manager) => this.audit.record(manager, anonymousActor(client), { action: 'auth.login_failed', ...entity, details: { ip: client.ip, reason } }));
  }

  /** Staff: the IP allow-list and the password age (an expired password is changed first). */
  private assertStaffMayEnter(user: Account, client: ClientInfo): void {
    if (!isStaff(user.role)) return;
    if (!staffIpAllowed(this.config.identity.staffIpAllowList, user, client.ip) || !accountIpAllowed(user.ipAllowList, client.ip)) throw new DomainError(403, 'ip_not_allowed');
    const maxAgeMs = this.config.identity.passwordMaxAgeDays * 86_400_000;
    if (user.passwordChangedAt.getTime() + maxAgeMs < Date.now()) throw new DomainError(403, 'password_expired');
  }

  private async mfaChallenge(user: Account, methods: MfaMethod[], client: ClientInfo): Promise<MfaRequiredDto> {
    const mfaToken = await this.tokens.signStep('mfa', user.id, MFA_TOKEN_TTL_SECONDS);
    let codeSentTo: string | null = null;
    // Staff who must use a second factor but have none enrolled get a code by e-mail.
    if (methods.length === 1 && methods[0] === MfaMethod.Email) codeSentTo = (await this.sendMfaCode(user, 'email', client)).codeSentTo;
    return { mfaRequired: true, mfaToken, methods, codeSentTo, ...(this.mfa.mustEnrol(user) ? { enrolment: MfaEnrolment.Totp } : {}) };
  }

  /**
   * Finishes a sign-in with the second factor. The mfaToken is single-use: it is checked as
   * unspent before the code (so a replay wastes no backup code) and claimed atomically after it,
   * so of two parallel completions exactly one gets a session.
   */
  async verifyMfa(mfaToken: string, code: string, client: ClientInfo): Promise<TokensDto> {
    const { user, step } = await this.stepOf('mfa', mfaToken);
    if (this.mfa.mustEnrol(user)) throw new DomainError(403, 'mfa_enrolment_required');
    await this.assertUnspent(step);
    const method = await this.checkSecondFactor(user, code, client);
    await this.claim(step);
    return this.signIn.complete(user, client, method);
  }

  /**
   * First sign-in of staff who must enrol a factor: the e-mail code proves the mailbox (a stolen
   * password alone cannot bind an attacker's authenticator), then a TOTP secret is issued.
   */
  async beginEnrolment(mfaToken: string, code: string, client: ClientInfo): Promise<SignInEnrolmentDto> {
    const { user, step } = await this.stepOf('mfa', mfaToken);
    if (!this.mfa.mustEnrol(user)) throw new DomainError(409, 'mfa_already_enrolled');
    await this.assertUnspent(step);
    await this.checkSecondFactor(user, code, client);
    await this.claim(step);
    const enrolment = await this.mfa.startTotpFor(user.id, actorOf(user, client), 'auth.mfa_enrolment_started');
    return { enrolmentToken: await this.tokens.signStep('enrol', user.id, ENROLMENT_TOKEN_TTL_SECONDS), ...enrolment };
  }

  /** A code from the newly set-up app turns TOTP on and starts the session; the backup codes are shown once. */
  async confirmEnrolment(enrolmentToken: string, code: string, client: ClientInfo): Promise<EnrolledTokensDto> {
    const { user, step } = await this.stepOf('enrol', enrolmentToken);
    await this.assertUnspent(step);
    const key = `mfa:${user.id}`;
    await this.limits.codeCheck(client);
    await this.lockout.assertOpen(key, `ip:${client.ip}`);
    let backupCodes: string[];
    try {
      // The sign-in's one audit row (below) records the enrolment too.
      ({ backupCodes } = await this.mfa.confirmTotpFor(user.id, code, null));
    } catch (error) {
      if (error instanceof DomainError && error.status === 422) await this.codeFailed(user, client);
      throw error;
    }
    await this.lockout.reset(key);
    await this.claim(step);
    return { ...(await this.signIn.complete(user, client, 'totp_enrolment', { details: { mfaEnrolled: 'totp' } })), backupCodes };
  }

  /** Checks a second-factor code against the account's lockout and limits; the method it passed. */
  private async checkSecondFactor(user: Account, code: string, client: ClientInfo): Promise<string> {
    const key = `mfa:${user.id}`;
    await this.limits.codeCheck(client);
    await this.lockout.assertOpen(key, `ip:${client.ip}`);
    const method = await this.mfa.verifySecondFactor(user, code.replace(/\s/g, ''));
    if (!method) {
      await this.codeFailed(user, client);
      throw new DomainError(401, 'mfa_code_invalid');
    }
    await this.lockout.reset(key);
    return method;
  }

  private async codeFailed(user: Account, client: ClientInfo): Promise<void> {
    await this.lockout.fail(`mfa:${user.id}`, this.config.identity.lockoutAccountFailures);
    await this.lockout.fail(`ip:${client.ip}`, this.config.identity.lockoutIpFailures);
    await this.tx.run((m) =>
      this.audit.record(m, anonymousActor(client), { action: 'auth.mfa_failed', entityType: 'user', entityId: user.id, details: { ip: client.ip } }),
    );
  }

  /** Sends a sign-in code by SMS (`POST /auth/mfa/sms`). */
  async sendMfaSms(mfaToken: string, client: ClientInfo): Promise<CodeSentDto> {
    const { user, step } = await this.stepOf('mfa', mfaToken);
    // A spent step sends nothing more.
    await this.assertUnspent(step);
    return this.sendMfaCode(user, 'sms', client);
  }

  private async sendMfaCode(user: Account, channel: 'sms' | 'email', client: ClientInfo): Promise<CodeSentDto> {
    const phone = channel === 'sms' ? await this.contacts.phoneOf(user.id) : null;
    if (channel === 'sms' && !phone) throw new DomainError(422, 'no_phone_on_account');
    await this.limits.codeSend('mfa', channel === 'sms' ? `phone:${phone}` : `email:${user.emailNormalized}`, client);
    const code = await this.tx.run(async (m) => {
      await this.audit.record(m, actorOf(user, client), { action: 'auth.mfa_code_sent', entityType: 'user', entityId: user.id, details: { channel } });
      return this.codes.issue(m, 'mfa_sms', user.id);
    });
    const text = `Код входа в «Отклик»: ${code}. Никому его не сообщайте.`;
    if (phone) await this.sms.send(phone, text);
    else await this.mailer.send({ to: user.email, subject: 'Код входа в «Отклик»', text });
    return { codeSentTo: phone ? maskPhone(phone) : maskEmail(user.email), expiresAt: new Date(Date.now() + CODE_TTL_SECONDS * 1000).toISOString() };
  }

  private async stepOf(purpose: SignInStep, token: string): Promise<{ user: Account; step: SpentStep }> {
    const step = await this.tokens.verifyStep(purpose, token);
    const user = step ? await this.accounts.findOne({ id: step.userId, active: true }) : null;
    if (!step || !user) throw new DomainError(401, 'mfa_token_invalid');
    return { user, step: { key: `sign-in-step:${step.jti}`, expiresAt: step.expiresAt } };
  }

  private async assertUnspent(step: SpentStep): Promise<void> {
    const spent = await this.tx.manager.query<unknown[]>(`SELECT 1 FROM captcha_spent WHERE signature = $1`, [step.key]);
    if (spent.length > 0) throw new DomainError(401, 'mfa_token_invalid');
  }

  /** Spends a step token: the primary key lets exactly one of two racing requests insert it. */
  private async claim(step: SpentStep): Promise<void> {
    const inserted = await this.tx.manager.query<unknown[]>(
      `INSERT INTO captcha_spent (signature, expires_at) VALUES ($1, $2) ON CONFLICT (signature) DO NOTHING RETURNING signature`,
      [step.key, step.expiresAt],
    );
    if (inserted.length === 0) throw new DomainError(401, 'mfa_token_invalid');
  }

  async refresh(refreshToken: string, client: ClientInfo): Promise<TokensDto> {
    const outcome = await this.tx.run(async (manager) => {
      const current = await manager
        .getRepository(RefreshToken)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.tokenHash = :hash', { hash: TokenService.hashRefresh(refreshToken) })
        .getOne();
      if (!current) return { error: 'invalid' as const };
      if (current.usedAt || current.revokedAt) {
        // A spent token came back: someone holds a copy. Revoke the whole session family.
        await this.sessions.revokeFamily(manager, current.familyId);
        await this.audit.record(manager, anonymousActor(client), {
          action: 'auth.refresh_reuse_detected',
          entityType: 'user',
          entityId: current.userId,
          details: { familyId: current.familyId, ip: client.ip },
        });
        return { error: 'reuse' as const, familyId: current.familyId };
      }
      if (current.expiresAt.getTime() <= Date.now()) return { error: 'invalid' as const };
      const user = await this.accounts.findOne({ id: current.userId, active: true }, { manager: manager });
      if (!user) return { error: 'invalid' as const };
      await manager.update(RefreshToken, { id: current.id }, { usedAt: new Date() });
      return { tokens: await this.sessions.issue(manager, user, current.familyId, client) };
    });
    if ('error' in outcome) {
      // This process forgets the revoked family at once; the others hear of it by NOTIFY at the commit.
      if (outcome.error === 'reuse' && outcome.familyId) this.live.forget(outcome.familyId);
      throw new DomainError(401, 'invalid_refresh_token');
    }
    return outcome.tokens;
  }

  /** Ends the session the refresh token belongs to. Unknown tokens are ignored (logout is idempotent). */
  async logout(refreshToken: string, client: ClientInfo): Promise<void> {
    const ended = await this.tx.run(async (manager) => {
      const token = await manager.findOneBy(RefreshToken, { tokenHash: TokenService.hashRefresh(refreshToken) });
      if (!token) return null;
      await this.sessions.revokeFamily(manager, token.familyId);
      // The token names its holder: the sign-out is theirs.
      const holder = await this.accounts.findOne({ id: token.userId }, { manager });
      await this.audit.record(manager, holder ? actorOf(holder, client) : anonymousActor(client), {
        action: 'auth.logout',
        entityType: 'user',
        entityId: token.userId,
        details: { ip: client.ip },
      });
      return token.familyId;
    });
    // This process forgets the session at once, after the commit (the next request may well come
    // here before the NOTIFY does); the other processes hear of it by NOTIFY.
    if (ended) this.live.forget(ended);
  }
}

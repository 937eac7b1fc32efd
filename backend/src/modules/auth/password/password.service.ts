import { Inject, Injectable, Logger } from '@nestjs/common';
import { IsNull, Not } from 'typeorm';
import { normalizeRuPhone } from '@otklik/shared/domain';
import { BlindIndex } from '../../../common/crypto/blind-index';
import { Actor } from '../../../common/http/actor';
import { DomainError, ValidationFailedError } from '../../../common/problem/domain-error';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { AuditService } from '../../audit/audit.service';
import { Mailer } from '../../messaging/mailer';
import { SmsSender } from '../../messaging/sms-sender';
import { Account, UserAccounts, normalizeEmail } from '../../users/user-accounts.repository';
import { CodeChannel } from '../auth.dto';
import { OneTimeCodes } from '../codes/one-time-codes';
import { PasswordHasher } from '../password-hasher';
import { AuthLimits } from '../protection/auth-limits';
import { LockoutService } from '../protection/lockout.service';
import { RetryLaterError } from '../protection/rate-limited.error';
import { codeError } from '../registration.service';
import { RefreshToken } from '../refresh-token.entity';
import { ClientInfo } from '../session.service';
import { actorOf } from '../sign-in.service';
import { UserContacts } from '../user-contacts';
import { PasswordPolicy } from './password-policy';
import { TransactionRunner } from '../../../database/transaction-runner';

/** Password recovery by code, change by the signed-in user, and change of an expired (staff) password. */
@Injectable()
export class PasswordService {
  private readonly logger = new Logger('Password');

  constructor(
    private readonly tx: TransactionRunner,
    private readonly accounts: UserAccounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly policy: PasswordPolicy,
    private readonly hasher: PasswordHasher,
    private readonly codes: OneTimeCodes,
    private readonly limits: AuthLimits,
    private readonly lockout: LockoutService,
    private readonly blind: BlindIndex,
    private readonly sms: SmsSender,
    private readonly mailer: Mailer,
    private readonly audit: AuditService,
    private readonly phoneLookup: UserContacts,
  ) {}

  /**
   * Sends a reset code when the account exists; answers the same either way (no enumeration).
   * The per-destination limit is silent for the same reason; the per-IP limit is not.
   */
  async forgot(login: string, channel: CodeChannel, client: ClientInfo): Promise<void> {
    await this.limits.signInAttempt(client);
    const user = await this.findByLogin(login);
    if (!user) return;
    const phone = channel === CodeChannel.Sms ? await this.phoneLookup.phoneOf(user.id) : null;
    if (channel === CodeChannel.Sms && !phone) return;
    try {
      await this.limits.codeSend('reset', phone ? `phone:${phone}` : `email:${user.emailNormalized}`, client);
    } catch (error) {
      if (error instanceof RetryLaterError) return;
      throw error;
    }
    const code = await this.tx.run(async (m) => {
      await this.audit.record(m, actorOf(user, client), { action: 'auth.password_reset_requested', entityType: 'user', entityId: user.id, details: { channel } });
      return this.codes.issue(m, 'password_reset', user.id);
    });
    const text = `Код для смены пароля в «Отклик»: ${code}. Если вы не запрашивали смену пароля, не сообщайте код никому.`;
    try {
      if (phone) await this.sms.send(phone, text);
      else await this.mailer.send({ to: user.email, subject: 'Восстановление пароля в «Отклик»', text });
    } catch (err) {
      this.logger.warn({ err }, 'reset code not delivered');
    }
  }

  async reset(login: string, code: string, newPassword: string, client: ClientInfo): Promise<void> {
    await this.limits.codeCheck(client);
    const user = await this.findByLogin(login);
    if (!user) throw codeError('invalid');
    const key = `reset:${user.id}`;
    await this.lockout.assertOpen(key);
    const errors = this.policy.check(newPassword, [user.email, user.fullName], 'newPassword');
    if (errors.length > 0) throw new ValidationFailedError(errors);
    const verdict = await this.codes.verify('password_reset', user.id, code.trim());
    if (verdict !== 'ok') {
      await this.lockout.fail(key, this.config.identity.lockoutAccountFailures);
      throw codeError(verdict);
    }
    await this.setPassword(user, newPassword, null, actorOf(user, client), 'auth.password_reset');
  }

  /** Signed-in change: the other sessions are ended, this one stays. */
  async change(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.withHash(actor.userId);
    await this.assertCurrent(user, currentPassword, 'currentPassword');
    await this.checkNew(user, newPassword);
    await this.setPassword(user, newPassword, actor.sessionId ?? null, actor, 'auth.password_changed');
  }

  /** An expired password is changed before signing in (login answered `password_expired`). */
  async changeExpired(login: string, currentPassword: string, newPassword: string, client: ClientInfo): Promise<void> {
    await this.limits.signInAttempt(client);
    const accountKey = `login:${normalizeEmail(login)}`;
    await this.lockout.assertOpen(accountKey, `ip:${client.ip}`);
    const found = await this.findByLogin(login);
    const user = found ? await this.withHash(found.id) : null;
    if (!user || !(await this.hasher.verify(user.passwordHash, currentPassword))) {
      await this.lockout.fail(accountKey, this.config.identity.lockoutAccountFailures);
      await this.lockout.fail(`ip:${client.ip}`, this.config.identity.lockoutIpFailures);
      throw new DomainError(401, 'invalid_credentials');
    }
    await this.checkNew(user, newPassword);
    await this.setPassword(user, newPassword, null, actorOf(user, client), 'auth.password_changed');
  }

  private async checkNew(user: Account, newPassword: string): Promise<void> {
    const errors = this.policy.check(newPassword, [user.email, user.fullName], 'newPassword');
    if (errors.length === 0 && (await this.hasher.verify(user.passwordHash, newPassword))) {
      errors.push({ field: 'newPassword', code: 'password_reused', message: 'The new password must differ from the current one' });
    }
    if (errors.length > 0) throw new ValidationFailedError(errors);
  }

  private async assertCurrent(user: Account, password: string, field: string): Promise<void> {
    const key = `password:${user.id}`;
    await this.lockout.assertOpen(key);
    if (!(await this.hasher.verify(user.passwordHash, password))) {
      await this.lockout.fail(key, this.config.identity.lockoutAccountFailures);
      throw new ValidationFailedError([{ field, code: 'password_incorrect', message: 'The password is wrong' }]);
    }
    await this.lockout.reset(key);
  }

  /** New hash and age; every session except `keepFamily` is revoked. */
  private async setPassword(user: Account, password: string, keepFamily: string | null, actor: Actor, action: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    await this.tx.run(async (m) => {
      await this.accounts.update(m, user.id, { passwordHash, passwordChangedAt: new Date() });
      await m.update(
        RefreshToken,
        { userId: user.id, revokedAt: IsNull(), ...(keepFamily ? { familyId: Not(keepFamily) } : {}) },
        { revokedAt: new Date() },
      );
      await this.audit.record(m, actor, { action, entityType: 'user', entityId: user.id });
    });
    await this.lockout.reset(`login:${user.emailNormalized}`);
  }

  private async withHash(userId: string): Promise<Account> {
    return this.accounts.get(userId, { secrets: ['passwordHash'] });
  }

  /** By e-mail, or by +7 phone through its blind index. */
  private async findByLogin(login: string): Promise<Account | null> {
    const phone = normalizeRuPhone(login);
    const user = await this.accounts.findOne(phone ? { phoneHash: this.blind.of('phone', phone) } : { emailNormalized: normalizeEmail(login) });
    return user?.active ? user : null;
  }
}

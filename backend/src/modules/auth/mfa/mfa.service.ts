import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Secret, TOTP } from 'otpauth';
import { toDataURL } from 'qrcode';
import { EntityManager, IsNull } from 'typeorm';
import { isStaff } from '@otklik/shared/domain';
import { deriveKey } from '../../../common/crypto/keys';
import { PersonalDataCipher } from '../../../common/crypto/personal-data-cipher';
import { Actor } from '../../../common/http/actor';
import { DomainError, ValidationFailedError } from '../../../common/problem/domain-error';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { AuditService } from '../../audit/audit.service';
import { Account, UserAccounts } from '../../users/user-accounts.repository';
import { BackupCodesDto, MfaMethod, TotpEnrolmentDto } from '../auth.dto';
import { OneTimeCodes } from '../codes/one-time-codes';
import { MfaBackupCode } from '../entities/mfa-backup-code.entity';
import { PasswordHasher } from '../password-hasher';
import { TransactionRunner } from '../../../database/transaction-runner';

const BACKUP_CODE_COUNT = 10;
const BACKUP_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** The second factor: TOTP enrolment, SMS/e-mail sign-in codes, single-use backup codes. */
@Injectable()
export class MfaService {
  private readonly backupKey: Buffer;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly accounts: UserAccounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: PersonalDataCipher,
    private readonly codes: OneTimeCodes,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {
    this.backupKey = deriveKey(config.masterKey, 'mfa-backup-code');
  }

  /**
   * Staff who must use a second factor and have none: they pass an e-mail code once, then enrol
   * TOTP before they get a session (POST /auth/mfa/enrolment), instead of e-mail codes forever.
   */
  mustEnrol(user: Account): boolean {
    return !user.mfaMethod && isStaff(user.role) && this.config.identity.staffMfa === 'required';
  }

  /** Second-factor methods the sign-in must ask for; empty → the password is enough. */
  async methodsFor(user: Account): Promise<MfaMethod[]> {
    const hasBackup = async () => this.tx.manager.getRepository(MfaBackupCode).existsBy({ userId: user.id, usedAt: IsNull() });
    if (user.mfaMethod === 'totp') return [MfaMethod.Totp, ...((await hasBackup()) ? [MfaMethod.BackupCode] : [])];
    if (user.mfaMethod === 'sms') return [MfaMethod.Sms, ...((await hasBackup()) ? [MfaMethod.BackupCode] : [])];
    if (isStaff(user.role) && this.config.identity.staffMfa === 'required') return [MfaMethod.Email];
    return [];
  }

  /** Which factor the code passed (`totp`, `sms`/`email` code, `backup_code`), or null. */
  async verifySecondFactor(user: Account, code: string): Promise<string | null> {
    if (/^\d{6}$/.test(code)) {
      if (user.mfaMethod === 'totp' && (await this.verifyTotp(user.id, code))) return 'totp';
      const verdict = await this.codes.verify('mfa_sms', user.id, code);
      return verdict === 'ok' ? (user.mfaMethod === 'sms' ? 'sms' : 'email') : null;
    }
    const normalized = code.toLowerCase().replace(/-/g, '');
    if (!/^[a-z0-9]{10}$/.test(normalized)) return null;
    const used = await this.tx.manager
      .createQueryBuilder()
      .update(MfaBackupCode)
      .set({ usedAt: () => 'now()' })
      .where('user_id = :userId AND code_hash = :hash AND used_at IS NULL', { userId: user.id, hash: this.backupHash(user.id, normalized) })
      .execute();
    return (used.affected ?? 0) > 0 ? 'backup_code' : null;
  }

  /** A TOTP code is accepted once: the time step it matched is remembered. */
  private async verifyTotp(userId: string, code: string, pending = false): Promise<boolean> {
    const totp = await this.totpOf(userId);
    if (!totp) return false;
    const delta = totp.validate({ token: code, window: 1 });
    if (delta === null) return false;
    if (pending) return true;
    const step = Math.floor(Date.now() / 1000 / totp.period) + delta;
    // Remembered under a primary key (until the step can no longer validate), so two requests
    // racing with one observed code cannot both pass; NOT EXISTS alone could let both in.
    const inserted = await this.tx.manager.query<unknown[]>(
      `INSERT INTO captcha_spent (signature, expires_at) VALUES ($1, now() + make_interval(secs => $2))
       ON CONFLICT (signature) DO NOTHING RETURNING signature`,
      [`totp-used:${userId}:${step}`, totp.period * 3],
    );
    return inserted.length > 0;
  }

  private async totpOf(userId: string): Promise<TOTP | null> {
    const row = await this.accounts.findOne({ id: userId }, { secrets: ['totpSecretEncrypted'] });
    if (!row?.totpSecretEncrypted) return null;
    return this.totp(row.email, Secret.fromBase32(this.cipher.decrypt(row.totpSecretEncrypted)));
  }

  private totp(email: string, secret: Secret): TOTP {
    return new TOTP({ issuer: 'Otklik', label: email, algorithm: 'SHA1', digits: 6, period: 30, secret });
  }

  /** Starts TOTP enrolment: a new secret, kept (encrypted) until a code confirms it. */
  startTotp(actor: Actor): Promise<TotpEnrolmentDto> {
    return this.startTotpFor(actor.userId, actor, 'auth.mfa_totp_started');
  }

  /** The same for a user who is still signing in (enrolment required at first sign-in); `action` names the audit row. */
  async startTotpFor(userId: string, actor: Actor, action: 'auth.mfa_totp_started' | 'auth.mfa_enrolment_started'): Promise<TotpEnrolmentDto> {
    const user = await this.accounts.get(userId);
    if (user.mfaMethod === 'totp') throw new DomainError(409, 'mfa_already_enrolled');
    return this.tx.run(async (m) => {
      const enrolment = await this.prepareTotp(m, user);
      await this.audit.record(m, actor, { action, entityType: 'user', entityId: user.id, details: { method: 'totp' } });
      return enrolment;
    });
  }

  /** A new TOTP secret kept (encrypted) in the caller's transaction until a code confirms it; the caller audits. */
  async prepareTotp(manager: EntityManager, user: Pick<Account, 'id' | 'email'>): Promise<TotpEnrolmentDto> {
    const secret = new Secret({ size: 20 });
    await this.accounts.update(manager, user.id, { totpSecretEncrypted: this.cipher.encrypt(secret.base32) });
    const otpauthUri = this.totp(user.email, secret).toString();
    return { otpauthUri, qrDataUrl: await toDataURL(otpauthUri) };
  }

  /** An admin's reset: no second factor, no secret, no backup codes (staff enrol again at their next sign-in); the caller audits. */
  async resetIn(manager: EntityManager, userId: string): Promise<void> {
    await this.accounts.update(manager, userId, { mfaMethod: null, totpSecretEncrypted: null });
    await manager.delete(MfaBackupCode, { userId });
  }

  /** Confirms TOTP with a code from the app; turns it on and issues 10 backup codes. */
  confirmTotp(actor: Actor, code: string): Promise<BackupCodesDto> {
    return this.confirmTotpFor(actor.userId, code, actor);
  }

  /**
   * The same, with the actor the audit row names; null writes no row (at a first sign-in the
   * sign-in's own row records the enrolment). Two confirmations racing: the conditional update
   * lets exactly one turn TOTP on (the other 409).
   */
  async confirmTotpFor(userId: string, code: string, actor: Actor | null): Promise<BackupCodesDto> {
    const user = await this.accounts.get(userId);
    if (user.mfaMethod === 'totp') throw new DomainError(409, 'mfa_already_enrolled');
    if (!(await this.verifyTotp(user.id, code, true))) {
      throw new ValidationFailedError([{ field: 'code', code: 'code_invalid', message: 'The code does not match' }]);
    }
    const backupCodes = Array.from({ length: BACKUP_CODE_COUNT }, () => this.newBackupCode());
    await this.tx.run(async (m) => {
      if (!(await this.accounts.switchToTotp(m, user.id))) throw new DomainError(409, 'mfa_already_enrolled');
      await m.delete(MfaBackupCode, { userId: user.id });
      await m.insert(
        MfaBackupCode,
        backupCodes.map((c) => ({ userId: user.id, codeHash: this.backupHash(user.id, c.replace('-', '')) })),
      );
      if (actor) await this.audit.record(m, actor, { action: 'auth.mfa_enrolled', entityType: 'user', entityId: user.id, details: { method: 'totp' } });
    });
    return { backupCodes };
  }

  /** SMS codes to the confirmed phone as the second factor. */
  async enableSms(actor: Actor, hasPhone: boolean): Promise<void> {
    const user = await this.accounts.get(actor.userId);
    if (user.mfaMethod) throw new DomainError(409, 'mfa_already_enrolled');
    if (!hasPhone || !user.phoneVerified) throw new DomainError(422, 'no_phone_on_account');
    await this.tx.run(async (m) => {
      await this.accounts.update(m, user.id, { mfaMethod: 'sms' });
      await this.audit.record(m, actor, { action: 'auth.mfa_enrolled', entityType: 'user', entityId: user.id, details: { method: 'sms' } });
    });
  }

  /** Turns the second factor off; needs the current password. */
  async disable(actor: Actor, password: string): Promise<void> {
    const user = await this.accounts.get(actor.userId, { secrets: ['passwordHash'] });
    if (!(await this.hasher.verify(user.passwordHash, password))) {
      throw new ValidationFailedError([{ field: 'password', code: 'password_incorrect', message: 'The password is wrong' }]);
    }
    await this.tx.run(async (m) => {
      await this.accounts.update(m, user.id, { mfaMethod: null, totpSecretEncrypted: null });
      await m.delete(MfaBackupCode, { userId: user.id });
      await this.audit.record(m, actor, { action: 'auth.mfa_disabled', entityType: 'user', entityId: user.id });
    });
  }

  private newBackupCode(): string {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => BACKUP_ALPHABET[b % BACKUP_ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  }

  private backupHash(userId: string, code: string): string {
    return createHmac('sha256', this.backupKey).update(`${userId}:${code}`).digest('hex');
  }
}

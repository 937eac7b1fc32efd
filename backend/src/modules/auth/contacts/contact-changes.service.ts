import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isValidRuMobile, normalizeRuPhone } from '@otklik/shared/domain';
import { BlindIndex } from '../../../common/crypto/blind-index';
import { PersonalDataCipher } from '../../../common/crypto/personal-data-cipher';
import { Actor } from '../../../common/http/actor';
import { DomainError, ValidationFailedError } from '../../../common/problem/domain-error';
import { TransactionRunner } from '../../../database/transaction-runner';
import { AuditService } from '../../audit/audit.service';
import { Mailer, maskEmail } from '../../messaging/mailer';
import { maskPhone, SmsSender } from '../../messaging/sms-sender';
import { Account, normalizeEmail, UserAccounts } from '../../users/user-accounts.repository';
import { OneTimeCodes } from '../codes/one-time-codes';
import { ContactKind, PendingContactChange } from '../entities/pending-contact-change.entity';
import { PersonalData } from '../personal-data';
import { AuthLimits } from '../protection/auth-limits';
import { codeError } from '../registration.service';

/** How long a requested change waits for its code (each code itself lives CODE_TTL_SECONDS; a repeated request sends a new one). */
export const CONTACT_CHANGE_WINDOW_SECONDS = 24 * 3600;

/** A message to send once the transaction that planned it has committed. */
export interface ContactMessage {
  kind: ContactKind;
  to: string;
  subject: string;
  text: string;
  /** The code itself must arrive (its failure fails the request); a notice to the old address is best effort. */
  required: boolean;
}

export interface PendingContactView {
  kind: ContactKind;
  /** The new address, masked. */
  to: string;
  expiresAt: string;
}

/**
 * Changing (or verifying) an account's e-mail or phone: the new address waits, encrypted, in
 * `pending_contact_changes` until the code sent to it is entered; the old address stays in use and
 * is told of the change. Registration starts one for the e-mail it was given, so an address gets
 * notices only once its owner has proved they read it.
 */
@Injectable()
export class ContactChanges {
  private readonly logger = new Logger(ContactChanges.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly accounts: UserAccounts,
    private readonly cipher: PersonalDataCipher,
    private readonly blind: BlindIndex,
    private readonly codes: OneTimeCodes,
    private readonly mailer: Mailer,
    private readonly sms: SmsSender,
    private readonly limits: AuthLimits,
    private readonly audit: AuditService,
  ) {}

  /** A normalised new address, or the field error that explains why not. */
  normalize(kind: ContactKind, value: string): string {
    if (kind === 'email') return value.trim();
    const phone = normalizeRuPhone(value);
    if (!phone || !isValidRuMobile(phone) || phone[2] !== '9') {
      throw new ValidationFailedError([{ field: 'phone', code: 'phone', message: 'A mobile number +7 9XX XXX-XX-XX' }]);
    }
    return phone;
  }

  /** Whether `value` is what the account already has, verified (then nothing is to be done). */
  isCurrent(account: Account, kind: ContactKind, value: string, currentPhone: string | null): boolean {
    return kind === 'email'
      ? normalizeEmail(value) === account.emailNormalized && account.emailVerified
      : value === currentPhone && account.phoneVerified;
  }

  /**
   * Plans a change in the caller's transaction: replaces any pending change of this kind, issues a
   * code for the new address and a notice for the old one (when it was verified and differs).
   * Returns the messages to send after the commit.
   */
  async begin(m: EntityManager, account: Account, kind: ContactKind, value: string, currentPhone: string | null): Promise<ContactMessage[]> {
    if (kind === 'email' && normalizeEmail(value) !== account.emailNormalized) {
      const other = await this.accounts.findOne({ emailNormalized: normalizeEmail(value) }, { manager: m });
      if (other && other.id !== account.id) throw new DomainError(409, 'conflict', {}, [{ field: 'email', code: 'email_taken', message: 'Another account uses this e-mail address' }]);
    }
    await m.delete(PendingContactChange, { userId: account.id, kind });
    const row = m.create(PendingContactChange, {
      userId: account.id,
      kind,
      valueEncrypted: this.cipher.encryptJson({ value }),
      expiresAt: new Date(Date.now() + CONTACT_CHANGE_WINDOW_SECONDS * 1000),
    });
    await m.insert(PendingContactChange, row);
    const code = await this.codes.issue(m, 'contact_change', row.id);
    const out: ContactMessage[] = [];
    if (kind === 'email') {
      out.push({
        kind,
        to: value,
        required: true,
        subject: 'Подтверждение адреса e-mail в «Отклик»',
        text: `Код подтверждения адреса e-mail в «Отклик»: ${code}. Введите его в профиле. Если вы не запрашивали изменение, просто не вводите код.`,
      });
      if (account.emailVerified && normalizeEmail(value) !== account.emailNormalized) {
        out.push({
          kind,
          to: account.email,
          required: false,
          subject: 'Изменение адреса e-mail в «Отклик»',
          text:
            `Здравствуйте, ${account.fullName}!\n\nДля вашей учётной записи запрошена смена адреса e-mail на ${maskEmail(value)}. ` +
            'До подтверждения кодом уведомления приходят на этот адрес. Если это были не вы, смените пароль и завершите другие сеансы в профиле.',
        });
      }
    } else {
      out.push({ kind, to: value, required: true, subject: '', text: `Код подтверждения номера телефона в «Отклик»: ${code}. Никому его не сообщайте.` });
      if (currentPhone && account.phoneVerified && currentPhone !== value) {
        out.push({ kind, to: currentPhone, required: false, subject: '', text: `«Отклик»: запрошена смена номера телефона учётной записи на ${maskPhone(value)}. Если это не вы, смените пароль.` });
      }
    }
    return out;
  }

  /** Sends what `begin` planned; a code that cannot be sent fails the request (503), a notice is logged. */
  async send(messages: readonly ContactMessage[], actor: Pick<Actor, 'ip' | 'userAgent' | 'requestId'>, options: { limited?: boolean } = {}): Promise<void> {
    for (const message of messages) {
      // Registration's own e-mail code is not counted again: the registration's SMS already was.
      if (message.required && options.limited !== false) await this.limits.codeSend('contact', `${message.kind}:${message.to.toLowerCase()}`, actor);
      try {
        if (message.kind === 'email') await this.mailer.send({ to: message.to, subject: message.subject, text: message.text });
        else await this.sms.send(message.to, message.text);
      } catch (err) {
        if (message.required) throw new DomainError(503, message.kind === 'email' ? 'mail_unavailable' : 'sms_unavailable');
        this.logger.warn({ err }, 'contact change notice to the old address not sent');
      }
    }
  }

  /** The account's pending changes, the new addresses masked. */
  async pendingOf(userId: string, manager: EntityManager = this.tx.manager): Promise<PendingContactView[]> {
    const rows = await manager.find(PendingContactChange, { where: { userId }, order: { kind: 'ASC' } });
    return rows
      .filter((r) => r.expiresAt.getTime() > Date.now())
      .map((r) => {
        const { value } = this.cipher.decryptJson<{ value: string }>(r.valueEncrypted);
        return { kind: r.kind, to: r.kind === 'email' ? maskEmail(value) : maskPhone(value), expiresAt: r.expiresAt.toISOString() };
      });
  }

  /**
   * Enters the code of a pending change: the new address replaces the old one, verified, in one
   * transaction with its audit row (before → after, masked as personal data).
   */
  async confirm(actor: Actor, kind: ContactKind, code: string): Promise<void> {
    await this.limits.codeCheck(actor);
    const pending = await this.tx.manager.findOneBy(PendingContactChange, { userId: actor.userId, kind });
    if (!pending || pending.expiresAt.getTime() <= Date.now()) {
      throw new ValidationFailedError([{ field: 'kind', code: 'no_pending_change', message: 'No change is waiting for confirmation' }]);
    }
    const verdict = await this.codes.verify('contact_change', pending.id, code.trim());
    if (verdict !== 'ok') throw codeError(verdict);
    const { value } = this.cipher.decryptJson<{ value: string }>(pending.valueEncrypted);
    await this.tx.run(async (m) => {
      const account = await this.accounts.findOne({ id: actor.userId }, { manager: m, lock: true, secrets: ['personalEncrypted'] });
      if (!account) throw new DomainError(404, 'not_found', { entity: 'user' });
      let before: Record<string, unknown>;
      let after: Record<string, unknown>;
      if (kind === 'email') {
        const emailNormalized = normalizeEmail(value);
        const other = await this.accounts.findOne({ emailNormalized }, { manager: m });
        if (other && other.id !== account.id) throw new DomainError(409, 'conflict', {}, [{ field: 'email', code: 'email_taken', message: 'Another account uses this e-mail address' }]);
        before = { email: account.email, emailVerified: account.emailVerified };
        after = { email: value, emailVerified: true };
        await this.accounts.update(m, account.id, { email: value, emailNormalized, emailVerified: true });
      } else {
        const personal = account.personalEncrypted ? this.cipher.decryptJson<PersonalData>(account.personalEncrypted) : null;
        before = { phone: personal?.phone ?? null, phoneVerified: account.phoneVerified };
        after = { phone: value, phoneVerified: true };
        // Only accounts with personal data (citizens) may change the phone: UsersService refuses it otherwise.
        if (!personal) throw new ValidationFailedError([{ field: 'phone', code: 'name_managed_by_admin', message: 'Not for this account' }]);
        const updated: PersonalData = { ...personal, phone: value };
        await this.accounts.update(m, account.id, { personalEncrypted: this.cipher.encryptJson(updated), phoneHash: this.blind.of('phone', value), phoneVerified: true });
      }
      await m.delete(PendingContactChange, { id: pending.id });
      await this.audit.record(m, actor, {
        action: 'user.contact_confirmed',
        entityType: 'user',
        entityId: account.id,
        subjectId: account.id,
        details: { kind },
        change: { before, after },
      });
    });
  }
}

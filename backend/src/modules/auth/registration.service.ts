import { Injectable } from '@nestjs/common';
import { EntityManager, LessThan } from 'typeorm';
import { isValidInn, isValidRuMobile, isValidSnils, normalizeRuPhone, Role } from '@otklik/shared/domain';
import { BlindIndex } from '../../common/crypto/blind-index';
import { anonymousActor } from '../../common/http/actor';
import { PersonalDataCipher } from '../../common/crypto/personal-data-cipher';
import { DomainError, FieldError, ValidationFailedError } from '../../common/problem/domain-error';
import { AuditService } from '../audit/audit.service';
import { maskPhone, SmsSender } from '../messaging/sms-sender';
import { normalizeEmail, UserAccounts } from '../users/user-accounts.repository';
import { TokensDto } from './auth.dto';
import { CaptchaService } from './captcha.service';
import { ContactChanges, ContactMessage } from './contacts/contact-changes.service';
import { OneTimeCodes } from './codes/one-time-codes';
import { PendingRegistration } from './entities/pending-registration.entity';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password/password-policy';
import { PersonalData } from './personal-data';
import { AuthLimits } from './protection/auth-limits';
import { RegisterDto, RegistrationStartedDto } from './registration.dto';
import { ClientInfo } from './session.service';
import { actorOf, SignInService } from './sign-in.service';
import { TransactionRunner } from '../../database/transaction-runner';

/** How long a registration waits for its SMS code before it lapses. */
export const REGISTRATION_WINDOW_SECONDS = 30 * 60;

/**
 * Citizen self-registration: validated data waits in `pending_registrations` (encrypted) until
 * the SMS code confirms the phone; then the account is created and signed in.
 */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly accounts: UserAccounts,
    private readonly captcha: CaptchaService,
    private readonly policy: PasswordPolicy,
    private readonly hasher: PasswordHasher,
    private readonly cipher: PersonalDataCipher,
    private readonly blind: BlindIndex,
    private readonly codes: OneTimeCodes,
    private readonly sms: SmsSender,
    private readonly limits: AuthLimits,
    private readonly signIn: SignInService,
    private readonly audit: AuditService,
    private readonly contacts: ContactChanges,
  ) {}

  async start(dto: RegisterDto, client: ClientInfo): Promise<RegistrationStartedDto> {
    await this.limits.signInAttempt(client);
    const { personal, errors } = this.validate(dto);
    if (errors.length > 0) throw new ValidationFailedError(errors);
    await this.captcha.verify(dto.captcha);
    const emailNormalized = normalizeEmail(dto.email);
    const snilsHash = personal.snils ? this.blind.of('snils', personal.snils) : null;
    const innHash = personal.inn ? this.blind.of('inn', personal.inn) : null;
    await this.assertNoAccount(this.tx.manager, emailNormalized, snilsHash);
    await this.limits.codeSend('registration', `phone:${personal.phone}`, client);
    const fullName = [personal.lastName, personal.firstName, personal.middleName].filter(Boolean).join(' ');
    const passwordHash = await this.hasher.hash(dto.password);
    const expiresAt = new Date(Date.now() + REGISTRATION_WINDOW_SECONDS * 1000);
    const { id, code } = await this.tx.run(async (m) => {
      await m.delete(PendingRegistration, { expiresAt: LessThan(new Date()) });
      const pending = m.create(PendingRegistration, {
        email: dto.email.trim(),
        emailNormalized,
        passwordHash,
        fullName,
        personalEncrypted: this.cipher.encryptJson(personal),
        snilsHash,
        innHash,
        phoneHash: this.blind.of('phone', personal.phone!),
        pdConsentVersion: dto.pdConsent.version,
        pdConsentAt: new Date(),
        expiresAt,
      });
      await m.insert(PendingRegistration, pending);
      await this.audit.record(m, anonymousActor(client), { action: 'auth.registration_started', entityType: 'pending_registration', entityId: pending.id, details: { ip: client.ip } });
      return { id: pending.id, code: await this.codes.issue(m, 'registration', pending.id) };
    });
    await this.sendCode(personal.phone!, code);
    return { registrationId: id, codeSentTo: maskPhone(personal.phone!), expiresAt: expiresAt.toISOString() };
  }

  async resend(registrationId: string, client: ClientInfo): Promise<RegistrationStartedDto> {
    const { pending, personal } = await this.pending(registrationId);
    await this.limits.codeSend('registration', `phone:${personal.phone}`, client);
    const code = await this.tx.run(async (m) => {
      await this.audit.record(m, anonymousActor(client), { action: 'auth.registration_code_resent', entityType: 'pending_registration', entityId: pending.id, details: { ip: client.ip } });
      return this.codes.issue(m, 'registration', pending.id);
    });
    await this.sendCode(personal.phone!, code);
    return { registrationId: pending.id, codeSentTo: maskPhone(personal.phone!), expiresAt: pending.expiresAt.toISOString() };
  }

  async confirm(registrationId: string, code: string, client: ClientInfo): Promise<TokensDto> {
    await this.limits.codeCheck(client);
    const { pending, personal } = await this.pending(registrationId);
    const verdict = await this.codes.verify('registration', pending.id, code.trim());
    if (verdict !== 'ok') throw codeError(verdict);
    let verification: ContactMessage[] = [];
    const user = await this.tx.run(async (m) => {
      await this.assertNoAccount(m, pending.emailNormalized, pending.snilsHash);
      const created = await this.accounts.insert(m, {
        email: pending.email,
        emailNormalized: pending.emailNormalized,
        passwordHash: pending.passwordHash,
        role: Role.Citizen,
        fullName: pending.fullName,
        position: null,
        departmentId: null,
        active: true,
        personalEncrypted: this.cipher.encryptJson(personal),
        snilsHash: pending.snilsHash,
        innHash: pending.innHash,
        phoneHash: pending.phoneHash,
        trustLevel: 'simplified',
        emailVerified: false,
        phoneVerified: true,
        passwordChangedAt: new Date(),
        pdConsentVersion: pending.pdConsentVersion,
        pdConsentAt: pending.pdConsentAt,
        mfaMethod: null,
      });
      await m.delete(PendingRegistration, { id: pending.id });
      await this.audit.record(m, actorOf(created, client), {
        action: 'user.register',
        entityType: 'user',
        entityId: created.id,
        details: { pdConsentVersion: pending.pdConsentVersion, signedIn: true, emailVerificationSent: true },
      });
      // The phone was proved by the SMS code; the e-mail is proved by a code mailed to it (POST /me/contacts/confirm).
      verification = await this.contacts.begin(m, created, 'email', created.email, personal.phone);
      return created;
    });
    // A mail that fails leaves the account unverified (no notices by e-mail); PATCH /me with the same address sends a new code.
    await this.contacts.send(verification, client, { limited: false }).catch(() => undefined);
    // The user.register row records the sign-in that follows (one row per request).
    return this.signIn.complete(user, client, 'registration', { audit: false });
  }

  private async pending(registrationId: string): Promise<{ pending: PendingRegistration; personal: PersonalData }> {
    const pending = await this.tx.manager.getRepository(PendingRegistration).findOneBy({ id: registrationId });
    if (!pending || pending.expiresAt.getTime() <= Date.now()) {
      throw new ValidationFailedError([{ field: 'registrationId', code: 'registration_expired', message: 'No such registration, or it has lapsed' }]);
    }
    return { pending, personal: this.cipher.decryptJson<PersonalData>(pending.personalEncrypted) };
  }

  /** Same answer whichever of e-mail or SNILS is taken, so the form is no oracle for either. */
  private async assertNoAccount(m: EntityManager, emailNormalized: string, snilsHash: string | null): Promise<void> {
    const taken =
      (await this.accounts.exists({ emailNormalized }, m)) || (snilsHash !== null && (await this.accounts.exists({ snilsHash }, m)));
    if (taken) throw new DomainError(409, 'account_exists');
  }

  private async sendCode(phone: string, code: string): Promise<void> {
    try {
      await this.sms.send(phone, `Код подтверждения регистрации в «Отклик»: ${code}. Никому его не сообщайте.`);
    } catch {
      throw new DomainError(503, 'sms_unavailable');
    }
  }

  /** Field checks beyond the DTO's: checksums, phone, age, consent, password policy. */
  private validate(dto: RegisterDto): { personal: PersonalData; errors: FieldError[] } {
    const errors: FieldError[] = [];
    const add = (field: string, code: string, message: string) => errors.push({ field, code, message });
    const snils = dto.snils?.trim() || null;
    const inn = dto.inn?.trim() || null;
    if (!snils && !inn) add('snils', 'snils_or_inn_required', 'Give SNILS or INN');
    if (snils && !isValidSnils(snils)) add('snils', 'snils_invalid', 'Not a valid SNILS (check digits)');
    if (inn && !(inn.length === 12 && isValidInn(inn))) add('inn', 'inn_invalid', 'Not a valid personal INN (12 digits, check digits)');
    const phone = normalizeRuPhone(dto.phone);
    if (!phone || !isValidRuMobile(phone) || phone[2] !== '9') add('phone', 'phone', 'A mobile number +7 9XX XXX-XX-XX');
    const birth = new Date(`${dto.birthDate}T00:00:00Z`);
    const age = (Date.now() - birth.getTime()) / (365.25 * 86_400_000);
    if (Number.isNaN(birth.getTime()) || age < 14 || age > 120) add('birthDate', 'birth_date_invalid', 'Age must be between 14 and 120');
    if (dto.pdConsent.accepted !== true) add('pdConsent.accepted', 'consent_required', 'Consent to personal-data processing is required');
    errors.push(...this.policy.check(dto.password, [dto.lastName, dto.firstName, dto.middleName ?? '', dto.email, dto.birthDate.replace(/-/g, '')]));
    const personal: PersonalData = {
      lastName: dto.lastName.trim(),
      firstName: dto.firstName.trim(),
      middleName: dto.middleName?.trim() || null,
      birthDate: dto.birthDate,
      snils: snils ? snils.replace(/\D/g, '') : null,
      inn,
      phone,
    };
    return { personal, errors };
  }
}

export function codeError(verdict: 'invalid' | 'expired' | 'exhausted'): DomainError {
  const messages = { invalid: 'The code is wrong or already used', expired: 'The code has expired; ask for a new one', exhausted: 'Too many wrong attempts; ask for a new code' };
  const code = { invalid: 'code_invalid', expired: 'code_expired', exhausted: 'code_attempts_exceeded' }[verdict];
  return new ValidationFailedError([{ field: 'code', code, message: messages[verdict] }]);
}

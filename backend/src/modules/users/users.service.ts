import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DEPARTMENT_ROLES, Role } from '@otklik/shared/domain';
import { AnyActor } from '../../common/http/actor';
import { DomainError, NotFoundError } from '../../common/problem/domain-error';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import { DepartmentTree } from './department-tree.repository';
import { Account, UserAccounts } from './user-accounts.repository';
import { normalizeEmail } from './user.entity';
import { MeDto, ProfileDto, UpdateMeDto } from './users.dto';
import { Actor } from '../../common/http/actor';
import { PersonalDataCipher } from '../../common/crypto/personal-data-cipher';
import { ContactChanges, ContactMessage } from '../auth/contacts/contact-changes.service';
import type { PersonalData } from '../auth/personal-data';
import { TransactionRunner } from '../../database/transaction-runner';

export interface NewUser {
  email: string;
  password: string;
  role: Role;
  fullName: string;
  position?: string | null;
  /** Department id or code; operators and supervisors must belong to one. */
  department?: string | null;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly accounts: UserAccounts,
    private readonly departments: DepartmentTree,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly contacts: ContactChanges,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async me(userId: string): Promise<MeDto> {
    const user = await this.accounts.profile(userId);
    const department = user.departmentId ? await this.departments.known(user.departmentId) : null;
    return MeDto.from(user, department);
  }

  /**
   * PATCH /me: the name and the preferred answer channel change at once (one audit row, before →
   * after, personal data masked); a new e-mail or phone only waits for its code (the old address
   * stays in use and is told). Staff change only their e-mail here: their name and phone are the
   * administrator's.
   */
  async update(actor: Actor, dto: UpdateMeDto): Promise<ProfileDto> {
    const citizen = actor.role === Role.Citizen;
    if (!citizen) {
      const denied = (['lastName', 'firstName', 'middleName', 'phone', 'preferredAnswerChannel'] as const).filter((f) => dto[f] !== undefined);
      if (denied.length) throw new DomainError(422, 'validation_failed', {}, denied.map((field) => ({ field, code: 'name_managed_by_admin', message: 'Changed by an administrator' })));
    }
    const email = dto.email !== undefined ? this.contacts.normalize('email', dto.email) : undefined;
    const phone = dto.phone !== undefined ? this.contacts.normalize('phone', dto.phone) : undefined;
    let outgoing: ContactMessage[] = [];
    await this.tx.run(async (m) => {
      const user = await this.accounts.findOne({ id: actor.userId }, { manager: m, lock: true, secrets: ['personalEncrypted'] });
      if (!user) throw new NotFoundError('user');
      const personal = user.personalEncrypted ? this.cipher.decryptJson<PersonalData>(user.personalEncrypted) : null;
      const before: Record<string, unknown> = { fullName: user.fullName, preferredAnswerChannel: user.preferredAnswerChannel };
      const after: Record<string, unknown> = {};
      const fields: Parameters<UserAccounts['update']>[2] = {};
      if (dto.lastName !== undefined || dto.firstName !== undefined || dto.middleName !== undefined) {
        const parts = personal ?? splitName(user.fullName);
        const next = {
          ...parts,
          lastName: dto.lastName?.trim() ?? parts.lastName,
          firstName: dto.firstName?.trim() ?? parts.firstName,
          middleName: dto.middleName === undefined ? parts.middleName : dto.middleName.trim() || null,
        };
        const fullName = [next.lastName, next.firstName, next.middleName].filter(Boolean).join(' ');
        if (fullName !== user.fullName) {
          after.fullName = fullName;
          fields.fullName = fullName;
          if (personal) fields.personalEncrypted = this.cipher.encryptJson({ ...personal, lastName: next.lastName, firstName: next.firstName, middleName: next.middleName });
        }
      }
      if (dto.preferredAnswerChannel !== undefined && dto.preferredAnswerChannel !== user.preferredAnswerChannel) {
        after.preferredAnswerChannel = dto.preferredAnswerChannel;
        fields.preferredAnswerChannel = dto.preferredAnswerChannel;
      }
      if (Object.keys(fields).length) await this.accounts.update(m, user.id, fields);
      const contactChanges: string[] = [];
      if (email !== undefined && !this.contacts.isCurrent(user, 'email', email, personal?.phone ?? null)) {
        outgoing.push(...(await this.contacts.begin(m, user, 'email', email, personal?.phone ?? null)));
        contactChanges.push('email');
      }
      if (phone !== undefined && !this.contacts.isCurrent(user, 'phone', phone, personal?.phone ?? null)) {
        if (!personal) throw new DomainError(422, 'validation_failed', {}, [{ field: 'phone', code: 'name_managed_by_admin', message: 'Changed by an administrator' }]);
        outgoing.push(...(await this.contacts.begin(m, user, 'phone', phone, personal.phone)));
        contactChanges.push('phone');
      }
      if (Object.keys(after).length === 0 && contactChanges.length === 0) {
        outgoing = [];
        return;
      }
      await this.audit.record(m, actor, {
        action: 'user.profile_update',
        entityType: 'user',
        entityId: user.id,
        subjectId: user.id,
        details: { contactChangesRequested: contactChanges },
        change: Object.keys(after).length ? { before, after } : undefined,
      });
    });
    // Committed: this process's next read sees the change without waiting for the NOTIFY.
    this.accounts.forgetProfile(actor.userId);
    await this.contacts.send(outgoing, actor);
    return this.profile(actor.userId);
  }

  /** The profile with the contact changes waiting for their codes. */
  async profile(userId: string): Promise<ProfileDto> {
    const [me, pendingContactChanges] = await Promise.all([this.me(userId), this.contacts.pendingOf(userId)]);
    return { ...me, pendingContactChanges };
  }

  /** Creates an account (CLI, seed); fails with a clear error on a taken e-mail or unknown department. */
  async create(input: NewUser, actor: AnyActor, manager?: EntityManager): Promise<Account> {
    const run = async (m: EntityManager) => {
      let departmentId: string | null = null;
      if (input.department) {
        const department = await this.departments.byIdOrCode(input.department, m);
        if (!department) throw new DomainError(422, 'validation_failed', {}, [{ field: 'department', code: 'not_found', message: `No department "${input.department}"` }]);
        departmentId = department.id;
      } else if (DEPARTMENT_ROLES.includes(input.role)) {
        throw new DomainError(422, 'validation_failed', {}, [{ field: 'department', code: 'required', message: 'Staff must belong to a department' }]);
      }
      const emailNormalized = normalizeEmail(input.email);
      if (await this.accounts.exists({ emailNormalized }, m)) {
        throw new DomainError(409, 'conflict', {}, [{ field: 'email', code: 'taken', message: 'An account with this e-mail exists' }]);
      }
      const user = await this.accounts.insert(m, {
        email: input.email.trim(),
        emailNormalized,
        passwordHash: await this.hasher.hash(input.password),
        role: input.role,
        fullName: input.fullName,
        position: input.position ?? null,
        departmentId,
        active: true,
        // The address was set by whoever created the account (an administrator, the CLI, the demo seed).
        emailVerified: true,
      });
      await this.audit.record(m, actor, { action: 'user.create', entityType: 'user', entityId: user.id, details: { role: user.role, departmentId } });
      return user;
    };
    return manager ? run(manager) : this.tx.run(run);
  }
}

/** ФИО parts of an account without personal data (staff): «Фамилия Имя Отчество». */
function splitName(fullName: string): Pick<PersonalData, 'lastName' | 'firstName' | 'middleName'> {
  const [lastName = '', firstName = '', ...rest] = fullName.trim().split(/\s+/);
  return { lastName, firstName, middleName: rest.join(' ') || null };
}

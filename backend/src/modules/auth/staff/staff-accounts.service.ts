import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DEPARTMENT_ROLES, isStaff, Role } from '@otklik/shared/domain';
import { decodeCursor, DEFAULT_LIMIT, encodeCursor } from '../../../common/pagination/cursor';
import { Actor } from '../../../common/http/actor';
import { DomainError, FieldError, NotFoundError, ValidationFailedError } from '../../../common/problem/domain-error';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { TransactionRunner } from '../../../database/transaction-runner';
import { AuditService } from '../../audit/audit.service';
import { DepartmentTree } from '../../users/department-tree.repository';
import { normalizeEmail, StaffRow, UserAccounts } from '../../users/user-accounts.repository';

import { LiveSessions } from '../live-sessions.repository';
import { MfaService } from '../mfa/mfa.service';
import { PasswordHasher } from '../password-hasher';
import { PasswordPolicy } from '../password/password-policy';
import { accountIpAllowed, normalizeNetwork, staffIpAllowed } from '../protection/ip-allow-list';
import { AuthLimits } from '../protection/auth-limits';
import { LockoutService } from '../protection/lockout.service';
import { ClientInfo, SessionService } from '../session.service';
import { actorOf } from '../sign-in.service';
import { TokenService } from '../token.service';
import { AccountLinks, IssuedLink } from './account-links';
import {
  AccountLinkAcceptedDto,
  AccountLinkSentDto,
  StaffAccountDetailDto,
  StaffAccountDto,
  StaffAccountInputDto,
  StaffAccountPageDto,
  StaffAccountPatchDto,
  StaffAccountQueryDto,
  StaffLockDto,
} from './staff-accounts.dto';

const ENROLMENT_TOKEN_TTL_SECONDS = 10 * 60;
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** The fields of an account whose change the audit row shows before → after. */
function settingsOf(row: Pick<StaffRow, 'email' | 'fullName' | 'position' | 'role' | 'departmentId' | 'ipAllowList'>): Record<string, unknown> {
  return { email: row.email, fullName: row.fullName, position: row.position, role: row.role, departmentId: row.departmentId, ipAllowList: row.ipAllowList };
}

/**
 * Staff accounts administered from the console: admins create (by invitation), edit, lock and
 * unlock, reset the second factor and the password, and end sessions; supervisors read the accounts
 * of their department subtree. Every change is one transaction with its audit row (before → after);
 * whatever the access token carries (role, department, allow-list) or a lock ends the account's
 * sessions in the same transaction, so its next request with an old access token is refused.
 */
@Injectable()
export class StaffAccountsService {
  constructor(
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: UserAccounts,
    private readonly departments: DepartmentTree,
    private readonly sessions: SessionService,
    private readonly live: LiveSessions,
    private readonly links: AccountLinks,
    private readonly mfa: MfaService,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly limits: AuthLimits,
    private readonly lockout: LockoutService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: StaffAccountQueryDto): Promise<StaffAccountPageDto> {
    const scope = await this.scopeOf(actor);
    const limit = query.limit ?? DEFAULT_LIMIT;
    let after: { fullName: string; id: string } | null = null;
    if (query.cursor) {
      const [fullName, id] = decodeCursor(query.cursor, 2);
      if (typeof fullName !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) {
        throw new ValidationFailedError([{ field: 'cursor', code: 'invalid_cursor', message: 'invalid cursor' }]);
      }
      after = { fullName, id };
    }
    const departmentIds = scope === 'all' ? (query.departmentId ? [query.departmentId] : undefined) : scope.filter((d) => !query.departmentId || d === query.departmentId);
    const rows = await this.accounts.searchStaff({ q: query.q?.trim() || undefined, role: query.role, status: query.status, departmentIds }, limit + 1, after);
    const page = rows.slice(0, limit);
    const signIns = await this.lastSignIns(page.map((r) => r.id));
    const last = page[page.length - 1];
    return { items: page.map((r) => this.dto(r, signIns.get(r.id) ?? null)), nextCursor: rows.length > limit && last ? encodeCursor([last.fullName, last.id]) : null };
  }

  async get(actor: Actor, id: string): Promise<StaffAccountDetailDto> {
    const row = await this.visible(actor, id);
    return this.detail(row);
  }

  /** Creates the account without a password and e-mails an invitation (set the password, enrol TOTP). */
  async create(actor: Actor, input: StaffAccountInputDto): Promise<StaffAccountDetailDto> {
    const ipAllowList = this.networks(input.ipAllowList ?? []);
    const { row, link } = await this.tx.run(async (m) => {
      await this.checkPlacement(m, input.role, input.departmentId ?? null);
      const emailNormalized = normalizeEmail(input.email);
      if (await this.accounts.exists({ emailNormalized }, m)) {
        throw new DomainError(409, 'conflict', {}, [{ field: 'email', code: 'taken', message: 'An account with this e-mail exists' }]);
      }
      const user = await this.accounts.insert(m, {
        email: input.email.trim(),
        emailNormalized,
        passwordHash: null,
        role: input.role,
        fullName: input.fullName.trim(),
        position: input.position?.trim() || null,
        departmentId: input.departmentId ?? null,
        active: true,
        ipAllowList,
      });
      const link = await this.links.issue(m, user.id, 'invite', actor.userId);
      const row = (await this.accounts.staffRow(user.id, m))!;
      await this.audit.record(m, actor, {
        action: 'staff.create',
        entityType: 'user',
        entityId: user.id,
        details: { role: row.role, departmentId: row.departmentId },
        change: { before: null, after: { ...settingsOf(row), invitationExpiresAt: link.expiresAt.toISOString() } },
      });
      return { row, link };
    });
    await this.links.mail(row, 'invite', link);
    return this.detail(row);
  }

  async update(actor: Actor, id: string, patch: StaffAccountPatchDto): Promise<StaffAccountDetailDto> {
    const ipAllowList = patch.ipAllowList === undefined ? undefined : this.networks(patch.ipAllowList);
    const { row, ended } = await this.tx.run(async (m) => {
      const before = await this.locked(m, id);
      const next = {
        fullName: patch.fullName?.trim() ?? before.fullName,
        position: patch.position === undefined ? before.position : patch.position?.trim() || null,
        role: patch.role ?? before.role,
        departmentId: patch.departmentId === undefined ? before.departmentId : patch.departmentId,
        ipAllowList: ipAllowList ?? before.ipAllowList,
      };
      if (next.role !== before.role && id === actor.userId) throw new DomainError(409, 'own_account');
      if (next.role !== before.role || next.departmentId !== before.departmentId) await this.checkPlacement(m, next.role, next.departmentId);
      await this.accounts.update(m, id, next);
      // The access token carries the role, the department and the allow-list: a change of any ends the sessions.
      const carried = next.role !== before.role || next.departmentId !== before.departmentId || next.ipAllowList.join() !== before.ipAllowList.join();
      const ended = carried ? await this.endSessions(m, id) : [];
      const row = (await this.accounts.staffRow(id, m))!;
      await this.audit.record(m, actor, {
        action: 'staff.update',
        entityType: 'user',
        entityId: id,
        details: { sessionsEnded: ended.length },
        change: { before: settingsOf(before), after: settingsOf(row) },
      });
      return { row, ended };
    });
    this.forget(ended);
    return this.detail(row);
  }

  /** Locks the account: sign-in is refused, and its sessions end at once (the next request with an old access token is a 401). */
  async lock(actor: Actor, id: string, input: StaffLockDto): Promise<StaffAccountDetailDto> {
    if (id === actor.userId) throw new DomainError(409, 'own_account');
    const { row, ended } = await this.tx.run(async (m) => {
      const before = await this.locked(m, id);
      if (before.lockedAt) return { row: before, ended: [] };
      await this.accounts.update(m, id, { lockedAt: new Date(), lockReason: 'admin' });
      const ended = await this.endSessions(m, id);
      const row = (await this.accounts.staffRow(id, m))!;
      await this.audit.record(m, actor, {
        action: 'staff.lock',
        entityType: 'user',
        entityId: id,
        details: { reason: input.reason ?? null, sessionsEnded: ended.length },
        change: { before: { lockedAt: null, lockReason: before.lockReason }, after: { lockedAt: iso(row.lockedAt), lockReason: row.lockReason } },
      });
      return { row, ended };
    });
    this.forget(ended);
    return this.detail(row);
  }

  /** Unlocks (also an account an alert locked) and clears its failed sign-in back-off. */
  async unlock(actor: Actor, id: string): Promise<StaffAccountDetailDto> {
    const row = await this.tx.run(async (m) => {
      const before = await this.locked(m, id);
      if (!before.lockedAt) return before;
      await this.accounts.update(m, id, { lockedAt: null, lockReason: null });
      const row = (await this.accounts.staffRow(id, m))!;
      await this.audit.record(m, actor, {
        action: 'staff.unlock',
        entityType: 'user',
        entityId: id,
        change: { before: { lockedAt: iso(before.lockedAt), lockReason: before.lockReason }, after: { lockedAt: null, lockReason: null } },
      });
      return row;
    });
    await this.lockout.reset(`login:${normalizeEmail(row.email)}`);
    return this.detail(row);
  }

  /** Removes the second factor (a lost phone): the sessions end, and the next sign-in enrols again. */
  async resetMfa(actor: Actor, id: string): Promise<StaffAccountDetailDto> {
    const { row, ended } = await this.tx.run(async (m) => {
      const before = await this.locked(m, id);
      if (!before.mfaMethod) return { row: before, ended: [] };
      await this.mfa.resetIn(m, id);
      const ended = await this.endSessions(m, id);
      const row = (await this.accounts.staffRow(id, m))!;
      await this.audit.record(m, actor, {
        action: 'staff.mfa_reset',
        entityType: 'user',
        entityId: id,
        details: { sessionsEnded: ended.length },
        change: { before: { mfaMethod: before.mfaMethod }, after: { mfaMethod: null } },
      });
      return { row, ended };
    });
    this.forget(ended);
    return this.detail(row);
  }

  /** E-mails a one-time link to set a new password (the current one keeps working until then). */
  resetPassword(actor: Actor, id: string): Promise<AccountLinkSentDto> {
    return this.sendLink(actor, id, 'password_reset');
  }

  /** Sends the invitation again (a new link; the earlier one stops working); only while no password is set. */
  resendInvitation(actor: Actor, id: string): Promise<AccountLinkSentDto> {
    return this.sendLink(actor, id, 'invite');
  }

  async revokeSession(actor: Actor, id: string, sessionId: string): Promise<void> {
    await this.tx.run(async (m) => {
      await this.locked(m, id);
      const before = (await this.sessions.list(m, id, undefined)).length;
      const ended = await this.endSessions(m, id, sessionId);
      if (ended.length === 0) throw new NotFoundError('session');
      await this.audit.record(m, actor, {
        action: 'staff.session_revoked',
        entityType: 'user',
        entityId: id,
        details: { sessionId },
        change: { before: { activeSessions: before }, after: { activeSessions: before - 1 } },
      });
      this.forget(ended);
    });
  }

  /**
   * The invitee (or the one an admin sent a reset) sets the password with the e-mailed link; a
   * staff account without a second factor then enrols TOTP (POST /auth/mfa/enrolment/confirm
   * finishes it and signs in). A weak password, a refused IP or a locked account leave the link unspent.
   */
  async acceptLink(token: string, newPassword: string, client: ClientInfo): Promise<AccountLinkAcceptedDto> {
    await this.limits.codeCheck(client);
    const passwordHash = await this.hasher.hash(newPassword);
    const { user, enrolment, ended } = await this.tx.run(async (m) => {
      const link = await this.links.spend(m, token);
      const user = link ? await this.accounts.findOne({ id: link.userId, active: true }, { manager: m, lock: true }) : null;
      if (!link || !user) throw new DomainError(410, 'account_link_invalid');
      const weak = this.policy.check(newPassword, [user.email, user.fullName], 'newPassword');
      if (weak.length > 0) throw new ValidationFailedError(weak);
      if (user.lockedAt) throw new DomainError(403, 'account_locked_pending_review');
      if (isStaff(user.role) && (!staffIpAllowed(this.config.identity.staffIpAllowList, user, client.ip) || !accountIpAllowed(user.ipAllowList, client.ip))) {
        throw new DomainError(403, 'ip_not_allowed');
      }
      await this.accounts.update(m, user.id, { passwordHash, passwordChangedAt: new Date(), emailVerified: true });
      const ended = await this.endSessions(m, user.id);
      const enrolment = isStaff(user.role) && !user.mfaMethod ? await this.mfa.prepareTotp(m, user) : null;
      await this.audit.record(m, actorOf(user, client), {
        action: link.purpose === 'invite' ? 'auth.invitation_accepted' : 'auth.password_reset',
        entityType: 'user',
        entityId: user.id,
        details: { via: 'account_link', mfaEnrolmentStarted: enrolment !== null, sessionsEnded: ended.length },
      });
      return { user, enrolment, ended };
    });
    this.forget(ended);
    await this.lockout.reset(`login:${user.emailNormalized}`);
    if (!enrolment) return { email: user.email, enrolment: null };
    return { email: user.email, enrolment: { enrolmentToken: await this.tokens.signStep('enrol', user.id, ENROLMENT_TOKEN_TTL_SECONDS), ...enrolment } };
  }

  private async sendLink(actor: Actor, id: string, purpose: 'invite' | 'password_reset'): Promise<AccountLinkSentDto> {
    const { row, link } = await this.tx.run(async (m) => {
      const row = await this.locked(m, id);
      if (purpose === 'invite' && !row.invited) throw new DomainError(409, 'invitation_already_accepted');
      const pending = await this.links.pending(m, id, purpose);
      const link: IssuedLink = await this.links.issue(m, id, purpose, actor.userId);
      const field = purpose === 'invite' ? 'invitationExpiresAt' : 'passwordResetExpiresAt';
      await this.audit.record(m, actor, {
        action: purpose === 'invite' ? 'staff.invitation_sent' : 'staff.password_reset_sent',
        entityType: 'user',
        entityId: id,
        change: { before: { [field]: iso(pending) }, after: { [field]: link.expiresAt.toISOString() } },
      });
      return { row, link };
    });
    const mailed = await this.links.mail(row, purpose, link);
    return { expiresAt: link.expiresAt.toISOString(), mailed };
  }

  /** Admins: every staff account; supervisors: their department subtree; others: none. */
  private async scopeOf(actor: Actor): Promise<'all' | string[]> {
    if (actor.role === Role.Admin) return 'all';
    if (actor.role !== Role.Supervisor || !actor.departmentId) return [];
    return this.departments.scope(actor.departmentId);
  }

  /** The account if the actor may see it; another's (or a citizen, or none) is a 404. */
  private async visible(actor: Actor, id: string): Promise<StaffRow> {
    const row = await this.accounts.staffRow(id);
    const scope = await this.scopeOf(actor);
    if (!row || (scope !== 'all' && (!row.departmentId || !scope.includes(row.departmentId)))) throw new NotFoundError('staff_account');
    return row;
  }

  /** The account, its row locked for the change (admins only reach here). */
  private async locked(m: EntityManager, id: string): Promise<StaffRow> {
    const account = await this.accounts.findOne({ id }, { manager: m, lock: true });
    const row = account && (await this.accounts.staffRow(id, m));
    if (!row) throw new NotFoundError('staff_account');
    return row;
  }

  /** Operators and supervisors belong to a live department; admins and auditors to none. */
  private async checkPlacement(m: EntityManager, role: Role, departmentId: string | null): Promise<void> {
    const errors: FieldError[] = [];
    if (DEPARTMENT_ROLES.includes(role)) {
      if (!departmentId) errors.push({ field: 'departmentId', code: 'required', message: 'Operators and supervisors belong to a department' });
      else {
        const department = await this.departments.get(departmentId, m);
        if (!department) errors.push({ field: 'departmentId', code: 'invalid_department', message: 'No such department' });
        else if (department.retiredAt) errors.push({ field: 'departmentId', code: 'department_retired', message: 'The department is retired' });
      }
    } else if (departmentId) errors.push({ field: 'departmentId', code: 'department_not_allowed', message: 'Admins and auditors belong to no department' });
    if (errors.length) throw new ValidationFailedError(errors);
  }

  private networks(raw: string[]): string[] {
    const errors: FieldError[] = [];
    const list = raw.map((n, i) => {
      const network = normalizeNetwork(n);
      if (!network) errors.push({ field: `ipAllowList[${i}]`, code: 'invalid_network', message: 'Not an IP address or CIDR' });
      return network ?? '';
    });
    if (errors.length) throw new ValidationFailedError(errors);
    return [...new Set(list)];
  }

  /** Revokes the account's session families (or just one) in the caller's transaction; the ids ended. */
  private async endSessions(m: EntityManager, userId: string, only?: string): Promise<string[]> {
    const rows = await m.query<{ family_id: string }[]>(
      `WITH ended AS (
         UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR family_id = $2::uuid) RETURNING family_id
       ) SELECT DISTINCT family_id FROM ended`,
      [userId, only ?? null],
    );
    return rows.map((r) => r.family_id);
  }

  /** This process forgets the ended sessions now; the others hear of them by NOTIFY at the commit. */
  private forget(families: string[]): void {
    for (const family of families) this.live.forget(family);
  }

  /** When each account last signed in: the start of its newest session. */
  private async lastSignIns(ids: string[]): Promise<Map<string, Date>> {
    if (ids.length === 0) return new Map();
    const rows = await this.tx.manager.query<{ user_id: string; at: Date }[]>(
      `SELECT user_id, max(started) AS at FROM (
         SELECT user_id, min(created_at) AS started FROM refresh_tokens WHERE user_id = ANY($1::uuid[]) GROUP BY user_id, family_id
       ) s GROUP BY user_id`,
      [ids],
    );
    return new Map(rows.map((r) => [r.user_id, new Date(r.at)]));
  }

  private dto(r: StaffRow, lastSignIn: Date | null): StaffAccountDto {
    return {
      id: r.id,
      email: r.email,
      fullName: r.fullName,
      position: r.position,
      role: r.role,
      departmentId: r.departmentId,
      status: r.lockedAt ? 'locked' : r.invited ? 'invited' : 'active',
      lockedAt: iso(r.lockedAt),
      lockReason: r.lockReason,
      mfaEnrolled: r.mfaMethod !== null,
      ipAllowList: r.ipAllowList,
      lastSignInAt: iso(lastSignIn),
      createdAt: new Date(r.createdAt).toISOString(),
    };
  }

  private async detail(row: StaffRow): Promise<StaffAccountDetailDto> {
    const [signIns, sessions, invitation] = await Promise.all([
      this.lastSignIns([row.id]),
      this.sessions.list(this.tx.manager, row.id, undefined),
      row.invited ? this.links.pending(this.tx.manager, row.id, 'invite') : Promise.resolve(null),
    ]);
    return { ...this.dto(row, signIns.get(row.id) ?? null), sessions, invitationExpiresAt: iso(invitation) };
  }
}

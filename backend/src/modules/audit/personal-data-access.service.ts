import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { decodeCursor, encodeCursor, DEFAULT_LIMIT } from '../../common/pagination/cursor';
import { DomainError } from '../../common/problem/domain-error';
import { Locale } from '../../common/i18n/messages';
import { TransactionRunner } from '../../database/transaction-runner';
import { DepartmentTree } from '../users/department-tree.repository';
import { AuditEntry } from './audit-entry.entity';
import { normalizeRuPhone } from '@otklik/shared/domain';
import { BlindIndex } from '../../common/crypto/blind-index';
import { Actor } from '../../common/http/actor';
import { maskEmail } from '../messaging/mailer';
import { normalizeEmail, UserAccounts } from '../users/user-accounts.repository';
import { AuditService } from './audit.service';
import { CitizenMatchListDto, MyPersonalDataAccessPageDto, PersonalDataAccessDto, PersonalDataAccessKind, PersonalDataAccessPageDto } from './audit.dto';

/** Citizens a search lists at most. */
const CITIZEN_MATCHES = 20;

/**
 * The personal-data access log (152-ФЗ), read from the audit rows that name a citizen as their
 * subject: each staff opening of an appeal card (`view`), reveal of contact details (`reveal`,
 * with the reason given) and opening of a file (`download`, `preview`). Auditors and admins see
 * who, when and why; the citizen sees which department and position, and the staff member's name
 * only when PD_ACCESS_SHOW_STAFF_NAMES allows it.
 */
@Injectable()
export class PersonalDataAccessLog {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly departments: DepartmentTree,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: UserAccounts,
    private readonly blindIndex: BlindIndex,
    private readonly audit: AuditService,
  ) {}

  async forStaff(subjectId: string, page: { limit?: number; cursor?: string }, locale: Locale): Promise<PersonalDataAccessPageDto> {
    const { rows, nextCursor } = await this.rows(subjectId, page);
    const names = await this.departmentNames(locale);
    return {
      items: rows.map(
        (r): PersonalDataAccessDto => ({
          id: String(r.id),
          occurredAt: r.occurredAt.toISOString(),
          action: r.action,
          kind: kindOf(r.action),
          appealNumber: numberOf(r),
          reason: typeof r.details.reason === 'string' ? r.details.reason : null,
          fields: fieldsOf(r),
          actorId: r.actorId,
          actorRole: r.actorRole,
          actorName: r.actorName,
          actorPosition: r.actorPosition,
          departmentId: r.actorDepartmentId,
          departmentName: r.actorDepartmentId ? (names.get(r.actorDepartmentId) ?? null) : null,
          ip: r.ip,
        }),
      ),
      nextCursor,
    };
  }

  async forCitizen(citizenId: string, page: { limit?: number; cursor?: string }, locale: Locale): Promise<MyPersonalDataAccessPageDto> {
    const { rows, nextCursor } = await this.rows(citizenId, page);
    const names = await this.departmentNames(locale);
    const showNames = this.config.auditSignals.showStaffNamesToCitizen;
    return {
      items: rows.map((r) => ({
        occurredAt: r.occurredAt.toISOString(),
        action: r.action,
        kind: kindOf(r.action),
        appealNumber: numberOf(r),
        fields: fieldsOf(r),
        departmentName: r.actorDepartmentId ? (names.get(r.actorDepartmentId) ?? null) : null,
        position: r.actorPosition,
        staffName: showNames ? r.actorName : null,
      })),
      nextCursor,
    };
  }

  /** Accesses by others (the citizen's own actions are not accesses), newest first, keyset over the row id. */
  private async rows(subjectId: string, page: { limit?: number; cursor?: string }): Promise<{ rows: AuditEntry[]; nextCursor: string | null }> {
    const limit = page.limit ?? DEFAULT_LIMIT;
    const qb = this.tx.manager
      .getRepository(AuditEntry)
      .createQueryBuilder('e')
      .where('e.subject_id = :subjectId', { subjectId })
      .andWhere('(e.actor_id IS NULL OR e.actor_id <> :subjectId)');
    if (page.cursor) {
      const [id] = decodeCursor(page.cursor, 1);
      if (typeof id !== 'string' || !/^\d{1,19}$/.test(id)) {
        throw new DomainError(422, 'validation_failed', {}, [{ field: 'cursor', code: 'invalid_cursor', message: 'invalid cursor' }]);
      }
      qb.andWhere('e.id < :cursorId', { cursorId: id });
    }
    const rows = await qb.orderBy('e.id', 'DESC').limit(limit + 1).getMany();
    const more = rows.length > limit;
    if (more) rows.pop();
    return { rows, nextCursor: more ? encodeCursor([String(rows[rows.length - 1].id)]) : null };
  }

  /**
   * Citizens by e-mail, phone or a part of the name, for the access-log page (auditors, admins).
   * The search shows names, so it is audited itself (`personal_data.search`: how, and how many
   * matched; never the query).
   */
  async findCitizens(actor: Actor, q: string): Promise<CitizenMatchListDto> {
    const text = q.trim();
    const phone = normalizeRuPhone(text);
    const [kind, by] = text.includes('@')
      ? (['email', { emailNormalized: normalizeEmail(text) }] as const)
      : phone
        ? (['phone', { phoneHash: this.blindIndex.of('phone', phone) }] as const)
        : (['name', { name: text }] as const);
    const rows = await this.accounts.searchCitizens(by, CITIZEN_MATCHES);
    await this.tx.run((m) => this.audit.record(m, actor, { action: 'personal_data.search', entityType: 'user', entityId: null, details: { by: kind, matches: rows.length } }));
    return { items: rows.map((r) => ({ id: r.id, fullName: r.fullName, email: maskEmail(r.email), registeredAt: new Date(r.createdAt).toISOString() })) };
  }

  private async departmentNames(locale: Locale): Promise<Map<string, string>> {
    return new Map([...(await this.departments.byId()).values()].map((d) => [d.id, locale === 'en' ? d.nameEn : d.nameRu]));
  }
}

/** What the access was, by the audit row's action. */
export function kindOf(action: string): PersonalDataAccessKind {
  switch (action) {
    case 'appeal.viewed':
      return 'view';
    case 'personal_data.view':
      return 'reveal';
    case 'attachment.download':
      return 'download';
    case 'attachment.preview':
      return 'preview';
    default:
      return 'other';
  }
}

function numberOf(r: AuditEntry): string | null {
  const n = r.details.number ?? r.details.appealNumber;
  return n === undefined || n === null ? null : String(n);
}

function fieldsOf(r: AuditEntry): string[] {
  return Array.isArray(r.details.fields) ? (r.details.fields as unknown[]).filter((f): f is string => typeof f === 'string') : [];
}

import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository, SelectQueryBuilder } from 'typeorm';
import { AppealChannel, AppealStatus, FINAL_STATUSES, Role, UNANSWERED_STATUSES } from '@otklik/shared/domain';
import { PersonalDataCipher } from '../../common/crypto/personal-data-cipher';
import { Actor } from '../../common/http/actor';
import { Locale } from '../../common/i18n/messages';
import { decodeCursor, DEFAULT_LIMIT, encodeCursor } from '../../common/pagination/cursor';
import { DomainError, ValidationFailedError } from '../../common/problem/domain-error';
import { sqlList, sqlText } from '../../common/sql/literals';
import { AttachmentsService } from '../attachments/attachments.service';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../../common/clock/clock';
import { AssignmentService } from '../workflow/routing/assignment.service';
import { AnswerTemplatesService, renderTemplate } from '../workflow/templates/answer-templates.service';
import { AppealAccess } from './appeal-access.service';
import { Answer } from './answer.entity';
import { AnswerTemplateViewDto } from './dto/answer-output.dto';
import { AppealHistory } from './appeal-history.entity';
import { AppealMessage } from './appeal-message.entity';
import { Appeal } from './appeal.entity';
import { AppealGuardrails } from './appeal-guardrails';
import { toCard, toHistoryEntry, toMessage, toSummary } from './appeal.mapper';
import { AppealDateField, AppealListQuery, StaffAppealListQuery } from './dto/appeal-query.dto';
import { AppealDto, AppealListDto, AppealSummaryDto, ContactViewDto, HistoryEntryDto, MessageDto } from './dto/appeal-output.dto';
import { DepartmentTree } from '../users/department-tree.repository';
import { StaffDirectory } from '../users/staff-directory.repository';
import type { AttachmentDto } from '../attachments/dto/attachment.dto';
import { CatalogService } from '../catalog/catalog.service';

/** Both configurations: Russian stems Cyrillic words, English stems Latin ones. */
const TSQUERY = `(websearch_to_tsquery('russian', :q) || websearch_to_tsquery('english', :q))`;
const OPEN_STATUSES_SQL = `(${sqlList(UNANSWERED_STATUSES)})`;
/** Everything but drafts and the appeals whose life has ended. */
const NOT_DRAFT_OR_FINAL_SQL = `(${sqlList([AppealStatus.Draft, ...FINAL_STATUSES])})`;

/** The column each date field of the staff list's from/to means. */
const DATE_COLUMNS: Record<AppealDateField, string> = {
  [AppealDateField.RegisteredAt]: 'a.registered_at',
  [AppealDateField.FirstReactionAt]: 'a.first_reaction_at',
  [AppealDateField.AnsweredAt]: 'a.answered_at',
  [AppealDateField.ClosedAt]: 'a.closed_at',
  [AppealDateField.RatedAt]: 'a.rated_at',
};

type Page = { items: (Appeal & { rank?: number })[]; next: (string | number | null)[] | null };

/** Read side: the citizen's list and search, the staff queue, the card, history and thread. */
@Injectable()
export class AppealQueryService {
  constructor(
    @InjectRepository(Appeal) private readonly own: Repository<Appeal>,
    private readonly access: AppealAccess,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
    private readonly templates: AnswerTemplatesService,
    private readonly clock: Clock,
    private readonly attachments: AttachmentsService,
    private readonly guardrails: AppealGuardrails,
    private readonly assignment: AssignmentService,
    private readonly departments: DepartmentTree,
    private readonly staff: StaffDirectory,
    private readonly catalog: CatalogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The citizen's own appeals, newest first (or best match first with `q`). */
  async listOwn(actor: Actor, query: AppealListQuery, maxLimit = 100): Promise<AppealListDto> {
    const qb = this.repo().createQueryBuilder('a').where('a.citizen_id = :citizen', { citizen: actor.userId });
    this.applyCommonFilters(qb, query, 'a.created_at');
    const page = await this.page(qb, query, Math.min(query.limit ?? DEFAULT_LIMIT, maxLimit), { column: 'a.created_at', dir: 'DESC' });
    return this.toList(page);
  }

  /** Every matching own appeal, for export (capped). */
  async exportOwn(actor: Actor, query: AppealListQuery, cap: number): Promise<Appeal[]> {
    const qb = this.repo().createQueryBuilder('a').where('a.citizen_id = :citizen', { citizen: actor.userId });
    this.applyCommonFilters(qb, query, 'a.created_at');
    return qb.orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').limit(cap).getMany();
  }

  /** The department queue of an operator or supervisor. */
  async listStaff(actor: Actor, query: StaffAppealListQuery): Promise<AppealListDto> {
    const scope = await this.access.departmentScope(actor);
    if (query.departmentId && !scope.includes(query.departmentId)) throw new DomainError(403, 'forbidden');
    const departments = !query.departmentId
      ? scope
      : query.includeSubdepartments
        ? (await this.departments.scope(query.departmentId)).filter((d) => scope.includes(d))
        : [query.departmentId];
    if (departments.length === 0) return { items: [], nextCursor: null };
    const qb = this.repo().createQueryBuilder('a');
    if (query.escalated) {
      // The escalations list: escalated within these departments, or escalated to them from below.
      qb.where('(a.department_id = ANY(:deps) OR a.escalated_to_department_id = ANY(:deps))', { deps: departments });
    } else if (departments.length === 1) qb.where('a.department_id = :dep', { dep: departments[0] });
    else qb.where('a.department_id = ANY(:deps)', { deps: departments });
    // Written as literals so the planner can match the partial queue index.
    // Unanswered by default; the re-review list and a status filter look at answered ones too, and
    // so do escalations (a citizen escalates after answers) until the appeal is closed.
    qb.andWhere(
      query.statuses?.length
        ? `a.status IN (${sqlList(['-', ...query.statuses.filter((st) => st !== AppealStatus.Draft)])})` // validated enum values; '-' keeps the list non-empty
        : query.status || query.rereview
        ? `a.status <> ${sqlText(AppealStatus.Draft)}`
        : query.escalated
          ? `a.status NOT IN ${NOT_DRAFT_OR_FINAL_SQL}`
          : `a.status IN ${OPEN_STATUSES_SQL}`,
    );
    this.applyCommonFilters(qb, query, DATE_COLUMNS[query.dateField ?? AppealDateField.RegisteredAt]);
    // The report drill-down's filters, written as AppealReportReader writes them (the counts agree).
    if (query.channel) qb.andWhere('a.channel = :channel', { channel: query.channel satisfies AppealChannel });
    if (query.answerChannel) qb.andWhere('a.answer_channel = :answerChannel', { answerChannel: query.answerChannel });
    if (query.region) qb.andWhere(`a.extra_fields->>'region' = :region`, { region: query.region });
    if (query.answeredOnTime !== undefined) {
      qb.andWhere(
        query.answeredOnTime ? 'a.answered_at IS NOT NULL AND (a.due_at IS NULL OR a.answered_at <= a.due_at)' : 'a.answered_at > a.due_at',
      );
    }
    if (query.assigneeId) qb.andWhere('a.assignee_id = :assignee', { assignee: query.assigneeId });
    if (query.overdue !== undefined) qb.andWhere('a.overdue = :overdue', { overdue: query.overdue });
    if (query.escalated !== undefined) qb.andWhere('a.escalated = :escalated', { escalated: query.escalated });
    if (query.rereview !== undefined) qb.andWhere('a.rereview = :rereview', { rereview: query.rereview });
    if (query.dueBefore) qb.andWhere('a.due_at < :dueBefore', { dueBefore: query.dueBefore });
    if (query.pool) qb.andWhere('a.department_id = :pool', { pool: (await this.catalog.generalPool(this.own.manager))?.id ?? null });
    const order = query.sort === 'registeredAt' ? ({ column: 'a.registered_at', dir: 'DESC' } as const) : ({ column: 'a.due_at', dir: 'ASC' } as const);
    const total = query.withTotal ? await qb.clone().getCount() : undefined;
    const list = this.toList(await this.page(qb, query, query.limit ?? DEFAULT_LIMIT, order));
    return total === undefined ? list : { ...list, total };
  }

  async card(actor: Actor, idOrNumber: string, locale: Locale): Promise<AppealDto> {
    const appeal = await this.access.load(actor, idOrNumber);
    const handling = await this.access.handles(actor, appeal);
    const [, history, messages, answer, attachments, executor, department, thanked] = await Promise.all([
      // A staff member opening the card sees the citizen's texts and (masked) contacts: a view of
      // personal data (152-ФЗ), one audit row beside the reads, shown in the access log.
      actor.role === Role.Citizen ? null : this.recordView(actor, appeal),
      this.historyRows(appeal.id),
      this.messageRows(appeal.id, actor),
      this.own.manager.findOne(Answer, { where: { appealId: appeal.id }, order: { answeredAt: 'DESC', createdAt: 'DESC' } }),
      // Files are for the citizen and the handling side only (not for a department overseeing an escalation).
      actor.role === Role.Citizen || handling ? this.attachmentsFor(appeal.id, actor) : [],
      appeal.assigneeId ? this.staff.get(appeal.assigneeId) : null,
      appeal.departmentId ? this.departments.get(appeal.departmentId) : null,
      appeal.thankedStaffId ? this.staff.get(appeal.thankedStaffId) : null,
    ]);
    const assigneeName = actor.role !== Role.Citizen ? (executor?.fullName ?? null) : null;
    const contact = appeal.contactEncrypted ? this.cipher.decryptJson<ContactViewDto>(appeal.contactEncrypted) : null;
    const approvalRequiredFor = actor.role === Role.Citizen ? [] : await this.guardrails.approvalRequiredFor(this.own.manager, appeal.departmentId);
    return toCard(appeal, { contact, history, messages, answer, attachments, viewerRole: actor.role, handling, assigneeName, locale, now: this.clock.now(), approvalRequiredFor,
      department, executor, thanked, showExecutorName: this.config.cabinet.showExecutorName });
  }

  /**
   * A staff view of one appeal's personal data — the card, or its history or thread alone — in
   * the citizen's personal-data access log: one INSERT beside the reads, no signal.
   */
  private recordView(actor: Actor, appeal: Appeal, fields = ['subject', 'text', ...(Object.keys(appeal.extraFields ?? {}).length ? ['extraFields'] : []), ...(appeal.contactEncrypted ? ['contactMasked'] : [])]): Promise<void> {
    return this.audit.record(this.own.manager, actor, {
      action: 'appeal.viewed',
      entityType: 'appeal',
      entityId: appeal.id,
      subjectId: appeal.citizenId,
      details: { number: appeal.number, fields },
    });
  }

  /** The files on the card; a citizen's view leaves out those of internal notes. */
  private async attachmentsFor(appealId: string, actor: Actor): Promise<AttachmentDto[]> {
    const internal =
      actor.role === Role.Citizen
        ? (await this.own.manager.query<{ id: string }[]>('SELECT id FROM appeal_messages WHERE appeal_id = $1 AND internal', [appealId])).map((m) => m.id)
        : [];
    return this.attachments.listFor(this.own.manager, appealId, { exceptMessages: internal });
  }

  /** The templates the appeal's department may use, filled in for this appeal and this executor. */
  async answerTemplates(actor: Actor, idOrNumber: string): Promise<AnswerTemplateViewDto[]> {
    const appeal = await this.access.load(actor, idOrNumber);
    const [templates, position, department] = await Promise.all([
      this.templates.forDepartment(appeal.departmentId),
      this.staff.positionOf(actor.userId),
      appeal.departmentId ? this.departments.get(appeal.departmentId) : null,
    ]);
    const context = {
      number: appeal.number,
      type: appeal.type,
      subject: appeal.subject,
      registeredAt: appeal.registeredAt,
      dueAt: appeal.dueAt,
      executorName: actor.name,
      executorPosition: position,
      departmentName: department?.nameRu ?? null,
    };
    return templates.map((t) => ({ id: t.id, title: t.title, result: t.result, text: renderTemplate(t.body, context) }));
  }

  /**
   * The unmasked contact details for a staff member handling the appeal. Every reveal is a
   * personal-data access (152-ФЗ) and is written to the audit log with the stated reason.
   */
  async revealContact(actor: Actor, idOrNumber: string, reason: string): Promise<ContactViewDto> {
    return this.own.manager.transaction(async (manager) => {
      const appeal = await this.access.load(actor, idOrNumber, { manager });
      const contact = appeal.contactEncrypted ? this.cipher.decryptJson<ContactViewDto>(appeal.contactEncrypted) : {};
      await this.audit.record(manager, actor, {
        action: 'personal_data.view',
        entityType: 'appeal',
        entityId: appeal.id,
        subjectId: appeal.citizenId,
        details: { number: appeal.number, fields: Object.keys(contact), reason },
      });
      return contact;
    });
  }

  /** The history names the citizen (their steps): a staff read of it is a view, as the card's. */
  async history(actor: Actor, idOrNumber: string, locale: Locale): Promise<HistoryEntryDto[]> {
    const appeal = await this.access.load(actor, idOrNumber);
    const [, rows] = await Promise.all([actor.role === Role.Citizen ? null : this.recordView(actor, appeal, ['history']), this.historyRows(appeal.id)]);
    return rows.map((h) => toHistoryEntry(h, locale));
  }

  /** The thread holds the citizen's name and texts: a staff read of it is a view, as the card's. */
  async messages(actor: Actor, idOrNumber: string): Promise<MessageDto[]> {
    const appeal = await this.access.load(actor, idOrNumber);
    const [, rows] = await Promise.all([actor.role === Role.Citizen ? null : this.recordView(actor, appeal, ['messages']), this.messageRows(appeal.id, actor)]);
    return rows.map(toMessage);
  }

  private historyRows(appealId: string): Promise<AppealHistory[]> {
    return this.own.manager.getRepository(AppealHistory).find({ where: { appealId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  private messageRows(appealId: string, actor: Actor): Promise<AppealMessage[]> {
    return this.own.manager.getRepository(AppealMessage).find({
      where: actor.role === Role.Citizen ? { appealId, internal: false } : { appealId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  private repo() {
    return this.own.manager.getRepository(Appeal);
  }

  private applyCommonFilters(qb: SelectQueryBuilder<Appeal>, query: AppealListQuery, dateColumn: string): void {
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.type) qb.andWhere('a.type = :type', { type: query.type });
    if (query.categoryId) {
      qb.andWhere(new Brackets((w) => w.where('a.category_id = :cat').orWhere('a.subcategory_id = :cat')), { cat: query.categoryId });
    }
    if (query.important !== undefined) qb.andWhere('a.important = :important', { important: query.important });
    const from = query.from && boundary(query.from, 'from');
    const to = query.to && boundary(query.to, 'to');
    if (from && to && from > to) throw new ValidationFailedError([{ field: 'from', code: 'date_range', message: '' }]);
    if (from) qb.andWhere(`${dateColumn} >= :from`, { from });
    if (to) qb.andWhere(`${dateColumn} < :to`, { to });
    const q = query.q?.trim();
    if (q) {
      qb.andWhere(`a.search_vector @@ ${TSQUERY}`, { q });
      qb.addSelect(`ts_rank(a.search_vector, ${TSQUERY})`, 'rank');
    }
  }

  /**
   * Keyset pagination on (sort column, id), or (rank, sort column, id) when searching: stable
   * under inserts, and every page costs the same however deep it is.
   */
  private async page(
    qb: SelectQueryBuilder<Appeal>,
    query: AppealListQuery,
    limit: number,
    order: { column: string; dir: 'ASC' | 'DESC' },
  ): Promise<Page> {
    const searching = Boolean(query.q?.trim());
    const cmp = order.dir === 'DESC' ? '<' : '>';
    if (query.cursor) {
      const values = decodeCursor(query.cursor, searching ? 3 : 2);
      const [rank, at, id] = searching ? values : [null, ...values];
      const tuple = new Brackets((w) =>
        w.where(`(${order.column}, a.id) ${cmp} (:cAt, :cId)`, { cAt: at, cId: id }),
      );
      if (searching) {
        qb.andWhere(
          new Brackets((w) =>
            w
              .where(`ts_rank(a.search_vector, ${TSQUERY}) < :cRank::real`, { cRank: rank })
              .orWhere(new Brackets((x) => x.where(`ts_rank(a.search_vector, ${TSQUERY}) = :cRank::real`).andWhere(tuple))),
          ),
        );
      } else {
        qb.andWhere(tuple);
      }
    }
    if (searching) qb.orderBy('rank', 'DESC').addOrderBy(order.column, order.dir);
    else qb.orderBy(order.column, order.dir);
    qb.addOrderBy('a.id', order.dir).limit(limit + 1);
    const { entities, raw } = await qb.getRawAndEntities<{ rank?: string }>();
    const items = entities.map((e, i) => Object.assign(e, searching ? { rank: Number(raw[i].rank) } : {}));
    const more = items.length > limit;
    if (more) items.pop();
    const last = items[items.length - 1];
    const sortValue = (a: Appeal) => {
      const v = order.column === 'a.created_at' ? a.createdAt : order.column === 'a.due_at' ? a.dueAt : a.registeredAt;
      return v ? v.toISOString() : null;
    };
    const next = more && last ? (searching ? [raw[items.length - 1].rank ?? null, sortValue(last), last.id] : [sortValue(last), last.id]) : null;
    return { items, next: next as Page['next'] };
  }

  private toList(page: Page): AppealListDto {
    return {
      items: page.items.map((a): AppealSummaryDto => ({ ...toSummary(a), ...(a.rank !== undefined ? { rank: a.rank } : {}) })),
      nextCursor: page.next ? encodeCursor(page.next) : null,
    };
  }
}

/** A date means the whole Moscow day: `from` its start, `to` the start of the next day. */
function boundary(value: string, side: 'from' | 'to'): string {
  if (value.length > 10) return new Date(value).toISOString();
  const start = new Date(`${value}T00:00:00+03:00`);
  if (side === 'to') start.setUTCDate(start.getUTCDate() + 1);
  return start.toISOString();
}

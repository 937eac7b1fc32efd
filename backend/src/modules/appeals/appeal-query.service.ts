import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityMetadata, Repository, SelectQueryBuilder } from 'typeorm';
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
import { SUMMARY_COLUMNS, toCard, toHistoryEntry, toMessage, toSummary } from './appeal.mapper';
import { AppealDateField, AppealListQuery, QueueSortKey, QueueView, StaffAppealListQuery } from './dto/appeal-query.dto';
import { AppealDto, AppealListDto, AppealSummaryDto, ContactViewDto, HistoryEntryDto, MessageDto, QueueCountsDto, StaffAppealListDto } from './dto/appeal-output.dto';
import { DepartmentInfo, DepartmentTree } from '../users/department-tree.repository';
import { StaffDirectory } from '../users/staff-directory.repository';
import { UserAccounts } from '../users/user-accounts.repository';
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

type Page = { items: ListRow[]; next: (string | number | null)[] | null };

/**
 * The columns a list row shows (toSummary and the staff queue's fields): a page selects these,
 * not the whole row of some 60 columns — the text, the extra fields and the encrypted contact
 * included, which PostgreSQL sent, pg parsed and TypeORM hydrated for 21 appeals on every page.
 */
const LIST_COLUMNS = [
  ...SUMMARY_COLUMNS,
  'citizenId',
  'firstReactionAt',
  'firstResponseDueAt',
  'slaPausedAt',
  'documentsDueOn',
] as const satisfies readonly (keyof Appeal)[];

/** A list row as a page reads it: the list columns, and the rank when searching. */
type ListRow = Pick<Appeal, (typeof LIST_COLUMNS)[number]> & { rank?: number };

/**
 * The list columns as the page's SELECT names them, each under its property's name: the rows are
 * read raw and built here (TypeORM's hydration of 21 rows was a sixth of a list's CPU). The
 * number (bigint) is converted as the entity's transformer does; a date is read as its ISO text,
 * as TypeORM reads a `date` column.
 */
function listSelect(metadata: EntityMetadata): string[] {
  return LIST_COLUMNS.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`appeals has no column for ${property}`);
    if (column.transformer && property !== 'number') throw new Error(`appeals.${property} has a transformer the list rows do not apply`);
    return `a.${column.databaseName}${column.type === 'date' ? '::text' : ''} AS "${property}"`;
  });
}
/** A sort key: a column or a non-null expression on the appeals row, with the parameters it names. */
type Order = { column: string; dir: 'ASC' | 'DESC'; params?: Record<string, unknown> };
/** An appeal number as a search query (optionally written «№ 123»). */
const NUMBER_QUERY = /^(№\s*)?\d{1,15}$/;
/** How far ahead the «due soon» view looks. */
export const QUEUE_DUE_SOON_HOURS = 48;

/** Read side: the citizen's list and search, the staff queue, the card, history and thread. */
/** What a staff card shows of the citizen's personal data, as the access log names it. */
function viewedFields(appeal: Appeal, contactShown: boolean): string[] {
  return ['subject', 'text', ...(Object.keys(appeal.extraFields ?? {}).length ? ['extraFields'] : []), ...(contactShown ? ['contactMasked'] : [])];
}

@Injectable()
export class AppealQueryService {
  /** The page's SELECT list (listSelect), built once from the entity's metadata. */
  private listColumns?: string[];

  constructor(
    @InjectRepository(Appeal) private readonly own: Repository<Appeal>,
    private readonly access: AppealAccess,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
    private readonly templates: AnswerTemplatesService,
    private readonly clock: Clock,
    private readonly attachments: AttachmentsService,
    private readonly assignment: AssignmentService,
    private readonly departments: DepartmentTree,
    private readonly staff: StaffDirectory,
    private readonly accounts: UserAccounts,
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

  /** The department queue of an operator or supervisor: a named view, filters, any sort, search by number or text. */
  async listStaff(actor: Actor, query: StaffAppealListQuery): Promise<StaffAppealListDto> {
    const scope = await this.access.departmentScope(actor);
    if (query.departmentId && !scope.includes(query.departmentId)) throw new DomainError(403, 'forbidden');
    const departments = !query.departmentId
      ? scope
      : query.includeSubdepartments
        ? (await this.departments.scope(query.departmentId)).filter((d) => scope.includes(d))
        : [query.departmentId];
    if (departments.length === 0) return { items: [], nextCursor: null };
    const qb = this.repo().createQueryBuilder('a');
    const view = query.view;
    const overseeing = query.escalated || view === QueueView.Escalated || view === QueueView.All;
    if (view === QueueView.Escalated) {
      // Escalated to us: the departments overseeing the appeal (the handling one may be below or elsewhere).
      qb.where('a.escalated_to_department_id = ANY(:deps)', { deps: departments });
    } else if (overseeing) {
      // Within these departments, or escalated to them from below (their oversight).
      qb.where('(a.department_id = ANY(:deps) OR a.escalated_to_department_id = ANY(:deps))', { deps: departments });
    } else if (departments.length === 1) qb.where('a.department_id = :dep', { dep: departments[0] });
    else qb.where('a.department_id = ANY(:deps)', { deps: departments });
    // Written as literals so the planner can match the partial queue index.
    // Unanswered by default; the re-review list and a status filter look at answered ones too, and
    // so do escalations (a citizen escalates after answers) until the appeal is closed.
    qb.andWhere(
      query.statuses?.length
        ? `a.status IN (${sqlList(['-', ...query.statuses.filter((st) => st !== AppealStatus.Draft)])})` // validated enum values; '-' keeps the list non-empty
        : query.status || query.rereview || query.anyStatus || query.toPrint || view === QueueView.Rereview
          ? `a.status <> ${sqlText(AppealStatus.Draft)}`
          : view === QueueView.Approval
            ? `a.status = ${sqlText(AppealStatus.AwaitingApproval)}`
            : query.escalated || view === QueueView.Escalated
              ? `a.status NOT IN ${NOT_DRAFT_OR_FINAL_SQL}`
              : `a.status IN ${OPEN_STATUSES_SQL}`,
    );
    this.applyViewFilter(qb, view, actor);
    this.applyCommonFilters(qb, query, DATE_COLUMNS[query.dateField ?? AppealDateField.RegisteredAt]);
    // The report drill-down's filters, written as AppealReportReader writes them (the counts agree).
    if (query.channel) qb.andWhere('a.channel = :channel', { channel: query.channel satisfies AppealChannel });
    if (query.answerChannel) qb.andWhere('a.answer_channel = :answerChannel', { answerChannel: query.answerChannel });
    // Written as the partial index appeals_answers_to_print is.
    if (query.toPrint === true) qb.andWhere(`a.answer_channel = 'post' AND a.answered_at IS NOT NULL AND a.answer_printed_at IS NULL`);
    if (query.toPrint === false) qb.andWhere(`NOT (a.answer_channel = 'post' AND a.answered_at IS NOT NULL AND a.answer_printed_at IS NULL)`);
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
    if (query.pool) qb.andWhere('a.department_id = :pool', { pool: (await this.catalog.generalPool())?.id ?? null });
    const order = await this.staffOrder(query, departments);
    const total = query.withTotal ? await qb.clone().getCount() : undefined;
    const page = await this.page(qb, query, query.limit ?? DEFAULT_LIMIT, order);
    const list = await this.toStaffList(page);
    return total === undefined ? list : { ...list, total };
  }

  /**
   * How many appeals each view holds for the caller: one statement over their scope. It reads only
   * the rows some count can include (the open ones of the scope, the live ones escalated to it,
   * and for supervisors the re-review ones), each branch served by its index (appeals_queue_due,
   * appeals_escalated_to, appeals_rereview): not every appeal the scope ever handled (1M-appeal
   * dataset: 2,057 rows instead of 99,421, 30 ms instead of 3.3 s; test/bench/README.md).
   */
  async queueCounts(actor: Actor): Promise<QueueCountsDto> {
    const scope = await this.access.departmentScope(actor);
    const empty: QueueCountsDto = { mine: 0, unassigned: 0, approval: 0, overdue: 0, dueSoon: 0, escalated: 0, rereview: 0, all: 0 };
    if (scope.length === 0) return empty;
    const supervisor = actor.role === Role.Supervisor;
    const soon = new Date(this.clock.now().getTime() + QUEUE_DUE_SOON_HOURS * 3_600_000).toISOString();
    const now = this.clock.now().toISOString();
    const [row] = await this.own.manager.query<Record<keyof QueueCountsDto, string>[]>(
      `SELECT
         count(*) FILTER (WHERE open AND own AND assignee_id = $2) AS mine,
         count(*) FILTER (WHERE open AND own AND assignee_id IS NULL) AS unassigned,
         count(*) FILTER (WHERE $3 AND own AND status = 'awaiting_approval') AS approval,
         count(*) FILTER (WHERE open AND own AND overdue) AS overdue,
         count(*) FILTER (WHERE open AND own AND NOT overdue AND due_at >= $5 AND due_at < $4) AS "dueSoon",
         count(*) FILTER (WHERE escalated_to_department_id = ANY($1) AND status NOT IN ${NOT_DRAFT_OR_FINAL_SQL}) AS escalated,
         count(*) FILTER (WHERE $3 AND own AND rereview) AS rereview,
         count(*) FILTER (WHERE open) AS "all"
       FROM (
         SELECT assignee_id, status, overdue, due_at, rereview, escalated_to_department_id,
                status IN ${OPEN_STATUSES_SQL} AS open, department_id = ANY($1) AS own
           FROM appeals
          WHERE (department_id = ANY($1) AND status IN ${OPEN_STATUSES_SQL})
             OR (escalated_to_department_id = ANY($1) AND status NOT IN ${NOT_DRAFT_OR_FINAL_SQL})
             OR ($3 AND department_id = ANY($1) AND rereview AND status <> 'draft')
       ) s`,
      [scope, actor.userId, supervisor, soon, now],
    );
    return Object.fromEntries(Object.keys(empty).map((k) => [k, Number(row?.[k as keyof QueueCountsDto] ?? 0)])) as unknown as QueueCountsDto;
  }

  /** The narrowing a named view adds to the scope and status (the counts above say the same). */
  private applyViewFilter(qb: SelectQueryBuilder<Appeal>, view: QueueView | undefined, actor: Actor): void {
    switch (view) {
      case undefined:
      case QueueView.All:
      case QueueView.Escalated:
        return;
      case QueueView.Mine:
        qb.andWhere('a.assignee_id = :me', { me: actor.userId });
        return;
      case QueueView.Unassigned:
        qb.andWhere('a.assignee_id IS NULL');
        return;
      case QueueView.Approval:
        // A supervisor decides; an operator's list is empty (their proposals wait on someone else).
        if (actor.role !== Role.Supervisor) qb.andWhere('false');
        return;
      case QueueView.Overdue:
        qb.andWhere('a.overdue');
        return;
      case QueueView.DueSoon: {
        const now = this.clock.now();
        qb.andWhere('NOT a.overdue AND a.due_at >= :soonFrom AND a.due_at < :soonTo', {
          soonFrom: now.toISOString(),
          soonTo: new Date(now.getTime() + QUEUE_DUE_SOON_HOURS * 3_600_000).toISOString(),
        });
        return;
      }
      case QueueView.Rereview:
        if (actor.role !== Role.Supervisor) qb.andWhere('false');
        else qb.andWhere('a.rereview');
        return;
    }
  }

  /**
   * The sort key as one non-null expression on the appeals row (so the keyset (key, id) is total and
   * stable): names sort by their position in a list ordered by name, read from the modules owning them.
   */
  private async staffOrder(query: StaffAppealListQuery, departments: string[]): Promise<Order> {
    const key = query.sort ?? QueueSortKey.DueAt;
    const natural: 'ASC' | 'DESC' = key === QueueSortKey.RegisteredAt ? 'DESC' : 'ASC';
    const dir = query.dir ? (query.dir === 'asc' ? 'ASC' : 'DESC') : natural;
    switch (key) {
      // The two orders the partial queue indexes serve stay plain columns.
      case QueueSortKey.DueAt:
        return { column: 'a.due_at', dir };
      case QueueSortKey.RegisteredAt:
        return { column: 'a.registered_at', dir };
      case QueueSortKey.Number:
        return { column: 'a.number', dir };
      case QueueSortKey.Type:
        return { column: 'a.type', dir };
      case QueueSortKey.Subject:
        return { column: 'a.subject', dir };
      case QueueSortKey.Status:
        return { column: 'a.status', dir };
      case QueueSortKey.FirstResponseDueAt:
        return { column: `COALESCE(CASE WHEN a.first_reaction_at IS NULL THEN a.first_response_due_at END, 'infinity'::timestamptz)`, dir };
      case QueueSortKey.Department: {
        const ids = [...(await this.departments.byId()).keys()].filter((id) => departments.includes(id));
        return { column: 'COALESCE(array_position(CAST(:sortDepartments AS uuid[]), a.department_id), 0)', dir, params: { sortDepartments: ids } };
      }
      case QueueSortKey.Assignee: {
        const staffIds = (await Promise.all(departments.map((d) => this.staff.activeIn(d)))).flat();
        const names = await this.staff.namesOf(staffIds);
        const ids = [...names.entries()].sort((x, y) => x[1].localeCompare(y[1], 'ru')).map(([id]) => id);
        return { column: 'COALESCE(array_position(CAST(:sortStaff AS uuid[]), a.assignee_id), 0)', dir, params: { sortStaff: ids } };
      }
      case QueueSortKey.Category: {
        const ids = await this.catalog.categoryIdsByName();
        return { column: 'COALESCE(array_position(CAST(:sortCategories AS uuid[]), a.category_id), 0)', dir, params: { sortCategories: ids } };
      }
    }
  }

  async card(actor: Actor, idOrNumber: string, locale: Locale): Promise<AppealDto> {
    const appeal = await this.access.load(actor, idOrNumber);
    const [handling, contact] = await Promise.all([
      this.access.handles(actor, appeal),
      actor.role === Role.Citizen ? this.keptContact(appeal) : this.contactOf(appeal),
    ]);
    const [, history, messages, answer, attachments, executor, department, thanked] = await Promise.all([
      // A staff member opening the card sees the citizen's texts and (masked) contacts: a view of
      // personal data (152-ФЗ), one audit row beside the reads, shown in the access log.
      actor.role === Role.Citizen ? null : this.recordView(actor, appeal, viewedFields(appeal, contact !== null)),
      this.historyRows(appeal.id),
      this.messageRows(appeal.id, actor),
      this.own.manager.findOne(Answer, { where: { appealId: appeal.id }, order: { answeredAt: 'DESC', createdAt: 'DESC' } }),
      // Files are for the citizen and the handling side only (not for a department overseeing an escalation).
      actor.role === Role.Citizen || handling ? this.attachmentsFor(appeal.id, actor) : [],
      appeal.assigneeId ? this.staff.get(appeal.assigneeId) : null,
      appeal.departmentId ? this.departments.known(appeal.departmentId) : null,
      appeal.thankedStaffId ? this.staff.get(appeal.thankedStaffId) : null,
    ]);
    const assigneeName = actor.role !== Role.Citizen ? (executor?.fullName ?? null) : null;
    // What the card offers staff as «propose» rather than «do»: the department's setting as shown (the action itself checks it in its transaction).
    const approvalRequiredFor = actor.role === Role.Citizen ? [] : [...(department?.approvalRequiredFor ?? [])];
    return toCard(appeal, { contact, history, messages, answer, attachments, viewerRole: actor.role, handling, assigneeName, locale, now: this.clock.now(), approvalRequiredFor,
      department, executor, thanked, showExecutorName: this.config.cabinet.showExecutorName });
  }

  /**
   * A staff view of one appeal's personal data — the card, or its history or thread alone — in
   * the citizen's personal-data access log: one INSERT beside the reads, no signal.
   */
  private recordView(actor: Actor, appeal: Appeal, fields: string[]): Promise<void> {
    return this.audit.record(this.own.manager, actor, {
      action: 'appeal.viewed',
      entityType: 'appeal',
      entityId: appeal.id,
      subjectId: appeal.citizenId,
      details: { number: appeal.number, fields },
    });
  }

  /** The contact kept with the appeal (given on filing, or the applicant's an operator registered). */
  private keptContact(appeal: Appeal): ContactViewDto | null {
    return appeal.contactEncrypted ? this.cipher.decryptJson<ContactViewDto>(appeal.contactEncrypted) : null;
  }

  /**
   * The contact staff see (masked on the card, whole by the logged reveal): the one kept with the
   * appeal; for an account's appeal filed without one, the account's own — its name, e-mail and
   * phone — since that is where the citizen is reached. None once the appeal is anonymised.
   */
  private async contactOf(appeal: Appeal): Promise<ContactViewDto | null> {
    const kept = this.keptContact(appeal);
    if (kept || !appeal.citizenId || appeal.anonymisedAt) return kept;
    const account = await this.accounts.findOne({ id: appeal.citizenId }, { secrets: ['personalEncrypted'] });
    if (!account) return null;
    const phone = account.personalEncrypted ? this.cipher.decryptJson<{ phone?: string }>(account.personalEncrypted).phone : undefined;
    return { fullName: account.fullName, email: account.email, ...(phone ? { phone } : {}) };
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
      appeal.departmentId ? this.departments.known(appeal.departmentId) : null,
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
      const contact = (await this.contactOf(appeal)) ?? {};
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
      if (NUMBER_QUERY.test(q)) {
        qb.andWhere(`(a.search_vector @@ ${TSQUERY} OR a.number = :qNumber)`, { q, qNumber: q.replace(/^№\s*/, '') });
      } else {
        qb.andWhere(`a.search_vector @@ ${TSQUERY}`, { q });
      }
      qb.addSelect(rankExpression(q), 'rank');
    }
  }

  /**
   * Keyset pagination on (sort key, id), or (rank, sort key, id) when searching: stable under
   * inserts, and every page costs the same however deep it is. The key is a column or a non-null
   * expression on the row; its value for the cursor is read back with the row.
   */
  private async page(qb: SelectQueryBuilder<Appeal>, query: AppealListQuery, limit: number, order: Order): Promise<Page> {
    const searching = Boolean(query.q?.trim());
    const cmp = order.dir === 'DESC' ? '<' : '>';
    const rank = searching ? rankExpression(query.q!.trim()) : null;
    if (order.params) qb.setParameters(order.params);
    // The row's list columns replace the whole row (and the filters' rank, selected again here).
    qb.select((this.listColumns ??= listSelect(this.own.metadata)));
    if (rank) qb.addSelect(rank, 'rank');
    qb.addSelect(order.column, 'sort_key');
    if (query.cursor) {
      const values = decodeCursor(query.cursor, searching ? 3 : 2);
      const [cRank, at, id] = searching ? values : [null, ...values];
      const tuple = new Brackets((w) => w.where(`(${order.column}, a.id) ${cmp} (:cAt, :cId)`, { cAt: at, cId: id }));
      if (rank) {
        qb.andWhere(
          new Brackets((w) =>
            w
              .where(`${rank} < :cRank::real`, { cRank })
              .orWhere(new Brackets((x) => x.where(`${rank} = :cRank::real`).andWhere(tuple))),
          ),
        );
      } else {
        qb.andWhere(tuple);
      }
    }
    if (rank) qb.orderBy('rank', 'DESC').addOrderBy(order.column, order.dir);
    else qb.orderBy(order.column, order.dir);
    qb.addOrderBy('a.id', order.dir).limit(limit + 1);
    const rows = await qb.getRawMany<ListRow & { sort_key: Date | string | number | null }>();
    const more = rows.length > limit;
    if (more) rows.pop();
    // Each row becomes the list row in place (copies of ~30 fields a row were a tenth of a list's
    // CPU with their garbage): the number (bigint, read as text) and the rank (real) as numbers.
    for (const row of rows) {
      if (row.number !== null) row.number = Number(row.number);
      if (searching) row.rank = Number(row.rank);
    }
    const last = rows[rows.length - 1];
    // The key's value as the cursor keeps it: an instant as ISO text, a number as is, text (and bigint) as text.
    const key = (v: Date | string | number | null | undefined): string | number | null => (v instanceof Date ? v.toISOString() : (v ?? null));
    const next = more && last ? (searching ? [last.rank ?? null, key(last.sort_key), last.id] : [key(last.sort_key), last.id]) : null;
    return { items: rows, next };
  }

  private toList(page: Page): AppealListDto {
    return {
      items: page.items.map((a): AppealSummaryDto => (a.rank !== undefined ? Object.assign(toSummary(a), { rank: a.rank }) : toSummary(a))),
      nextCursor: page.next ? encodeCursor(page.next) : null,
    };
  }

  /** The page with the names the queue shows: departments, assignees, citizens (masked). */
  private async toStaffList(page: Page): Promise<StaffAppealListDto> {
    const list = this.toList(page);
    const departments = await this.departments.byId();
    const names = await this.staff.namesOf([
      ...page.items.flatMap((a) => (a.assigneeId ? [a.assigneeId] : [])),
      ...page.items.flatMap((a) => (a.citizenId ? [a.citizenId] : [])),
    ]);
    return {
      nextCursor: list.nextCursor,
      items: list.items.map((item, i) => {
        const appeal = page.items[i];
        const citizen = appeal.citizenId ? names.get(appeal.citizenId) : undefined;
        // The summary was built for this page alone: the queue's fields go onto it (a spread copied ~25 fields a row).
        return Object.assign(item, {
          department: departmentRef(item.departmentId ? departments.get(item.departmentId) : undefined),
          assigneeName: (item.assigneeId && names.get(item.assigneeId)) || null,
          citizenMasked: citizen ? maskName(citizen) : null,
          firstResponseDueAt: appeal.firstReactionAt || !appeal.firstResponseDueAt ? null : appeal.firstResponseDueAt.toISOString(),
          slaPausedAt: appeal.slaPausedAt ? appeal.slaPausedAt.toISOString() : null,
          documentsDueOn: appeal.documentsDueOn,
        });
      }),
    };
  }
}

/** The department as a queue row names it. */
function departmentRef(department: Readonly<DepartmentInfo> | undefined): { id: string; nameRu: string; nameEn: string } | null {
  return department ? { id: department.id, nameRu: department.nameRu, nameEn: department.nameEn } : null;
}

/** «Иванов Иван Иванович» → «И*** И. И.»: enough to tell rows apart, not to identify. */
export function maskName(fullName: string): string {
  const [surname, ...rest] = fullName.trim().split(/\s+/);
  if (!surname) return '***';
  return [`${[...surname][0]}***`, ...rest.map((part) => `${[...part][0]}.`)].join(' ');
}

/**
 * The search rank: a query that is an appeal number puts that appeal first (its number is not in
 * the text index), then the full-text rank.
 */
function rankExpression(q: string): string {
  return NUMBER_QUERY.test(q) ? `(CASE WHEN a.number = :qNumber THEN 1000000 ELSE ts_rank(a.search_vector, ${TSQUERY}) END)` : `ts_rank(a.search_vector, ${TSQUERY})`;
}

/** A date means the whole Moscow day: `from` its start, `to` the start of the next day. */
function boundary(value: string, side: 'from' | 'to'): string {
  if (value.length > 10) return new Date(value).toISOString();
  const start = new Date(`${value}T00:00:00+03:00`);
  if (side === 'to') start.setUTCDate(start.getUTCDate() + 1);
  return start.toISOString();
}

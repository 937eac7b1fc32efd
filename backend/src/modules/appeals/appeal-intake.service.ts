import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import {
  AppealChannel,
  AnswerChannel,
  AppealPriority,
  AppealStatus,
  AppealType,
  CitizenAction,
  allowedCitizenActions,
  citizenActionAllowed,
  HistoryEvent,
  moscowDate,
  Role,
} from '@otklik/shared/domain';
import { Clock } from '../../common/clock/clock';
import { runPrepared } from '../../common/sql/prepared';
import { entityInsert } from '../../common/sql/entity-insert';
import { PersonalDataCipher } from '../../common/crypto/personal-data-cipher';
import { Actor, AnonymousActor, AnyActor } from '../../common/http/actor';
import { IdempotencyService, IdempotentRequest } from '../../common/idempotency/idempotency.service';
import { DomainError, FieldError, TransitionNotAllowedError, ValidationFailedError } from '../../common/problem/domain-error';
import { BlindIndex } from '../../common/crypto/blind-index';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { UserAccounts, normalizeEmail } from '../users/user-accounts.repository';
import { AttachmentsService } from '../attachments/attachments.service';
import { CatalogService, categoryTypes } from '../catalog/catalog.service';
import { CitizenTrustPolicy } from '../users/citizen-trust-policy';
import { AssignmentService } from '../workflow/routing/assignment.service';
import { RoutingService } from '../workflow/routing/routing.service';
import { SlaService } from '../workflow/sla/sla.service';
import { AppealAccess } from './appeal-access.service';
import { AppealJournal } from './appeal-journal';
import { Appeal } from './appeal.entity';
import { toSummary } from './appeal.mapper';
import { CreateAppealDto, UpdateAppealDto } from './dto/appeal-input.dto';
import { PublicAppealInput } from './dto/public-appeal.dto';
import { StaffAppealInputDto, StaffAppealReceiptDto } from './dto/staff-intake.dto';
import { AppealSummaryDto } from './dto/appeal-output.dto';
import { AuditService } from '../audit/audit.service';
import { ThankableStaff } from './thankable-staff.service';

/** A category as the catalogue's reader answers it. */
type Category = NonNullable<Awaited<ReturnType<CatalogService['findActive']>>>;

interface ResolvedCategory {
  category: Category;
  subcategory: Category | null;
}

/** How an appeal came, when not over the citizen's own account: an operator's registration. */
interface IntakeOrigin {
  channel: AppealChannel;
  /** When the body received it: the deadlines count from it. */
  receivedAt: Date;
  /** The operator's department scope: an appeal routed outside it goes to the general pool. */
  scope: string[];
  /** The general pool's department (null when the catalogue has none). */
  poolId: string | null;
  /** The department the operator chose (within the scope, or the general pool). */
  departmentId?: string;
}

/** A received date may be a few minutes ahead of the server's clock (another machine's clock). */
const RECEIVED_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Intake: drafts, registration (number, department, deadlines), citizen edits and actions.
 * Each change is one transaction that also writes history, audit and outbox rows.
 */
@Injectable()
export class AppealIntakeService {
  constructor(
    @InjectRepository(Appeal) private readonly own: Repository<Appeal>,
    private readonly catalog: CatalogService,
    private readonly access: AppealAccess,
    private readonly journal: AppealJournal,
    private readonly idempotency: IdempotencyService,
    private readonly cipher: PersonalDataCipher,
    private readonly trust: CitizenTrustPolicy,
    private readonly routing: RoutingService,
    private readonly assignment: AssignmentService,
    private readonly sla: SlaService,
    private readonly clock: Clock,
    private readonly attachments: AttachmentsService,
    private readonly audit: AuditService,
    private readonly accounts: UserAccounts,
    private readonly blind: BlindIndex,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly thankable: ThankableStaff,
  ) {}

  /**
   * An appeal received by phone, e-mail, post or in person, registered by an operator: the same
   * filing as a citizen's (number, routing, deadlines, journal) with the channel and the received
   * date, for a citizen found by СНИЛС, phone or e-mail, or for an applicant without an account
   * (whose name and contacts are kept encrypted with the appeal). Only into the operator's own
   * departments or the general pool. One transaction; with an Idempotency-Key a retry answers the
   * first filing.
   */
  async registerByStaff(actor: Actor, dto: StaffAppealInputDto, idempotency?: Omit<IdempotentRequest, 'body' | 'userId'>): Promise<StaffAppealReceiptDto> {
    const receivedAt = this.checkReceivedAt(dto.receivedAt);
    const { applicant } = dto;
    if (!applicant.phone && !applicant.email && !applicant.address) {
      throw new ValidationFailedError([{ field: 'applicant', code: 'contact_required', message: 'a phone, an e-mail or a postal address of the applicant is needed' }]);
    }
    const scope = await this.access.departmentScope(actor);
    const pool = await this.catalog.generalPool();
    if (dto.departmentId && !scope.includes(dto.departmentId) && dto.departmentId !== pool?.id) throw new DomainError(403, 'forbidden');
    const file = async (manager: EntityManager): Promise<StaffAppealReceiptDto> => {
      const citizenId = await this.findCitizen(manager, applicant);
      const contact = { fullName: applicant.fullName, phone: applicant.phone, email: applicant.email, address: applicant.address };
      const input: CreateAppealDto = { ...dto, contact: undefined, draft: false, answerChannel: staffAnswerChannel(dto.answerChannel, citizenId, applicant) };
      const appeal = await this.file(manager, actor, input, { citizenId, contact }, { channel: dto.channel, receivedAt, scope, poolId: pool?.id ?? null, departmentId: dto.departmentId });
      if (dto.attachmentIds?.length) await this.attachments.bind(manager, actor, dto.attachmentIds, { appealId: appeal.id });
      return { ...toSummary(appeal), applicantKind: citizenId ? 'citizen' : 'unregistered' };
    };
    if (!idempotency) return this.own.manager.transaction(file);
    const request = { ...idempotency, userId: actor.userId, body: dto };
    return this.own.manager.transaction((manager) => this.idempotency.run(manager, request, 201, () => file(manager)));
  }

  /**
   * An e-mail from a verified citizen's address, filed as their appeal in the general pool (for
   * triage), channel `email`, in the caller's transaction (the mail intake marks the mail processed
   * in it). `attachmentIds`: the mail's files, already stored by the upload rules as the citizen's;
   * `from`: the verified address it came from, kept (encrypted) as the appeal's contact.
   */
  async fileFromMail(
    manager: EntityManager,
    actor: Actor,
    mail: { subject: string; text: string; receivedAt: Date; attachmentIds: string[]; from: string },
  ): Promise<Appeal> {
    await this.trust.assertMayFileAppeals(manager, actor);
    const pool = await this.catalog.generalPool();
    const category = await this.catalog.vagueCategory(manager);
    if (!category) throw new ValidationFailedError([{ field: 'categoryId', code: 'unknown_category', message: 'no category without a department for the general pool' }]);
    const types = categoryTypes(category);
    const type = types.includes(AppealType.Question) ? AppealType.Question : types[0];
    const input: CreateAppealDto = { type, categoryId: category.id, subject: mail.subject, text: mail.text, draft: false };
    // The address it came from is the contact the operator sees (masked) and may reveal, as for a registration by staff.
    const contact = { fullName: actor.name, email: mail.from };
    const appeal = await this.file(manager, actor, input, { citizenId: actor.userId, contact }, { channel: AppealChannel.Email, receivedAt: mail.receivedAt, scope: [], poolId: pool?.id ?? null, departmentId: pool?.id });
    if (mail.attachmentIds.length) await this.attachments.bind(manager, actor, mail.attachmentIds, { appealId: appeal.id });
    return appeal;
  }

  /** Not in the future, not absurdly old (INTAKE_RECEIVED_MAX_AGE_DAYS); a bare date is the start of that Moscow day. */
  private checkReceivedAt(value: string): Date {
    const at = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+03:00`) : new Date(value);
    const now = this.clock.now().getTime();
    if (at.getTime() > now + RECEIVED_CLOCK_SKEW_MS) throw new ValidationFailedError([{ field: 'receivedAt', code: 'date_in_future', message: 'the received date is in the future' }]);
    const maxAgeDays = this.config.intake.receivedMaxAgeDays;
    if (at.getTime() < now - maxAgeDays * 86_400_000) {
      throw new ValidationFailedError([{ field: 'receivedAt', code: 'date_too_old', message: `the received date is more than ${maxAgeDays} days ago` }]);
    }
    return at;
  }

  /** An active citizen's account by the blind index of the СНИЛС, then of the phone, then by the e-mail; null: none. */
  private async findCitizen(manager: EntityManager, applicant: StaffAppealInputDto['applicant']): Promise<string | null> {
    const tries = [
      applicant.snils ? { snilsHash: this.blind.of('snils', applicant.snils) } : null,
      applicant.phone ? { phoneHash: this.blind.of('phone', applicant.phone) } : null,
      applicant.email ? { emailNormalized: normalizeEmail(applicant.email) } : null,
    ];
    for (const where of tries) {
      if (!where) continue;
      const account = await this.accounts.findOne({ ...where, role: Role.Citizen, active: true }, { manager });
      if (account) return account.id;
    }
    return null;
  }

  async create(actor: Actor, dto: CreateAppealDto, idempotency?: Omit<IdempotentRequest, 'body' | 'userId'>): Promise<AppealSummaryDto> {
    const answerChannel = dto.answerChannel ?? (await this.accounts.answerChannelOf(actor.userId));
    assertAnswerChannel(answerChannel, dto.contact?.address);
    const file = async (manager: EntityManager) => {
      // Drafts are private notes; filing (registration) is what the ESIA trust level gates.
      if (!dto.draft) await this.trust.assertMayFileAppeals(manager, actor);
      if (dto.thankedStaffId != null) await this.assertThankable(manager, actor, dto.type, dto.thankedStaffId);
      const appeal = await this.file(manager, actor, { ...dto, answerChannel }, { citizenId: actor.userId });
      if (dto.attachmentIds?.length) await this.attachments.bind(manager, actor, dto.attachmentIds, { appealId: appeal.id });
      return appeal;
    };
    // Without an Idempotency-Key there is nothing else to commit with it: no transaction needed
    // (a number taken for a failed statement is skipped, never reused). With a key, the key row
    // and the appeal commit together.
    // Attachments bind in the same transaction as the appeal they belong to.
    if (!idempotency && !dto.attachmentIds?.length) return file(this.own.manager).then(toSummary);
    if (!idempotency) return this.own.manager.transaction(file).then(toSummary);
    const request = { ...idempotency, userId: actor.userId, body: dto };
    return this.own.manager.transaction((manager) => this.idempotency.run(manager, request, 201, async () => toSummary(await file(manager))));
  }

  /**
   * Unidentified feedback (no account): registered at once and tracked by its number and a
   * random access code, of which only the hash is kept. Without a surname or an address to
   * answer to, it is marked «ответ по существу не даётся» (59-ФЗ ст. 11). `manager`: a caller
   * that records more with the filing (Open311's location row) passes its transaction.
   */
  async createUnidentified(actor: AnonymousActor, dto: PublicAppealInput, manager: EntityManager = this.own.manager): Promise<{ appeal: Appeal; accessCode: string }> {
    const accessCode = randomBytes(8).toString('base64url').replace(/[-_]/g, 'x').slice(0, 10).toUpperCase();
    const noAnswerRequired = !dto.surname || !(dto.address || dto.email);
    const appeal = await this.file(manager, actor, { ...dto, draft: false }, {
      citizenId: null,
      unidentified: { accessCodeHash: hashAccessCode(accessCode), noAnswerRequired },
      contact: { surname: dto.surname, address: dto.address, email: dto.email },
    });
    return { appeal, accessCode };
  }

  /** The appeal and its journal rows in ONE statement (data-modifying CTEs), atomic by itself. */
  private async file(
    manager: EntityManager,
    actor: AnyActor,
    dto: CreateAppealDto,
    author: { citizenId: string | null; unidentified?: { accessCodeHash: string; noAnswerRequired: boolean }; contact?: Record<string, string | undefined> },
    origin?: IntakeOrigin,
  ): Promise<Appeal> {
    const resolved = await this.checkIntake(manager, dto);
    const appeal = this.newAppeal(manager, author.citizenId, dto);
    if (author.unidentified) {
      Object.assign(appeal, { unidentified: true, channel: AppealChannel.Anonymous, ...author.unidentified });
      appeal.contactEncrypted = this.encryptContact(author.contact);
    }
    if (origin) Object.assign(appeal, { channel: origin.channel, receivedAt: origin.receivedAt, contactEncrypted: this.encryptContact(author.contact) });
    // Filed directly, the appeal is registered in the same INSERT: one row, one history entry.
    if (!dto.draft) await this.assignRegistration(manager, appeal, resolved, origin);
    await this.insertWithJournal(manager, appeal, actor, {
      event: dto.draft ? HistoryEvent.Created : HistoryEvent.Submitted,
      from: null,
      details: dto.draft
        ? undefined
        : {
            departmentId: appeal.departmentId,
            unidentified: appeal.unidentified || undefined,
            channel: origin ? origin.channel : undefined,
            receivedAt: origin ? origin.receivedAt.toISOString() : undefined,
            organisation: appeal.organisation ? { inn: appeal.organisation.inn, ogrn: appeal.organisation.ogrn } : undefined,
          },
    });
    return appeal;
  }

  /**
   * A new appeal, registered at once, linked to `parent`: the decision_appeal of a dispute
   * (routed by the rules, by default to quality control) or a re-filed rejected appeal.
   */
  async fileLinked(manager: EntityManager, actor: Actor, parent: Appeal, input: { type: AppealType; subject: string; text: string }): Promise<Appeal> {
    const category = await this.catalog.findActive(manager, parent.categoryId);
    const subcategory = parent.subcategoryId ? await this.catalog.findActive(manager, parent.subcategoryId) : null;
    if (!category) throw new ValidationFailedError([{ field: 'categoryId', code: 'unknown_category', message: '' }]);
    const appeal = this.newAppeal(manager, parent.citizenId, {
      type: input.type,
      categoryId: parent.categoryId,
      subcategoryId: subcategory?.id,
      subject: input.subject,
      text: input.text,
      extraFields: parent.extraFields,
      priority: parent.priority,
    });
    appeal.contactEncrypted = parent.contactEncrypted;
    appeal.parentAppealId = parent.id;
    await this.assignRegistration(manager, appeal, { category, subcategory });
    // The fields are the parent's, as filed under the parent's schema version.
    appeal.extraFieldsSchemaVersion = parent.extraFieldsSchemaVersion;
    await this.insertWithJournal(manager, appeal, actor, {
      event: HistoryEvent.Submitted,
      from: null,
      details: { departmentId: appeal.departmentId, parentAppealId: parent.id, parentNumber: parent.number },
    });
    return appeal;
  }

  /** Keys and times are set by the caller, so the INSERT needs no RETURNING (TypeORM would otherwise send back the generated search vector, the largest value of the row). */
  private async insertWithJournal(manager: EntityManager, appeal: Appeal, actor: AnyActor, entry: Parameters<AppealJournal['record']>[3]): Promise<void> {
    await this.journal.record(manager, appeal, actor, entry, entityInsert(manager, Appeal, appeal));
  }

  private newAppeal(manager: EntityManager, citizenId: string | null, dto: CreateAppealDto): Appeal {
    const now = this.clock.now();
    return manager.create(Appeal, {
      id: randomUUID(),
      citizenId,
      type: dto.type,
      categoryId: dto.categoryId,
      subcategoryId: dto.subcategoryId ?? null,
      subject: dto.subject,
      body: dto.text,
      priority: dto.priority ?? AppealPriority.Normal,
      desiredAnswerDate: dto.desiredAnswerDate ?? null,
      extraFields: dto.extraFields ?? {},
      contactEncrypted: this.encryptContact(dto.contact),
      channel: AppealChannel.Account,
      receivedAt: null,
      organisation: dto.organisation
        ? { name: dto.organisation.name, inn: dto.organisation.inn, ogrn: dto.organisation.ogrn, ...(dto.organisation.representativeBasis ? { representativeBasis: dto.organisation.representativeBasis } : {}) }
        : null,
      mergedIntoAppealId: null,
      answerChannel: dto.answerChannel ?? AnswerChannel.Cabinet,
      thankedStaffId: dto.thankedStaffId ?? null,
      status: AppealStatus.Draft,
      number: null,
      departmentId: null,
      assigneeId: null,
      registeredAt: null,
      dueAt: null,
      firstResponseDueAt: null,
      closedAt: null,
      important: false,
      overdue: false,
      // Set, not left to the columns' defaults: the filing's answer shows every summary field, as a list row does.
      escalated: false,
      escalatedToDepartmentId: null,
      extended: false,
      parentAppealId: null,
      unidentified: false,
      accessCodeHash: null,
      noAnswerRequired: false,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
  }

  async update(actor: Actor, idOrNumber: string, dto: UpdateAppealDto): Promise<AppealSummaryDto> {
    return this.own.manager.transaction(async (manager) => {
      const appeal = await this.access.load(actor, idOrNumber, { manager, lock: true });
      this.ensureAllowed(CitizenAction.Edit, appeal.status);
      const merged: CreateAppealDto = {
        type: dto.type ?? appeal.type,
        categoryId: dto.categoryId ?? appeal.categoryId,
        subcategoryId: 'subcategoryId' in dto ? dto.subcategoryId : (appeal.subcategoryId ?? undefined),
        subject: dto.subject ?? appeal.subject,
        text: dto.text ?? appeal.body,
        extraFields: dto.extraFields ?? appeal.extraFields,
        desiredAnswerDate: dto.desiredAnswerDate ?? appeal.desiredAnswerDate ?? undefined,
      };
      const resolved = await this.checkIntake(manager, merged);
      // The structured fields before → after for the audit row (free texts are named, not copied).
      const structured = (x: Appeal) => ({ type: x.type, categoryId: x.categoryId, subcategoryId: x.subcategoryId, priority: x.priority, desiredAnswerDate: x.desiredAnswerDate });
      const before = structured(appeal);
      Object.assign(appeal, {
        type: merged.type,
        categoryId: merged.categoryId,
        subcategoryId: merged.subcategoryId ?? null,
        subject: merged.subject,
        body: merged.text,
        extraFields: merged.extraFields ?? {},
        desiredAnswerDate: merged.desiredAnswerDate ?? null,
        priority: dto.priority ?? appeal.priority,
      });
      if (dto.contact) appeal.contactEncrypted = this.encryptContact(dto.contact);
      // null takes the employee thanked off; a type other than gratitude names nobody.
      if (dto.thankedStaffId != null) {
        await this.assertThankable(manager, actor, merged.type, dto.thankedStaffId);
        appeal.thankedStaffId = dto.thankedStaffId;
      } else if (dto.thankedStaffId === null || merged.type !== AppealType.Gratitude) appeal.thankedStaffId = null;
      if (dto.answerChannel === null) throw new ValidationFailedError([{ field: 'answerChannel', code: 'isEnum', message: 'one of cabinet, email, post' }]);
      if (dto.answerChannel !== undefined || dto.contact) {
        const address = appeal.contactEncrypted ? this.cipher.decryptJson<{ address?: string }>(appeal.contactEncrypted).address : undefined;
        assertAnswerChannel(dto.answerChannel ?? appeal.answerChannel, address);
        if (dto.answerChannel !== undefined) appeal.answerChannel = dto.answerChannel;
      }
      if (appeal.status === AppealStatus.Registered) {
        // A registered appeal keeps its number and deadlines; a new category may route it elsewhere.
        appeal.departmentId = await this.routeTo(manager, appeal, resolved);
        await manager.save(Appeal, appeal);
        await this.journal.record(manager, appeal, actor, {
          event: HistoryEvent.Rechecked,
          from: appeal.status,
          details: { fields: Object.keys(dto) },
        });
      } else {
        // A draft has no journal (no history, no events): its edit is audited on its own.
        await manager.save(Appeal, appeal);
        await this.audit.record(manager, actor, {
          action: 'appeal.updated',
          entityType: 'appeal',
          entityId: appeal.id,
          details: { fields: Object.keys(dto), status: appeal.status },
          change: { before, after: structured(appeal) },
        });
      }
      return toSummary(appeal);
    });
  }

  async submit(actor: Actor, idOrNumber: string): Promise<AppealSummaryDto> {
    return this.own.manager.transaction(async (manager) => {
      const appeal = await this.access.load(actor, idOrNumber, { manager, lock: true });
      this.ensureAllowed(CitizenAction.Submit, appeal.status);
      await this.trust.assertMayFileAppeals(manager, actor);
      const resolved = await this.checkIntake(manager, {
        type: appeal.type,
        categoryId: appeal.categoryId,
        subcategoryId: appeal.subcategoryId ?? undefined,
        subject: appeal.subject,
        text: appeal.body,
        extraFields: appeal.extraFields,
        desiredAnswerDate: appeal.desiredAnswerDate ?? undefined,
      });
      await this.register(manager, appeal, resolved, actor);
      return toSummary(appeal);
    });
  }

  /** Registration of a draft: number, department and deadlines, then the history row. */
  private async register(manager: EntityManager, appeal: Appeal, resolved: ResolvedCategory, actor: Actor): Promise<void> {
    const from = appeal.status;
    await this.assignRegistration(manager, appeal, resolved);
    await manager.save(Appeal, appeal);
    await this.journal.record(manager, appeal, actor, { event: HistoryEvent.Submitted, from, details: { departmentId: appeal.departmentId } });
  }

  /** A number from the sequence (unique, never reused), the department, the statutory deadlines. */
  private async assignRegistration(manager: EntityManager, appeal: Appeal, resolved: ResolvedCategory, origin?: IntakeOrigin): Promise<void> {
    const [{ number }] = await runPrepared<{ number: string }>(manager, `SELECT nextval('appeal_number_seq')::bigint AS number`, []);
    const registeredAt = this.clock.now();
    const deadlines = await this.sla.deadlinesAtRegistration(
      manager,
      {
        type: appeal.type,
        categoryId: resolved.category.id,
        subcategoryId: resolved.subcategory?.id ?? null,
        priorityCategory: resolved.category.priority || Boolean(resolved.subcategory?.priority),
      },
      // An appeal received by phone, post or in person: the statutory term counts from its receipt.
      origin?.receivedAt ?? registeredAt,
    );
    Object.assign(appeal, {
      number: Number(number),
      status: AppealStatus.Registered,
      registeredAt,
      dueAt: deadlines.dueAt,
      firstResponseDueAt: deadlines.firstResponseDueAt,
      departmentId: origin ? await this.routeWithin(manager, appeal, resolved, origin) : await this.routeTo(manager, appeal, resolved),
      // The schema the fields were just validated against (the subcategory's when it has one).
      extraFieldsSchemaVersion: (resolved.subcategory?.extraFieldsSchema ? resolved.subcategory : resolved.category).schemaVersion ?? null,
    });
    // Departments that assign automatically give the appeal to their least-loaded operator.
    appeal.assigneeId = (await this.assignment.autoAssignee(manager, appeal.departmentId))?.id ?? null;
  }

  /** The admin's routing rules, else the subcategory's or category's department, else the general pool. */
  private async routeTo(manager: EntityManager, appeal: Appeal, { category, subcategory }: ResolvedCategory): Promise<string | null> {
    const decision = await this.routing.route(manager, {
      type: appeal.type,
      categoryId: appeal.categoryId,
      subcategoryId: appeal.subcategoryId,
      subject: appeal.subject,
      body: appeal.body,
      extraFields: appeal.extraFields,
      categoryDepartmentId: subcategory?.departmentId ?? category.departmentId,
    });
    return decision.departmentId;
  }

  /** An operator registers into their own departments only: the one they chose, else the route if it is theirs, else the general pool. */
  private async routeWithin(manager: EntityManager, appeal: Appeal, resolved: ResolvedCategory, origin: IntakeOrigin): Promise<string | null> {
    if (origin.departmentId) return origin.departmentId;
    const routed = await this.routeTo(manager, appeal, resolved);
    return routed && origin.scope.includes(routed) ? routed : origin.poolId;
  }

  /** Checks what class-validator cannot: the category tree, the type, extra fields, dates. */
  private async checkIntake(manager: EntityManager, dto: CreateAppealDto): Promise<ResolvedCategory> {
    const errors: FieldError[] = [];
    if (dto.type === AppealType.DecisionAppeal) errors.push({ field: 'type', code: 'type_not_allowed', message: '' });
    const category = await this.catalog.findActive(manager, dto.categoryId);
    let subcategory: Category | null = null;
    if (!category || category.parentId !== null) {
      errors.push({ field: 'categoryId', code: 'unknown_category', message: '' });
    } else {
      if (!categoryTypes(category).includes(dto.type)) errors.push({ field: 'categoryId', code: 'category_type_mismatch', message: '' });
      if (dto.subcategoryId) {
        subcategory = await this.catalog.findActive(manager, dto.subcategoryId);
        if (!subcategory || subcategory.parentId !== category.id) {
          errors.push({ field: 'subcategoryId', code: 'not_a_subcategory', message: '' });
          subcategory = null;
        }
      }
      const schemaOwner = subcategory?.extraFieldsSchema ? subcategory : category;
      errors.push(...this.catalog.validateExtraFields(schemaOwner, dto.extraFields ?? {}));
    }
    if (dto.desiredAnswerDate && dto.desiredAnswerDate < moscowDate(new Date())) {
      errors.push({ field: 'desiredAnswerDate', code: 'date_in_past', message: '' });
    }
    if (errors.length > 0) throw new ValidationFailedError(errors);
    return { category: category!, subcategory };
  }

  /** A gratitude may name an employee who handled one of the citizen's appeals; any other id is refused alike. */
  private async assertThankable(manager: EntityManager, actor: Actor, type: AppealType, staffId: string): Promise<void> {
    if (type !== AppealType.Gratitude) {
      throw new ValidationFailedError([{ field: 'thankedStaffId', code: 'thanks_only_in_gratitude', message: 'Only a gratitude names an employee' }]);
    }
    if (!(await this.thankable.mayThank(manager, actor.userId, staffId))) {
      throw new ValidationFailedError([{ field: 'thankedStaffId', code: 'not_thankable', message: 'Not one of the staff who handled your appeals' }]);
    }
  }

  private ensureAllowed(action: CitizenAction, status: AppealStatus): void {
    if (!citizenActionAllowed(action, status)) throw new TransitionNotAllowedError(status, action, allowedCitizenActions(status));
  }

  private encryptContact(contact: object | undefined): string | null {
    if (!contact || Object.values(contact).every((v) => v === undefined || v === '')) return null;
    return this.cipher.encryptJson(contact);
  }
}

/**
 * The answer channel of an appeal registered by staff, checked once for every applicant: a postal
 * answer needs the applicant's address. A citizen with an account gets what the operator chose
 * (their cabinet by default). An applicant without an account has no cabinet: the answer goes to
 * the e-mail or the postal address they gave (59-ФЗ art. 10 p. 4), e-mail first; with a phone
 * only there is nowhere to send a written answer (art. 11 p. 1), and the appeal keeps the default
 * until the operator records an address or closes it without an answer.
 */
function staffAnswerChannel(chosen: AnswerChannel | undefined, citizenId: string | null, applicant: StaffAppealInputDto['applicant']): AnswerChannel | undefined {
  if (chosen === AnswerChannel.Post && !applicant.address?.trim()) {
    throw new ValidationFailedError([{ field: 'answerChannel', code: 'address_required_for_post', message: 'Give applicant.address to send the answer by post' }]);
  }
  if (citizenId) return chosen;
  if (chosen === AnswerChannel.Cabinet) {
    throw new ValidationFailedError([{ field: 'answerChannel', code: 'no_cabinet', message: 'the applicant has no account: the answer goes by e-mail or post' }]);
  }
  if (chosen === AnswerChannel.Email && !applicant.email) {
    throw new ValidationFailedError([{ field: 'answerChannel', code: 'email_required_for_email', message: 'Give applicant.email to send the answer by e-mail' }]);
  }
  return chosen ?? (applicant.email ? AnswerChannel.Email : applicant.address?.trim() ? AnswerChannel.Post : undefined);
}

/** A postal answer needs a postal address (the appeal's contact). */
function assertAnswerChannel(channel: AnswerChannel, address: string | undefined): void {
  if (channel === AnswerChannel.Post && !address?.trim()) {
    throw new ValidationFailedError([{ field: 'answerChannel', code: 'address_required_for_post', message: 'Give contact.address to get the answer by post' }]);
  }
}

export function hashAccessCode(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}

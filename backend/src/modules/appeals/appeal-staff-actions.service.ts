import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  allowedStaffActions,
  AppealStatus,
  HistoryEvent,
  isIsoDate,
  moscowDate,
  NO_ANSWER_GROUND_RULES,
  nextStatusForStaff,
  pauseClock,
  ProposableAction,
  PROPOSED_ACTION,
  StaffAction,
  staffActionAllowed,
  StaffActionContext,
  staffRoleRefusal,
} from '@otklik/shared/domain';
import { Clock } from '../../common/clock/clock';
import { Actor } from '../../common/http/actor';
import { DomainError, FieldError, TransitionNotAllowedError, ValidationFailedError } from '../../common/problem/domain-error';
import { Department } from '../users/department.entity';
import { AssignmentService } from '../workflow/routing/assignment.service';
import { SlaService } from '../workflow/sla/sla.service';
import { AppealAccess } from './appeal-access.service';
import { AppealGuardrails } from './appeal-guardrails';
import { assertVersion } from './appeal-citizen-actions.service';
import { AppealJournal, JournalEntry } from './appeal-journal';
import { AppealMessage } from './appeal-message.entity';
import { Appeal } from './appeal.entity';
import { OVERSIGHT_ACTIONS, staffContext } from './appeal-context';
import { toSummary } from './appeal.mapper';
import { AppealSummaryDto } from './dto/appeal-output.dto';
import { AssigneeOptionDto, BulkActionDto, BulkResultDto, StaffActionBodyDto } from './dto/staff-action.dto';

const EVENTS: Record<StaffAction, HistoryEvent> = {
  [StaffAction.Take]: HistoryEvent.Taken,
  [StaffAction.Assign]: HistoryEvent.Assigned,
  [StaffAction.RequestDocuments]: HistoryEvent.DocumentsRequested,
  [StaffAction.SendForApproval]: HistoryEvent.SentForApproval,
  [StaffAction.Approve]: HistoryEvent.Approved,
  [StaffAction.Redirect]: HistoryEvent.Redirected,
  [StaffAction.Extend]: HistoryEvent.Extended,
  [StaffAction.NoAnswerRequired]: HistoryEvent.NoAnswerRequired,
  [StaffAction.TerminateCorrespondence]: HistoryEvent.CorrespondenceTerminated,
  [StaffAction.Reopen]: HistoryEvent.Reopened,
  [StaffAction.Answer]: HistoryEvent.Answered,
  [StaffAction.ProposeTermination]: HistoryEvent.ProposalMade,
  [StaffAction.ProposeExtension]: HistoryEvent.ProposalMade,
  [StaffAction.ProposeNoAnswer]: HistoryEvent.ProposalMade,
  // Replaced by the event of the approved action itself (actIn): what happens is what the history says.
  [StaffAction.ApproveProposal]: HistoryEvent.Approved,
  [StaffAction.ReturnProposal]: HistoryEvent.ProposalReturned,
};

/** How the internal thread names a proposed action. */
const PROPOSAL_LABELS: Record<ProposableAction, string> = {
  [StaffAction.TerminateCorrespondence]: 'прекратить переписку (59-ФЗ ст. 11 ч. 5)',
  [StaffAction.Extend]: 'продлить срок рассмотрения',
  [StaffAction.NoAnswerRequired]: 'оставить обращение без ответа по существу (59-ФЗ ст. 11)',
};

const DOCUMENTS_MAX_DAYS = 60;


/**
 * The staff side of the state machine (shared/domain/staff-transitions.ts) enforced: every action
 * is one transaction with the appeal row locked, writes its history/audit/outbox rows through
 * the journal, and counts as the first reaction when it is the first.
 */
@Injectable()
export class AppealStaffActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AppealAccess,
    private readonly journal: AppealJournal,
    private readonly assignment: AssignmentService,
    private readonly clock: Clock,
    private readonly sla: SlaService,
    private readonly guardrails: AppealGuardrails,
  ) {}

  /** Who the appeal may be assigned to: staff of its department, least loaded first. */
  async assigneeOptions(actor: Actor, idOrNumber: string): Promise<AssigneeOptionDto[]> {
    const appeal = await this.access.load(actor, idOrNumber);
    return this.assignment.options(this.dataSource.manager, appeal.departmentId!);
  }

  async act(actor: Actor, idOrNumber: string, action: StaffAction, body: StaffActionBodyDto): Promise<AppealSummaryDto> {
    return this.dataSource.transaction(async (manager) => toSummary(await this.actIn(manager, actor, idOrNumber, action, body)));
  }

  /** Bulk assign/redirect over a selection: each appeal in its own transaction; the result says which changed. */
  async bulk(actor: Actor, dto: BulkActionDto): Promise<BulkResultDto> {
    const { ids, action, ...body } = dto;
    const results: BulkResultDto['results'] = [];
    for (const id of [...new Set(ids)]) {
      try {
        const summary = await this.act(actor, id, action, body);
        results.push({ id, ok: true, status: summary.status });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ id, ok: false, code: error.code });
      }
    }
    return { results };
  }

  /** Loads, checks and applies one action inside the caller's transaction (the answer service uses it too). */
  async actIn(manager: EntityManager, actor: Actor, idOrNumber: string, action: StaffAction, body: StaffActionBodyDto): Promise<Appeal> {
    const appeal = await this.access.load(actor, idOrNumber, { manager, lock: true });
    const now = this.clock.now();
    await this.ensureAllowed(manager, actor, appeal, action, now);
    assertVersion(appeal, body.expectedVersion);
    const from = appeal.status;
    const event = action === StaffAction.ApproveProposal ? EVENTS[appeal.pendingProposal!.action] : EVENTS[action];
    const entry: JournalEntry = { event, from, comment: body.comment ?? null, actorPosition: await this.positionOf(manager, actor) };
    // Decided before the action changes the facts it depends on (an extension sets `extended`).
    const next = action === StaffAction.Answer ? from : nextStatusForStaff(action, from, staffContext(appeal, now));
    await this.apply(manager, actor, appeal, action, body, now, entry);
    appeal.status = next;
    await this.moveClock(manager, appeal, from, now);
    if (!appeal.firstReactionAt) appeal.firstReactionAt = now;
    await manager.save(Appeal, appeal);
    await this.journal.record(manager, appeal, actor, entry);
    return appeal;
  }

  private async apply(manager: EntityManager, actor: Actor, appeal: Appeal, action: StaffAction, body: StaffActionBodyDto, now: Date, entry: JournalEntry): Promise<void> {
    switch (action) {
      case StaffAction.Take:
        appeal.assigneeId = actor.userId;
        return;
      case StaffAction.Assign: {
        const assigneeId = required(body.assigneeId, 'assigneeId');
        const assignee = await this.assignment.staffOf(manager, appeal.departmentId!, assigneeId);
        if (!assignee) throw new ValidationFailedError([{ field: 'assigneeId', code: 'not_department_staff', message: '' }]);
        entry.details = { fromAssigneeId: appeal.assigneeId, toAssigneeId: assignee.id };
        entry.comment = body.comment ?? `Исполнитель: ${assignee.fullName}`;
        appeal.assigneeId = assignee.id;
        return;
      }
      case StaffAction.RequestDocuments: {
        const documents = required(body.documents, 'documents');
        const dueOn = required(body.dueOn, 'dueOn');
        const today = moscowDate(now);
        if (!isIsoDate(dueOn) || dueOn <= today || dueOn > (await this.sla.calendar(manager)).addCalendarDays(today, DOCUMENTS_MAX_DAYS)) {
          throw new ValidationFailedError([{ field: 'dueOn', code: 'date_out_of_range', message: '' }]);
        }
        appeal.documentsDueOn = dueOn;
        const list = documents.map((d, i) => `${i + 1}. ${d}`).join('\n');
        const text = `Для рассмотрения обращения необходимо представить до ${ruDate(dueOn)}:\n${list}${body.comment ? `\n\n${body.comment}` : ''}`;
        entry.noticeMessageId = await this.tellCitizen(manager, actor, appeal, text);
        entry.details = { documents: documents.length, dueOn };
        return;
      }
      case StaffAction.Redirect: {
        const departmentId = required(body.departmentId, 'departmentId');
        const reason = required(body.reason, 'reason');
        const target = await manager.findOneBy(Department, { id: departmentId });
        if (!target || target.id === appeal.departmentId) throw new ValidationFailedError([{ field: 'departmentId', code: 'invalid_department', message: '' }]);
        entry.details = { fromDepartmentId: appeal.departmentId, toDepartmentId: target.id };
        entry.comment = `${target.nameRu}: ${reason}`;
        // DOMAIN.md: the citizen is notified of a redirect; the notice stays in the thread.
        entry.noticeMessageId = await this.tellCitizen(manager, actor, appeal, `Ваше обращение передано на рассмотрение: ${target.nameRu}.\nПричина: ${reason}`);
        appeal.departmentId = target.id;
        appeal.assigneeId = (await this.assignment.autoAssignee(manager, target.id))?.id ?? null;
        return;
      }
      case StaffAction.Extend:
        return this.extend(manager, actor, appeal, body, entry);
      case StaffAction.NoAnswerRequired:
        return this.closeWithoutAnswer(manager, actor, appeal, body, now, entry);
      case StaffAction.TerminateCorrespondence:
        return this.terminate(manager, actor, appeal, body, now, entry);
      case StaffAction.ProposeTermination:
      case StaffAction.ProposeExtension:
      case StaffAction.ProposeNoAnswer:
        return this.propose(manager, actor, appeal, PROPOSED_ACTION[action], body, now, entry);
      case StaffAction.ApproveProposal: {
        const proposal = appeal.pendingProposal!;
        appeal.pendingProposal = null;
        // The supervisor carries out the operator's proposal as proposed; its checks run again now.
        const proposed = { ...(proposal.body as StaffActionBodyDto), comment: body.comment };
        await this.applyProposed(manager, actor, appeal, proposal.action, proposed, now, entry);
        entry.details = { ...entry.details, approvedProposal: true, proposedBy: proposal.proposedBy };
        await this.noteForStaff(manager, actor, appeal, `Предложение ${proposal.proposedByName} «${PROPOSAL_LABELS[proposal.action]}» согласовано.${body.comment ? `\n${body.comment}` : ''}`);
        return;
      }
      case StaffAction.ReturnProposal: {
        const remark = required(body.remark, 'remark');
        const proposal = appeal.pendingProposal!;
        appeal.pendingProposal = null;
        await this.noteForStaff(manager, actor, appeal, `Предложение ${proposal.proposedByName} «${PROPOSAL_LABELS[proposal.action]}» возвращено на доработку.\nЗамечание: ${remark}`);
        entry.details = { proposed: proposal.action, proposedBy: proposal.proposedBy };
        return;
      }
      case StaffAction.Reopen:
        appeal.closedAt = null;
        Object.assign(appeal, await this.sla.renewTermIfPassed(manager, appeal, now));
        return;
      case StaffAction.SendForApproval:
      case StaffAction.Approve:
      case StaffAction.Answer:
        return;
      default: {
        const unknown: never = action;
        throw new Error(`Unhandled staff action ${String(unknown)}`);
      }
    }
  }

  /** What an approved proposal carries out: the action itself (the same three as when taken directly). */
  private applyProposed(manager: EntityManager, actor: Actor, appeal: Appeal, action: ProposableAction, body: StaffActionBodyDto, now: Date, entry: JournalEntry): Promise<void> {
    switch (action) {
      case StaffAction.TerminateCorrespondence:
        return this.terminate(manager, actor, appeal, body, now, entry);
      case StaffAction.Extend:
        return this.extend(manager, actor, appeal, body, entry);
      case StaffAction.NoAnswerRequired:
        return this.closeWithoutAnswer(manager, actor, appeal, body, now, entry);
      default: {
        const unknown: never = action;
        throw new Error(`Unhandled proposal ${String(unknown)}`);
      }
    }
  }

  /**
   * An operator's proposal: checked now as the action itself would be (a proposal that could
   * never be approved is refused at once, naming the field), kept on the appeal with the
   * reasoning, and put in the internal thread for the supervisor.
   */
  private async propose(manager: EntityManager, actor: Actor, appeal: Appeal, action: ProposableAction, body: StaffActionBodyDto, now: Date, entry: JournalEntry): Promise<void> {
    const lines: string[] = [];
    switch (action) {
      case StaffAction.TerminateCorrespondence: {
        required(body.reason, 'reason');
        const earlier = await this.guardrails.earlierAnswers(manager, appeal, body.repeatsAppealIds);
        lines.push(`Повторяет обращения: ${await this.numbersOf(manager, earlier)}`);
        entry.details = { repeatsAppealIds: earlier };
        break;
      }
      case StaffAction.Extend:
        required(body.reason, 'reason');
        if (body.days) lines.push(`На дней: ${body.days}`);
        break;
      case StaffAction.NoAnswerRequired: {
        const grounds = required(body.grounds, 'grounds');
        this.guardrails.noAnswerNotice(grounds, body);
        lines.push(`Основание: ${NO_ANSWER_GROUND_RULES[grounds].label.ru} (59-ФЗ ст. 11 ${NO_ANSWER_GROUND_RULES[grounds].part})`);
        entry.details = { grounds };
        break;
      }
      default: {
        const unknown: never = action;
        throw new Error(`Unhandled proposal ${String(unknown)}`);
      }
    }
    const { expectedVersion: _version, comment: _comment, remark: _remark, ...fields } = body;
    appeal.pendingProposal = {
      action,
      body: JSON.parse(JSON.stringify(fields)) as Record<string, any>,
      reason: body.reason ?? '',
      proposedBy: actor.userId,
      proposedByName: actor.name,
      proposedAt: now.toISOString(),
    };
    if (body.reason) lines.push(`Обоснование: ${body.reason}`);
    await this.noteForStaff(manager, actor, appeal, [`Предлагаю ${PROPOSAL_LABELS[action]}.`, ...lines].join('\n'));
    entry.recipients = await this.guardrails.approvers(manager, appeal.departmentId);
    entry.details = { ...entry.details, proposed: action, notified: entry.recipients };
  }

  private async extend(manager: EntityManager, actor: Actor, appeal: Appeal, body: StaffActionBodyDto, entry: JournalEntry): Promise<void> {
    const reason = required(body.reason, 'reason');
    const before = appeal.dueAt;
    Object.assign(appeal, await this.sla.extend(manager, appeal, body.days));
    // 59-ФЗ ст. 12 ч. 2: the citizen is told of the extension.
    const until = appeal.dueAt ? ` до ${ruDate(moscowDate(appeal.dueAt))}` : '';
    entry.noticeMessageId = await this.tellCitizen(manager, actor, appeal, `Срок рассмотрения вашего обращения продлён${until}.\nПричина: ${reason}`);
    entry.comment = reason;
    entry.details = { from: before?.toISOString() ?? null, dueAt: appeal.dueAt?.toISOString() ?? null };
  }

  /** 59-ФЗ ст. 11: no answer on the merits; the citizen gets the ground's notice (within its term, where the law sets one). */
  private async closeWithoutAnswer(manager: EntityManager, actor: Actor, appeal: Appeal, body: StaffActionBodyDto, now: Date, entry: JournalEntry): Promise<void> {
    const grounds = required(body.grounds, 'grounds');
    const notice = this.guardrails.noAnswerNotice(grounds, body);
    appeal.noAnswerRequired = true;
    appeal.closedAt = now;
    entry.noticeMessageId = await this.tellCitizen(manager, actor, appeal, notice);
    const noticeDueOn = this.guardrails.noticeDueOn(grounds, appeal.registeredAt);
    entry.details = { grounds, part: NO_ANSWER_GROUND_RULES[grounds].part, noticeDueOn, noticeLate: noticeDueOn !== null && moscowDate(now) > noticeDueOn };
    entry.comment = body.comment ?? notice;
  }

  /**
   * 59-ФЗ ст. 11 ч. 5, by the supervisor (the person the head of the body authorises): only on a
   * question already answered on the merits at least twice, with the reason why the new appeal
   * brings nothing new; the citizen gets the statutory notice.
   */
  private async terminate(manager: EntityManager, actor: Actor, appeal: Appeal, body: StaffActionBodyDto, now: Date, entry: JournalEntry): Promise<void> {
    const reason = required(body.reason, 'reason');
    const earlier = await this.guardrails.earlierAnswers(manager, appeal, body.repeatsAppealIds);
    appeal.correspondenceTerminated = true;
    appeal.closedAt = now;
    const notice = this.guardrails.terminationNotice(body);
    entry.noticeMessageId = await this.tellCitizen(manager, actor, appeal, notice);
    entry.details = { ...entry.details, repeatsAppealIds: earlier };
    entry.comment = body.comment ?? notice;
    await this.noteForStaff(manager, actor, appeal, `Переписка прекращена.\nПовторяет обращения: ${await this.numbersOf(manager, earlier)}\nОбоснование: ${reason}`);
  }

  private async numbersOf(manager: EntityManager, ids: string[]): Promise<string> {
    const rows = await manager.query<{ number: string }[]>('SELECT number::text AS number FROM appeals WHERE id = ANY($1) ORDER BY number', [ids]);
    return rows.map((r) => `№ ${r.number}`).join(', ');
  }

  /** The SLA clock stops in awaiting_citizen and starts again, with the time left, when the appeal leaves it. */
  async moveClock(manager: EntityManager, appeal: Appeal, from: AppealStatus, now: Date): Promise<void> {
    if (appeal.status === AppealStatus.AwaitingCitizen && from !== AppealStatus.AwaitingCitizen) Object.assign(appeal, pauseClock(appeal, now));
    if (from === AppealStatus.AwaitingCitizen && appeal.status !== AppealStatus.AwaitingCitizen) Object.assign(appeal, await this.sla.resume(manager, appeal, now));
  }

  /**
   * The state machine's verdict, and whether this actor may act: staff overseeing an appeal
   * escalated to their department may only do what oversight allows (OVERSIGHT_ACTIONS).
   */
  async ensureAllowed(manager: EntityManager, actor: Actor, appeal: Appeal, action: StaffAction, now: Date): Promise<void> {
    if (!OVERSIGHT_ACTIONS.includes(action) && !(await this.access.handles(actor, appeal, manager))) throw new DomainError(403, 'oversight_only');
    const context = staffContext(appeal, now);
    const asActor: StaffActionContext = { ...context, role: actor.role, approvalRequiredFor: await this.guardrails.approvalRequiredFor(manager, appeal.departmentId) };
    if (!staffActionAllowed(action, appeal.status, context)) {
      throw new TransitionNotAllowedError(appeal.status, action, allowedStaffActions(appeal.status, asActor));
    }
    // The status admits it, the role does not: a supervisor's decision, or one the operator proposes.
    const refusal = staffRoleRefusal(action, asActor);
    if (refusal) throw new DomainError(403, refusal, {}, [], { action, allowedActions: allowedStaffActions(appeal.status, asActor) });
  }

  async positionOf(manager: EntityManager, actor: Actor): Promise<string | null> {
    const [row] = await manager.query<{ position: string | null }[]>('SELECT position FROM users WHERE id = $1', [actor.userId]);
    return row?.position ?? null;
  }

  /** An internal note in the thread (staff only): proposals, their reasoning and the supervisor's decision. */
  async noteForStaff(manager: EntityManager, actor: Actor, appeal: Appeal, text: string): Promise<string> {
    const inserted = await manager.insert(AppealMessage, { appealId: appeal.id, authorId: actor.userId, authorRole: actor.role, authorName: actor.name, body: text, internal: true });
    return (inserted.identifiers[0] as { id: string }).id;
  }

  /** A message from staff in the thread: how the citizen learns of requests and statutory notices. */
  async tellCitizen(manager: EntityManager, actor: Actor, appeal: Appeal, text: string): Promise<string> {
    const inserted = await manager.insert(AppealMessage, { appealId: appeal.id, authorId: actor.userId, authorRole: actor.role, authorName: actor.name, body: text, internal: false });
    return (inserted.identifiers[0] as { id: string }).id;
  }
}

/** 2026-05-08 → 08.05.2026, as Russian letters write dates. */
function ruDate(isoDate: string): string {
  return isoDate.split('-').reverse().join('.');
}

function required<T>(value: T | undefined, field: string): T {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
    throw new ValidationFailedError([{ field, code: 'isNotEmpty', message: '' } satisfies FieldError]);
  }
  return value;
}

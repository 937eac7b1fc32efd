import { Injectable } from '@nestjs/common';
import {
  AppealPriority,
  AppealStatus,
  HistoryEvent,
  isIsoDate,
  moscowDate,
  NO_ANSWER_GROUND_RULES,
  nextStatusForStaff,
  PROPOSED_ACTION,
  ProposableAction,
  ReviewOutcome,
  Role,
  StaffAction,
} from '@otklik/shared/domain';
import { staffContext } from '../../../appeals/appeal-context';
import { AnswerDraftState } from '../../answers/answer-draft.entity';
import { AnswerDrafts } from '../../answers/answer-drafts.repository';
import { AnswerHandler } from '../../answers/answer.handler';
import { AttachmentsService } from '../../../attachments/attachments.service';
import { ValidationFailedError } from '../../../../common/problem/domain-error';
import { AppealGuardrails } from '../../../appeals/appeal-guardrails';
import { AppealStore, AppealThread } from '../../../appeals/appeal.repository';
import type { Appeal } from '../../../appeals/appeal.repository';
import { AssignmentService } from '../../routing/assignment.service';
import { SlaService } from '../../sla/sla.service';
import {
  ApproveActionBody,
  ApproveProposalActionBody,
  AssignActionBody,
  EscalateStaffActionBody,
  ExtendActionBody,
  NoAnswerRequiredActionBody,
  ProposeExtensionActionBody,
  ProposeNoAnswerActionBody,
  ProposeTerminationActionBody,
  ReclassifyActionBody,
  RecordReviewActionBody,
  RedirectActionBody,
  ReopenActionBody,
  RequestDocumentsActionBody,
  ReturnAnswerActionBody,
  ReturnProposalActionBody,
  SendForApprovalActionBody,
  StaffRouteAction,
  TakeActionBody,
  TerminateCorrespondenceActionBody,
} from '../dto/staff-actions.dto';
import { STAFF_EVENTS } from '../events';
import { StaffActionHandler, TransitionContext } from '../transition';
import { ExtendFields, NoAnswerFields, PROPOSAL_LABELS, ruDate, StaffEffects, TerminationFields } from './staff-effects';
import { DepartmentTree } from '../../../users/department-tree.repository';
import { Escalation } from '../escalation';
import { classificationOf, isFieldError, Reclassification, ResolvedCategory } from '../reclassification';

const DOCUMENTS_MAX_DAYS = 60;

/** A staff action of the actions route: the action, its body and its effect. */
export interface StaffRouteHandler<B = object> extends StaffActionHandler<B> {
  readonly action: StaffRouteAction;
}

/** Take: the appeal is the actor's now. */
@Injectable()
export class TakeHandler implements StaffRouteHandler<TakeActionBody> {
  readonly side = 'staff';
  readonly action = StaffAction.Take;
  readonly body = TakeActionBody;
  async apply({ appeal, actor }: TransitionContext<TakeActionBody>): Promise<void> {
    appeal.assigneeId = actor.userId;
  }
}

/** Assign to a colleague of the appeal's department. */
@Injectable()
export class AssignHandler implements StaffRouteHandler<AssignActionBody> {
  readonly side = 'staff';
  readonly action = StaffAction.Assign;
  readonly body = AssignActionBody;
  constructor(private readonly assignment: AssignmentService) {}
  async apply({ manager, appeal, body, entry }: TransitionContext<AssignActionBody>): Promise<void> {
    const assignee = await this.assignment.staffOf(manager, appeal.departmentId!, body.assigneeId);
    if (!assignee) throw new ValidationFailedError([{ field: 'assigneeId', code: 'not_department_staff', message: '' }]);
    entry.details = { fromAssigneeId: appeal.assigneeId, toAssigneeId: assignee.id };
    entry.comment = body.comment ?? `Исполнитель: ${assignee.fullName}`;
    appeal.assigneeId = assignee.id;
  }
}

/** Ask the citizen for documents by a date; the clock pauses until they bring them. */
@Injectable()
export class RequestDocumentsHandler implements StaffRouteHandler<RequestDocumentsActionBody> {
  readonly side = 'staff';
  readonly action = StaffAction.RequestDocuments;
  readonly body = RequestDocumentsActionBody;
  constructor(
    private readonly sla: SlaService,
    private readonly thread: AppealThread,
  ) {}
  async apply({ manager, actor, appeal, body, now, entry }: TransitionContext<RequestDocumentsActionBody>): Promise<void> {
    const { documents, dueOn } = body;
    const today = moscowDate(now);
    if (!isIsoDate(dueOn) || dueOn <= today || dueOn > (await this.sla.calendar(manager)).addCalendarDays(today, DOCUMENTS_MAX_DAYS)) {
      throw new ValidationFailedError([{ field: 'dueOn', code: 'date_out_of_range', message: '' }]);
    }
    appeal.documentsDueOn = dueOn;
    // A new request earns its own reminder, even for the same date.
    appeal.documentsRemindedFor = null;
    const list = documents.map((d, i) => `${i + 1}. ${d}`).join('\n');
    const text = `Для рассмотрения обращения необходимо представить до ${ruDate(dueOn)}:\n${list}${body.comment ? `\n\n${body.comment}` : ''}`;
    entry.noticeMessageId = await this.thread.tellCitizen(manager, actor, appeal.id, text);
    entry.details = { documents: documents.length, dueOn };
  }
}

/**
 * The answer is ready for the supervisor's sign-off. With its draft, the draft is kept as a new
 * revision: the supervisor approves it (and it goes out) or returns it with a remark.
 */
@Injectable()
export class SendForApprovalHandler implements StaffRouteHandler<SendForApprovalActionBody> {
  readonly side = 'staff';
  readonly action = StaffAction.SendForApproval;
  readonly body = SendForApprovalActionBody;
  constructor(
    private readonly drafts: AnswerDrafts,
    private readonly attachments: AttachmentsService,
  ) {}
  async apply({ manager, actor, appeal, body, entry }: TransitionContext<SendForApprovalActionBody>): Promise<void> {
    const { draft } = body;
    if (!draft) return;
    AnswerHandler.check(appeal, draft);
    const earlier = (await this.drafts.list(manager, appeal.id)).map((d) => d.id);
    const saved = await this.drafts.submit(manager, {
      appealId: appeal.id,
      result: draft.result,
      resultCode: draft.resultCode,
      text: draft.text,
      reason: draft.reason ?? null,
      executorPhone: draft.executorPhone ?? null,
      attachmentIds: draft.attachmentIds ?? [],
      authorId: actor.userId,
      authorName: actor.name,
      authorPosition: entry.actorPosition ?? null,
    });
    // The draft's files wait with it for the supervisor, past the unbound-upload TTL; the files an
    // earlier revision held and this one dropped are let go.
    await this.attachments.hold(manager, actor, draft.attachmentIds ?? [], saved.id, earlier, 'draft.attachmentIds');
    entry.details = { draftId: saved.id, revision: saved.revision };
  }
}

/**
 * The supervisor signs off. An answer sent with its draft goes out now, as the operator wrote it
 * (the history says «answered», naming the supervisor who approved it); without a draft, the
 * appeal goes back to work to be answered, as it always did.
 */
@Injectable()
export class ApproveHandler implements StaffRouteHandler<ApproveActionBody> {
  readonly side = 'staff';
  readonly action = StaffAction.Approve;
  readonly body = ApproveActionBody;
  constructor(
    private readonly drafts: AnswerDrafts,
    private readonly answer: AnswerHandler,
  ) {}
  async apply(ctx: TransitionContext<ApproveActionBody>): Promise<void> {
    const { manager, actor, appeal, now, entry } = ctx;
    const draft = await this.drafts.pending(manager, appeal.id);
    if (!draft) return;
    ctx.next = nextStatusForStaff(StaffAction.Answer, appeal.status, staffContext(appeal, now), draft.result);
    entry.event = HistoryEvent.Answered;
    const uploader = { ...actor, userId: draft.authorId ?? '', role: Role.Operator, name: draft.authorName };
    await this.answer.give(
      ctx,
      { result: draft.result, resultCode: draft.resultCode, text: draft.text, reason: draft.reason ?? undefined, executorPhone: draft.executorPhone ?? undefined, attachmentIds: draft.attachmentIds },
      { executorName: draft.authorName, executorPosition: draft.authorPosition, approvedBy: actor.userId, uploader },
    );
    await this.drafts.decide(manager, draft, { state: AnswerDraftState.Approved, by: actor.userId, byName: actor.name, at: now });
    entry.details = { ...entry.details, approvedDraftId: draft.id, revision: draft.revision, draftAuthorId: draft.authorId };
  }
}

/** The supervisor returns the answer sent for approval with a remark: back to work, the remark in the internal thread. */
@Injectable()
export class ReturnAnswerHandler implements StaffRouteHandler<ReturnAnswerActionBody> {
  readonly side = 'staff';
  readonly action = StaffAction.ReturnAnswer;
  readonly body = ReturnAnswerActionBody;
  constructor(
    private readonly drafts: AnswerDrafts,
    private readonly thread: AppealThread,
  ) {}
  async apply({ manager, actor, appeal, body, now, entry }: TransitionContext<ReturnAnswerActionBody>): Promise<void> {
    const draft = await this.drafts.pending(manager, appeal.id);
    if (draft) await this.drafts.decide(manager, draft, { state: AnswerDraftState.Returned, by: actor.userId, byName: actor.name, at: now, remark: body.remark });
    await this.thread.noteForStaff(manager, actor, appeal.id, `Ответ${draft ? ` (редакция ${draft.revision})` : ''} возвращён на доработку.\nЗамечание: ${body.remark}`);
    entry.details = { returnedDraftId: draft?.id ?? null, revision: draft?.revision ?? null, authorId: draft?.authorId ?? null };
  }
}

/** To another department, registered there again; the citizen is told why. */
@Injectable()
export class RedirectHandler implements StaffRouteHandler<RedirectActionBody> {
  readonly side = 'staff';
  readonly action = StaffAction.Redirect;
  readonly body = RedirectActionBody;
  constructor(
    private readonly assignment: AssignmentService,
    private readonly departments: DepartmentTree,
    private readonly thread: AppealThread,
  ) {}
  async apply({ manager, actor, appeal, body, entry }: TransitionContext<RedirectActionBody>): Promise<void> {
    const { reason } = body;
    const target = await this.departments.get(body.departmentId, manager);
    if (!target || target.id === appeal.departmentId) throw new ValidationFailedError([{ field: 'departmentId', code: 'invalid_department', message: '' }]);
    entry.details = { fromDepartmentId: appeal.departmentId, toDepartmentId: target.id };
    entry.comment = `${target.nameRu}: ${reason}`;
    // DOMAIN.md: the citizen is notified of a redirect; the notice stays in the thread.
    entry.noticeMessageId = await this.thread.tellCitizen(manager, actor, appeal.id, `Ваше обращение передано на рассмотрение: ${target.nameRu}.\nПричина: ${reason}`);
    appeal.departmentId = target.id;
    appeal.assigneeId = (await this.assignment.autoAssignee(manager, target.id))?.id ?? null;
  }
}

/** Reopened by staff: back to work, with a new term if the old one has passed. */
@Injectable()
export class ReopenHandler implements StaffRouteHandler<ReopenActionBody> {
  readonly side = 'staff';
  readonly action = StaffAction.Reopen;
  readonly body = ReopenActionBody;
  constructor(private readonly sla: SlaService) {}
  async apply({ manager, appeal, now }: TransitionContext<ReopenActionBody>): Promise<void> {
    appeal.closedAt = null;
    Object.assign(appeal, await this.sla.renewTermIfPassed(manager, appeal, now));
  }
}

/** The one extension of the term (59-ФЗ ст. 12 ч. 2). */
@Injectable()
export class ExtendHandler implements StaffRouteHandler<ExtendActionBody> {
  readonly side = 'staff';
  readonly action = StaffAction.Extend;
  readonly body = ExtendActionBody;
  constructor(private readonly effects: StaffEffects) {}
  apply(ctx: TransitionContext<ExtendActionBody>): Promise<void> {
    return this.effects.extend(ctx, ctx.body);
  }
}

/** 59-ФЗ ст. 11: closed without an answer on the merits. */
@Injectable()
export class NoAnswerRequiredHandler implements StaffRouteHandler<NoAnswerRequiredActionBody> {
  readonly side = 'staff';
  readonly action = StaffAction.NoAnswerRequired;
  readonly body = NoAnswerRequiredActionBody;
  constructor(private readonly effects: StaffEffects) {}
  apply(ctx: TransitionContext<NoAnswerRequiredActionBody>): Promise<void> {
    return this.effects.closeWithoutAnswer(ctx, ctx.body);
  }
}

/** 59-ФЗ ст. 11 ч. 5: the correspondence is terminated. */
@Injectable()
export class TerminateCorrespondenceHandler implements StaffRouteHandler<TerminateCorrespondenceActionBody> {
  readonly side = 'staff';
  readonly action = StaffAction.TerminateCorrespondence;
  readonly body = TerminateCorrespondenceActionBody;
  constructor(private readonly effects: StaffEffects) {}
  apply(ctx: TransitionContext<TerminateCorrespondenceActionBody>): Promise<void> {
    return this.effects.terminate(ctx, ctx.body);
  }
}

type ProposalBody = ProposeTerminationActionBody | ProposeExtensionActionBody | ProposeNoAnswerActionBody;

/**
 * An operator's proposal: checked now as the action itself would be (a proposal that could
 * never be approved is refused at once, naming the field), kept on the appeal with the
 * reasoning, and put in the internal thread for the supervisor.
 */
abstract class ProposalHandler<B extends ProposalBody> implements StaffRouteHandler<B> {
  readonly side = 'staff';
  abstract readonly action: StaffAction.ProposeTermination | StaffAction.ProposeExtension | StaffAction.ProposeNoAnswer;
  abstract readonly body: new () => B;
  constructor(
    protected readonly guardrails: AppealGuardrails,
    protected readonly thread: AppealThread,
  ) {}

  /** The proposal's own lines in the note (and what it adds to the audit details). */
  protected abstract check(ctx: TransitionContext<B>): Promise<string[]>;

  async apply(ctx: TransitionContext<B>): Promise<void> {
    const { manager, actor, appeal, body, now, entry } = ctx;
    const proposed = PROPOSED_ACTION[this.action];
    const lines = await this.check(ctx);
    const { expectedVersion: _version, comment: _comment, remark: _remark, action: _action, ...fields } = body as B & { remark?: string };
    appeal.pendingProposal = {
      action: proposed,
      body: JSON.parse(JSON.stringify(fields)) as Record<string, any>,
      reason: body.reason ?? '',
      proposedBy: actor.userId,
      proposedByName: actor.name,
      proposedAt: now.toISOString(),
    };
    if (body.reason) lines.push(`Обоснование: ${body.reason}`);
    await this.thread.noteForStaff(manager, actor, appeal.id, [`Предлагаю ${PROPOSAL_LABELS[proposed]}.`, ...lines].join('\n'));
    entry.recipients = await this.guardrails.approvers(manager, appeal.departmentId);
    entry.details = { ...entry.details, proposed, notified: entry.recipients };
  }
}

@Injectable()
export class ProposeTerminationHandler extends ProposalHandler<ProposeTerminationActionBody> {
  readonly action = StaffAction.ProposeTermination;
  readonly body = ProposeTerminationActionBody;
  constructor(guardrails: AppealGuardrails, thread: AppealThread, private readonly store: AppealStore) {
    super(guardrails, thread);
  }
  protected async check({ manager, appeal, body, entry }: TransitionContext<ProposeTerminationActionBody>): Promise<string[]> {
    const earlier = await this.guardrails.earlierAnswers(manager, appeal, body.repeatsAppealIds);
    entry.details = { repeatsAppealIds: earlier };
    return [`Повторяет обращения: ${await this.store.numbersOf(manager, earlier)}`];
  }
}

@Injectable()
export class ProposeExtensionHandler extends ProposalHandler<ProposeExtensionActionBody> {
  readonly action = StaffAction.ProposeExtension;
  readonly body = ProposeExtensionActionBody;
  constructor(guardrails: AppealGuardrails, thread: AppealThread) {
    super(guardrails, thread);
  }
  protected async check({ body }: TransitionContext<ProposeExtensionActionBody>): Promise<string[]> {
    return body.days ? [`На дней: ${body.days}`] : [];
  }
}

@Injectable()
export class ProposeNoAnswerHandler extends ProposalHandler<ProposeNoAnswerActionBody> {
  readonly action = StaffAction.ProposeNoAnswer;
  readonly body = ProposeNoAnswerActionBody;
  constructor(guardrails: AppealGuardrails, thread: AppealThread) {
    super(guardrails, thread);
  }
  protected async check({ body, entry }: TransitionContext<ProposeNoAnswerActionBody>): Promise<string[]> {
    this.guardrails.noAnswerNotice(body.grounds, body);
    entry.details = { grounds: body.grounds };
    return [`Основание: ${NO_ANSWER_GROUND_RULES[body.grounds].label.ru} (59-ФЗ ст. 11 ${NO_ANSWER_GROUND_RULES[body.grounds].part})`];
  }
}

/** The supervisor carries out the operator's proposal as proposed; its checks run again now. */
@Injectable()
export class ApproveProposalHandler implements StaffRouteHandler<ApproveProposalActionBody> {
  readonly side = 'staff';
  readonly action = StaffAction.ApproveProposal;
  readonly body = ApproveProposalActionBody;
  constructor(
    private readonly effects: StaffEffects,
    private readonly thread: AppealThread,
  ) {}

  /** The history says what happened: the approved action's own event. */
  event(appeal: Appeal): HistoryEvent {
    return STAFF_EVENTS[appeal.pendingProposal!.action];
  }

  async apply(ctx: TransitionContext<ApproveProposalActionBody>): Promise<void> {
    const { manager, actor, appeal, body, entry } = ctx;
    const proposal = appeal.pendingProposal!;
    appeal.pendingProposal = null;
    const proposed = { ...proposal.body, comment: body.comment };
    await this.carryOut(ctx, proposal.action, proposed);
    entry.details = { ...entry.details, approvedProposal: true, proposedBy: proposal.proposedBy };
    await this.thread.noteForStaff(manager, actor, appeal.id, `Предложение ${proposal.proposedByName} «${PROPOSAL_LABELS[proposal.action]}» согласовано.${body.comment ? `\n${body.comment}` : ''}`);
  }

  private carryOut(ctx: TransitionContext<ApproveProposalActionBody>, action: ProposableAction, body: Record<string, any>): Promise<void> {
    switch (action) {
      case StaffAction.TerminateCorrespondence:
        return this.effects.terminate(ctx, body as TerminationFields);
      case StaffAction.Extend:
        return this.effects.extend(ctx, body as ExtendFields);
      case StaffAction.NoAnswerRequired:
        return this.effects.closeWithoutAnswer(ctx, body as NoAnswerFields);
      default: {
        const unknown: never = action;
        throw new Error(`Unhandled proposal ${String(unknown)}`);
      }
    }
  }
}

/** The supervisor returns the proposal with a remark: back to work. */
@Injectable()
export class ReturnProposalHandler implements StaffRouteHandler<ReturnProposalActionBody> {
  readonly side = 'staff';
  readonly action = StaffAction.ReturnProposal;
  readonly body = ReturnProposalActionBody;
  constructor(private readonly thread: AppealThread) {}
  async apply({ manager, actor, appeal, body, entry }: TransitionContext<ReturnProposalActionBody>): Promise<void> {
    const proposal = appeal.pendingProposal!;
    appeal.pendingProposal = null;
    await this.thread.noteForStaff(manager, actor, appeal.id, `Предложение ${proposal.proposedByName} «${PROPOSAL_LABELS[proposal.action]}» возвращено на доработку.\nЗамечание: ${body.remark}`);
    entry.details = { proposed: proposal.action, proposedBy: proposal.proposedBy };
  }
}

/**
 * The supervisor's re-review of an answer a citizen rated below 3 with a comment: the answer
 * stands, or the appeal goes back to work for a new one (as a reopening does). Either way the
 * appeal leaves the re-review list and the citizen hears the conclusion (the notice's reason).
 */
@Injectable()
export class RecordReviewHandler implements StaffRouteHandler<RecordReviewActionBody> {
  readonly side = 'staff';
  readonly action = StaffAction.RecordReview;
  readonly body = RecordReviewActionBody;
  constructor(private readonly sla: SlaService) {}
  next(appeal: Appeal, body: RecordReviewActionBody): AppealStatus {
    return body.outcome === ReviewOutcome.Reopened ? AppealStatus.InProgress : appeal.status;
  }
  async apply({ manager, appeal, body, now, entry }: TransitionContext<RecordReviewActionBody>): Promise<void> {
    Object.assign(appeal, { rereview: false, reviewOutcome: body.outcome, reviewedAt: now });
    if (body.outcome === ReviewOutcome.Reopened) {
      appeal.closedAt = null;
      Object.assign(appeal, await this.sla.renewTermIfPassed(manager, appeal, now));
    }
    entry.comment = body.reason;
    entry.details = { outcome: body.outcome, score: appeal.rating };
  }
}

/**
 * Staff escalate an open, unanswered appeal to the parent department with a reason: the parent
 * oversees it from then on (its «escalated to us» view), as after the citizen's «Эскалация» or
 * the overdue tick; the handling department keeps it. Once per appeal; a department at the top of
 * the tree has nobody to escalate to (409 no_parent_department).
 */
@Injectable()
export class EscalateStaffHandler implements StaffRouteHandler<EscalateStaffActionBody> {
  readonly side = 'staff';
  readonly action = StaffAction.Escalate;
  readonly body = EscalateStaffActionBody;
  constructor(private readonly escalation: Escalation) {}
  async apply({ manager, appeal, body, now, entry }: TransitionContext<EscalateStaffActionBody>): Promise<void> {
    const parent = await this.escalation.parentOrRefuse(manager, appeal.departmentId);
    this.escalation.mark(appeal, parent.id, now);
    // The history (the citizen sees it) names where it went and why.
    entry.comment = `${parent.nameRu}: ${body.reason}`;
    // The parent's head is told: the notice names the reason alone (they know where it went).
    entry.noticeReason = body.reason;
    entry.details = { reason: 'staff', fromDepartmentId: appeal.departmentId, toDepartmentId: parent.id };
    entry.recipients = await this.escalation.headsOf(appeal.escalatedToDepartmentId);
  }
}

const PRIORITY_RU: Readonly<Record<AppealPriority, string>> = { [AppealPriority.Low]: 'низкий', [AppealPriority.Normal]: 'обычный', [AppealPriority.High]: 'высокий' };

/**
 * Staff reclassify an open appeal: its category (an active one of the appeal's type) and/or its
 * priority, with an optional note (the history's comment). It does not re-route — the department,
 * the assignee, the status and the deadlines stay (Reclassification); a wrong department is the
 * redirect's. Setting what the appeal already has is a success that changes and records nothing,
 * as marking an important appeal important again is. The audit row keeps the fields before → after.
 */
@Injectable()
export class ReclassifyHandler implements StaffRouteHandler<ReclassifyActionBody> {
  readonly side = 'staff';
  readonly action = StaffAction.Reclassify;
  readonly body = ReclassifyActionBody;
  constructor(private readonly reclassification: Reclassification) {}
  async apply({ manager, appeal, body, entry }: TransitionContext<ReclassifyActionBody>): Promise<{ unchanged: true } | void> {
    // null is «not given», as an absent field is.
    if (body.categoryId == null && body.priority == null) {
      throw new ValidationFailedError(['categoryId', 'priority'].map((field) => ({ field, code: 'isNotEmpty', message: 'name a category or a priority' })));
    }
    let resolved: ResolvedCategory | null = null;
    if (body.categoryId != null) {
      const found = await this.reclassification.resolve(manager, body.categoryId, appeal.type, 'categoryId');
      if (isFieldError(found)) throw new ValidationFailedError([found]);
      resolved = found;
    }
    const before = classificationOf(appeal);
    const after = this.reclassification.next(appeal, resolved, body.priority ?? undefined);
    if (JSON.stringify(before) === JSON.stringify(after)) return { unchanged: true };
    Object.assign(appeal, after);
    const said: string[] = [];
    if (after.categoryId !== before.categoryId || after.subcategoryId !== before.subcategoryId) {
      said.push(`Категория: ${[resolved!.category.nameRu, resolved!.subcategory?.nameRu].filter(Boolean).join(' / ')}`);
    }
    if (after.priority !== before.priority) said.push(`Приоритет: ${PRIORITY_RU[after.priority]}`);
    entry.comment = body.comment ?? `${said.join('; ')}.`;
    entry.details = { before, after };
    entry.change = { before: { ...before }, after: { ...after } };
  }
}

/** Every handler of the staff actions route, in the order of StaffAction. */
export const STAFF_ROUTE_HANDLERS = [
  TakeHandler,
  AssignHandler,
  RequestDocumentsHandler,
  SendForApprovalHandler,
  ApproveHandler,
  RedirectHandler,
  ExtendHandler,
  NoAnswerRequiredHandler,
  TerminateCorrespondenceHandler,
  ReopenHandler,
  ProposeTerminationHandler,
  ProposeExtensionHandler,
  ProposeNoAnswerHandler,
  ApproveProposalHandler,
  ReturnProposalHandler,
  ReturnAnswerHandler,
  RecordReviewHandler,
  EscalateStaffHandler,
  ReclassifyHandler,
] as const;

import { APPEAL_STATUSES, AppealStatus } from './appeal-status';
import { Role } from './role';

/** What staff do to an appeal (API.md «Staff routes»: POST /staff/appeals/{id}/actions/{action}). */
export enum StaffAction {
  Take = 'take',
  Assign = 'assign',
  RequestDocuments = 'request-documents',
  SendForApproval = 'send-for-approval',
  Approve = 'approve',
  Redirect = 'redirect',
  Extend = 'extend',
  NoAnswerRequired = 'no-answer-required',
  TerminateCorrespondence = 'terminate-correspondence',
  Reopen = 'reopen',
  Answer = 'answer',
  // 59-ФЗ guardrails: what an operator may not decide alone is proposed, and a supervisor decides.
  /** An operator proposes to terminate the correspondence (ст. 11 ч. 5): always needs a supervisor. */
  ProposeTermination = 'propose-termination',
  /** An operator proposes an extension, where the department's setting asks for approval. */
  ProposeExtension = 'propose-extension',
  /** An operator proposes closing without an answer on the merits, where the department asks for approval. */
  ProposeNoAnswer = 'propose-no-answer',
  /** The supervisor approves the pending proposal: its action is carried out. */
  ApproveProposal = 'approve-proposal',
  /** The supervisor returns the pending proposal with a remark: the appeal goes back to work. */
  ReturnProposal = 'return-proposal',
  /** The supervisor returns the answer sent for approval (its draft) with a remark: back to work. */
  ReturnAnswer = 'return-answer',
  /**
   * The supervisor records the re-review of an answer rated below 3 with a comment: the answer
   * stands (upheld), or the appeal goes back to work for a new one (reopened).
   */
  RecordReview = 'record-review',
  /**
   * Staff escalate an open appeal to the parent department (a reason is mandatory): as the
   * citizen's «Эскалация» and the overdue tick do, the parent oversees it from then on.
   */
  Escalate = 'escalate',
  /**
   * Staff reclassify an open appeal: its category (of the appeal's type) and/or its priority, with
   * an optional note. The status, the department and the deadlines stay (a redirect moves it).
   */
  Reclassify = 'reclassify',
}

/** What a supervisor's re-review of a low-rated answer concluded. */
export enum ReviewOutcome {
  /** The answer stands; the citizen is told why. */
  Upheld = 'upheld',
  /** The answer falls short: the appeal goes back to work for a new answer. */
  Reopened = 'reopened',
}
export const REVIEW_OUTCOMES: readonly ReviewOutcome[] = Object.values(ReviewOutcome);

export const STAFF_ACTIONS: readonly StaffAction[] = Object.values(StaffAction);

/** Result of a structured answer (DOMAIN.md «Answers»). */
export enum AnswerResult {
  Done = 'done',
  Refused = 'refused',
  ClarificationNeeded = 'clarification_needed',
}

/** Actions an operator may have to propose instead of doing (the proposal's subject). */
export type ProposableAction = StaffAction.TerminateCorrespondence | StaffAction.Extend | StaffAction.NoAnswerRequired;

/** Which action each proposal puts before the supervisor. */
export const PROPOSED_ACTION: Readonly<Record<StaffAction.ProposeTermination | StaffAction.ProposeExtension | StaffAction.ProposeNoAnswer, ProposableAction>> = {
  [StaffAction.ProposeTermination]: StaffAction.TerminateCorrespondence,
  [StaffAction.ProposeExtension]: StaffAction.Extend,
  [StaffAction.ProposeNoAnswer]: StaffAction.NoAnswerRequired,
};

/** The actions a department may put under a supervisor's approval (termination always is). */
export const APPROVABLE_BY_SETTING = [StaffAction.Extend, StaffAction.NoAnswerRequired] as const;
export type ApprovableBySetting = (typeof APPROVABLE_BY_SETTING)[number];

/**
 * Actions only a supervisor of the handling department (or above it) takes: the sign-off of an
 * answer, the decision on a proposal, and — as the person the head of the body authorises
 * (59-ФЗ ст. 11 ч. 5) — terminating correspondence.
 */
export const SUPERVISOR_ACTIONS: readonly StaffAction[] = [
  StaffAction.Approve,
  StaffAction.ApproveProposal,
  StaffAction.ReturnProposal,
  StaffAction.TerminateCorrespondence,
  StaffAction.ReturnAnswer,
  StaffAction.RecordReview,
];

/** Why a role may not take an action the status admits: a supervisor's decision, or the department's approval setting. */
export type StaffRoleRefusal = 'supervisor_only' | 'approval_required' | 'operator_only';

/** Facts beside the status that some staff actions depend on. */
export interface StaffActionContext {
  /** The deadline was already extended once (one extension per appeal). */
  extended?: boolean;
  /** Registration time and now: a redirect is allowed within `redirectDays` of registration. */
  registeredAt?: Date | null;
  now?: Date;
  /** Days after registration during which a redirect to another body is allowed (default 7). */
  redirectDays?: number;
  /**
   * Filed without an account: its author cannot add materials, so a documents request (which
   * pauses the appeal until they do) would stop it for good.
   */
  unidentified?: boolean;
  /** The action a proposal awaiting the supervisor's decision would carry out (null: none pending). */
  pendingProposal?: ProposableAction | null;
  /**
   * Who acts: with a role, the role rules apply too (see staffRoleRefusal); without one, only the
   * status and the facts do (the status-level question the 409 answers).
   */
  role?: Role;
  /** The handling department's setting: which of extend / no-answer-required an operator must propose. */
  approvalRequiredFor?: readonly ApprovableBySetting[];
  /** On the supervisor's re-review list (rated below 3 with a comment, not yet reviewed). */
  rereview?: boolean;
  /** Already escalated (by the citizen, the overdue tick or staff): overseen above already. */
  escalated?: boolean;
}

export class StaffActionNotAllowedError extends Error {
  readonly code = 'STAFF_ACTION_NOT_ALLOWED';

  constructor(
    readonly action: StaffAction,
    readonly status: AppealStatus,
  ) {
    super(`Staff cannot ${action} an appeal in status ${status}`);
    this.name = 'StaffActionNotAllowedError';
  }
}

const {
  Take,
  Assign,
  RequestDocuments,
  SendForApproval,
  Approve,
  Redirect,
  Extend,
  NoAnswerRequired,
  TerminateCorrespondence,
  Reopen,
  Answer,
  ProposeTermination,
  ProposeExtension,
  ProposeNoAnswer,
  ApproveProposal,
  ReturnProposal,
  ReturnAnswer,
  RecordReview,
  Escalate,
  Reclassify,
} = StaffAction;

function unknownValue(value: never): never {
  throw new Error(`Unknown value: ${String(value)}`);
}

/** The status-only part of the rules: which actions a status admits at all. */
function actionsIn(status: AppealStatus): readonly StaffAction[] {
  switch (status) {
    case AppealStatus.Draft:
      return [];
    case AppealStatus.Registered:
      return [Take, Assign, Redirect, Extend, NoAnswerRequired, TerminateCorrespondence, ProposeTermination, ProposeExtension, ProposeNoAnswer, Escalate, Reclassify];
    case AppealStatus.InProgress:
      return [Assign, RequestDocuments, SendForApproval, Redirect, Extend, NoAnswerRequired, TerminateCorrespondence, Answer, ProposeTermination, ProposeExtension, ProposeNoAnswer, Escalate, Reclassify];
    // Waiting for a sign-off: of an answer (approve / return-answer), or of a proposal (approve-proposal / return-proposal).
    case AppealStatus.AwaitingApproval:
      return [Assign, Approve, Extend, Answer, ApproveProposal, ReturnProposal, ReturnAnswer, Escalate, Reclassify];
    // The clock is paused while the citizen is asked for documents; the answer waits for them.
    case AppealStatus.AwaitingCitizen:
      return [Assign, Extend, Escalate, Reclassify];
    case AppealStatus.Resolved:
    case AppealStatus.Rejected:
    case AppealStatus.Closed:
      return [Reopen, RecordReview];
    case AppealStatus.Withdrawn:
      return [];
    default:
      return unknownValue(status);
  }
}

/** Status → the staff actions it admits (before the context-dependent guards). */
export const STAFF_ACTION_TABLE: Readonly<Record<AppealStatus, readonly StaffAction[]>> = Object.fromEntries(
  APPEAL_STATUSES.map((status) => [status, actionsIn(status)]),
) as Record<AppealStatus, readonly StaffAction[]>;

const DAY_MS = 86_400_000;

/** Whether staff may perform `action` now: the status table, the guards of the context, then (given a role) the role rules. */
export function staffActionAllowed(action: StaffAction, status: AppealStatus, context: StaffActionContext = {}): boolean {
  return staffActionAllowedByStatus(action, status, context) && (context.role === undefined || staffRoleRefusal(action, context) === null);
}

/**
 * Whether a role may take an action (the status aside): operators propose what the law or the
 * department's setting puts under a supervisor's decision; supervisors decide and act directly,
 * so they do not propose to themselves.
 */
export function staffRoleRefusal(action: StaffAction, context: StaffActionContext): StaffRoleRefusal | null {
  const supervisor = context.role === Role.Supervisor;
  const needsApproval = (a: ApprovableBySetting) => (context.approvalRequiredFor ?? []).includes(a);
  switch (action) {
    case Approve:
    case ApproveProposal:
    case ReturnProposal:
    case ReturnAnswer:
    case RecordReview:
      return supervisor ? null : 'supervisor_only';
    case TerminateCorrespondence:
      return supervisor ? null : 'approval_required';
    case Extend:
    case NoAnswerRequired:
      return supervisor || !needsApproval(action) ? null : 'approval_required';
    case ProposeTermination:
      return supervisor ? 'operator_only' : null;
    case ProposeExtension:
    case ProposeNoAnswer:
      // Nothing to propose where the operator may act alone.
      return supervisor || !needsApproval(PROPOSED_ACTION[action] as ApprovableBySetting) ? 'operator_only' : null;
    case Take:
    case Assign:
    case RequestDocuments:
    case SendForApproval:
    case Redirect:
    case Reopen:
    case Answer:
    case Escalate:
    case Reclassify:
      return null;
    default:
      return unknownValue(action);
  }
}

function staffActionAllowedByStatus(action: StaffAction, status: AppealStatus, context: StaffActionContext): boolean {
  if (!STAFF_ACTION_TABLE[status].includes(action)) return false;
  const pending = context.pendingProposal ?? null;
  switch (action) {
    case Extend:
      return !context.extended && pending === null;
    case Redirect: {
      if (!context.registeredAt) return true;
      const now = context.now ?? new Date();
      return now.getTime() - context.registeredAt.getTime() <= (context.redirectDays ?? 7) * DAY_MS;
    }
    case RequestDocuments:
      return !context.unidentified;
    // A proposal waits for its decision: the sign-off of an answer and the answer itself wait with it.
    case Approve:
    case Answer:
    case ReturnAnswer:
      return pending === null;
    case ApproveProposal:
    case ReturnProposal:
      return pending !== null;
    // One proposal at a time; an extension is proposed only while one is still possible.
    case ProposeTermination:
    case ProposeNoAnswer:
      return pending === null;
    case ProposeExtension:
      return pending === null && !context.extended;
    // Only what a citizen's low rating with a comment put on the list, once.
    case RecordReview:
      return context.rereview === true;
    // Once: an appeal already overseen above is not escalated again.
    case Escalate:
      return context.escalated !== true;
    case Take:
    case Assign:
    case SendForApproval:
    case NoAnswerRequired:
    case TerminateCorrespondence:
    case Reopen:
    case Reclassify:
      return true;
    default:
      return unknownValue(action);
  }
}

export function allowedStaffActions(status: AppealStatus, context: StaffActionContext = {}): StaffAction[] {
  return STAFF_ACTIONS.filter((a) => staffActionAllowed(a, status, context));
}

/** The status after a staff action (`result` is required for `answer`); throws when not allowed. */
export function nextStatusForStaff(action: StaffAction, status: AppealStatus, context: StaffActionContext = {}, result?: AnswerResult): AppealStatus {
  if (!staffActionAllowed(action, status, context)) throw new StaffActionNotAllowedError(action, status);
  switch (action) {
    case Take:
      return AppealStatus.InProgress;
    case Assign:
      return status === AppealStatus.Registered ? AppealStatus.InProgress : status;
    case RequestDocuments:
      return AppealStatus.AwaitingCitizen;
    case SendForApproval:
      return AppealStatus.AwaitingApproval;
    case Approve:
      return AppealStatus.InProgress;
    // Redirected to another department: registered again there, waiting to be taken.
    case Redirect:
      return AppealStatus.Registered;
    case Extend:
      return status;
    // 59-ФЗ: registered, the citizen told, no answer on the merits — the appeal ends.
    case NoAnswerRequired:
    case TerminateCorrespondence:
      return AppealStatus.Closed;
    case Reopen:
      return AppealStatus.InProgress;
    case Answer:
      return statusAfterAnswer(result);
    // Proposed: the decision is the supervisor's; the appeal waits for it.
    case ProposeTermination:
    case ProposeExtension:
    case ProposeNoAnswer:
      return AppealStatus.AwaitingApproval;
    // Approved: what the proposed action does, from where the operator proposed it — back to work for an extension.
    case ApproveProposal:
      return statusAfterApprovedProposal(context.pendingProposal!);
    // Returned with a remark: back to work.
    case ReturnProposal:
    case ReturnAnswer:
      return AppealStatus.InProgress;
    // The status stays unless the outcome reopens it (the handler decides from the body).
    case RecordReview:
      return status;
    // The status stays: the parent department oversees the appeal, its handlers keep it.
    case Escalate:
      return status;
    // Only the category and the priority change.
    case Reclassify:
      return status;
    default:
      return unknownValue(action);
  }
}

function statusAfterApprovedProposal(proposed: ProposableAction): AppealStatus {
  switch (proposed) {
    case TerminateCorrespondence:
    case NoAnswerRequired:
      return AppealStatus.Closed;
    case Extend:
      return AppealStatus.InProgress;
    default:
      return unknownValue(proposed);
  }
}

function statusAfterAnswer(result: AnswerResult | undefined): AppealStatus {
  switch (result) {
    case AnswerResult.Done:
      return AppealStatus.Resolved;
    case AnswerResult.Refused:
      return AppealStatus.Rejected;
    case AnswerResult.ClarificationNeeded:
      return AppealStatus.AwaitingCitizen;
    case undefined:
      throw new Error('An answer needs a result');
    default:
      return unknownValue(result);
  }
}

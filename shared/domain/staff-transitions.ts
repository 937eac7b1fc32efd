import { APPEAL_STATUSES, AppealStatus } from './appeal-status';

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
}

export const STAFF_ACTIONS: readonly StaffAction[] = Object.values(StaffAction);

/** Result of a structured answer (DOMAIN.md «Answers»). */
export enum AnswerResult {
  Done = 'done',
  Refused = 'refused',
  ClarificationNeeded = 'clarification_needed',
}

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

const { Take, Assign, RequestDocuments, SendForApproval, Approve, Redirect, Extend, NoAnswerRequired, TerminateCorrespondence, Reopen, Answer } =
  StaffAction;

function unknownValue(value: never): never {
  throw new Error(`Unknown value: ${String(value)}`);
}

/** The status-only part of the rules: which actions a status admits at all. */
function actionsIn(status: AppealStatus): readonly StaffAction[] {
  switch (status) {
    case AppealStatus.Draft:
      return [];
    case AppealStatus.Registered:
      return [Take, Assign, Redirect, Extend, NoAnswerRequired, TerminateCorrespondence];
    case AppealStatus.InProgress:
      return [Assign, RequestDocuments, SendForApproval, Redirect, Extend, NoAnswerRequired, TerminateCorrespondence, Answer];
    case AppealStatus.AwaitingApproval:
      return [Assign, Approve, Extend, Answer];
    // The clock is paused while the citizen is asked for documents; the answer waits for them.
    case AppealStatus.AwaitingCitizen:
      return [Assign, Extend];
    case AppealStatus.Resolved:
    case AppealStatus.Rejected:
    case AppealStatus.Closed:
      return [Reopen];
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

/** Whether staff may perform `action` now: the status table, then the guards of the context. */
export function staffActionAllowed(action: StaffAction, status: AppealStatus, context: StaffActionContext = {}): boolean {
  if (!STAFF_ACTION_TABLE[status].includes(action)) return false;
  switch (action) {
    case Extend:
      return !context.extended;
    case Redirect: {
      if (!context.registeredAt) return true;
      const now = context.now ?? new Date();
      return now.getTime() - context.registeredAt.getTime() <= (context.redirectDays ?? 7) * DAY_MS;
    }
    case RequestDocuments:
      return !context.unidentified;
    case Take:
    case Assign:
    case SendForApproval:
    case Approve:
    case NoAnswerRequired:
    case TerminateCorrespondence:
    case Reopen:
    case Answer:
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
    default:
      return unknownValue(action);
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

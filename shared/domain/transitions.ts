import { APPEAL_STATUSES, AppealStatus } from './appeal-status';
import { AppealType } from './appeal-type';

/** What a citizen can do to their own appeal (DOMAIN.md «Citizen actions»), as API values. */
export enum CitizenAction {
  Submit = 'submit',
  Edit = 'edit',
  Withdraw = 'withdraw',
  Close = 'close',
  MarkImportant = 'mark-important',
  UnmarkImportant = 'unmark-important',
  /** «Запросить уточнение»: the answer is unclear → back to in_progress. */
  RequestClarification = 'request-clarification',
  /** Reopen an answered question (the problem is back). */
  Reopen = 'reopen',
  /** «Оспорить решение»: a linked decision_appeal, within 30 calendar days of the answer. */
  Dispute = 'dispute',
  /** «Повторить заявку»: re-file a rejected appeal as a new one linked to it. */
  Resubmit = 'resubmit',
  /** «Обращение к руководству»: after two unsuccessful rounds, or when overdue. */
  Escalate = 'escalate',
  /** Rate the answer 1–5 (POST /appeals/{id}/rating). */
  Rate = 'rate',
  /** «Добавить материалы» (POST /appeals/{id}/materials): from awaiting_citizen back to in_progress. */
  AddMaterials = 'add-materials',
}

export const CITIZEN_ACTIONS: readonly CitizenAction[] = Object.values(CitizenAction);

/** Facts beside the status that some citizen actions depend on. */
export interface CitizenActionContext {
  type?: AppealType;
  /** When the current answer was given (null/undefined: never answered). */
  answeredAt?: Date | null;
  now?: Date;
  /** Clarification requests, reopenings and disputes after answers so far. */
  unsuccessfulRounds?: number;
  overdue?: boolean;
  escalated?: boolean;
  /** The answer was already rated. */
  rated?: boolean;
}

/** Days after the answer during which a decision may be disputed (DOMAIN.md). */
export const DISPUTE_WINDOW_DAYS = 30;
/** Unsuccessful rounds after which the citizen may turn to management. */
export const ESCALATION_ROUNDS = 2;

/** Thrown by `nextStatus` for an action the status does not allow. */
export class CitizenActionNotAllowedError extends Error {
  readonly code = 'CITIZEN_ACTION_NOT_ALLOWED';

  constructor(
    readonly action: CitizenAction,
    readonly status: AppealStatus,
  ) {
    super(`A citizen cannot ${action} an appeal in status ${status}`);
    this.name = 'CitizenActionNotAllowedError';
  }
}

const {
  Submit,
  Edit,
  Withdraw,
  Close,
  MarkImportant,
  UnmarkImportant,
  RequestClarification,
  Reopen,
  Dispute,
  Resubmit,
  Escalate,
  Rate,
  AddMaterials,
} = CitizenAction;
const IMPORTANCE = [MarkImportant, UnmarkImportant];

/** The status-only part of the rules. */
function actionsIn(status: AppealStatus): readonly CitizenAction[] {
  switch (status) {
    case AppealStatus.Draft:
      return [Submit, Edit];
    case AppealStatus.Registered:
      return [Edit, Withdraw, Close, AddMaterials, Escalate, ...IMPORTANCE];
    // Withdrawal is only possible before an answer.
    case AppealStatus.InProgress:
    case AppealStatus.AwaitingApproval:
    case AppealStatus.AwaitingCitizen:
      return [Withdraw, Close, AddMaterials, Escalate, ...IMPORTANCE];
    case AppealStatus.Resolved:
      return [Close, RequestClarification, Reopen, Dispute, Escalate, Rate, ...IMPORTANCE];
    case AppealStatus.Rejected:
      return [Close, RequestClarification, Dispute, Resubmit, Escalate, Rate, ...IMPORTANCE];
    case AppealStatus.Closed:
      return [Reopen, Dispute, Resubmit, Rate, ...IMPORTANCE];
    case AppealStatus.Withdrawn:
      return IMPORTANCE;
    default:
      return unknownValue(status);
  }
}

/** The citizen-side transition table: status → the actions it admits (before context guards). */
export const CITIZEN_ACTION_TABLE: Readonly<Record<AppealStatus, readonly CitizenAction[]>> = Object.fromEntries(
  APPEAL_STATUSES.map((status) => [status, actionsIn(status)]),
) as Record<AppealStatus, readonly CitizenAction[]>;

const DAY_MS = 86_400_000;

/**
 * Whether the citizen may perform `action` now: the status table, then the guards of the
 * context. Without a context only the status is checked (actions that need an answer are
 * refused, since nothing says there is one).
 */
export function citizenActionAllowed(action: CitizenAction, status: AppealStatus, context: CitizenActionContext = {}): boolean {
  if (!CITIZEN_ACTION_TABLE[status].includes(action)) return false;
  const answered = Boolean(context.answeredAt);
  switch (action) {
    case Submit:
    case Edit:
    case Withdraw:
    case Close:
    case MarkImportant:
    case UnmarkImportant:
    case AddMaterials:
      return true;
    case RequestClarification:
      return answered;
    // Reopening is for questions: a complaint's answer is disputed, not reopened.
    case Reopen:
      return answered && context.type === AppealType.Question;
    case Dispute: {
      if (!context.answeredAt || context.type === AppealType.DecisionAppeal) return false;
      const now = context.now ?? new Date();
      return now.getTime() - context.answeredAt.getTime() <= DISPUTE_WINDOW_DAYS * DAY_MS;
    }
    case Resubmit:
      return answered;
    case Escalate:
      return !context.escalated && (Boolean(context.overdue) || (context.unsuccessfulRounds ?? 0) >= ESCALATION_ROUNDS);
    case Rate:
      return answered && !context.rated;
    default:
      return unknownValue(action);
  }
}

export function allowedCitizenActions(status: AppealStatus, context: CitizenActionContext = {}): CitizenAction[] {
  return CITIZEN_ACTIONS.filter((a) => citizenActionAllowed(a, status, context));
}

/**
 * The status after `action`; throws CitizenActionNotAllowedError when the action is not allowed.
 * Dispute and resubmit create a new linked appeal and leave this one as it is.
 */
export function nextStatus(action: CitizenAction, status: AppealStatus, context: CitizenActionContext = {}): AppealStatus {
  if (!citizenActionAllowed(action, status, context)) throw new CitizenActionNotAllowedError(action, status);
  switch (action) {
    case Submit:
      return AppealStatus.Registered;
    case Withdraw:
      return AppealStatus.Withdrawn;
    case Close:
      return AppealStatus.Closed;
    case RequestClarification:
    case Reopen:
      return AppealStatus.InProgress;
    case AddMaterials:
      return status === AppealStatus.AwaitingCitizen ? AppealStatus.InProgress : status;
    case Edit:
    case MarkImportant:
    case UnmarkImportant:
    case Dispute:
    case Resubmit:
    case Escalate:
    case Rate:
      return status;
    default:
      return unknownValue(action);
  }
}

/** Whether an action counts as an unsuccessful round of the answer (towards «Обращение к руководству»). */
export function isUnsuccessfulRound(action: CitizenAction): boolean {
  return action === RequestClarification || action === Reopen || action === Dispute;
}

function unknownValue(value: never): never {
  throw new Error(`Unhandled value: ${String(value)}`);
}

import { APPEAL_STATUSES, AppealStatus } from './appeal-status';

/** What a citizen can do to their own appeal (DOMAIN.md «Citizen actions»), as API values. */
export enum CitizenAction {
  Submit = 'submit',
  Edit = 'edit',
  Withdraw = 'withdraw',
  Close = 'close',
  MarkImportant = 'mark-important',
  UnmarkImportant = 'unmark-important',
}

export const CITIZEN_ACTIONS: readonly CitizenAction[] = Object.values(CitizenAction);

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

const { Submit, Edit, Withdraw, Close, MarkImportant, UnmarkImportant } = CitizenAction;
const IMPORTANCE = [MarkImportant, UnmarkImportant];

function actionsIn(status: AppealStatus): readonly CitizenAction[] {
  switch (status) {
    case AppealStatus.Draft:
      return [Submit, Edit];
    case AppealStatus.Registered:
      return [Edit, Withdraw, Close, ...IMPORTANCE];
    // Withdrawal is only possible before an answer.
    case AppealStatus.InProgress:
    case AppealStatus.AwaitingApproval:
    case AppealStatus.AwaitingCitizen:
      return [Withdraw, Close, ...IMPORTANCE];
    case AppealStatus.Resolved:
    case AppealStatus.Rejected:
      return [Close, ...IMPORTANCE];
    case AppealStatus.Closed:
    case AppealStatus.Withdrawn:
      return IMPORTANCE;
    default:
      return unknownValue(status);
  }
}

/** The citizen-side transition table: status → the actions it allows. */
export const CITIZEN_ACTION_TABLE: Readonly<Record<AppealStatus, readonly CitizenAction[]>> = Object.fromEntries(
  APPEAL_STATUSES.map((status) => [status, actionsIn(status)]),
) as Record<AppealStatus, readonly CitizenAction[]>;

export function citizenActionAllowed(action: CitizenAction, status: AppealStatus): boolean {
  return CITIZEN_ACTION_TABLE[status].includes(action);
}

export function allowedCitizenActions(status: AppealStatus): CitizenAction[] {
  return [...CITIZEN_ACTION_TABLE[status]];
}

/** The status after `action`; throws CitizenActionNotAllowedError when the action is not allowed. */
export function nextStatus(action: CitizenAction, status: AppealStatus): AppealStatus {
  if (!citizenActionAllowed(action, status)) throw new CitizenActionNotAllowedError(action, status);
  switch (action) {
    case CitizenAction.Submit:
      return AppealStatus.Registered;
    case CitizenAction.Withdraw:
      return AppealStatus.Withdrawn;
    case CitizenAction.Close:
      return AppealStatus.Closed;
    case CitizenAction.Edit:
    case CitizenAction.MarkImportant:
    case CitizenAction.UnmarkImportant:
      return status;
    default:
      return unknownValue(action);
  }
}

function unknownValue(value: never): never {
  throw new Error(`Unhandled value: ${String(value)}`);
}

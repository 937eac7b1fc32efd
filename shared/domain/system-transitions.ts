import { APPEAL_STATUSES, AppealStatus, SLA_RUNNING_STATUSES } from './appeal-status';
import { HistoryEvent } from './history-event';

/** What the deadline scheduler does to an appeal on its own (DOMAIN.md «Deadlines»). */
export enum SystemAction {
  /** The deadline passed while it ran: flagged overdue and escalated to the department above (status unchanged). */
  MarkOverdue = 'mark-overdue',
  /** Answered and left alone by the citizen for AUTO_CLOSE_DAYS: closed. */
  AutoClose = 'auto-close',
}

/** The history events each system action writes, in order (overdue is also an escalation). */
export const SYSTEM_ACTION_EVENTS: Readonly<Record<SystemAction, readonly HistoryEvent[]>> = {
  [SystemAction.MarkOverdue]: [HistoryEvent.Overdue, HistoryEvent.Escalated],
  [SystemAction.AutoClose]: [HistoryEvent.AutoClosed],
};

function actionsIn(status: AppealStatus): readonly SystemAction[] {
  const actions: SystemAction[] = [];
  if (SLA_RUNNING_STATUSES.includes(status)) actions.push(SystemAction.MarkOverdue);
  if (status === AppealStatus.Resolved || status === AppealStatus.Rejected) actions.push(SystemAction.AutoClose);
  return actions;
}

/** The system side of the transition table: status → the scheduler's actions it admits. */
export const SYSTEM_ACTION_TABLE: Readonly<Record<AppealStatus, readonly SystemAction[]>> = Object.fromEntries(
  APPEAL_STATUSES.map((status) => [status, actionsIn(status)]),
) as Record<AppealStatus, readonly SystemAction[]>;

/** The statuses a system action applies in (what the scheduler's set-based statements select). */
export function statusesAdmitting(action: SystemAction): AppealStatus[] {
  return APPEAL_STATUSES.filter((s) => SYSTEM_ACTION_TABLE[s].includes(action));
}

/** The status after a system action; throws when the status does not admit it. */
export function nextStatusForSystem(action: SystemAction, status: AppealStatus): AppealStatus {
  if (!SYSTEM_ACTION_TABLE[status].includes(action)) throw new Error(`The system cannot ${action} an appeal in status ${status}`);
  switch (action) {
    case SystemAction.MarkOverdue:
      return status;
    case SystemAction.AutoClose:
      return AppealStatus.Closed;
    default: {
      const unknown: never = action;
      throw new Error(`Unhandled system action ${String(unknown)}`);
    }
  }
}

/** The one status a system action leads to from every status it admits (the set-based statements need one). */
export function systemActionTarget(action: SystemAction): AppealStatus | 'unchanged' {
  const targets = new Set(statusesAdmitting(action).map((s) => nextStatusForSystem(action, s)));
  if (statusesAdmitting(action).every((s) => nextStatusForSystem(action, s) === s)) return 'unchanged';
  if (targets.size !== 1) throw new Error(`${action} has no single target status`);
  return [...targets][0];
}

import { AppealStatus, HistoryEvent, Role, STAFF_ROLES } from '@otklik/shared/domain';
import { AppealStepPayload, DispatchedEvent, DomainEventType, StepEvent } from '../../outbox/domain-event';
import type { NoticeKind } from './notice-kinds';

/**
 * Who is told what of one event. `citizen`: the appeal's author (their account, or the contact
 * given with an appeal filed without one); `payload_recipients`: the staff the event names
 * (`payload.recipients`); `assignee`: the appeal's assignee (`payload.assigneeId` where the event
 * carries it, else the appeal's); `department_staff`: the active staff of the appeal's department;
 * `admins`: every active admin (security alerts of the audit module, disabled webhooks).
 */
export interface NoticeTarget {
  kind: NoticeKind;
  to: 'citizen' | 'payload_recipients' | 'assignee' | 'department_staff' | 'admins' | 'supervisors';
}

/**
 * The notices of a domain event, MOST SPECIFIC FIRST: a person reached by several targets of one
 * event (the assignee is also department staff) gets only the first that reaches them — one
 * notice per recipient per event. Nobody is told of an internal note or of what changes nothing
 * for them. Pure: the planner resolves the audiences to people and reads the facts.
 */
export function noticesOf(event: DispatchedEvent): NoticeTarget[] {
  switch (event.eventType) {
    case 'appeal.overdue':
      return [{ kind: 'overdue', to: 'payload_recipients' }];
    case 'appeal.deadline_approaching':
      return [{ kind: 'due_soon', to: 'payload_recipients' }];
    case 'appeal.first_reaction_overdue':
      return [{ kind: 'first_reaction_overdue', to: 'payload_recipients' }];
    case 'appeal.documents_due_soon':
      return [{ kind: 'documents_reminder', to: 'citizen' }];
    case 'appeal.file_infected':
      return [{ kind: 'infected_file', to: 'payload_recipients' }];
    case 'appeal.internal_note':
    case 'appeal.destroyed':
      return [];
    case 'audit.alert_raised':
      return [{ kind: 'security_alert', to: 'admins' }];
    case 'webhook.subscription_disabled':
      return [{ kind: 'webhook_disabled', to: 'admins' }];
    case 'mail.received':
      return [];
    case 'signal.recurring_problem':
      return [{ kind: 'recurring_problem', to: 'supervisors' }];
    case 'appeal.message': {
      const { authorRole, assigneeId } = event.payload;
      if (authorRole === (Role.Citizen as string)) return [{ kind: 'citizen_reply', to: assigneeId === null ? 'department_staff' : 'assignee' }];
      return STAFF_ROLES.includes(authorRole as Role) ? [{ kind: 'staff_reply', to: 'citizen' }] : [];
    }
    default:
      return isStepEvent(event.eventType) ? stepNotices(stepOf(event.eventType), event.payload) : [];
  }
}

/** The history event of a step event type (`appeal.taken` → taken). */
function stepOf(eventType: `appeal.${StepEvent}`): StepEvent {
  return eventType.slice('appeal.'.length) as StepEvent;
}

const STEP_EVENTS = new Set<string>(Object.values(HistoryEvent).filter((e) => e !== HistoryEvent.Overdue));

function isStepEvent(eventType: DomainEventType): eventType is `appeal.${StepEvent}` {
  return eventType.startsWith('appeal.') && STEP_EVENTS.has(eventType.slice('appeal.'.length));
}

/** Answered statuses: closing one of them asks for a rating. */
const ANSWERED: readonly string[] = [AppealStatus.Resolved, AppealStatus.Rejected];

/** A rating below this tells the assignee. */
export const LOW_RATING_BELOW = 3;

function stepNotices(step: StepEvent, p: AppealStepPayload): NoticeTarget[] {
  const targets: NoticeTarget[] = [];
  const citizen = citizenKind(step, p);
  if (citizen) targets.push({ kind: citizen, to: 'citizen' });
  targets.push(...staffTargets(step, p));
  return targets;
}

/** The one thing the citizen hears of a step: its own kind, else the status change, else nothing. */
function citizenKind(step: StepEvent, p: AppealStepPayload): NoticeKind | null {
  const changed = p.from !== null && p.from !== p.to;
  switch (step) {
    case HistoryEvent.Submitted:
      return 'registered';
    case HistoryEvent.DocumentsRequested:
      return 'documents_requested';
    case HistoryEvent.Extended:
      return 'extended';
    case HistoryEvent.Redirected:
      return 'redirected';
    case HistoryEvent.NoAnswerRequired:
    case HistoryEvent.CorrespondenceTerminated:
      return 'law_notice';
    case HistoryEvent.Answered:
      return 'answer_ready';
    // Closed after an answer: the answer may be rated. Closed before one (the citizen's own «Завершить»): a status change.
    case HistoryEvent.Closed:
    case HistoryEvent.AutoClosed:
      return p.from !== null && ANSWERED.includes(p.from) ? 'rating_requested' : changed ? 'status_changed' : null;
    // A supervisor reopening an answered appeal is the outcome of a re-review (a low rating, the
    // citizen's escalation to management): the only step such a decision writes.
    case HistoryEvent.Reopened:
      return p.actorRole === (Role.Supervisor as string) ? 'review_outcome' : 'status_changed';
    case HistoryEvent.Reviewed:
      return 'review_outcome';
    // A draft is the citizen's own and has no number yet.
    case HistoryEvent.Created:
      return null;
    case HistoryEvent.Rechecked:
    case HistoryEvent.Withdrawn:
    case HistoryEvent.MarkedImportant:
    case HistoryEvent.UnmarkedImportant:
    case HistoryEvent.Taken:
    case HistoryEvent.Assigned:
    case HistoryEvent.SentForApproval:
    case HistoryEvent.Approved:
    case HistoryEvent.ProposalMade:
    case HistoryEvent.ProposalReturned:
    case HistoryEvent.ClarificationRequested:
    case HistoryEvent.Disputed:
    case HistoryEvent.Resubmitted:
    case HistoryEvent.Escalated:
    case HistoryEvent.Rated:
    case HistoryEvent.MaterialsAdded:
    case HistoryEvent.Merged:
    case HistoryEvent.AnswerPrinted: // staff bookkeeping, the status stays: the citizen hears of the letter itself
    case HistoryEvent.Reclassified: // the category or priority changed: the status and the term stay
      return changed ? 'status_changed' : null;
    default: {
      const unknown: never = step;
      throw new Error(`Unhandled step ${String(unknown)}`);
    }
  }
}

/** What staff hear of a step, most specific first. */
function staffTargets(step: StepEvent, p: AppealStepPayload): NoticeTarget[] {
  // assigneeId: a user, null (nobody: the department hears instead), or absent (an event journaled
  // before the field existed: the planner reads the appeal's assignee).
  const assigneeOrDepartment: NoticeTarget['to'] = p.assigneeId === null ? 'department_staff' : 'assignee';
  // Assigned by someone else (taking it oneself tells nobody).
  const assigned = typeof p.assigneeId === 'string' && p.assigneeId !== p.actorId ? [{ kind: 'assigned' as const, to: 'assignee' as const }] : [];
  const queued = p.departmentId ? [{ kind: 'queue_new' as const, to: 'department_staff' as const }] : [];
  switch (step) {
    // A new appeal in a department's queue (filed, or redirected there); an auto-assignee hears of the assignment first.
    case HistoryEvent.Submitted:
    case HistoryEvent.Redirected:
      return [...assigned, ...queued];
    case HistoryEvent.Assigned:
      // An older event without the assignee: the planner reads the appeal's.
      return p.assigneeId === undefined ? [{ kind: 'assigned', to: 'assignee' }] : assigned;
    case HistoryEvent.MaterialsAdded:
    case HistoryEvent.ClarificationRequested:
    case HistoryEvent.Disputed:
      return [{ kind: 'citizen_reply', to: assigneeOrDepartment }];
    case HistoryEvent.Rated:
      return p.score !== undefined && p.score < LOW_RATING_BELOW ? [{ kind: 'low_rating', to: assigneeOrDepartment }] : [];
    case HistoryEvent.ProposalMade:
      return [{ kind: 'approval_requested', to: 'payload_recipients' }];
    case HistoryEvent.ProposalReturned:
      return [{ kind: 'approval_returned', to: 'assignee' }];
    // The citizen's «Эскалация» or the staff action escalate: the heads of the department it went to,
    // named by the step (the overdue tick escalates within its own `appeal.overdue`, told as overdue).
    case HistoryEvent.Escalated:
      return [{ kind: 'escalated_to_department', to: 'payload_recipients' }];
    case HistoryEvent.Created:
    case HistoryEvent.Rechecked:
    case HistoryEvent.Withdrawn:
    case HistoryEvent.Closed:
    case HistoryEvent.MarkedImportant:
    case HistoryEvent.UnmarkedImportant:
    case HistoryEvent.Taken:
    case HistoryEvent.DocumentsRequested:
    case HistoryEvent.SentForApproval:
    case HistoryEvent.Approved:
    case HistoryEvent.Extended:
    case HistoryEvent.NoAnswerRequired:
    case HistoryEvent.CorrespondenceTerminated:
    case HistoryEvent.Reopened:
    case HistoryEvent.Reviewed:
    case HistoryEvent.Answered:
    case HistoryEvent.Resubmitted:
    case HistoryEvent.AutoClosed:
    case HistoryEvent.Merged:
    case HistoryEvent.AnswerPrinted:
    case HistoryEvent.Reclassified:
      return [];
    default: {
      const unknown: never = step;
      throw new Error(`Unhandled step ${String(unknown)}`);
    }
  }
}

import { HistoryEvent } from '@otklik/shared/domain';

/**
 * Every domain event of Otklik, in one typed, versioned union: the event type, the payload it
 * carries, and the payload's version (bump it, and teach consumers both shapes, when a payload
 * changes incompatibly). Producers (AppealJournal, the SLA tick's set-based SQL, the thread) and
 * consumers (notifications, webhooks, later rollups) are typed against this file.
 */

/** One step of an appeal's course, as AppealJournal writes it beside the history row. */
export interface AppealStepPayload {
  appealId: string;
  number: string | number | null;
  citizenId: string | null;
  departmentId: string | null;
  type: string;
  from: string | null;
  to: string;
  actorId: string | null;
  actorRole: string;
  /** The thread message that tells the citizen of this step (quoted to authors without a cabinet). */
  noticeMessageId?: string;
  /** Staff the step concerns (e.g. the supervisors who decide a proposal). */
  recipients?: string[];
  /**
   * The assignee after the step (null: nobody), as AppealJournal writes it: who is told of an
   * assignment, a citizen's reply, a low rating. Absent in events written before it was added.
   */
  assigneeId?: string | null;
  /** `appeal.rated`: the score 1–5 (a low one tells the assignee). */
  score?: number;
  /** The step's reason, as its history row shows it. */
  comment?: string;
  /** The reason alone where the comment says more (notices quote it before the comment). */
  reason?: string;
}

/** The scheduler found the deadline passed; the appeal is escalated and the department heads are told. */
export interface AppealOverduePayload extends AppealStepPayload {
  dueAt: string;
  overdueAt: string;
  assigneeId: string | null;
  /** Staff to tell: the department's supervisors, or the nearest ancestor's. */
  recipients: string[];
  headsDepartmentId: string | null;
  escalatedToDepartmentId: string | null;
}

/** The assignee is told once before the deadline. */
export interface DeadlineApproachingPayload {
  appealId: string;
  number: string | number | null;
  departmentId: string | null;
  type: string;
  status: string;
  dueAt: string;
  assigneeId: string | null;
  recipients: string[];
}

/** Nobody reacted within the first-reaction term. */
export interface FirstReactionOverduePayload {
  appealId: string;
  number: string | number | null;
  departmentId: string | null;
  type: string;
  status: string;
  firstResponseDueAt: string;
  assigneeId: string | null;
  recipients: string[];
  headsDepartmentId: string | null;
}

/** A message in an appeal's thread (internal notes are staff-only). */
export interface AppealMessagePayload {
  appealId: string;
  number: string | number | null;
  citizenId: string | null;
  messageId: string;
  authorRole: string;
  /** The appeal's department and assignee when it was written (who hears of a citizen's message); absent in older events. */
  departmentId?: string | null;
  assigneeId?: string | null;
}

/**
 * The citizen is reminded once, the working day before the date they were asked to bring
 * documents by (the SLA tick; awaiting_citizen only).
 */
export interface DocumentsDueSoonPayload {
  appealId: string;
  number: string | number | null;
  citizenId: string | null;
  departmentId: string | null;
  type: string;
  status: string;
  /** The date the documents are due by (YYYY-MM-DD, a Moscow day). */
  documentsDueOn: string;
}

/** A rescan found a file bound to an appeal infected; it stays blocked and staff are told. */
export interface FileInfectedPayload {
  appealId: string;
  number: string | number | null;
  attachmentId: string;
  fileName: string;
  departmentId: string | null;
  assigneeId: string | null;
  /** Staff to tell: the assignee, or the department's nearest supervisors when nobody is assigned. */
  recipients: string[];
}

/**
 * A suspicious-activity signal raised an alert (or locked an account with an open alert): admins
 * are told. Written by the audit module in the transaction of the audit row that tripped it.
 */
export interface AuditAlertRaisedPayload {
  alertId: string;
  kind: string;
  subjectUserId: string | null;
  subjectName: string | null;
  accountLocked: boolean;
}

/**
 * A webhook subscription was disabled after a run of failed deliveries: admins are told. Written
 * by the webhooks module in the transaction that disables it.
 */
export interface WebhookSubscriptionDisabledPayload {
  subscriptionId: string;
  name: string;
  /** The receiver's origin (scheme, host and port; no path or query, which may hold a token). */
  origin: string;
  failures: number;
  lastError: string | null;
}

/**
 * Retention destroyed an appeal's personal data (anonymised) or the appeal itself (deleted): the
 * reports forget it as the list does. Written set-based by the retention job in the statement
 * that destroys it; it carries no personal data.
 */
export interface AppealDestroyedPayload {
  appealId: string;
  number: string | number | null;
  mode: 'anonymised' | 'deleted';
  closedAt: string | null;
}

/**
 * A mail reached the intake SMTP listener and was stored (inbound_mails): the mail intake files it
 * as an appeal, a message in a thread, or answers the sender how to file. Written by the mail
 * intake module in the transaction that stores the mail.
 */
export interface MailReceivedPayload {
  mailId: string;
}

/**
 * Appeals of one category from many citizens in one area within a window (issue 18): supervisors
 * are told of a recurring problem. Written by the appeals module's recurring-problem watch in the
 * transaction that records the signal (once per category, area and window).
 */
export interface RecurringProblemPayload {
  signalId: string;
  categoryId: string;
  categoryName: string;
  /** The region given with the appeals (their extra field), null when they named none. */
  region: string | null;
  citizens: number;
  appeals: number;
  windowHours: number;
}

/** History events that are written by AppealJournal with the step payload. */
export type StepEvent = Exclude<HistoryEvent, HistoryEvent.Overdue>;

export type DomainEventPayloads = { [E in StepEvent as `appeal.${E}`]: AppealStepPayload } & {
  'appeal.overdue': AppealOverduePayload;
  'appeal.deadline_approaching': DeadlineApproachingPayload;
  'appeal.first_reaction_overdue': FirstReactionOverduePayload;
  'appeal.message': AppealMessagePayload;
  'appeal.internal_note': AppealMessagePayload;
  'appeal.documents_due_soon': DocumentsDueSoonPayload;
  'appeal.file_infected': FileInfectedPayload;
  'appeal.destroyed': AppealDestroyedPayload;
  'audit.alert_raised': AuditAlertRaisedPayload;
  'webhook.subscription_disabled': WebhookSubscriptionDisabledPayload;
  'mail.received': MailReceivedPayload;
  'signal.recurring_problem': RecurringProblemPayload;
};

export type DomainEventType = keyof DomainEventPayloads;

/** The current payload version of each event type; the runtime list of known types. */
export const DOMAIN_EVENT_VERSIONS: Readonly<Record<DomainEventType, number>> = {
  ...(Object.fromEntries(
    Object.values(HistoryEvent)
      .filter((e) => e !== HistoryEvent.Overdue)
      .map((e) => [`appeal.${e}`, 1]),
  ) as Record<`appeal.${StepEvent}`, number>),
  'appeal.overdue': 1,
  'appeal.deadline_approaching': 1,
  'appeal.first_reaction_overdue': 1,
  'appeal.message': 1,
  'appeal.internal_note': 1,
  'appeal.documents_due_soon': 1,
  'appeal.file_infected': 1,
  'appeal.destroyed': 1,
  'audit.alert_raised': 1,
  'webhook.subscription_disabled': 1,
  'mail.received': 1,
  'signal.recurring_problem': 1,
};

export const DOMAIN_EVENT_TYPES = Object.keys(DOMAIN_EVENT_VERSIONS) as DomainEventType[];

export function isDomainEventType(value: string): value is DomainEventType {
  return Object.prototype.hasOwnProperty.call(DOMAIN_EVENT_VERSIONS, value);
}

/** A fact other modules react to, as a producer writes it. */
export type DomainEvent<T extends DomainEventType = DomainEventType> = {
  [K in T]: { eventType: K; aggregateType: AggregateOf<K>; aggregateId: string; payload: DomainEventPayloads[K] };
}[T];

/** What an event is about: an appeal, except the audit module's alerts and the webhook subscriptions. */
export type AggregateOf<K extends DomainEventType> = K extends `audit.${string}`
  ? 'audit_alert'
  : K extends `webhook.${string}`
    ? 'webhook_subscription'
    : K extends `mail.${string}`
      ? 'inbound_mail'
      : K extends `signal.${string}`
        ? 'recurring_signal'
        : 'appeal';

/** Any step of an appeal as AppealJournal writes it (one shape for every step event type). */
export interface AppealStepEvent {
  eventType: `appeal.${StepEvent}`;
  aggregateType: 'appeal';
  aggregateId: string;
  payload: AppealStepPayload;
}

/** A domain event as it leaves the outbox: its outbox id is the idempotency key of every consumer. */
export type DispatchedEvent<T extends DomainEventType = DomainEventType> = DomainEvent<T> & {
  id: string;
  version: number;
  createdAt: string;
};

export const DOMAIN_EVENTS_QUEUE = 'domain-events';

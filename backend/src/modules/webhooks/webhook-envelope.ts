import type { AppealRouting } from '../appeals/appeal-facts.repository';
import { DOMAIN_EVENT_TYPES, DispatchedEvent, DomainEventType } from '../outbox/domain-event';

/**
 * The event types a subscription may choose: every domain event but the staff-only internal note
 * (its existence is internal to the body) and the webhooks module's own notice to admins.
 */
export const WEBHOOK_EVENT_TYPES: readonly DomainEventType[] = DOMAIN_EVENT_TYPES.filter((t) => t !== 'appeal.internal_note' && t !== 'webhook.subscription_disabled' && t !== 'mail.received');

/** The envelope's own version: bumped when the envelope (not an event's data) changes shape. */
export const ENVELOPE_VERSION = 1;

/** `send test event`: the type of the body a test delivery carries. */
export const TEST_EVENT_TYPE = 'webhook.test';

/**
 * The JSON body of a delivery: `type` (the domain event type), `version` (the event payload's
 * version), `id` (the webhook-id: stable across attempts and replays), `timestamp` (when the event
 * happened, ISO 8601) and `data`.
 */
export interface WebhookEnvelope {
  type: string;
  version: number;
  id: string;
  timestamp: string;
  data: Record<string, unknown>;
}

/**
 * What a receiver learns of an event: identifiers, numbers, statuses, dates and roles — never a
 * citizen's name, contacts, texts (subject, message, comment, answer), an attachment's file name
 * or who on the staff acted (only their role). A receiver that needs more reads the REST API with
 * its own credentials, where access is checked and logged (152-ФЗ). `appeal` is the appeal's
 * routing as it is now (null for an event of no appeal, or an appeal already destroyed).
 */
export function webhookData(event: DispatchedEvent, appeal: AppealRouting | null): Record<string, unknown> {
  const where = appeal
    ? { number: appeal.number, appealType: appeal.type, status: appeal.status, departmentId: appeal.departmentId, categoryId: appeal.categoryId, subcategoryId: appeal.subcategoryId }
    : {};
  switch (event.eventType) {
    case 'audit.alert_raised':
      return { alertId: event.payload.alertId, kind: event.payload.kind, accountLocked: event.payload.accountLocked };
    case 'webhook.subscription_disabled':
      return { subscriptionId: event.payload.subscriptionId, failures: event.payload.failures };
    // Internal to the mail intake: never offered to webhooks (WEBHOOK_EVENT_TYPES).
    case 'mail.received':
      return {};
    case 'signal.recurring_problem':
      return { signalId: event.payload.signalId, categoryId: event.payload.categoryId, region: event.payload.region, citizens: event.payload.citizens, appeals: event.payload.appeals, windowHours: event.payload.windowHours };
    case 'appeal.overdue': {
      const p = event.payload;
      return { appealId: event.aggregateId, ...where, dueAt: p.dueAt, overdueAt: p.overdueAt, escalatedToDepartmentId: p.escalatedToDepartmentId };
    }
    case 'appeal.deadline_approaching':
      return { appealId: event.aggregateId, ...where, dueAt: event.payload.dueAt };
    case 'appeal.first_reaction_overdue':
      return { appealId: event.aggregateId, ...where, firstResponseDueAt: event.payload.firstResponseDueAt };
    case 'appeal.documents_due_soon':
      return { appealId: event.aggregateId, ...where, documentsDueOn: event.payload.documentsDueOn };
    case 'appeal.file_infected':
      return { appealId: event.aggregateId, ...where, attachmentId: event.payload.attachmentId };
    case 'appeal.message':
    case 'appeal.internal_note':
      return { appealId: event.aggregateId, ...where, messageId: event.payload.messageId, authorRole: event.payload.authorRole };
    // Retention: the receiver should drop (or anonymise) its copy too.
    case 'appeal.destroyed':
      return { appealId: event.aggregateId, number: event.payload.number, ...where, mode: event.payload.mode };
    default: {
      // A step of the appeal's course (AppealJournal's payload).
      const p = event.payload;
      return { appealId: event.aggregateId, ...where, from: p.from, to: p.to, actorRole: p.actorRole, ...(p.score !== undefined ? { score: p.score } : {}) };
    }
  }
}

/** The department and category an event concerns, for the subscription's filters (the appeal's, as it is now). */
export function filterFacts(event: DispatchedEvent, appeal: AppealRouting | null): { departmentIds: string[]; categoryIds: string[] } {
  const payloadDepartment = (event.payload as { departmentId?: string | null }).departmentId ?? null;
  const departmentIds = [appeal?.departmentId ?? payloadDepartment].filter((d): d is string => !!d);
  const categoryIds = [appeal?.categoryId, appeal?.subcategoryId].filter((c): c is string => !!c);
  return { departmentIds, categoryIds };
}

/** A subscription's filters: each non-empty list must match one of the event's values. */
export function matchesFilters(filters: { departmentIds: readonly string[]; categoryIds: readonly string[] }, facts: { departmentIds: string[]; categoryIds: string[] }): boolean {
  if (filters.departmentIds.length && !facts.departmentIds.some((d) => filters.departmentIds.includes(d))) return false;
  if (filters.categoryIds.length && !facts.categoryIds.some((c) => filters.categoryIds.includes(c))) return false;
  return true;
}

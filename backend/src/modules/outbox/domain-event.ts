/** A fact other modules react to (notifications, SLA timers, rollups). */
export interface DomainEvent {
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, any>;
}

/** A domain event as it leaves the outbox: its outbox id is the idempotency key of every job. */
export interface DispatchedEvent extends DomainEvent {
  id: string;
  createdAt: string;
}

export type DomainEventHandler = (event: DispatchedEvent) => Promise<void>;

export const DOMAIN_EVENTS_QUEUE = 'domain-events';

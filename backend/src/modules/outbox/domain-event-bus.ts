import { Injectable, Logger } from '@nestjs/common';
import { Counter } from 'prom-client';
import { DispatchedEvent, DomainEventHandler } from './domain-event';

const handled = new Counter({
  name: 'otklik_domain_events_handled_total',
  help: 'Domain events handed to their consumers, by type',
  labelNames: ['event_type'],
});

/** Consumers subscribe here by event type ('*' for all); every handler must be idempotent. */
@Injectable()
export class DomainEventBus {
  private readonly logger = new Logger(DomainEventBus.name);
  private readonly handlers = new Map<string, DomainEventHandler[]>();

  on(eventType: string, handler: DomainEventHandler): void {
    this.handlers.set(eventType, [...(this.handlers.get(eventType) ?? []), handler]);
  }

  async handle(event: DispatchedEvent): Promise<void> {
    for (const handler of [...(this.handlers.get(event.eventType) ?? []), ...(this.handlers.get('*') ?? [])]) {
      await handler(event);
    }
    handled.inc({ event_type: event.eventType });
    this.logger.debug({ eventId: event.id, eventType: event.eventType }, 'domain event handled');
  }
}

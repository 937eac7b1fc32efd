import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEvent } from './domain-event';
import { OutboxEvent } from './outbox-event.entity';

/** Writes domain events into the outbox inside the caller's transaction. */
@Injectable()
export class OutboxService {
  /** The INSERT of one event as SQL over `params`, for callers that batch several rows in one statement. */
  insertSql(params: unknown[], event: DomainEvent): string {
    const values = [event.eventType, event.aggregateType, event.aggregateId, JSON.stringify(event.payload)].map((v) => `$${params.push(v)}`);
    return `INSERT INTO outbox (event_type, aggregate_type, aggregate_id, payload) VALUES (${values.join(', ')})`;
  }

  async publish(manager: EntityManager, event: DomainEvent): Promise<void> {
    await manager.insert(OutboxEvent, {
      eventType: event.eventType,
      aggregateType: event.aggregateType,
      aggregateId: event.aggregateId,
      payload: event.payload,
    });
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEvent } from './domain-event';
import { OutboxEvent } from './outbox-event.entity';

/** Writes domain events into the outbox inside the caller's transaction. */
@Injectable()
export class OutboxService {
  async publish(manager: EntityManager, event: DomainEvent): Promise<void> {
    await manager.insert(OutboxEvent, {
      eventType: event.eventType,
      aggregateType: event.aggregateType,
      aggregateId: event.aggregateId,
      payload: event.payload,
    });
  }
}

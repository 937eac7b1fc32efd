import { Injectable } from '@nestjs/common';
import { DispatchedEvent, DomainEventType, isDomainEventType } from './domain-event';

/**
 * A consumer of domain events. `name` is stable (it keys the delivery records: renaming a
 * consumer orphans its pending deliveries). `handle` runs after the producing transaction
 * committed, outside the relay's transaction, in its own transaction(s); it must be idempotent:
 * delivery is at least once (a crash after its effect and before the delivery is marked done
 * runs it again).
 */
export interface EventConsumer<T extends DomainEventType = DomainEventType> {
  readonly name: string;
  readonly events: readonly T[];
  /**
   * For a consumer whose work depends on data (webhooks: only the types an enabled subscription
   * takes): a query, one text column, of the event types it has anything to do for. The relay
   * reads it in the statement that creates the deliveries, so in the same snapshot as the events
   * it claims: an event of another type gets no delivery for this consumer (no row to claim, run
   * and mark), and a change committed before an event (a new subscription) is seen by its relay
   * pass. The query belongs to the module that owns its tables.
   */
  readonly activeTypesQuery?: string;
  handle(event: DispatchedEvent<T>): Promise<void>;
  /**
   * Several events at once, all or nothing (the bookkeeping of a batch is amortised); when it
   * throws, each event is handled alone, so one bad event fails by itself.
   */
  handleBatch?(events: DispatchedEvent<T>[]): Promise<void>;
}

/**
 * The registry of consumers, filled by the modules at init. Registering an unknown event type or
 * a second consumer with the same name throws, so the process refuses to boot.
 */
@Injectable()
export class EventConsumers {
  private readonly byName = new Map<string, EventConsumer>();
  private readonly byType = new Map<string, string[]>();

  register<T extends DomainEventType>(consumer: EventConsumer<T>): void {
    if (!/^[a-z][a-z0-9._-]{0,62}$/.test(consumer.name)) throw new Error(`event consumer name "${consumer.name}" is not a stable identifier`);
    if (this.byName.has(consumer.name)) throw new Error(`two event consumers are named "${consumer.name}"`);
    for (const type of consumer.events) {
      if (!isDomainEventType(type)) throw new Error(`event consumer "${consumer.name}" subscribes to an unknown event type "${String(type)}"`);
    }
    this.byName.set(consumer.name, consumer);
    for (const type of new Set(consumer.events)) this.byType.set(type, [...(this.byType.get(type) ?? []), consumer.name]);
  }

  /** Names of the consumers of an event type (the relay creates one delivery for each). */
  of(eventType: string): readonly string[] {
    return this.byType.get(eventType) ?? [];
  }

  /**
   * Every (event type, consumer) pair as two parallel arrays: the relay joins its claimed events to
   * them in SQL; and the consumers that narrow their types by a query (`activeTypesQuery`).
   */
  routes(): { types: string[]; consumers: string[]; gated: { consumer: string; query: string }[] } {
    const types: string[] = [];
    const consumers: string[] = [];
    for (const [type, names] of this.byType) {
      for (const name of names) {
        types.push(type);
        consumers.push(name);
      }
    }
    const gated: { consumer: string; query: string }[] = [];
    for (const consumer of this.byName.values()) if (consumer.activeTypesQuery) gated.push({ consumer: consumer.name, query: consumer.activeTypesQuery });
    return { types, consumers, gated };
  }

  get(name: string): EventConsumer | undefined {
    return this.byName.get(name);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}

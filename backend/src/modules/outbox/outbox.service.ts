import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { AppealStepEvent, DOMAIN_EVENT_VERSIONS, DomainEvent, DomainEventPayloads, DomainEventType } from './domain-event';

/** Relayed outbox rows are kept this long for investigation, then removed. */
export const OUTBOX_RETENTION_DAYS = 7;

/**
 * The session setting a process sets on its pool when its own relay is woken in-process after
 * each commit that wrote events (the API): the outbox trigger then skips `pg_notify`, which
 * takes a cluster-wide lock at commit and serialises the commits of every producing
 * transaction. Other producers (the worker, the CLI, psql) keep notifying, so the relays
 * still wake at once for their events.
 */
export const OUTBOX_NOTIFY_SETTING = 'otklik.outbox_notify';

/** Whether this process runs the relay (the API, unless OUTBOX_RELAY=off). */
export function runsOutboxRelay(process_: 'api' | 'worker' | 'cli'): boolean {
  return process_ === 'api' && process.env.OUTBOX_RELAY !== 'off';
}

/** An event the relay claimed, as live views hear of it: its type, aggregate and the department named in its payload. */
export interface RelayedEvent {
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  departmentId: string | null;
}

/** SQL expressions, one per payload field, for producers that write events set-based. */
export type PayloadSql<T extends DomainEventType> = { [K in keyof DomainEventPayloads[T]]: string };

/**
 * The one writer of the outbox: domain events go in inside the caller's transaction, as a single
 * event (publish), as part of a bigger statement (insertSql), or set-based from a query
 * (insertSelectSql, the SLA tick). The type and version always come from the typed union.
 */
@Injectable()
export class OutboxService implements EntitySubscriberInterface {
  /** Transactions that wrote events and have not ended yet. */
  private readonly writing = new WeakSet<QueryRunner>();
  private wake?: () => void;

  constructor(@Optional() @InjectDataSource() dataSource?: DataSource) {
    // Transaction events come to every subscriber of the data source, whatever the entity.
    dataSource?.subscribers.push(this);
  }

  private readonly relayedListeners: ((events: RelayedEvent[]) => void)[] = [];

  /**
   * Live views (the staff queue) hear of events the relay of this process claimed, right after its
   * commit: best effort, in-process, no delivery record — what must happen goes to consumers.
   */
  onRelayed(listener: (events: RelayedEvent[]) => void): void {
    this.relayedListeners.push(listener);
  }

  /** Called by the relay after committing a claimed batch. */
  relayed(events: RelayedEvent[]): void {
    if (events.length === 0) return;
    for (const listener of this.relayedListeners) {
      try {
        listener(events);
      } catch {
        // a live view's failure never holds up the relay
      }
    }
  }

  /** The relay of this process asks to be woken when events this process wrote are committed. */
  onCommitted(wake: () => void): void {
    this.wake = wake;
  }

  /**
   * Tells the outbox that `manager` wrote events: the relay wakes when its transaction commits,
   * or at once when it ran outside one (the statement is already committed). Writers that run
   * the SQL of insertSql/insertSelectSql themselves call it after the statement.
   */
  written(manager?: EntityManager): void {
    const runner = manager?.queryRunner;
    if (runner?.isTransactionActive) this.writing.add(runner);
    else this.wake?.();
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A released savepoint also "commits"; the events are visible only once the outer one has.
    if (!event.queryRunner.isTransactionActive && this.writing.delete(event.queryRunner)) this.wake?.();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.writing.delete(event.queryRunner);
  }

  /**
   * Removes events relayed longer ago than the retention with their deliveries, once every
   * consumer is done with them: a pending delivery or a dead letter keeps its event (and so its
   * payload) until it is retried or resolved. At most 50,000 per call; returns how many went.
   */
  async purgeDelivered(manager: EntityManager): Promise<number> {
    const [row] = await manager.query<[{ n: number }]>(
      `WITH old AS (
         SELECT o.id FROM outbox o
          WHERE o.dispatched_at < now() - make_interval(days => $1)
            AND NOT EXISTS (SELECT 1 FROM event_deliveries d WHERE d.event_id = o.id AND d.status <> 'done')
          LIMIT 50000
       ), deliveries AS (
         DELETE FROM event_deliveries d USING old WHERE d.event_id = old.id
       ), gone AS (
         DELETE FROM outbox o USING old WHERE o.id = old.id RETURNING 1
       )
       SELECT count(*)::int AS n FROM gone`,
      [OUTBOX_RETENTION_DAYS],
    );
    return row.n;
  }

  /** The INSERT of one event as SQL over `params`, for callers that batch several rows in one statement. */
  insertSql<T extends DomainEventType>(params: unknown[], event: DomainEvent<T> | AppealStepEvent): string {
    const values = [event.eventType, DOMAIN_EVENT_VERSIONS[event.eventType], event.aggregateType, event.aggregateId, JSON.stringify(event.payload)].map(
      (v) => `$${params.push(v)}`,
    );
    return `INSERT INTO outbox (event_type, version, aggregate_type, aggregate_id, payload) VALUES (${values.join(', ')})`;
  }

  /**
   * `INSERT INTO outbox … SELECT … FROM <from>`: one event per row of `from`, its payload built by
   * jsonb_build_object from one SQL expression per field of the event's payload type.
   */
  insertSelectSql<T extends DomainEventType>(eventType: T, aggregateId: string, payload: PayloadSql<T>, from: string): string {
    const version = DOMAIN_EVENT_VERSIONS[eventType];
    if (!version || !/^[a-z_.]+$/.test(eventType)) throw new Error(`unknown domain event type ${String(eventType)}`);
    const fields = Object.entries(payload as Record<string, string>).map(([key, sql]) => `'${key}', ${sql}`);
    return `INSERT INTO outbox (event_type, version, aggregate_type, aggregate_id, payload)
         SELECT '${eventType}', ${version}, 'appeal', ${aggregateId}, jsonb_build_object(${fields.join(', ')})
           FROM ${from}`;
  }

  async publish<T extends DomainEventType>(manager: EntityManager, event: DomainEvent<T>): Promise<void> {
    const params: unknown[] = [];
    await manager.query(this.insertSql(params, event), params);
    this.written(manager);
  }
}

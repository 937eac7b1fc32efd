import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { PgListener } from '../../database/pg-listener';
import { EventConsumers } from './event-consumers';
import { DeliveryKey, EventDeliveries, dueMs, toKey } from './event-deliveries.service';
import { JOB_DRIVER, JobDriver } from './job-driver';
import { OutboxService, RelayedEvent, runsOutboxRelay } from './outbox.service';

const BATCH = 500;
/** The safety net: how often the outbox and due deliveries are looked at without a notification. */
const POLL_MS = 1000;

const relayed = new Counter({ name: 'otklik_outbox_relayed_total', help: 'Outbox events claimed by the relay (deliveries created for their consumers)' });

/**
 * Moves committed events from the outbox to their consumers. A pass claims a batch of events
 * (SKIP LOCKED, so several API processes relay without sharing an event), creates one delivery
 * per consumer of each (a consumer with an `activeTypesQuery` only for the types it has work
 * for), marks the events dispatched, and commits; only then are the deliveries handed to the job
 * driver, so no consumer ever runs inside the relay's transaction.
 *
 * It wakes right after a commit of this process that wrote events (OutboxService.written), and
 * on PostgreSQL's NOTIFY, which the outbox trigger sends at the commit of producers in other
 * processes (worker, CLI, psql; this process's pool turns it off with OUTBOX_NOTIFY_SETTING, as
 * a NOTIFY serialises commits cluster-wide), so events reach consumers within milliseconds. The
 * poll is only the safety net, and also re-dispatches deliveries whose retry time has come or
 * whose runner died (the lease ran out).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private listener?: PgListener;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(JOB_DRIVER) private readonly driver: JobDriver,
    private readonly consumers: EventConsumers,
    private readonly deliveries: EventDeliveries,
    private readonly outbox: OutboxService,
  ) {}

  onApplicationBootstrap(): void {
    if (!runsOutboxRelay('api')) return;
    this.outbox.onCommitted(() => this.kick());
    const url = (this.dataSource.options as { url?: string }).url!;
    // The poll covers while the LISTEN connection is down.
    this.listener = new PgListener(url, 'otklik_outbox', { notify: () => this.kick() }, this.logger, 'otklik-outbox-relay');
    this.listener.start();
    this.timer = setInterval(() => this.kick(true), POLL_MS);
    this.timer.unref();
    this.kick(true);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.listener?.stop();
    await this.running;
    await this.driver.close();
  }

  /** Asks for a relay pass soon; `sweep` also re-dispatches due deliveries. */
  kick(sweep = false): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass(sweep)
      .catch((error) => this.logger.error({ err: error }, 'outbox relay pass failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          setImmediate(() => this.kick());
        }
      });
  }

  /**
   * Relays until the outbox is empty; returns the number of events claimed. A batch's deliveries
   * are handed to the driver while the next batch is claimed (at most one hand-over in flight, in
   * order): under a burst the Redis round trip of one no longer waits for the database's statement
   * of the other. Returns once every hand-over has ended.
   */
  async drain(): Promise<number> {
    let total = 0;
    let handing: Promise<void> = Promise.resolve();
    try {
      for (;;) {
        const { count, keys } = await this.relayBatch();
        total += count;
        await handing;
        if (keys.length) handing = this.handOver(keys);
        if (count < BATCH || this.stopped) return total;
      }
    } finally {
      await handing;
    }
  }

  /** After the commit: a driver that fails here leaves the deliveries pending for the sweep. */
  private handOver(keys: DeliveryKey[]): Promise<void> {
    return this.driver.dispatch(keys).catch((error) => this.logger.warn({ err: error }, `dispatching ${keys.length} deliveries failed; the sweep retries them`));
  }

  private async pass(sweep: boolean): Promise<void> {
    await this.drain();
    if (sweep && !this.stopped) await this.driver.dispatch(await this.deliveries.due(BATCH, this.driver.sweepGraceMs));
  }

  /**
   * One statement claims a batch, creates a delivery for each of its consumers and marks it
   * dispatched (data-modifying CTEs commit together, as the transaction of three statements did):
   * one round trip per batch instead of five, which at a low rate is one per event.
   */
  private async relayBatch(): Promise<{ count: number; keys: DeliveryKey[] }> {
    const routes = this.consumers.routes();
    // A consumer that narrows its types by a query gets a delivery only for an event of one of them
    // (the query runs in this statement's snapshot, once: an uncorrelated IN).
    const gate = routes.gated.length
      ? `WHERE r.consumer <> ALL($4::text[]) OR ${routes.gated.map((g, i) => `(r.consumer = ($4::text[])[${i + 1}] AND c.event_type IN (${g.query}))`).join(' OR ')}`
      : '';
    const params: unknown[] = [BATCH, routes.types, routes.consumers];
    if (routes.gated.length) params.push(routes.gated.map((g) => g.consumer));
    const rows = await this.dataSource.query<
      { kind: 'event' | 'delivery'; id: string; event_type: string; aggregate_type: string; aggregate_id: string; department_id: string | null; consumer: string; due_ms: number }[]
    >(
      `WITH claimed AS (
         SELECT id, event_type, aggregate_type, aggregate_id, payload->>'departmentId' AS department_id
           FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED),
       created AS (
         INSERT INTO event_deliveries (event_id, consumer, event_type)
         SELECT c.id, r.consumer, c.event_type FROM claimed c JOIN unnest($2::text[], $3::text[]) AS r(event_type, consumer) USING (event_type)
         ${gate} ORDER BY c.id
         ON CONFLICT DO NOTHING RETURNING event_id, consumer, ${dueMs('next_attempt_at')}),
       marked AS (
         UPDATE outbox o SET dispatched_at = clock_timestamp(), attempts = o.attempts + 1 FROM claimed c WHERE o.id = c.id)
       SELECT 'event' AS kind, id, event_type, aggregate_type, aggregate_id, department_id, NULL AS consumer, NULL::float8 AS due_ms FROM claimed
       UNION ALL
       SELECT 'delivery', event_id, NULL, NULL, NULL, NULL, consumer, due_ms FROM created
       ORDER BY kind DESC, id`,
      params,
    );
    const events: RelayedEvent[] = [];
    const keys: DeliveryKey[] = [];
    for (const r of rows) {
      if (r.kind === 'event') events.push({ eventType: r.event_type, aggregateType: r.aggregate_type, aggregateId: r.aggregate_id, departmentId: r.department_id });
      else keys.push(toKey({ event_id: r.id, consumer: r.consumer, due_ms: r.due_ms }));
    }
    const count = events.length;
    relayed.inc(count);
    this.outbox.relayed(events);
    return { count, keys };
  }
}

import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { PgListener } from '../../database/pg-listener';
import { EventConsumers } from './event-consumers';
import { DeliveryKey, EventDeliveries, KeyRow, toKey } from './event-deliveries.service';
import { JOB_DRIVER, JobDriver } from './job-driver';
import { OutboxService, RelayedEvent, runsOutboxRelay } from './outbox.service';

const BATCH = 500;
/** The safety net: how often the outbox and due deliveries are looked at without a notification. */
const POLL_MS = 1000;

const relayed = new Counter({ name: 'otklik_outbox_relayed_total', help: 'Outbox events claimed by the relay (deliveries created for their consumers)' });

/**
 * Moves committed events from the outbox to their consumers. A pass claims a batch of events
 * (SKIP LOCKED, so several API processes relay without sharing an event), creates one delivery
 * per consumer of each, marks the events dispatched, and commits; only then are the deliveries
 * handed to the job driver, so no consumer ever runs inside the relay's transaction.
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

  /** Relays until the outbox is empty; returns the number of events claimed. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.relayBatch();
      total += count;
      if (count < BATCH || this.stopped) return total;
    }
  }

  private async pass(sweep: boolean): Promise<void> {
    await this.drain();
    if (sweep && !this.stopped) await this.driver.dispatch(await this.deliveries.due(BATCH));
  }

  private async relayBatch(): Promise<number> {
    const { count, keys, events } = await this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string; event_type: string; aggregate_type: string; aggregate_id: string; department_id: string | null }[]>(
        `SELECT id, event_type, aggregate_type, aggregate_id, payload->>'departmentId' AS department_id
           FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      if (rows.length === 0) return { count: 0, keys: [] as DeliveryKey[], events: [] as RelayedEvent[] };
      const ids: string[] = [];
      const consumers: string[] = [];
      const types: string[] = [];
      for (const row of rows) {
        for (const consumer of this.consumers.of(row.event_type)) {
          ids.push(String(row.id));
          consumers.push(consumer);
          types.push(row.event_type);
        }
      }
      const created = ids.length
        ? await manager.query<KeyRow[]>(
            `INSERT INTO event_deliveries (event_id, consumer, event_type)
             SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])
             ON CONFLICT DO NOTHING RETURNING event_id, consumer, next_attempt_at`,
            [ids, consumers, types],
          )
        : [];
      await manager.query(`UPDATE outbox SET dispatched_at = clock_timestamp(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])`, [
        rows.map((r) => String(r.id)),
      ]);
      const events = rows.map((r) => ({ eventType: r.event_type, aggregateType: r.aggregate_type, aggregateId: r.aggregate_id, departmentId: r.department_id }));
      return { count: rows.length, keys: created.map(toKey), events };
    });
    relayed.inc(count);
    this.outbox.relayed(events);
    // After the commit: a driver that fails here leaves the deliveries pending for the sweep.
    if (keys.length) {
      await this.driver.dispatch(keys).catch((error) => this.logger.warn({ err: error }, `dispatching ${keys.length} deliveries failed; the sweep retries them`));
    }
    return count;
  }
}

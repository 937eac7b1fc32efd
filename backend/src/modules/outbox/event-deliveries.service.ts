import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter, Histogram } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import { EventsConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/app-config';
import { DispatchedEvent, DomainEventType } from './domain-event';
import { EventConsumer, EventConsumers } from './event-consumers';
import { DeliveryStatus } from './event-delivery.entity';
import { retryBackoffMs } from './retry-backoff';

/** What a runner needs to run one delivery: the event, the consumer, and when it is due. */
export interface DeliveryKey {
  eventId: string;
  consumer: string;
  /**
   * The delivery's next_attempt_at (ms). Part of a queue job's id: a retry or a retried dead
   * letter is a new job, a repeated dispatch of the same attempt is not, and ids stay unique when
   * a database is recreated and event ids are counted again.
   */
  dueAt: number;
}

export type DeliveryOutcome = { outcome: 'done' } | { outcome: 'retry'; retryAt: Date } | { outcome: 'dead' } | { outcome: 'skipped' };

export interface DeliveryRecord {
  eventId: string;
  eventType: string;
  aggregateId: string;
  consumer: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  doneAt: Date | null;
}

const deliveries = new Counter({
  name: 'otklik_event_deliveries_total',
  help: 'Attempts of consumers on domain events, by consumer and outcome (done, retry, dead)',
  labelNames: ['consumer', 'outcome'],
});
const latency = new Histogram({
  name: 'otklik_event_delivery_latency_seconds',
  help: 'From the event written to its consumer done, by consumer',
  labelNames: ['consumer'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30, 300],
});

export interface KeyRow {
  event_id: string;
  consumer: string;
  /** next_attempt_at in whole milliseconds, as selected by dueMs(): a number, not a timestamp to parse. */
  due_ms: number;
}

/**
 * `next_attempt_at` (or another timestamptz column) in whole milliseconds since the epoch, as
 * `due_ms`: what a JS Date of the column gives with getTime(), without parsing a timestamp per row
 * (a relay pass returns a row per consumer of each of its 500 events).
 */
export const dueMs = (column: string) => `floor(extract(epoch FROM ${column}) * 1000)::float8 AS due_ms`;

export const toKey = (r: KeyRow): DeliveryKey => ({ eventId: String(r.event_id), consumer: r.consumer, dueAt: Number(r.due_ms) });

/** A delivery this runner leased, with its event (null: no longer in the outbox). */
interface ClaimedRow {
  event_id: string;
  consumer: string;
  attempts: number;
  event: DispatchedEvent | null;
}

/** What the claim statement returns: a row per leased delivery, and one per event of theirs (payload read and parsed once, not once per consumer). */
interface ClaimRow {
  kind: 'delivery' | 'event';
  event_id: string;
  consumer: string | null;
  attempts: number | null;
  event_type: DomainEventType | null;
  version: number | null;
  aggregate_type: 'appeal' | null;
  aggregate_id: string | null;
  payload: Record<string, unknown> | null;
  created_at: Date | null;
}

const toKeyOf = (row: ClaimedRow) => ({ eventId: row.event_id, consumer: row.consumer });

/**
 * Runs deliveries (consumer × event) with their bookkeeping, the same for the in-process runner
 * and the BullMQ processor: claim a lease on a pending delivery, run the consumer outside any
 * transaction of ours, then mark it done, or schedule the next attempt with exponential back-off
 * and jitter, or — after EVENT_MAX_ATTEMPTS — make it a dead letter.
 */
@Injectable()
export class EventDeliveries {
  private readonly logger = new Logger(EventDeliveries.name);
  private readonly config: EventsConfig;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consumers: EventConsumers,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.config = config.events;
  }

  async run(key: Pick<DeliveryKey, 'eventId' | 'consumer'>): Promise<DeliveryOutcome> {
    const [outcome] = await this.runBatch([key]);
    return outcome;
  }

  /**
   * Runs several deliveries with their bookkeeping amortised: one statement leases them all and
   * reads their events, the consumers run one after another, and one statement marks the
   * successful ones done (a failure is recorded on its own). Outcomes in the order of `keys`.
   */
  async runBatch(keys: Pick<DeliveryKey, 'eventId' | 'consumer'>[]): Promise<DeliveryOutcome[]> {
    if (keys.length === 0) return [];
    // An event's consumers in one batch (a job carries all of a relay pass's) share its row: the
    // payload crosses the wire and is parsed once, not once per consumer.
    const rows = await this.dataSource.query<ClaimRow[]>(
      `WITH k AS (SELECT * FROM unnest($1::bigint[], $2::text[]) AS k(event_id, consumer)),
       claimed AS (
         UPDATE event_deliveries d SET attempts = d.attempts + 1, locked_until = clock_timestamp() + make_interval(secs => $3)
           FROM k
          WHERE d.event_id = k.event_id AND d.consumer = k.consumer AND d.status = 'pending'
            AND (d.locked_until IS NULL OR d.locked_until < clock_timestamp())
         RETURNING d.event_id, d.consumer, d.attempts)
       SELECT 'delivery' AS kind, c.event_id::text AS event_id, c.consumer, c.attempts, NULL AS event_type, NULL::int AS version, NULL AS aggregate_type,
              NULL::uuid AS aggregate_id, NULL::jsonb AS payload, NULL::timestamptz AS created_at
         FROM claimed c
       UNION ALL
       SELECT 'event', o.id::text, NULL, NULL, o.event_type, o.version, o.aggregate_type, o.aggregate_id, o.payload, o.created_at
         FROM outbox o WHERE o.id IN (SELECT event_id FROM claimed)`,
      [keys.map((k) => k.eventId), keys.map((k) => k.consumer), this.config.leaseSeconds],
    );
    const events = new Map<string, DispatchedEvent>();
    for (const r of rows) {
      if (r.kind !== 'event') continue;
      events.set(r.event_id, {
        id: r.event_id,
        eventType: r.event_type,
        version: r.version,
        aggregateType: r.aggregate_type,
        aggregateId: r.aggregate_id,
        payload: r.payload,
        createdAt: r.created_at!.toISOString(),
      } as unknown as DispatchedEvent);
    }
    const claimed: ClaimedRow[] = [];
    for (const r of rows) if (r.kind === 'delivery') claimed.push({ event_id: r.event_id, consumer: r.consumer!, attempts: r.attempts!, event: events.get(r.event_id) ?? null });
    const renewal = this.keepLeased(claimed);
    try {
      return await this.runClaimed(keys, claimed);
    } finally {
      renewal.stop();
    }
  }

  /**
   * Keeps a batch's leases while it runs: its consumers run one after another, and the events that
   * fall back from a failed batch call one at a time, so a slow batch (a loaded machine, a slow
   * consumer) outlives a lease taken once at the claim. Another runner would then claim the same
   * deliveries and run them beside this one, spending an attempt each time (seen as a dead letter
   * without a fault under load). Renewed every third of the lease while this process lives; only a
   * delivery still ours (the attempt we claimed, still leased) is renewed, so a process that dies
   * or stalls longer than a lease loses it as before.
   */
  private keepLeased(claimed: ClaimedRow[]): { stop: () => void } {
    if (claimed.length === 0) return { stop: () => undefined };
    let renewing: Promise<unknown> | undefined;
    const timer = setInterval(() => {
      if (renewing) return;
      renewing = this.dataSource
        .query(
          `UPDATE event_deliveries d SET locked_until = clock_timestamp() + make_interval(secs => $4)
             FROM unnest($1::bigint[], $2::text[], $3::int[]) AS k(event_id, consumer, attempts)
            WHERE d.event_id = k.event_id AND d.consumer = k.consumer AND d.attempts = k.attempts
              AND d.status = 'pending' AND d.locked_until IS NOT NULL`,
          [claimed.map((r) => r.event_id), claimed.map((r) => r.consumer), claimed.map((r) => r.attempts), this.config.leaseSeconds],
        )
        .catch((error) => this.logger.warn({ err: error, deliveries: claimed.length }, 'renewing the leases of a running batch failed'))
        .finally(() => (renewing = undefined));
    }, Math.max(200, (this.config.leaseSeconds * 1000) / 3));
    timer.unref();
    return { stop: () => clearInterval(timer) };
  }

  private async runClaimed(keys: Pick<DeliveryKey, 'eventId' | 'consumer'>[], claimed: ClaimedRow[]): Promise<DeliveryOutcome[]> {
    const outcomes = new Map<string, DeliveryOutcome>();
    const runnable: { row: ClaimedRow; consumer: EventConsumer; event: DispatchedEvent }[] = [];
    for (const row of claimed) {
      const id = `${row.event_id}/${row.consumer}`;
      const consumer = this.consumers.get(row.consumer);
      const event = row.event;
      if (!consumer || !event) {
        await this.finish(toKeyOf(row), 'dead', consumer ? 'the event is no longer in the outbox' : `no consumer "${row.consumer}" is registered in this process`);
        outcomes.set(id, { outcome: 'dead' });
        continue;
      }
      runnable.push({ row, consumer, event });
    }
    // A consumer that takes batches gets its events at once; on failure, one by one as the others.
    // The consumers of a job are independent of one another: they run side by side, and each marks
    // its own deliveries done when it has finished them. A relay pass of one staff action is one
    // event for each of its consumers: the citizen's notice is done when the planner is, not after
    // the rollups' refresh beside it (phase f: commit to the e-mail consumer done, p50 65 → 30–33 ms;
    // test/bench/README.md «Notifications: a relay pass one job; commit to consumer …»).
    const settled = await Promise.allSettled(
      [...groupBy(runnable, (r) => r.consumer)].map(async ([consumer, group]) => {
        const done: ClaimedRow[] = [];
        let single = group;
        if (consumer.handleBatch && group.length > 1) {
          try {
            await this.bounded(consumer.handleBatch(group.map((g) => g.event)), group[0].row);
            done.push(...group.map((g) => g.row));
            single = [];
          } catch (error) {
            this.logger.warn({ err: error, consumer: consumer.name, events: group.length }, 'a batch failed; its events are handled one by one');
          }
        }
        for (const { row, event } of single) {
          try {
            await this.bounded(consumer.handle(event), row);
            done.push(row);
          } catch (error) {
            outcomes.set(`${row.event_id}/${row.consumer}`, await this.failed(row, error));
          }
        }
        await this.markDone(done);
        for (const row of done) outcomes.set(`${row.event_id}/${row.consumer}`, { outcome: 'done' });
      }),
    );
    // Bookkeeping that failed (the database away): the deliveries stay leased, and run again when the lease runs out.
    const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failure) throw failure.reason;
    // Done, dead, or held by another runner: nothing to do here.
    return keys.map((k) => outcomes.get(`${k.eventId}/${k.consumer}`) ?? { outcome: 'skipped' });
  }

  private async markDone(done: ClaimedRow[]): Promise<void> {
    if (done.length === 0) return;
    await this.dataSource.query(
      `UPDATE event_deliveries d SET status = 'done', done_at = clock_timestamp(), locked_until = NULL, last_error = NULL
         FROM unnest($1::bigint[], $2::text[]) AS k(event_id, consumer)
        WHERE d.event_id = k.event_id AND d.consumer = k.consumer`,
      [done.map((r) => r.event_id), done.map((r) => r.consumer)],
    );
    const now = Date.now();
    for (const row of done) {
      deliveries.inc({ consumer: row.consumer, outcome: 'done' });
      latency.observe({ consumer: row.consumer }, Math.max(0, now - Date.parse(row.event!.createdAt)) / 1000);
    }
  }

  /**
   * An attempt that outlasts EVENT_HANDLER_TIMEOUT_MS counts as failed, so a hung consumer frees
   * its runner and is retried (or dead-lettered) like any failure. Its promise cannot be cancelled:
   * should it still finish, the consumer's idempotency keeps the retry from doing it twice.
   */
  private bounded(work: Promise<void>, row: ClaimedRow): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${row.consumer} took longer than ${this.config.handlerTimeoutMs} ms on event ${row.event_id}`)), this.config.handlerTimeoutMs);
      timer.unref();
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }

  /** A failed attempt: the next one after back-off, or — attempts spent — a dead letter. */
  private async failed(row: ClaimedRow, error: unknown): Promise<DeliveryOutcome> {
    const key = toKeyOf(row);
    const message = String((error as Error)?.message ?? error).slice(0, 2000);
    if (row.attempts >= this.config.maxAttempts) {
      await this.finish(key, 'dead', message);
      deliveries.inc({ consumer: row.consumer, outcome: 'dead' });
      this.logger.error({ err: error, eventId: row.event_id, eventType: row.event?.eventType, consumer: row.consumer, attempts: row.attempts }, 'event delivery is dead');
      return { outcome: 'dead' };
    }
    const retryAt = new Date(Date.now() + this.backoffMs(row.attempts));
    await this.dataSource.query(
      `UPDATE event_deliveries SET next_attempt_at = $3, locked_until = NULL, last_error = $4 WHERE event_id = $1 AND consumer = $2 AND status = 'pending'`,
      [row.event_id, row.consumer, retryAt, message],
    );
    deliveries.inc({ consumer: row.consumer, outcome: 'retry' });
    this.logger.warn({ err: error, eventId: row.event_id, consumer: row.consumer, attempts: row.attempts, retryAt }, 'event delivery failed; will retry');
    return { outcome: 'retry', retryAt };
  }

  /** The backbone's back-off (retry-backoff.ts). */
  backoffMs(attempts: number): number {
    return retryBackoffMs(this.config, attempts);
  }

  /**
   * Pending deliveries due for at least `graceMs` and held by nobody (the safety net behind the
   * post-commit dispatch; the grace is the job driver's, see JobDriver.sweepGraceMs).
   */
  async due(limit: number, graceMs = 0): Promise<DeliveryKey[]> {
    const rows = await this.dataSource.query<KeyRow[]>(
      `SELECT d.event_id, d.consumer, ${dueMs('d.next_attempt_at')}
         FROM event_deliveries d
        WHERE d.status = 'pending' AND d.next_attempt_at <= clock_timestamp() - make_interval(secs => $2::float8 / 1000)
          AND (d.locked_until IS NULL OR d.locked_until < clock_timestamp())
        ORDER BY d.next_attempt_at LIMIT $1`,
      [limit, graceMs],
    );
    return rows.map(toKey);
  }

  /** Dead letters (or deliveries of another status), newest first, for the CLI and the admin API. */
  async list(filter: { status: DeliveryStatus; consumer?: string; limit: number; before?: { createdAt: Date; eventId: string; consumer: string } }): Promise<DeliveryRecord[]> {
    const params: unknown[] = [filter.status];
    const where = ['d.status = $1'];
    if (filter.consumer) where.push(`d.consumer = $${params.push(filter.consumer)}`);
    if (filter.before) {
      where.push(`(d.created_at, d.event_id, d.consumer) < ($${params.push(filter.before.createdAt)}, $${params.push(filter.before.eventId)}, $${params.push(filter.before.consumer)})`);
    }
    const rows = await this.dataSource.query<DeliveryRecord[]>(
      `SELECT d.event_id::text AS "eventId", d.event_type AS "eventType", o.aggregate_id AS "aggregateId", d.consumer, d.status, d.attempts,
              d.next_attempt_at AS "nextAttemptAt", d.last_error AS "lastError", d.created_at AS "createdAt", d.done_at AS "doneAt"
         FROM event_deliveries d LEFT JOIN outbox o ON o.id = d.event_id
        WHERE ${where.join(' AND ')}
        ORDER BY d.created_at DESC, d.event_id DESC, d.consumer DESC LIMIT $${params.push(filter.limit)}`,
      params,
    );
    return rows;
  }

  /** Dead letters back to pending with a fresh budget of attempts; returns the keys to dispatch. */
  async retryDead(filter: { eventIds?: string[]; consumer?: string }, manager: EntityManager = this.dataSource.manager): Promise<DeliveryKey[]> {
    const params: unknown[] = [];
    const where = [`d.status = 'dead'`];
    if (filter.eventIds?.length) where.push(`d.event_id = ANY($${params.push(filter.eventIds)}::bigint[])`);
    if (filter.consumer) where.push(`d.consumer = $${params.push(filter.consumer)}`);
    const rows = await manager.query<KeyRow[]>(
      `WITH retried AS (
         UPDATE event_deliveries d SET status = 'pending', attempts = 0, next_attempt_at = clock_timestamp(), locked_until = NULL
          WHERE ${where.join(' AND ')}
         RETURNING d.event_id, d.consumer, ${dueMs('d.next_attempt_at')})
       SELECT * FROM retried`,
      params,
    );
    return rows.map(toKey);
  }

  /** Dead letters marked discarded: never run again, kept with their event as a record; returns the keys. */
  async discardDead(filter: { eventIds: string[]; consumer?: string }, manager: EntityManager = this.dataSource.manager): Promise<Pick<DeliveryKey, 'eventId' | 'consumer'>[]> {
    const params: unknown[] = [filter.eventIds];
    const where = [`d.status = 'dead'`, `d.event_id = ANY($1::bigint[])`];
    if (filter.consumer) where.push(`d.consumer = $${params.push(filter.consumer)}`);
    const rows = await manager.query<{ event_id: string; consumer: string }[]>(
      `WITH discarded AS (
         UPDATE event_deliveries d SET status = 'discarded', done_at = clock_timestamp(), locked_until = NULL
          WHERE ${where.join(' AND ')}
         RETURNING d.event_id::text AS event_id, d.consumer)
       SELECT * FROM discarded`,
      params,
    );
    return rows.map((r) => ({ eventId: r.event_id, consumer: r.consumer }));
  }

  private async finish(key: Pick<DeliveryKey, 'eventId' | 'consumer'>, status: 'done' | 'dead', error: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE event_deliveries SET status = $3, done_at = CASE WHEN $3 = 'done' THEN clock_timestamp() END, locked_until = NULL,
              last_error = coalesce($4, CASE WHEN $3 = 'done' THEN NULL ELSE last_error END)
        WHERE event_id = $1 AND consumer = $2`,
      [key.eventId, key.consumer, status, error],
    );
  }
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

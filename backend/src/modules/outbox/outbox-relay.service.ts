import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DispatchedEvent } from './domain-event';
import { JOB_DRIVER, JobDriver } from './job-driver';

interface OutboxRow {
  id: string;
  event_type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

const BATCH = 200;

/**
 * Moves committed events from the outbox to the job driver. Rows are claimed with
 * SKIP LOCKED, so several API processes relay without handing an event out twice; an event
 * is marked dispatched only after the driver accepted it (at-least-once, consumers idempotent).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(JOB_DRIVER) private readonly driver: JobDriver,
  ) {}

  onApplicationBootstrap(): void {
    if (process.env.OUTBOX_RELAY === 'off') return;
    this.timer = setInterval(() => this.kick(), 1000);
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Asks for a relay pass soon (called after a commit that wrote events). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(() => undefined)
      .catch((error) => this.logger.error({ err: error }, 'outbox relay pass failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          setImmediate(() => this.kick());
        }
      });
  }

  /** Relays until the outbox is empty; returns the number of events handed over. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.relayBatch();
      total += count;
      if (count < BATCH || this.stopped) return total;
    }
  }

  private async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, event_type, aggregate_type, aggregate_id, payload, created_at
           FROM outbox WHERE dispatched_at IS NULL
          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      if (rows.length === 0) return 0;
      const events: DispatchedEvent[] = rows.map((r) => ({
        id: String(r.id),
        eventType: r.event_type,
        aggregateType: r.aggregate_type,
        aggregateId: r.aggregate_id,
        payload: r.payload,
        createdAt: new Date(r.created_at).toISOString(),
      }));
      try {
        await this.driver.dispatch(events);
      } catch (error) {
        await manager.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[])`, [
          events.map((e) => e.id),
          String((error as Error).message).slice(0, 1000),
        ]);
        this.logger.warn({ err: error }, `outbox dispatch failed for ${events.length} events; will retry`);
        return 0;
      }
      await manager.query(`UPDATE outbox SET dispatched_at = clock_timestamp(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])`, [
        events.map((e) => e.id),
      ]);
      return events.length;
    });
  }
}

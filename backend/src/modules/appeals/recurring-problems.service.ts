import { randomUUID } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { runPrepared } from '../../common/sql/prepared';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { TransactionRunner } from '../../database/transaction-runner';
import { CatalogService } from '../catalog/catalog.service';
import { DispatchedEvent } from '../outbox/domain-event';
import { EventConsumer, EventConsumers } from '../outbox/event-consumers';
import { OutboxService } from '../outbox/outbox.service';

/**
 * The recurring-problem watch (issue 18): on each registration it counts the appeals of the same
 * category in the same area (the region the appeals name, or none) registered within
 * RECURRING_WINDOW_HOURS; when RECURRING_MIN_CITIZENS different citizens wrote, it records a signal
 * and tells supervisors (`signal.recurring_problem`), once per category, area and window. An event
 * consumer: a retry finds the signal recorded and tells nobody twice.
 */
@Injectable()
export class RecurringProblemWatch implements OnModuleInit, EventConsumer<'appeal.submitted'> {
  readonly name = 'recurring-problems';
  readonly events = ['appeal.submitted'] as const;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly consumers: EventConsumers,
    private readonly outbox: OutboxService,
    private readonly catalog: CatalogService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this);
  }

  handle(event: DispatchedEvent<'appeal.submitted'>): Promise<void> {
    return this.handleBatch([event]);
  }

  /**
   * One statement counts the window of every registration in the batch (on intake's hot path a
   * transaction with two reads per filing cost more than the filing's own INSERT); only a
   * registration that reaches RECURRING_MIN_CITIZENS opens a transaction, to record the signal
   * and tell supervisors. A registration whose window (category, area, window_start) has its signal
   * already is not counted at all: its INSERT could only find the signal there (ON CONFLICT DO
   * NOTHING), and under a steady stream of one category each registration paid a count over the
   * window's appeals and a transaction for nothing (phase a's in-process drain, bench README).
   * The window's start is the one raise() computes (whole windows since the epoch).
   */
  async handleBatch(events: DispatchedEvent<'appeal.submitted'>[]): Promise<void> {
    const { recurringWindowHours: hours, recurringMinCitizens: min } = this.config.intake;
    const windowMs = hours * 3_600_000;
    // Prepared: planned once per connection (an index range per registration, whatever the values).
    const counts = await runPrepared<{ categoryId: string; area: string; registeredAt: Date; appeals: number; citizens: number }>(
      this.tx.manager,
      `WITH unsignalled AS MATERIALIZED (
         SELECT a.category_id, w.area, a.registered_at
           FROM appeals a
          CROSS JOIN LATERAL (SELECT coalesce(a.extra_fields->>'region', '') AS area) w
          WHERE a.id = ANY($1::uuid[]) AND a.registered_at IS NOT NULL
            AND NOT EXISTS (
                  SELECT 1 FROM recurring_problem_signals s
                   WHERE s.category_id = a.category_id AND s.area = w.area
                     AND s.window_start = to_timestamp(floor(extract(epoch FROM a.registered_at) / $2) * $2)))
       SELECT a.category_id AS "categoryId", a.area, a.registered_at AS "registeredAt", c.appeals, c.citizens
         FROM unsignalled a
        CROSS JOIN LATERAL (
              SELECT count(*)::int AS appeals, count(DISTINCT coalesce(b.citizen_id::text, b.id::text))::int AS citizens
                FROM appeals b
               WHERE b.category_id = a.category_id AND b.registered_at > a.registered_at - make_interval(secs => $2)
                 AND b.registered_at <= a.registered_at AND coalesce(b.extra_fields->>'region', '') = a.area) c
        WHERE c.citizens >= $3
        ORDER BY a.registered_at`,
      [events.map((e) => e.aggregateId), windowMs / 1000, min],
    );
    // The first registration of a window raises its signal; the later ones of the batch would find it there.
    const windows = new Set<string>();
    for (const count of counts) {
      const window = JSON.stringify([count.categoryId, count.area, windowStartOf(count.registeredAt, windowMs)]);
      if (windows.has(window)) continue;
      windows.add(window);
      await this.tx.run((manager) => this.raise(manager, count, windowMs, hours));
    }
  }

  /** The signal of a category and area in its window, recorded once, and the supervisors told. */
  private async raise(
    manager: EntityManager,
    count: { categoryId: string; area: string; registeredAt: Date; appeals: number; citizens: number },
    windowMs: number,
    hours: number,
  ): Promise<void> {
    const id = randomUUID();
    const inserted = await manager.query<{ id: string }[]>(
      `INSERT INTO recurring_problem_signals (id, category_id, area, window_start, citizens, appeals, raised_at)
       VALUES ($1, $2, $3, $4, $5, $6, now()) ON CONFLICT ON CONSTRAINT recurring_problem_signals_key DO NOTHING RETURNING id`,
      [id, count.categoryId, count.area, windowStartOf(count.registeredAt, windowMs), count.citizens, count.appeals],
    );
    if (inserted.length === 0) return;
    const category = await this.catalog.findActive(manager, count.categoryId);
    await this.outbox.publish(manager, {
      eventType: 'signal.recurring_problem',
      aggregateType: 'recurring_signal',
      aggregateId: id,
      payload: {
        signalId: id,
        categoryId: count.categoryId,
        categoryName: category?.nameRu ?? '',
        region: count.area || null,
        citizens: count.citizens,
        appeals: count.appeals,
        windowHours: hours,
      },
    });
  }
}

/** The start of a registration's window: whole windows since the epoch (the counting statement's to_timestamp(floor(…))). */
const windowStartOf = (registeredAt: Date, windowMs: number): Date => new Date(Math.floor(registeredAt.getTime() / windowMs) * windowMs);

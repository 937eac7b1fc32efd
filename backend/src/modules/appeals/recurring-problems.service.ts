import { randomUUID } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
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

  async handle(event: DispatchedEvent<'appeal.submitted'>): Promise<void> {
    const { recurringWindowHours: hours, recurringMinCitizens: min } = this.config.intake;
    const windowMs = hours * 3_600_000;
    await this.tx.run(async (manager) => {
      const [appeal] = await manager.query<{ categoryId: string; area: string; registeredAt: Date | null }[]>(
        `SELECT category_id AS "categoryId", coalesce(extra_fields->>'region', '') AS area, registered_at AS "registeredAt" FROM appeals WHERE id = $1`,
        [event.aggregateId],
      );
      if (!appeal?.registeredAt) return;
      const at = appeal.registeredAt.getTime();
      const [count] = await manager.query<{ appeals: number; citizens: number }[]>(
        `SELECT count(*)::int AS appeals, count(DISTINCT coalesce(citizen_id::text, id::text))::int AS citizens
           FROM appeals
          WHERE category_id = $1 AND registered_at > $2 AND registered_at <= $3 AND coalesce(extra_fields->>'region', '') = $4`,
        [appeal.categoryId, new Date(at - windowMs), appeal.registeredAt, appeal.area],
      );
      if (count.citizens < min) return;
      const id = randomUUID();
      const inserted = await manager.query<{ id: string }[]>(
        `INSERT INTO recurring_problem_signals (id, category_id, area, window_start, citizens, appeals, raised_at)
         VALUES ($1, $2, $3, $4, $5, $6, now()) ON CONFLICT ON CONSTRAINT recurring_problem_signals_key DO NOTHING RETURNING id`,
        [id, appeal.categoryId, appeal.area, new Date(Math.floor(at / windowMs) * windowMs), count.citizens, count.appeals],
      );
      if (inserted.length === 0) return;
      const category = await this.catalog.findActive(manager, appeal.categoryId);
      await this.outbox.publish(manager, {
        eventType: 'signal.recurring_problem',
        aggregateType: 'recurring_signal',
        aggregateId: id,
        payload: {
          signalId: id,
          categoryId: appeal.categoryId,
          categoryName: category?.nameRu ?? '',
          region: appeal.area || null,
          citizens: count.citizens,
          appeals: count.appeals,
          windowHours: hours,
        },
      });
    });
  }
}

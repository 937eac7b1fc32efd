import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Counter } from 'prom-client';
import { Clock } from '../../common/clock/clock';
import { TransactionRunner } from '../../database/transaction-runner';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AppealFactsReader } from '../appeals/appeal-facts.repository';
import { DOMAIN_EVENT_VERSIONS, DispatchedEvent, DomainEventType } from '../outbox/domain-event';
import { EventConsumer, EventConsumers } from '../outbox/event-consumers';
import { WebhookDeliveries, NewWebhookDelivery } from './webhook-deliveries.repository';
import { filterFacts, matchesFilters, WEBHOOK_EVENT_TYPES, webhookData, WebhookEnvelope } from './webhook-envelope';
import { WebhookSender } from './webhook-sender.service';
import { SUBSCRIBED_EVENT_TYPES, WebhookSubscriptions } from './webhook-subscriptions.repository';

const planned = new Counter({ name: 'otklik_webhook_deliveries_planned_total', help: 'Webhook deliveries created (event × subscription)' });

/**
 * The webhooks consumer of domain events: for each event, one delivery per enabled subscription
 * that chose its type and whose department/category filters it passes, with the body built once
 * (the versioned envelope). After the commit the deliveries go to the sender. A redelivered
 * event adds nothing (one row per event × subscription). The relay gives it only the events of a
 * type some enabled subscription takes (`activeTypesQuery`).
 */
@Injectable()
export class WebhookPlanner implements OnModuleInit, EventConsumer {
  readonly name = 'webhooks';
  readonly events: readonly DomainEventType[] = WEBHOOK_EVENT_TYPES;
  /** Only the types an enabled subscription takes get a delivery (most bodies have few or no subscriptions). */
  readonly activeTypesQuery = SUBSCRIBED_EVENT_TYPES;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly consumers: EventConsumers,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly deliveries: WebhookDeliveries,
    private readonly appeals: AppealFactsReader,
    private readonly sender: WebhookSender,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this);
  }

  handle(event: DispatchedEvent): Promise<void> {
    return this.handleBatch([event]);
  }

  async handleBatch(events: DispatchedEvent[]): Promise<void> {
    const subscriptions = await this.subscriptions.subscribedTo(events.map((e) => e.eventType));
    if (subscriptions.length === 0) return;
    const appeals = await this.appeals.routingOfMany(events.filter((e) => e.aggregateType === 'appeal').map((e) => e.aggregateId));
    const now = this.clock.now();
    const retryUntil = new Date(now.getTime() + this.config.webhooks.retryHours * 3600_000);
    const rows: NewWebhookDelivery[] = [];
    for (const event of events) {
      const appeal = event.aggregateType === 'appeal' ? (appeals.get(event.aggregateId) ?? null) : null;
      const facts = filterFacts(event, appeal);
      let data: Record<string, unknown> | undefined;
      for (const s of subscriptions) {
        if (!s.events.includes(event.eventType) || !matchesFilters(s, facts)) continue;
        data ??= webhookData(event, appeal);
        const id = randomUUID();
        const envelope: WebhookEnvelope = { type: event.eventType, version: event.version ?? DOMAIN_EVENT_VERSIONS[event.eventType], id, timestamp: event.createdAt, data };
        rows.push({ id, subscriptionId: s.id, eventId: event.id, eventType: event.eventType, body: JSON.stringify(envelope), retryUntil, dueAt: now });
      }
    }
    if (rows.length === 0) return;
    const added = await this.tx.run((manager) => this.deliveries.add(manager, rows));
    planned.inc(added.length);
    this.sender.enqueue(added);
  }
}

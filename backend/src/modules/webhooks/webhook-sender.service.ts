import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { Clock } from '../../common/clock/clock';
import { BatchPump } from '../../common/lifecycle/batch-pump';
import { PersonalDataCipher } from '../../common/crypto/personal-data-cipher';
import { TransactionRunner } from '../../database/transaction-runner';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { OutboxService } from '../outbox/outbox.service';
import { retryBackoffMs } from '../outbox/retry-backoff';
import { ClaimedWebhook, WebhookDeliveries } from './webhook-deliveries.repository';
import { WebhookHttp } from './webhook-http';
import { signatureHeaders } from './webhook-signature';
import { WebhookSubscriptions } from './webhook-subscriptions.repository';

const attempts = new Counter({ name: 'otklik_webhook_attempts_total', help: 'Webhook delivery attempts, by outcome (delivered, retry, dead)', labelNames: ['outcome'] });
const latency = new Histogram({ name: 'otklik_webhook_request_seconds', help: 'One POST to a receiver', buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30] });

/** Batches leased at once in this process, and the deliveries one claim statement leases. */
const BATCHES = 4;
const BATCH = 100;
/** Accepted sends marked in one statement. */
const FLUSH_EVERY = 25;
const SWEEP_MS = 1000;
const KEEP_DAYS = 90;
const PURGE_EVERY_MS = 3600_000;
/** How long the previous secret keeps signing beside a rotated one. */
export const PREVIOUS_SECRET_HOURS = 24;

/**
 * Sends webhook deliveries as the notification sender sends notices (the same BatchPump, leases,
 * EVENT_RETRY_* back-off and sweep): each delivery leased in the database, so several
 * processes share the work without sending anything twice; marked delivered on a 2xx; otherwise
 * retried until its `retry_until` (WEBHOOK_RETRY_HOURS after its first attempt, or its replay),
 * then dead. Every failed attempt lengthens its subscription's run of failures; the run reaching
 * WEBHOOK_DISABLE_AFTER_FAILURES disables the subscription and tells the admins (an outbox event
 * in the same transaction). A delivered attempt ends the run.
 */
@Injectable()
export class WebhookSender implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookSender.name);
  private readonly pump = new BatchPump({
    batches: BATCHES,
    batchSize: BATCH,
    run: (ids) => this.runBatch(ids),
    onError: (error, ids) => this.logger.error({ err: error, deliveries: ids.length }, 'webhook batch failed; the sweep takes it again'),
  });
  private readonly http: WebhookHttp;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private active = false;
  private closed = false;
  private lastPurge = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: WebhookDeliveries,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly cipher: PersonalDataCipher,
    private readonly outbox: OutboxService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    @Optional() @Inject('WEBHOOK_SENDING') private readonly sending: boolean = true,
  ) {
    this.http = new WebhookHttp(config.webhooks);
  }

  onApplicationBootstrap(): void {
    if (!this.sending) return;
    this.active = true;
    this.timer = setInterval(() => this.sweep(), SWEEP_MS);
    this.timer.unref();
    this.sweep();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    const stopping = this.pump.close();
    await this.sweeping;
    await stopping;
    await this.http.close();
  }

  /** Deliveries just planned or replayed (after their commit): sent now in this process, if it sends. */
  enqueue(ids: string[]): void {
    if (!this.active || this.closed) return;
    this.pump.add(ids);
  }

  private sweep(): void {
    if (this.closed || this.sweeping) return;
    this.sweeping = (async () => {
      this.enqueue(await this.deliveries.due(this.clock.now(), 500));
      if (Date.now() - this.lastPurge > PURGE_EVERY_MS) {
        this.lastPurge = Date.now();
        const purged = await this.deliveries.purgeOlderThan(KEEP_DAYS);
        if (purged) this.logger.log({ purged }, 'old webhook deliveries removed');
      }
    })()
      .catch((error) => this.logger.error({ err: error }, 'webhook sweep failed'))
      .finally(() => (this.sweeping = undefined));
  }

  /** Sends a claimed batch, WEBHOOK_CONCURRENCY / BATCHES at a time, marking the delivered ones every FLUSH_EVERY. */
  private async runBatch(ids: string[]): Promise<void> {
    const claimed = await this.deliveries.claim(ids, this.clock.now(), this.config.events.leaseSeconds);
    const delivered: { id: string; subscriptionId: string; status: number; durationMs: number; at: Date }[] = [];
    const flush = async () => {
      const marked = delivered.splice(0);
      if (marked.length === 0) return;
      // One transaction: whoever sees the delivery delivered sees its subscription's run ended. The
      // subscriptions first, then their deliveries: the order an admin's delete takes them (the row,
      // then its deliveries by the cascade), so the two wait for each other, never in a circle.
      await this.tx.run(async (manager) => {
        await this.subscriptions.succeeded(manager, marked.map((m) => m.subscriptionId));
        await this.deliveries.deliveredMany(manager, marked);
      });
      attempts.inc({ outcome: 'delivered' }, marked.length);
    };
    let next = 0;
    const worker = async () => {
      while (next < claimed.length && !this.closed) {
        const result = await this.sendOne(claimed[next++]);
        if (result) delivered.push(result);
        if (delivered.length >= FLUSH_EVERY) await flush();
      }
    };
    const perBatch = Math.max(1, Math.ceil(this.config.webhooks.concurrency / BATCHES));
    try {
      await Promise.all(Array.from({ length: Math.min(perBatch, claimed.length) }, worker));
    } finally {
      await flush();
    }
  }

  private async sendOne(d: ClaimedWebhook): Promise<{ id: string; subscriptionId: string; status: number; durationMs: number; at: Date } | null> {
    const at = this.clock.now();
    // The header's time is the wire's (receivers compare it with their own clock), not the application clock.
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = signatureHeaders(this.cipher.decrypt(d.secretEncrypted), d.id, timestamp, d.body);
    if (d.previousSecretEncrypted && d.previousSecretUntil && new Date(d.previousSecretUntil) > at) {
      // During a rotation both secrets sign (space-separated, as Standard Webhooks allows).
      const previous = signatureHeaders(this.cipher.decrypt(d.previousSecretEncrypted), d.id, timestamp, d.body)['webhook-signature'];
      headers['webhook-signature'] = `${headers['webhook-signature']} ${previous}`;
    }
    const started = process.hrtime.bigint();
    try {
      const reply = await this.http.post(d.url, headers, d.body);
      latency.observe(reply.durationMs / 1000);
      if (reply.status >= 200 && reply.status < 300) return { id: d.id, subscriptionId: d.subscriptionId, status: reply.status, durationMs: reply.durationMs, at };
      await this.failed(d, { status: reply.status, durationMs: reply.durationMs, error: `HTTP ${reply.status}`, at });
    } catch (error) {
      const durationMs = Number((process.hrtime.bigint() - started) / 1_000_000n);
      await this.failed(d, { status: null, durationMs, error: describe(error), at });
    }
    return null;
  }

  private async failed(d: ClaimedWebhook, attempt: { status: number | null; durationMs: number | null; error: string; at: Date }): Promise<void> {
    const retryAt = new Date(attempt.at.getTime() + retryBackoffMs(this.config.events, d.attempts));
    const dead = retryAt > new Date(d.retryUntil);
    try {
      // The subscription first, then the delivery (the order of a delete and its cascade; see flush).
      await this.tx.run(async (manager) => {
        const run = await this.subscriptions.failed(manager, d.subscriptionId, this.config.webhooks.disableAfterFailures, attempt.error);
        await this.deliveries.failed(manager, d.id, attempt, dead ? null : retryAt);
        if (!run?.disabled) return;
        this.logger.warn({ subscriptionId: d.subscriptionId, failures: run.failures }, 'webhook subscription disabled after failures');
        await this.outbox.publish(manager, {
          eventType: 'webhook.subscription_disabled',
          aggregateType: 'webhook_subscription',
          aggregateId: d.subscriptionId,
          payload: { subscriptionId: d.subscriptionId, name: run.name, origin: new URL(run.url).origin, failures: run.failures, lastError: attempt.error.slice(0, 300) },
        });
      });
    } catch (bookkeeping) {
      this.logger.error({ err: bookkeeping, deliveryId: d.id }, 'a failed webhook could not be recorded; its lease runs out and it is tried again');
      return;
    }
    attempts.inc({ outcome: dead ? 'dead' : 'retry' });
    this.logger.warn({ deliveryId: d.id, attempts: d.attempts, error: attempt.error, retryAt: dead ? null : retryAt }, dead ? 'webhook delivery is dead' : 'webhook delivery failed; will retry');
  }
}

/** The error of an attempt as the log shows it (undici wraps the socket's error as `cause`). */
function describe(error: unknown): string {
  const e = error as { message?: string; code?: string; cause?: { message?: string; code?: string } };
  const parts = [e?.message ?? String(error), e?.cause?.message].filter((m, i, all) => !!m && all.indexOf(m) === i);
  return parts.join(': ').slice(0, 1000);
}

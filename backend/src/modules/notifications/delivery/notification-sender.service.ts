import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { Clock } from '../../../common/clock/clock';
import { BatchPump } from '../../../common/lifecycle/batch-pump';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { Mailer } from '../../messaging/mailer';
import { PushSender, PushSubscriptionGone } from '../../messaging/push-sender';
import { retryBackoffMs } from '../../outbox/retry-backoff';
import { SmsReceipt, SmsSender } from '../../messaging/sms-sender';
import { AppealAnswersService } from '../../workflow/answers/appeal-answers.service';
import { renderDigest } from '../catalogue/digest';
import { NotificationPreferences } from '../preferences/notification-preferences.service';
import { PushSubscriptions } from '../push/push-subscriptions.repository';
import { ChannelContent, ClaimedDelivery, NotificationDeliveries } from './notification-deliveries.repository';

const sent = new Counter({ name: 'otklik_notifications_sent_total', help: 'Notices handed to a provider, by channel and outcome', labelNames: ['channel', 'outcome'] });
const latency = new Histogram({
  name: 'otklik_notification_send_seconds',
  help: 'One provider call, by channel',
  labelNames: ['channel'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30],
});

/** Batches sent at once in this process, the deliveries one claim statement leases, and the sends in flight per batch. */
const BATCHES = 4;
const BATCH = 100;
const SENDS_PER_BATCH = 8;
/** Accepted sends marked in one statement. */
const FLUSH_EVERY = 25;
const SWEEP_MS = 1000;
/** How long the record of a notice is kept, and how often old ones are removed. */
const KEEP_DAYS = 365;
const PURGE_EVERY_MS = 3600_000;
/** How long a receipt that came before its row was marked sent waits for it. */
const EARLY_RECEIPT_MS = 10 * 60_000;

/** A delivery its provider accepted, to be marked sent. */
interface Accepted {
  id: string;
  channel: string;
  provider: string;
  providerId: string | null;
}

/** An attempt that may not be repeated (no address, no device left): dead at once. */
class Undeliverable extends Error {}

/**
 * Sends planned deliveries on their channels: in this process (any process that runs event
 * consumers: the API in embedded mode, the workers with Redis), each delivery leased in the
 * database, so several processes share the work without sending anything twice. A delivery is
 * marked sent the moment its provider accepted it; a failure waits out an exponential back-off
 * (the backbone's EVENT_RETRY_* settings) and, attempts spent, is dead. Channels are independent:
 * one provider's outage only delays its own deliveries. A sweep every second takes what is due
 * again: retries, deliveries held for the night, a crashed process's leases, digests.
 */
@Injectable()
export class NotificationSender implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationSender.name);
  private readonly pump = new BatchPump({
    batches: BATCHES,
    batchSize: BATCH,
    run: (ids) => this.runBatch(ids),
    onError: (error, ids) => this.logger.error({ err: error, deliveries: ids.length }, 'notification batch failed; the sweep takes it again'),
  });
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private active = false;
  private lastPurge = 0;
  private readonly earlyReceipts = new Map<string, SmsReceipt>();
  /** The content of deliveries planned in this process and not yet taken by a batch (enqueuePlanned). */
  private readonly planned = new Map<string, ChannelContent>();
  private closed = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: NotificationDeliveries,
    private readonly preferences: NotificationPreferences,
    private readonly devices: PushSubscriptions,
    private readonly mailer: Mailer,
    private readonly sms: SmsSender,
    private readonly push: PushSender,
    private readonly answers: AppealAnswersService,
    private readonly clock: Clock,
    @Optional() @Inject('NOTIFICATION_SENDING') private readonly sending: boolean = true,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.sending) return;
    this.active = true;
    this.sms.onReceipt((r) => void this.receipt(r));
    this.timer = setInterval(() => this.sweep(), SWEEP_MS);
    this.timer.unref();
    this.sweep();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    const stopping = this.pump.close();
    // The queue is dropped (the next start's sweep takes those rows): so is their content.
    this.planned.clear();
    await this.sweeping;
    await stopping;
  }

  /**
   * A delivery receipt. One that finds no row yet (the SMSC answered before this process marked
   * its batch sent) is kept for a while and applied when the row is marked.
   */
  private async receipt(r: SmsReceipt, retry = true): Promise<void> {
    try {
      const matched = await this.deliveries.receipt(this.smsProvider, r.providerId, r.status, r.at, r.error ?? null);
      if (matched === 0 && retry) {
        this.earlyReceipts.set(r.providerId, r);
        const timer = setTimeout(() => this.earlyReceipts.delete(r.providerId), EARLY_RECEIPT_MS);
        timer.unref();
      }
    } catch (error) {
      this.logger.warn({ err: error, providerId: r.providerId }, 'SMS receipt could not be recorded');
    }
  }

  /** Deliveries just planned (after their commit): sent now in this process. */
  enqueue(ids: string[]): void {
    if (!this.active || this.closed) return;
    this.pump.add(ids);
  }

  /**
   * `enqueue` with the content the planner just stored: the claim then leases these rows without
   * reading their content back and decrypting it. Kept until the delivery's batch runs (whether it
   * claims the row or not); a row claimed later (the sweep, another process) is read from the table.
   */
  enqueuePlanned(planned: { id: string; content: ChannelContent }[]): void {
    if (!this.active || this.closed) return;
    for (const { id, content } of planned) this.planned.set(id, content);
    this.pump.add(planned.map((p) => p.id));
  }

  /** Runs until nothing is queued or running (tests, the bench). */
  idle(): Promise<void> {
    return this.pump.idle();
  }

  private get mailProvider(): string {
    return this.config.identity.smtpUrl ? 'smtp' : 'mail.dev';
  }

  private get smsProvider(): string {
    return `sms.${this.config.identity.smsGateway}`;
  }

  private sweep(): void {
    if (this.closed || this.sweeping) return;
    this.sweeping = (async () => {
      const now = this.clock.now();
      this.enqueue(await this.deliveries.due(now, 500));
      await this.sendDigests(now);
      if (Date.now() - this.lastPurge > PURGE_EVERY_MS) {
        this.lastPurge = Date.now();
        const purged = await this.deliveries.purgeOlderThan(KEEP_DAYS);
        if (purged.deliveries || purged.items) this.logger.log(purged, 'old notification records removed');
      }
    })()
      .catch((error) => this.logger.error({ err: error }, 'notification sweep failed'))
      .finally(() => (this.sweeping = undefined));
  }

  /**
   * Sends a claimed batch, SENDS_PER_BATCH at a time, and marks what the providers accepted a few
   * at a time (every FLUSH_EVERY, and before a quarter of the lease has passed since the last
   * mark), so a sent row is never left unmarked long enough for its lease to run out. A process
   * killed meanwhile leaves those rows leased and unmarked: after the lease they go again, with
   * the same delivery id as the provider's idempotency key.
   */
  private async runBatch(ids: string[]): Promise<void> {
    const claimedAt = Date.now();
    let known: Map<string, ChannelContent> | undefined;
    for (const id of ids) {
      const content = this.planned.get(id);
      if (content === undefined) continue;
      (known ??= new Map()).set(id, content);
      this.planned.delete(id);
    }
    const claimed = await this.deliveries.claim(ids, this.clock.now(), this.config.events.leaseSeconds, known);
    const leaseMs = this.config.events.leaseSeconds * 1000;
    const accepted: Accepted[] = [];
    let lastFlush = Date.now();
    const flush = async () => {
      lastFlush = Date.now();
      const marked = accepted.splice(0);
      await this.deliveries.sentMany(marked);
      for (const a of marked) {
        sent.inc({ channel: a.channel, outcome: 'sent' });
        const early = a.providerId ? this.earlyReceipts.get(a.providerId) : undefined;
        if (!early) continue;
        this.earlyReceipts.delete(early.providerId);
        await this.receipt(early, false);
      }
    };
    // What goes out in one provider call: a delivery, or SMS in the gateway's batches when its driver submits several at once.
    const units: ClaimedDelivery[][] = [];
    const batchSize = this.sms.batchSize;
    const sms: ClaimedDelivery[] = [];
    for (const d of claimed) {
      if (batchSize > 1 && d.content.channel === 'sms') sms.push(d);
      else units.push([d]);
    }
    for (let i = 0; i < sms.length; i += batchSize) units.push(sms.slice(i, i + batchSize));
    let next = 0;
    const worker = async () => {
      while (next < units.length && !this.closed) {
        const unit = units[next++];
        const results = batchSize > 1 && unit[0].content.channel === 'sms' ? await this.sendSmsBatch(unit, claimedAt) : [await this.sendOne(unit[0], claimedAt)];
        for (const result of results) if (result) accepted.push(result);
        if (accepted.length >= FLUSH_EVERY || Date.now() - lastFlush > leaseMs / 4) await flush();
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(SENDS_PER_BATCH, units.length) }, worker));
    } finally {
      await flush();
    }
  }

  private async sendOne(delivery: ClaimedDelivery, claimedAt: number): Promise<Accepted | null> {
    // Still ours? The batch's lease may have run out while this one waited its turn (then another
    // claim sends it). Renewed before the send once a quarter of the lease has gone, so a send
    // starts with most of a lease ahead of it; early in a batch the claim's own lease is enough.
    const leaseMs = this.config.events.leaseSeconds * 1000;
    if (Date.now() - claimedAt > leaseMs / 4 && !(await this.deliveries.renew(delivery.id, delivery.attempts, this.config.events.leaseSeconds))) return null;
    const started = process.hrtime.bigint();
    try {
      const { provider, providerId } = await this.deliver(delivery.content, delivery);
      return { id: delivery.id, channel: delivery.channel, provider, providerId };
    } catch (error) {
      await this.failed(delivery, error);
      return null;
    } finally {
      latency.observe({ channel: delivery.channel }, Number(process.hrtime.bigint() - started) / 1e9);
    }
  }

  /**
   * SMS in one batch submit: each still this sender's (renewed together, as `sendOne` renews one),
   * one outcome per message — accepted with the gateway's id of it, or failed on its own.
   */
  private async sendSmsBatch(batch: ClaimedDelivery[], claimedAt: number): Promise<(Accepted | null)[]> {
    const { leaseSeconds } = this.config.events;
    let mine = batch;
    if (Date.now() - claimedAt > (leaseSeconds * 1000) / 4) {
      const renewed = new Set(await this.deliveries.renewMany(batch.map((d) => ({ id: d.id, attempts: d.attempts })), leaseSeconds));
      mine = batch.filter((d) => renewed.has(d.id));
    }
    if (mine.length === 0) return [];
    const started = process.hrtime.bigint();
    // The delivery id as each message's idempotency key, as in `deliver`.
    const outcomes = await this.sms.sendMany(
      mine.map((d) => {
        const content = d.content as Extract<ChannelContent, { channel: 'sms' }>;
        return { phone: content.to, text: content.text, ref: d.id };
      }),
    );
    latency.observe({ channel: 'sms' }, Number(process.hrtime.bigint() - started) / 1e9);
    const results: (Accepted | null)[] = [];
    for (const [i, outcome] of outcomes.entries()) {
      if ('error' in outcome) {
        await this.failed(mine[i], outcome.error);
        results.push(null);
      } else results.push({ id: mine[i].id, channel: 'sms', provider: this.smsProvider, providerId: outcome.providerId });
    }
    return results;
  }

  private async deliver(content: ChannelContent, delivery: ClaimedDelivery): Promise<{ provider: string; providerId: string | null }> {
    switch (content.channel) {
      case 'email': {
        const attachments: { filename: string; content: Buffer; contentType: string }[] = [];
        if (content.answerPdfOf) {
          const pdf = await this.answers.signedPdf(content.answerPdfOf, content.locale ?? 'ru');
          if (pdf) attachments.push({ filename: pdf.filename, content: pdf.body, contentType: 'application/pdf' });
        }
        // One Message-ID per delivery: a resend after a crash is recognisably the same mail.
        const stableId = `<notice-${delivery.id}@${new URL(this.config.publicUrl).hostname}>`;
        const { messageId } = await this.mailer.send({ to: content.to, subject: content.subject, text: content.text, html: content.html, attachments, messageId: stableId });
        return { provider: this.mailProvider, providerId: messageId };
      }
      case 'sms': {
        // The delivery id as the gateway's idempotency key (HTTP gateways; SMPP has none).
        const { providerId } = await this.sms.send(content.to, content.text, { ref: delivery.id });
        return { provider: this.smsProvider, providerId };
      }
      case 'push': {
        const devices = await this.devices.devicesOf(delivery.recipientId);
        if (devices.length === 0) throw new Undeliverable('no push subscription left');
        const payload = JSON.stringify({ title: content.title, body: content.body, url: content.url, tag: content.tag, kind: delivery.kind });
        let reached = 0;
        let failure: Error | null = null;
        for (const device of devices) {
          try {
            await this.push.send(device, payload, { ttlSeconds: 24 * 3600, urgency: 'normal', topic: `d${delivery.id}` });
            await this.devices.used(device.id);
            reached++;
          } catch (error) {
            if (error instanceof PushSubscriptionGone) await this.devices.forget(device.id);
            else failure = error instanceof Error ? error : new Error(String(error));
          }
        }
        if (reached === 0 && failure) throw failure;
        if (reached === 0) throw new Undeliverable('every push subscription is gone');
        return { provider: 'webpush', providerId: `${reached}/${devices.length} devices` };
      }
    }
  }

  private async failed(delivery: ClaimedDelivery, error: unknown): Promise<void> {
    const message = String((error as Error)?.message ?? error);
    const { maxAttempts } = this.config.events;
    const dead = error instanceof Undeliverable || delivery.attempts >= maxAttempts;
    const retryAt = dead ? null : new Date(this.clock.now().getTime() + this.backoffMs(delivery.attempts));
    try {
      await this.deliveries.failed(delivery.id, message, retryAt);
    } catch (bookkeeping) {
      this.logger.error({ err: bookkeeping, deliveryId: delivery.id }, 'a failed notification could not be recorded; its lease runs out and it is tried again');
      return;
    }
    sent.inc({ channel: delivery.channel, outcome: dead ? 'dead' : 'retry' });
    const log = { err: error, deliveryId: delivery.id, channel: delivery.channel, attempts: delivery.attempts, retryAt };
    if (dead) this.logger.error(log, 'notification is dead');
    else this.logger.warn(log, 'notification failed; will retry');
  }

  private backoffMs(attempts: number): number {
    return retryBackoffMs(this.config.events, attempts);
  }

  /** One e-mail per recipient whose digest is due, listing what they were told since the last. */
  private async sendDigests(now: Date): Promise<void> {
    const due = await this.deliveries.claimDigests(now, this.config.events.leaseSeconds, 50);
    if (due.size === 0) return;
    const prefs = await this.preferences.of([...due.keys()]);
    for (const [recipientId, rows] of due) {
      const mails = rows.map((r) => r.content).filter((c): c is Extract<ChannelContent, { channel: 'email' }> => c.channel === 'email');
      const ids = rows.map((r) => r.id);
      if (mails.length === 0) continue;
      try {
        const digest = renderDigest(prefs.get(recipientId)?.locale ?? 'ru', mails.map((m) => ({ subject: m.subject, text: m.text })));
        const { messageId } = await this.mailer.send({ to: mails[0].to, ...digest });
        await this.deliveries.digestSent(ids, this.mailProvider, messageId);
        sent.inc({ channel: 'email', outcome: 'digest' });
      } catch (error) {
        this.logger.warn({ err: error, recipientId, notices: ids.length }, 'digest failed; will retry');
        await this.deliveries.digestFailed(ids, String((error as Error)?.message ?? error), new Date(now.getTime() + this.backoffMs(rows[0].attempts)));
      }
    }
  }
}

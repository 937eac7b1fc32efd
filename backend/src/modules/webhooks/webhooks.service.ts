import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock/clock';
import { PersonalDataCipher } from '../../common/crypto/personal-data-cipher';
import { Actor } from '../../common/http/actor';
import { decodeCursor, DEFAULT_LIMIT, encodeCursor } from '../../common/pagination/cursor';
import { NotFoundError, ValidationFailedError } from '../../common/problem/domain-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { WebhookDeliveries } from './webhook-deliveries.repository';
import { ENVELOPE_VERSION, TEST_EVENT_TYPE, WebhookEnvelope } from './webhook-envelope';
import { receiverUrlProblem } from './webhook-http';
import { PREVIOUS_SECRET_HOURS, WebhookSender } from './webhook-sender.service';
import { newSecret } from './webhook-signature';
import { SubscriptionRow, WebhookSubscriptions } from './webhook-subscriptions.repository';
import {
  WebhookDeliveriesQuery,
  WebhookDeliveryDto,
  WebhookDeliveryPageDto,
  WebhookReplayRangeDto,
  WebhookReplayResultDto,
  WebhookSecretDto,
  WebhookSubscriptionCreatedDto,
  WebhookSubscriptionDto,
  WebhookSubscriptionInputDto,
  WebhookSubscriptionListDto,
  WebhookSubscriptionPatchDto,
  WebhookTestResultDto,
} from './webhooks.dto';

/** A replayed range may span at most this long (a replay is a burst to the receiver). */
const MAX_REPLAY_RANGE_DAYS = 31;

/** The admin API's use cases on subscriptions and their delivery log; every write audited in its transaction. */
@Injectable()
export class WebhooksService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly deliveries: WebhookDeliveries,
    private readonly sender: WebhookSender,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<WebhookSubscriptionListDto> {
    return { items: (await this.subscriptions.list()).map(WebhookSubscriptionDto.of) };
  }

  async get(id: string): Promise<WebhookSubscriptionDto> {
    return WebhookSubscriptionDto.of(await this.existing(id));
  }

  async create(actor: Actor, dto: WebhookSubscriptionInputDto): Promise<WebhookSubscriptionCreatedDto> {
    this.checkUrl(dto.url);
    const secret = newSecret();
    const row = await this.tx.run(async (manager) => {
      let created = await this.subscriptions.create(manager, {
        name: dto.name.trim(),
        url: dto.url,
        events: dto.events,
        departmentIds: dto.departmentIds ?? [],
        categoryIds: dto.categoryIds ?? [],
        secretEncrypted: this.cipher.encrypt(secret),
        createdBy: actor.userId,
      });
      if (dto.enabled === false) created = await this.subscriptions.update(manager, created.id, { enabled: false });
      await this.audit.record(manager, actor, { action: 'webhook.create', entityType: 'webhook_subscription', entityId: created.id, change: { before: null, after: audited(created) } });
      return created;
    });
    return { ...WebhookSubscriptionDto.of(row), secret };
  }

  async update(actor: Actor, id: string, dto: WebhookSubscriptionPatchDto): Promise<WebhookSubscriptionDto> {
    if (dto.url !== undefined) this.checkUrl(dto.url);
    const row = await this.tx.run(async (manager) => {
      const before = await this.existing(id, manager);
      const after = await this.subscriptions.update(manager, id, { ...dto, name: dto.name?.trim() });
      await this.audit.record(manager, actor, { action: 'webhook.update', entityType: 'webhook_subscription', entityId: id, change: { before: audited(before), after: audited(after) } });
      return after;
    });
    return WebhookSubscriptionDto.of(row);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.tx.run(async (manager) => {
      const before = await this.existing(id, manager);
      await this.subscriptions.remove(manager, id);
      await this.audit.record(manager, actor, {
        action: 'webhook.delete',
        entityType: 'webhook_subscription',
        entityId: id,
        details: { name: before.name, url: withoutQuery(before.url) },
        change: { before: { name: before.name, url: withoutQuery(before.url) }, after: { name: null, url: null } },
      });
    });
  }

  /** A new secret, shown once; the previous one keeps signing beside it for PREVIOUS_SECRET_HOURS. */
  async rotateSecret(actor: Actor, id: string): Promise<WebhookSecretDto> {
    const secret = newSecret();
    await this.tx.run(async (manager) => {
      const before = await this.existing(id, manager);
      const now = this.clock.now();
      const until = new Date(now.getTime() + PREVIOUS_SECRET_HOURS * 3600_000);
      await this.subscriptions.rotateSecret(manager, id, this.cipher.encrypt(secret), until);
      // The secret itself never enters the audit log: the change is when it was last rotated.
      await this.audit.record(manager, actor, {
        action: 'webhook.secret_rotated',
        entityType: 'webhook_subscription',
        entityId: id,
        details: { previousValidUntil: until.toISOString() },
        change: { before: { secretRotatedAt: before.secretRotatedAt ? new Date(before.secretRotatedAt).toISOString() : null }, after: { secretRotatedAt: now.toISOString() } },
      });
    });
    return { secret };
  }

  async deliveryLog(id: string, query: WebhookDeliveriesQuery): Promise<WebhookDeliveryPageDto> {
    await this.existing(id);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await this.deliveries.page(id, { status: query.status, limit: limit + 1, before: query.cursor ? after(query.cursor) : undefined });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { items: page.map(WebhookDeliveryDto.of), nextCursor: rows.length > limit && last ? encodeCursor([new Date(last.createdAt).toISOString(), last.id]) : null };
  }

  async replayOne(actor: Actor, id: string, deliveryId: string): Promise<WebhookReplayResultDto> {
    const ids = await this.tx.run(async (manager) => {
      await this.existing(id, manager);
      const replayed = await this.deliveries.replay(manager, id, { id: deliveryId }, this.clock.now(), this.retryUntil());
      if (replayed.length === 0) throw new NotFoundError('webhook_delivery');
      await this.audit.record(manager, actor, { action: 'webhook.replay', entityType: 'webhook_subscription', entityId: id, details: { deliveryId, replayed: 1 } });
      return replayed;
    });
    this.sender.enqueue(ids);
    return { replayed: ids.length };
  }

  async replayRange(actor: Actor, id: string, dto: WebhookReplayRangeDto): Promise<WebhookReplayResultDto> {
    const from = new Date(dto.from);
    const to = new Date(dto.to);
    if (!(from < to)) throw new ValidationFailedError([{ field: 'to', code: 'range_reversed', message: 'to must be after from' }]);
    if (to.getTime() - from.getTime() > MAX_REPLAY_RANGE_DAYS * 86_400_000) {
      throw new ValidationFailedError([{ field: 'to', code: 'range_too_long', message: `a replayed range spans at most ${MAX_REPLAY_RANGE_DAYS} days` }]);
    }
    const ids = await this.tx.run(async (manager) => {
      await this.existing(id, manager);
      const replayed = await this.deliveries.replay(manager, id, { from, to }, this.clock.now(), this.retryUntil());
      await this.audit.record(manager, actor, { action: 'webhook.replay', entityType: 'webhook_subscription', entityId: id, details: { from: dto.from, to: dto.to, replayed: replayed.length } });
      return replayed;
    });
    this.sender.enqueue(ids);
    return { replayed: ids.length };
  }

  /** A `webhook.test` delivery, signed like any other (sent even to a disabled subscription, to check the receiver). */
  async sendTest(actor: Actor, id: string): Promise<WebhookTestResultDto> {
    const deliveryId = randomUUID();
    const now = this.clock.now();
    const envelope: WebhookEnvelope = { type: TEST_EVENT_TYPE, version: ENVELOPE_VERSION, id: deliveryId, timestamp: now.toISOString(), data: { subscriptionId: id, test: true } };
    await this.tx.run(async (manager) => {
      await this.existing(id, manager);
      await this.deliveries.add(manager, [{ id: deliveryId, subscriptionId: id, eventId: null, eventType: TEST_EVENT_TYPE, body: JSON.stringify(envelope), retryUntil: this.retryUntil(), dueAt: now }]);
      await this.audit.record(manager, actor, { action: 'webhook.test_sent', entityType: 'webhook_subscription', entityId: id, details: { deliveryId } });
    });
    this.sender.enqueue([deliveryId]);
    return { deliveryId };
  }

  private retryUntil(): Date {
    return new Date(this.clock.now().getTime() + this.config.webhooks.retryHours * 3600_000);
  }

  private checkUrl(url: string): void {
    const problem = receiverUrlProblem(url, this.config.webhooks);
    if (problem) throw new ValidationFailedError([{ field: 'url', code: `webhook_url_${problem}`, message: urlMessage(problem) }]);
  }

  private async existing(id: string, manager = this.tx.manager): Promise<SubscriptionRow> {
    const row = await this.subscriptions.get(id, manager);
    if (!row) throw new NotFoundError('webhook_subscription');
    return row;
  }
}

/** What the audit row keeps of a subscription: never its secret, nor the URL's query (receivers put tokens there; audit rows are forever). */
function audited(r: SubscriptionRow): Record<string, unknown> {
  return { name: r.name, url: withoutQuery(r.url), events: r.events, departmentIds: r.departmentIds, categoryIds: r.categoryIds, enabled: r.enabled };
}

function withoutQuery(raw: string): string {
  const url = new URL(raw);
  return `${url.origin}${url.pathname}${url.search ? '?…' : ''}`;
}

function urlMessage(problem: string): string {
  if (problem === 'https_required') return 'the receiver must use https';
  if (problem === 'not_a_url') return 'not a valid URL';
  if (problem === 'credentials_in_url') return 'credentials in the URL are not allowed (the signature authenticates the sender)';
  if (problem === 'fragment_in_url') return 'a URL fragment is not allowed';
  return `the receiver's address is not public (${problem.replace(/^address_/, '')}); list it in WEBHOOK_ALLOW_LIST for an on-premise receiver`;
}

/** The sort key a cursor carries, checked: a forged one is a 422 on `cursor`. */
function after(cursor: string): { createdAt: Date; id: string } {
  const [createdAt, id] = decodeCursor(cursor, 2);
  const at = new Date(String(createdAt));
  if (Number.isNaN(at.getTime()) || typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new ValidationFailedError([{ field: 'cursor', code: 'invalid_cursor', message: 'invalid cursor' }]);
  }
  return { createdAt: at, id };
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { WebhookDeliveryStatus } from './webhook-delivery.entity';

export interface NewWebhookDelivery {
  id: string;
  subscriptionId: string;
  eventId: string | null;
  eventType: string;
  body: string;
  retryUntil: Date;
  dueAt: Date;
}

/** A delivery a sender holds the lease of, with what it needs to send it. */
export interface ClaimedWebhook {
  id: string;
  subscriptionId: string;
  attempts: number;
  body: string;
  retryUntil: Date;
  url: string;
  secretEncrypted: string;
  previousSecretEncrypted: string | null;
  previousSecretUntil: Date | null;
}

/** One row of a subscription's delivery log. */
export interface WebhookDeliveryView {
  id: string;
  eventId: string | null;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  replays: number;
  lastStatusCode: number | null;
  lastDurationMs: number | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

/** The webhooks module's `webhook_deliveries`: written by the consumer, leased and settled by the sender, read by the log. */
@Injectable()
export class WebhookDeliveries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts what is not there yet (a redelivered event adds nothing); returns the ids added now. */
  async add(manager: EntityManager, rows: NewWebhookDelivery[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const added = await manager.query<{ id: string }[]>(
      `INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type, body, retry_until, next_attempt_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[])
       ON CONFLICT (event_id, subscription_id) DO NOTHING RETURNING id`,
      [rows.map((r) => r.id), rows.map((r) => r.subscriptionId), rows.map((r) => r.eventId), rows.map((r) => r.eventType), rows.map((r) => r.body), rows.map((r) => r.retryUntil), rows.map((r) => r.dueAt)],
    );
    return added.map((r) => r.id);
  }

  /**
   * Leases due deliveries of enabled subscriptions (a test delivery goes to a disabled one too),
   * counting the attempt. A row another sender holds, or one settled, is not returned.
   */
  async claim(ids: string[], now: Date, leaseSeconds: number): Promise<ClaimedWebhook[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query(
      `WITH claimed AS (
         UPDATE webhook_deliveries d SET attempts = d.attempts + 1, locked_until = clock_timestamp() + make_interval(secs => $3)
           FROM webhook_subscriptions s
          WHERE d.id = ANY($1::uuid[]) AND s.id = d.subscription_id AND (s.enabled OR d.event_id IS NULL)
            AND d.status = 'pending' AND d.next_attempt_at <= $2 AND (d.locked_until IS NULL OR d.locked_until < clock_timestamp())
         RETURNING d.id, d.subscription_id AS "subscriptionId", d.attempts, d.body, d.retry_until AS "retryUntil", s.url,
                   s.secret_encrypted AS "secretEncrypted", s.previous_secret_encrypted AS "previousSecretEncrypted", s.previous_secret_until AS "previousSecretUntil")
       SELECT * FROM claimed`,
      [ids, now, leaseSeconds],
    );
  }

  /** Due and free deliveries of enabled subscriptions (the sweep: retries, a dead sender's leases, replays made elsewhere). */
  async due(now: Date, limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT d.id FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
        WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND (d.locked_until IS NULL OR d.locked_until < clock_timestamp())
          AND (s.enabled OR d.event_id IS NULL)
        ORDER BY d.next_attempt_at LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Several deliveries the receivers accepted (2xx), in one statement (in the caller's transaction, with their subscriptions' runs ended). */
  async deliveredMany(manager: EntityManager, rows: { id: string; status: number; durationMs: number; at: Date }[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `UPDATE webhook_deliveries d SET status = 'delivered', delivered_at = k.at, last_attempt_at = k.at, last_status_code = k.status, last_duration_ms = k.duration,
              last_error = NULL, locked_until = NULL
         FROM unnest($1::uuid[], $2::int[], $3::int[], $4::timestamptz[]) AS k(id, status, duration, at)
        WHERE d.id = k.id`,
      [rows.map((r) => r.id), rows.map((r) => r.status), rows.map((r) => r.durationMs), rows.map((r) => r.at)],
    );
  }

  /** A failed attempt: again at `retryAt`, or — `retryAt` null — dead (in the caller's transaction, with its subscription's run). */
  async failed(manager: EntityManager, id: string, attempt: { status: number | null; durationMs: number | null; error: string; at: Date }, retryAt: Date | null): Promise<void> {
    await manager.query(
      `UPDATE webhook_deliveries SET status = CASE WHEN $6::timestamptz IS NULL THEN 'dead' ELSE 'pending' END, next_attempt_at = coalesce($6, next_attempt_at),
              last_attempt_at = $5, last_status_code = $2, last_duration_ms = $3, last_error = $4, locked_until = NULL
        WHERE id = $1`,
      [id, attempt.status, attempt.durationMs, attempt.error.slice(0, 2000), attempt.at, retryAt],
    );
  }

  /** A page of a subscription's log, newest first (keyset on created_at, id). */
  async page(subscriptionId: string, filter: { status?: WebhookDeliveryStatus; limit: number; before?: { createdAt: Date; id: string } }): Promise<WebhookDeliveryView[]> {
    const params: unknown[] = [subscriptionId];
    const where = ['d.subscription_id = $1'];
    if (filter.status) where.push(`d.status = $${params.push(filter.status)}`);
    if (filter.before) where.push(`(d.created_at, d.id) < ($${params.push(filter.before.createdAt)}, $${params.push(filter.before.id)}::uuid)`);
    return this.dataSource.query(
      `SELECT d.id, d.event_id::text AS "eventId", d.event_type AS "eventType", d.status, d.attempts, d.replays, d.last_status_code AS "lastStatusCode",
              d.last_duration_ms AS "lastDurationMs", d.last_error AS "lastError", d.last_attempt_at AS "lastAttemptAt",
              CASE WHEN d.status = 'pending' THEN d.next_attempt_at END AS "nextAttemptAt", d.delivered_at AS "deliveredAt", d.created_at AS "createdAt"
         FROM webhook_deliveries d WHERE ${where.join(' AND ')}
        ORDER BY d.created_at DESC, d.id DESC LIMIT $${params.push(filter.limit)}`,
      params,
    );
  }

  /**
   * Sends deliveries of a subscription again, with their ids and bodies (the same webhook-id):
   * one delivery, or those created in [from, to). They are due at `now`, with a fresh retry window.
   */
  async replay(manager: EntityManager, subscriptionId: string, which: { id: string } | { from: Date; to: Date }, now: Date, retryUntil: Date): Promise<string[]> {
    const params: unknown[] = [subscriptionId, now, retryUntil];
    const where = 'id' in which ? `id = $${params.push(which.id)}::uuid` : `created_at >= $${params.push(which.from)} AND created_at < $${params.push(which.to)}`;
    const rows = await manager.query<{ id: string }[]>(
      `WITH r AS (
         UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $2, retry_until = $3, locked_until = NULL, replays = replays + 1
          WHERE subscription_id = $1 AND ${where} RETURNING id)
       SELECT id FROM r`,
      params,
    );
    return rows.map((r) => r.id);
  }

  /** Forgets settled deliveries older than `days`. */
  async purgeOlderThan(days: number): Promise<number> {
    const rows = await this.dataSource.query<unknown[]>(
      `WITH d AS (DELETE FROM webhook_deliveries WHERE created_at < now() - make_interval(days => $1) AND status IN ('delivered', 'dead') RETURNING 1) SELECT * FROM d`,
      [days],
    );
    return rows.length;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PersonalDataCipher } from '../../../common/crypto/personal-data-cipher';
import type { Channel, Locale, NoticeKind } from '../catalogue/notice-kinds';
import type { DeliveryState } from './notification-delivery.entity';

/** What a channel sends, as the planner rendered it (stored encrypted: it holds the address and the texts). */
export type ChannelContent =
  | { channel: 'email'; to: string; subject: string; text: string; html: string; locale?: Locale; answerPdfOf?: string }
  | { channel: 'sms'; to: string; text: string }
  | { channel: 'push'; title: string; body: string; url: string; tag: string };

export interface NewDelivery {
  eventId: string;
  recipientId: string;
  recipientKind: 'user' | 'contact';
  channel: Channel;
  kind: NoticeKind;
  eventType: string;
  appealId: string | null;
  state: DeliveryState;
  dueAt: Date;
  address: string | null;
  content: ChannelContent | null;
}

/** A delivery a sender holds the lease of. */
/** A delivery row as `add` returns it (the rows it added now). */
export interface AddedDelivery {
  id: string;
  state: DeliveryState;
  eventId: string;
  recipientId: string;
  channel: Channel;
}

export interface ClaimedDelivery {
  id: string;
  channel: Exclude<Channel, 'in_app'>;
  recipientId: string;
  recipientKind: 'user' | 'contact';
  kind: NoticeKind;
  eventId: string;
  attempts: number;
  content: ChannelContent;
}

/** A delivery as the appeal's card and the citizen see it. */
export interface DeliveryView {
  id: string;
  kind: string;
  channel: Channel;
  recipient: 'citizen' | 'staff';
  recipientId: string;
  status: DeliveryState;
  address: string | null;
  attempts: number;
  provider: string | null;
  providerId: string | null;
  lastError: string | null;
  receiptStatus: string | null;
  receiptAt: Date | null;
  sentAt: Date | null;
  scheduledFor: Date | null;
  createdAt: Date;
}

/** A delivery as the on-call engineer sees it: what failed, where, and why. */
export interface DeliveryRecordView {
  id: string;
  eventId: string;
  eventType: string;
  appealId: string | null;
  kind: string;
  channel: Channel;
  recipientKind: 'user' | 'contact';
  status: DeliveryState;
  address: string | null;
  attempts: number;
  provider: string | null;
  lastError: string | null;
  retriable: boolean;
  createdAt: Date;
}

/** The admin's page filter: newest first, keyset on (created_at, id). */
export interface DeliveryListFilter {
  status: DeliveryState;
  channel?: Channel;
  limit: number;
  before?: { createdAt: Date; id: string };
}

/** Dead deliveries retried at once, at most (a bigger backlog is retried in several calls). */
export const RETRY_DEAD_LIMIT = 10_000;

/**
 * The delivery records (this module's `notification_deliveries`): written by the planner, leased
 * and settled by the sender, read by the appeal's card. Times that decide when something may go
 * out (quiet hours, back-off) are the application clock's, passed in.
 */
@Injectable()
export class NotificationDeliveries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** Inserts what is not there yet (a redelivered event adds nothing); returns the rows added now, with their key. */
  async add(manager: EntityManager, rows: NewDelivery[]): Promise<AddedDelivery[]> {
    if (rows.length === 0) return [];
    const params: unknown[] = [];
    return manager.query(this.insertStatement(rows, (value) => `$${params.push(value)}`), params);
  }

  /**
   * The INSERT of `add` (its rows: AddedDelivery), the content encrypted, with its parameters named
   * by `param`: the planner writes it beside its in-app items in one statement.
   */
  insertStatement(rows: readonly NewDelivery[], param: (value: unknown) => string): string {
    const arrays: [unknown[], string][] = [
      [rows.map((r) => r.eventId), 'bigint'],
      [rows.map((r) => r.recipientId), 'uuid'],
      [rows.map((r) => r.recipientKind), 'text'],
      [rows.map((r) => r.channel), 'text'],
      [rows.map((r) => r.kind), 'text'],
      [rows.map((r) => r.eventType), 'text'],
      [rows.map((r) => r.appealId), 'uuid'],
      [rows.map((r) => r.state), 'text'],
      [rows.map((r) => r.dueAt), 'timestamptz'],
      [rows.map((r) => r.address), 'text'],
      [rows.map((r) => (r.content ? this.cipher.encrypt(JSON.stringify(r.content)) : null)), 'text'],
    ];
    return `INSERT INTO notification_deliveries (event_id, recipient_id, recipient_kind, channel, kind, event_type, appeal_id, status, next_attempt_at, address, content_encrypted, sent_at, provider)
       SELECT k.event_id, k.recipient_id, k.recipient_kind, k.channel, k.kind, k.event_type, k.appeal_id, k.status, k.due, k.address, k.content,
              CASE WHEN k.status = 'sent' THEN k.due END, CASE WHEN k.channel = 'in_app' THEN 'in_app' END
         FROM unnest(${arrays.map(([values, type]) => `${param(values)}::${type}[]`).join(', ')})
           AS k(event_id, recipient_id, recipient_kind, channel, kind, event_type, appeal_id, status, due, address, content)
       ON CONFLICT (event_id, recipient_id, channel) DO NOTHING
       RETURNING id::text AS id, status AS state, event_id::text AS "eventId", recipient_id AS "recipientId", channel`;
  }

  /**
   * Leases deliveries that are due and free (pending, or held past quiet hours), counting the
   * attempt. A row another sender holds, or one already settled, is not returned.
   */
  async claim(ids: string[], now: Date, leaseSeconds: number, known?: ReadonlyMap<string, ChannelContent>): Promise<ClaimedDelivery[]> {
    if (ids.length === 0) return [];
    // What this process planned a moment ago is not read back and decrypted: the planner's own content (the same as the row's).
    const skip = known ? ids.filter((id) => known.has(id)) : [];
    const rows = await this.dataSource.query<(Omit<ClaimedDelivery, 'content'> & { content: string | null })[]>(
      `WITH claimed AS (
         UPDATE notification_deliveries d SET attempts = d.attempts + 1, status = 'pending', locked_until = clock_timestamp() + make_interval(secs => $3)
          WHERE d.id = ANY($1::bigint[]) AND d.status IN ('pending', 'held') AND d.next_attempt_at <= $2
            AND (d.locked_until IS NULL OR d.locked_until < clock_timestamp())
         RETURNING d.id::text AS id, d.channel, d.recipient_id AS "recipientId", d.recipient_kind AS "recipientKind", d.kind, d.event_id::text AS "eventId",
                   d.attempts, CASE WHEN d.id = ANY($4::bigint[]) THEN NULL ELSE d.content_encrypted END AS content)
       SELECT * FROM claimed`,
      [ids, now, leaseSeconds, skip],
    );
    return rows.map((r) => ({ ...r, content: r.content === null ? known!.get(r.id)! : (JSON.parse(this.cipher.decrypt(r.content)) as ChannelContent) }));
  }

  /**
   * Renews a claimed delivery's lease right before its send, if the claim is still this sender's
   * (the attempt it counted, still pending). A batch is leased at once but sent a few at a time
   * behind the provider's rate limit: a lease that ran out meanwhile may have been claimed again
   * (by the sweep of this process or another), and then this sender must not send it too.
   */
  async renew(id: string, attempt: number, leaseSeconds: number): Promise<boolean> {
    return (await this.renewMany([{ id, attempts: attempt }], leaseSeconds)).length > 0;
  }

  /** `renew` for several deliveries sent together (a batch submit); returns the ids still this sender's. */
  async renewMany(rows: { id: string; attempts: number }[], leaseSeconds: number): Promise<string[]> {
    if (rows.length === 0) return [];
    const renewed = await this.dataSource.query<{ id: string }[]>(
      `WITH renewed AS (
         UPDATE notification_deliveries d SET locked_until = clock_timestamp() + make_interval(secs => $3)
           FROM unnest($1::bigint[], $2::int[]) AS k(id, attempts)
          WHERE d.id = k.id AND d.attempts = k.attempts AND d.status = 'pending' RETURNING d.id::text AS id)
       SELECT id FROM renewed`,
      [rows.map((r) => r.id), rows.map((r) => r.attempts), leaseSeconds],
    );
    return renewed.map((r) => r.id);
  }

  /** Due and free deliveries (the sweep behind the post-commit hand-over: retries, the morning after quiet hours, a dead sender's lease). */
  async due(now: Date, limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id::text AS id FROM notification_deliveries
        WHERE status IN ('pending', 'held') AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until < clock_timestamp())
        ORDER BY next_attempt_at LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Forgets settled deliveries and in-app items older than `days` (a year): the record of who was
   * told does not outlive the appeals' own retention, whose anonymisation would leave their
   * subjects in the texts. Returns the rows removed.
   */
  async purgeOlderThan(days: number): Promise<{ deliveries: number; items: number }> {
    const [{ deliveries, items }] = await this.dataSource.query<{ deliveries: number; items: number }[]>(
      `WITH d AS (DELETE FROM notification_deliveries WHERE created_at < now() - make_interval(days => $1)
                    AND status IN ('sent', 'delivered', 'failed', 'dead') RETURNING 1),
            n AS (DELETE FROM notifications WHERE created_at < now() - make_interval(days => $1) RETURNING 1)
       SELECT (SELECT count(*) FROM d)::int AS deliveries, (SELECT count(*) FROM n)::int AS items`,
      [days],
    );
    return { deliveries, items };
  }

  /** Several deliveries the providers accepted, in one statement (a batch's marks). */
  async sentMany(rows: { id: string; provider: string; providerId: string | null }[]): Promise<void> {
    if (rows.length === 0) return;
    await this.dataSource.query(
      `UPDATE notification_deliveries d SET status = 'sent', provider = k.provider, provider_id = k.provider_id, sent_at = clock_timestamp(), locked_until = NULL,
              last_error = NULL, content_encrypted = NULL
         FROM unnest($1::bigint[], $2::text[], $3::text[]) AS k(id, provider, provider_id)
        WHERE d.id = k.id`,
      [rows.map((r) => r.id), rows.map((r) => r.provider), rows.map((r) => r.providerId)],
    );
  }

  /** A failed attempt: again at `retryAt`, or — `retryAt` null — dead (attempts spent, or nowhere to send it). */
  async failed(id: string, error: string, retryAt: Date | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_deliveries SET status = CASE WHEN $3::timestamptz IS NULL THEN 'dead' ELSE 'pending' END, next_attempt_at = coalesce($3, next_attempt_at),
              locked_until = NULL, last_error = $2 WHERE id = $1`,
      [id, error.slice(0, 2000), retryAt],
    );
  }

  /** A provider's delivery receipt (SMPP deliver_sm, a push or gateway callback). */
  async receipt(provider: string, providerId: string, status: string, at: Date, error: string | null): Promise<number> {
    const rows = await this.dataSource.query<unknown[]>(
      `WITH updated AS (
         UPDATE notification_deliveries SET receipt_status = $3, receipt_at = $4,
                status = CASE WHEN $3 = 'delivered' THEN 'delivered' WHEN status IN ('sent', 'delivered') THEN 'failed' ELSE status END,
                last_error = coalesce($5, last_error)
          WHERE provider = $1 AND provider_id = $2 RETURNING id)
       SELECT id FROM updated`,
      [provider, providerId, status, at, error],
    );
    return rows.length;
  }

  /** Recipients whose digest is due, with the rows it gathers (leased together). */
  async claimDigests(now: Date, leaseSeconds: number, limit: number): Promise<Map<string, ClaimedDelivery[]>> {
    const rows = await this.dataSource.query<(Omit<ClaimedDelivery, 'content'> & { content: string })[]>(
      `WITH due AS (
         SELECT DISTINCT recipient_id FROM notification_deliveries
          WHERE status = 'digest' AND next_attempt_at <= $1 AND (locked_until IS NULL OR locked_until < clock_timestamp()) LIMIT $3)
       , claimed AS (
         UPDATE notification_deliveries d SET attempts = d.attempts + 1, locked_until = clock_timestamp() + make_interval(secs => $2)
           FROM due WHERE d.recipient_id = due.recipient_id AND d.status = 'digest' AND d.next_attempt_at <= $1
         RETURNING d.id::text AS id, d.channel, d.recipient_id AS "recipientId", d.recipient_kind AS "recipientKind", d.kind, d.event_id::text AS "eventId",
                   d.attempts, d.content_encrypted AS content)
       SELECT * FROM claimed`,
      [now, leaseSeconds, limit],
    );
    const byRecipient = new Map<string, ClaimedDelivery[]>();
    for (const r of rows) {
      const list = byRecipient.get(r.recipientId) ?? [];
      list.push({ ...r, content: JSON.parse(this.cipher.decrypt(r.content)) as ChannelContent });
      byRecipient.set(r.recipientId, list);
    }
    return byRecipient;
  }

  async digestSent(ids: string[], provider: string, providerId: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_deliveries SET status = 'sent', provider = $2, provider_id = $3, sent_at = clock_timestamp(), locked_until = NULL, last_error = NULL,
              content_encrypted = NULL WHERE id = ANY($1::bigint[])`,
      [ids, provider, providerId],
    );
  }

  async digestFailed(ids: string[], error: string, retryAt: Date): Promise<void> {
    await this.dataSource.query(`UPDATE notification_deliveries SET next_attempt_at = $3, locked_until = NULL, last_error = $2 WHERE id = ANY($1::bigint[])`, [
      ids,
      error.slice(0, 2000),
      retryAt,
    ]);
  }

  /** Every notice of an appeal, oldest first; `citizenOnly`: only what was sent to its author (`citizenId`, or the contact of one filed without an account). */
  ofAppeal(appealId: string, citizenId: string | null, citizenOnly: boolean): Promise<DeliveryView[]> {
    return this.dataSource.query(
      `SELECT d.id::text AS id, d.kind, d.channel, CASE WHEN d.recipient_kind = 'contact' OR d.recipient_id = $2 THEN 'citizen' ELSE 'staff' END AS recipient,
              d.recipient_id AS "recipientId", d.status, d.address, d.attempts, d.provider, d.provider_id AS "providerId", d.last_error AS "lastError",
              d.receipt_status AS "receiptStatus", d.receipt_at AS "receiptAt", d.sent_at AS "sentAt",
              CASE WHEN d.status IN ('pending', 'held', 'digest') THEN d.next_attempt_at END AS "scheduledFor", d.created_at AS "createdAt"
         FROM notification_deliveries d
        WHERE d.appeal_id = $1 ${citizenOnly ? `AND (d.recipient_kind = 'contact' OR d.recipient_id = $2)` : ''}
        ORDER BY d.created_at, d.id`,
      [appealId, citizenId],
    );
  }

  /** The admin's page of deliveries in one state (dead by default), newest first. */
  list(filter: DeliveryListFilter): Promise<DeliveryRecordView[]> {
    const params: unknown[] = [filter.status];
    const where = ['d.status = $1'];
    if (filter.channel) where.push(`d.channel = $${params.push(filter.channel)}`);
    if (filter.before) where.push(`(d.created_at, d.id) < ($${params.push(filter.before.createdAt)}, $${params.push(filter.before.id)}::bigint)`);
    return this.dataSource.query(
      `SELECT d.id::text AS id, d.event_id::text AS "eventId", d.event_type AS "eventType", d.appeal_id AS "appealId", d.kind, d.channel,
              d.recipient_kind AS "recipientKind", d.status, d.address, d.attempts, d.provider, d.last_error AS "lastError",
              d.content_encrypted IS NOT NULL AS retriable, d.created_at AS "createdAt"
         FROM notification_deliveries d
        WHERE ${where.join(' AND ')}
        ORDER BY d.created_at DESC, d.id DESC LIMIT $${params.push(filter.limit)}`,
      params,
    );
  }

  /**
   * Dead deliveries back to pending with a fresh budget of attempts, due now (the sender's sweep
   * or hand-over takes them). Only those that still hold their content: one that had nowhere to go
   * (no address) stays dead. Returns the ids retried, at most RETRY_DEAD_LIMIT.
   */
  async retryDead(manager: EntityManager, filter: { ids?: string[]; channel?: Channel }, now: Date): Promise<string[]> {
    const params: unknown[] = [now];
    const where = [`status = 'dead'`, 'content_encrypted IS NOT NULL'];
    if (filter.ids?.length) where.push(`id = ANY($${params.push(filter.ids)}::bigint[])`);
    if (filter.channel) where.push(`channel = $${params.push(filter.channel)}`);
    const rows = await manager.query<{ id: string }[]>(
      `WITH picked AS (
         SELECT id FROM notification_deliveries WHERE ${where.join(' AND ')} ORDER BY id LIMIT ${RETRY_DEAD_LIMIT} FOR UPDATE SKIP LOCKED
       ), retried AS (
         UPDATE notification_deliveries d SET status = 'pending', attempts = 0, next_attempt_at = $1, locked_until = NULL
           FROM picked WHERE d.id = picked.id
         RETURNING d.id::text AS id)
       SELECT id FROM retried`,
      params,
    );
    return rows.map((r) => r.id);
  }
}

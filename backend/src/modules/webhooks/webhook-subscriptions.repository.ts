import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** A subscription as the admin API shows it (never its secret). */
export interface SubscriptionRow {
  id: string;
  name: string;
  url: string;
  events: string[];
  departmentIds: string[];
  categoryIds: string[];
  enabled: boolean;
  consecutiveFailures: number;
  disabledAt: Date | null;
  disabledReason: string | null;
  secretRotatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What the consumer matches an event against. */
export interface SubscriptionFilter {
  id: string;
  events: string[];
  departmentIds: string[];
  categoryIds: string[];
}

export interface NewSubscription {
  name: string;
  url: string;
  events: string[];
  departmentIds: string[];
  categoryIds: string[];
  secretEncrypted: string;
  createdBy: string | null;
}

const COLUMNS = `id, name, url, events, department_ids AS "departmentIds", category_ids AS "categoryIds", enabled, consecutive_failures AS "consecutiveFailures",
  disabled_at AS "disabledAt", disabled_reason AS "disabledReason", secret_rotated_at AS "secretRotatedAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * The event types some enabled subscription takes: the webhooks consumer's `activeTypesQuery`,
 * read by the outbox relay in the statement that creates the deliveries (an event of another type
 * gets no webhooks delivery at all). The department and category filters are left to the consumer.
 */
export const SUBSCRIBED_EVENT_TYPES = `SELECT unnest(events) FROM webhook_subscriptions WHERE enabled`;

/** The webhooks module's `webhook_subscriptions` (all its SQL here). */
@Injectable()
export class WebhookSubscriptions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(manager: EntityManager, s: NewSubscription): Promise<SubscriptionRow> {
    const [row] = await manager.query<SubscriptionRow[]>(
      `INSERT INTO webhook_subscriptions (name, url, events, department_ids, category_ids, secret_encrypted, created_by)
       VALUES ($1, $2, $3::text[], $4::uuid[], $5::uuid[], $6, $7) RETURNING ${COLUMNS}`,
      [s.name, s.url, s.events, s.departmentIds, s.categoryIds, s.secretEncrypted, s.createdBy],
    );
    return row;
  }

  async list(): Promise<SubscriptionRow[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM webhook_subscriptions ORDER BY created_at, id`);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<SubscriptionRow | null> {
    const [row] = await manager.query<SubscriptionRow[]>(`SELECT ${COLUMNS} FROM webhook_subscriptions WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return row ?? null;
  }

  /** A change of the admin's: enabling also clears the run of failures that disabled it. */
  async update(manager: EntityManager, id: string, patch: Partial<Pick<SubscriptionRow, 'name' | 'url' | 'events' | 'departmentIds' | 'categoryIds' | 'enabled'>>): Promise<SubscriptionRow> {
    const [row] = await manager.query<SubscriptionRow[]>(
      `WITH u AS (
         UPDATE webhook_subscriptions SET name = coalesce($2, name), url = coalesce($3, url), events = coalesce($4::text[], events),
                department_ids = coalesce($5::uuid[], department_ids), category_ids = coalesce($6::uuid[], category_ids),
                enabled = coalesce($7, enabled),
                consecutive_failures = CASE WHEN $7 AND NOT enabled THEN 0 ELSE consecutive_failures END,
                disabled_at = CASE WHEN $7 THEN NULL WHEN $7 = false AND enabled THEN now() ELSE disabled_at END,
                disabled_reason = CASE WHEN $7 THEN NULL WHEN $7 = false AND enabled THEN 'admin' ELSE disabled_reason END,
                updated_at = now()
          WHERE id = $1 RETURNING ${COLUMNS})
       SELECT * FROM u`,
      [id, patch.name ?? null, patch.url ?? null, patch.events ?? null, patch.departmentIds ?? null, patch.categoryIds ?? null, patch.enabled ?? null],
    );
    return row;
  }

  async remove(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`WITH d AS (DELETE FROM webhook_subscriptions WHERE id = $1 RETURNING id) SELECT id FROM d`, [id]);
    return rows.length > 0;
  }

  /** A new secret; the previous one keeps signing beside it until `previousUntil`. */
  async rotateSecret(manager: EntityManager, id: string, secretEncrypted: string, previousUntil: Date): Promise<void> {
    await manager.query(
      `UPDATE webhook_subscriptions SET previous_secret_encrypted = secret_encrypted, previous_secret_until = $3, secret_encrypted = $2,
              secret_rotated_at = now(), updated_at = now() WHERE id = $1`,
      [id, secretEncrypted, previousUntil],
    );
  }

  /** Enabled subscriptions to any of these event types (the consumer's batch). */
  async subscribedTo(eventTypes: string[]): Promise<SubscriptionFilter[]> {
    if (eventTypes.length === 0) return [];
    return this.dataSource.query(
      `SELECT id, events, department_ids AS "departmentIds", category_ids AS "categoryIds" FROM webhook_subscriptions WHERE enabled AND events && $1::text[]`,
      [[...new Set(eventTypes)]],
    );
  }

  /**
   * A failed attempt of an enabled subscription: one more in its run, and disabled when the run
   * reaches `threshold`. `disabled` is true only for the statement that disabled it.
   */
  async failed(manager: EntityManager, id: string, threshold: number, error: string): Promise<{ disabled: boolean; failures: number; name: string; url: string } | null> {
    const [row] = await manager.query<{ disabled: boolean; failures: number; name: string; url: string }[]>(
      `WITH u AS (
         UPDATE webhook_subscriptions SET consecutive_failures = consecutive_failures + 1,
                enabled = consecutive_failures + 1 < $2,
                disabled_at = CASE WHEN consecutive_failures + 1 >= $2 THEN now() END,
                disabled_reason = CASE WHEN consecutive_failures + 1 >= $2 THEN $3 END
          WHERE id = $1 AND enabled
         RETURNING NOT enabled AS disabled, consecutive_failures AS failures, name, url)
       SELECT * FROM u`,
      [id, threshold, `${threshold} failed attempts in a row; last: ${error}`.slice(0, 1000)],
    );
    return row ?? null;
  }

  /** A delivered attempt ends the run of failures (in the transaction that marks it delivered). */
  async succeeded(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    // Locked in id order: two senders' flushes that share subscriptions never wait on each other in a circle.
    await manager.query(
      `UPDATE webhook_subscriptions s SET consecutive_failures = 0
         FROM (SELECT id FROM webhook_subscriptions WHERE id = ANY($1::uuid[]) AND consecutive_failures > 0 ORDER BY id FOR UPDATE) k
        WHERE s.id = k.id`,
      [[...new Set(ids)]],
    );
  }
}

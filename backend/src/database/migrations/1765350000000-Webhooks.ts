import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing webhooks (issue 19): admin-managed subscriptions and one delivery row per event ×
 * subscription.
 *
 * - webhook_subscriptions: the receiver's URL, the events and the department/category filters,
 *   its signing secret encrypted at rest (AES-GCM, the personal-data cipher's form) and, for a
 *   day after a rotation, the previous one (both sign, so receivers can switch without a gap);
 *   the run of consecutive failed attempts that disables it.
 * - webhook_deliveries: the work item and its record. Its id is the `webhook-id` receivers
 *   deduplicate on (the same on every attempt and replay); the body is stored once (it holds no
 *   personal data, see the module's README section), so every attempt sends the same bytes.
 *   Leased like notification_deliveries; `retry_until` ends the retries (72 h by default).
 */
export class Webhooks1765350000000 implements MigrationInterface {
  name = 'Webhooks1765350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        url text NOT NULL,
        events text[] NOT NULL,
        department_ids uuid[] NOT NULL DEFAULT '{}',
        category_ids uuid[] NOT NULL DEFAULT '{}',
        secret_encrypted text NOT NULL,
        previous_secret_encrypted text,
        previous_secret_until timestamptz,
        secret_rotated_at timestamptz,
        enabled boolean NOT NULL DEFAULT true,
        consecutive_failures integer NOT NULL DEFAULT 0,
        disabled_at timestamptz,
        disabled_reason text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_subscriptions_pkey PRIMARY KEY (id),
        CONSTRAINT webhook_subscriptions_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT webhook_subscriptions_events_check CHECK (cardinality(events) > 0)
      );
      CREATE INDEX webhook_subscriptions_enabled_idx ON webhook_subscriptions USING gin (events) WHERE enabled;

      CREATE TABLE webhook_deliveries (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        subscription_id uuid NOT NULL,
        event_id bigint,
        event_type text NOT NULL,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        retry_until timestamptz NOT NULL,
        locked_until timestamptz,
        last_attempt_at timestamptz,
        last_status_code integer,
        last_duration_ms integer,
        last_error text,
        delivered_at timestamptz,
        replays integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_deliveries_pkey PRIMARY KEY (id),
        CONSTRAINT webhook_deliveries_event_subscription_key UNIQUE (event_id, subscription_id),
        CONSTRAINT webhook_deliveries_subscription_id_fkey FOREIGN KEY (subscription_id) REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
        CONSTRAINT webhook_deliveries_status_check CHECK (status IN ('pending', 'delivered', 'dead'))
      );
      CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (subscription_id, created_at DESC, id DESC);
      CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_deliveries; DROP TABLE webhook_subscriptions;`);
  }
}

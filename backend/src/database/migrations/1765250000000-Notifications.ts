import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications on every channel: the in-app feed, one delivery record per event × recipient ×
 * channel (which is also the channels' work queue: status, attempts, the provider's id and the
 * delivery receipt), each user's preferences, and the web-push subscriptions of their devices.
 * The e-mail log of the earlier notifier becomes sent e-mail deliveries.
 */
export class Notifications1765250000000 implements MigrationInterface {
  name = 'Notifications1765250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id bigint GENERATED ALWAYS AS IDENTITY,
        user_id uuid NOT NULL,
        event_id bigint NOT NULL,
        kind text NOT NULL,
        appeal_id uuid,
        appeal_number bigint,
        title text NOT NULL,
        body text NOT NULL,
        link text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT notifications_pkey PRIMARY KEY (id),
        CONSTRAINT notifications_event_user_key UNIQUE (event_id, user_id),
        CONSTRAINT notifications_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE,
        CONSTRAINT notifications_appeal_id_fkey FOREIGN KEY (appeal_id) REFERENCES appeals(id) ON DELETE CASCADE
      );
      CREATE INDEX notifications_user_feed_idx ON notifications (user_id, id);
      CREATE INDEX notifications_user_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
      CREATE INDEX notifications_appeal_idx ON notifications (appeal_id);

      ALTER TABLE notification_deliveries RENAME TO notification_deliveries_v1;
      ALTER TABLE notification_deliveries_v1 RENAME CONSTRAINT notification_deliveries_pkey TO notification_deliveries_v1_pkey;
      CREATE TABLE notification_deliveries (
        id bigint GENERATED ALWAYS AS IDENTITY,
        event_id bigint NOT NULL,
        recipient_id uuid NOT NULL,
        recipient_kind text NOT NULL DEFAULT 'user',
        channel text NOT NULL,
        kind text NOT NULL,
        event_type text NOT NULL,
        appeal_id uuid,
        status text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        address text,
        content_encrypted text,
        provider text,
        provider_id text,
        last_error text,
        receipt_status text,
        receipt_at timestamptz,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_deliveries_pkey PRIMARY KEY (id),
        CONSTRAINT notification_deliveries_event_recipient_channel_key UNIQUE (event_id, recipient_id, channel),
        CONSTRAINT notification_deliveries_channel_check CHECK (channel IN ('in_app', 'email', 'sms', 'push')),
        CONSTRAINT notification_deliveries_recipient_kind_check CHECK (recipient_kind IN ('user', 'contact')),
        CONSTRAINT notification_deliveries_status_check CHECK (status IN ('pending', 'held', 'digest', 'sent', 'delivered', 'failed', 'dead'))
      );
      CREATE INDEX notification_deliveries_due_idx ON notification_deliveries (next_attempt_at) WHERE status IN ('pending', 'held');
      CREATE INDEX notification_deliveries_digest_idx ON notification_deliveries (recipient_id, next_attempt_at) WHERE status = 'digest';
      CREATE INDEX notification_deliveries_appeal_idx ON notification_deliveries (appeal_id, created_at);
      CREATE INDEX notification_deliveries_provider_idx ON notification_deliveries (provider, provider_id) WHERE provider_id IS NOT NULL;
      INSERT INTO notification_deliveries (event_id, recipient_id, recipient_kind, channel, kind, event_type, appeal_id, status, attempts, sent_at, created_at)
      SELECT d.event_id, d.recipient_id, CASE WHEN d.recipient_id = d.appeal_id THEN 'contact' ELSE 'user' END, d.channel, 'legacy', d.event_type, d.appeal_id, 'sent', 1, d.sent_at, d.sent_at
        FROM notification_deliveries_v1 d;
      DROP TABLE notification_deliveries_v1;

      CREATE TABLE notification_preferences (
        user_id uuid NOT NULL,
        locale text NOT NULL DEFAULT 'ru',
        time_zone text NOT NULL DEFAULT 'Europe/Moscow',
        quiet_from text,
        quiet_to text,
        digest text NOT NULL DEFAULT 'off',
        channels jsonb NOT NULL DEFAULT '{}'::jsonb,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_preferences_pkey PRIMARY KEY (user_id),
        CONSTRAINT notification_preferences_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE,
        CONSTRAINT notification_preferences_locale_check CHECK (locale IN ('ru', 'en')),
        CONSTRAINT notification_preferences_digest_check CHECK (digest IN ('off', 'hourly', 'daily'))
      );

      CREATE TABLE push_subscriptions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        endpoint text NOT NULL,
        p256dh text NOT NULL,
        auth text NOT NULL,
        user_agent text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        CONSTRAINT push_subscriptions_pkey PRIMARY KEY (id),
        CONSTRAINT push_subscriptions_endpoint_key UNIQUE (endpoint),
        CONSTRAINT push_subscriptions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
      );
      CREATE INDEX push_subscriptions_user_idx ON push_subscriptions (user_id);

      -- The e-mail notifier's pending work passes to the notifications consumer that replaces it.
      UPDATE event_deliveries SET consumer = 'notifications' WHERE consumer = 'notifications.email' AND status <> 'done';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE push_subscriptions;
      DROP TABLE notification_preferences;
      DROP TABLE notifications;
      DELETE FROM notification_deliveries WHERE channel <> 'email' OR status NOT IN ('sent', 'delivered');
      CREATE TABLE notification_deliveries_v1 (
        event_id bigint NOT NULL, recipient_id uuid NOT NULL, channel text NOT NULL, event_type text NOT NULL, appeal_id uuid,
        sent_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_deliveries_v1_pkey PRIMARY KEY (event_id, recipient_id, channel)
      );
      INSERT INTO notification_deliveries_v1 SELECT event_id, recipient_id, channel, event_type, appeal_id, coalesce(sent_at, created_at) FROM notification_deliveries;
      DROP TABLE notification_deliveries;
      ALTER TABLE notification_deliveries_v1 RENAME TO notification_deliveries;
      ALTER TABLE notification_deliveries RENAME CONSTRAINT notification_deliveries_v1_pkey TO notification_deliveries_pkey;
    `);
  }
}

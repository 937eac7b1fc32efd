import { MigrationInterface, QueryRunner } from 'typeorm';

/** The delivery log of notices: one row per (outbox event, recipient, channel), so a retried event mails nobody twice. */
export class NotificationDeliveries1764900000000 implements MigrationInterface {
  name = 'NotificationDeliveries1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_deliveries (
        event_id bigint NOT NULL,
        recipient_id uuid NOT NULL,
        channel text NOT NULL,
        event_type text NOT NULL,
        appeal_id uuid,
        sent_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_deliveries_pkey PRIMARY KEY (event_id, recipient_id, channel)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_deliveries`);
  }
}

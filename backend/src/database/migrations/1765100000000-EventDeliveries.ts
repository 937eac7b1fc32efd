import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reliable consumers: progress per consumer × event (event_deliveries), the payload's version on
 * each event, and a NOTIFY on every outbox insert so a relay wakes at commit instead of at its next poll.
 */
export class EventDeliveries1765100000000 implements MigrationInterface {
  name = 'EventDeliveries1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE outbox ADD COLUMN version smallint NOT NULL DEFAULT 1;

      CREATE TABLE event_deliveries (
        event_id bigint NOT NULL,
        consumer text NOT NULL,
        event_type text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        locked_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        done_at timestamptz,
        CONSTRAINT event_deliveries_pkey PRIMARY KEY (event_id, consumer)
      );
      CREATE INDEX event_deliveries_due ON event_deliveries (next_attempt_at) WHERE status = 'pending';
      CREATE INDEX event_deliveries_dead ON event_deliveries (created_at) WHERE status = 'dead';

      -- Delivered at commit (and once per transaction): relays LISTEN and wake at once.
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('otklik_outbox', '');
        RETURN NULL;
      END $$;
      CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER outbox_notify ON outbox;
      DROP FUNCTION outbox_notify();
      DROP TABLE event_deliveries;
      ALTER TABLE outbox DROP COLUMN version;
    `);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox NOTIFY only for producers without a relay of their own. `pg_notify` takes a
 * cluster-wide lock at commit, so one in every producing transaction serialised the commits of
 * intake (pgbench, one row per transaction: 18,531 tps without such a trigger, 4,455 with it).
 * The API's pool sets `otklik.outbox_notify = off` and wakes its own relay after the commit
 * (OutboxService.written); the worker, the CLI and psql leave it unset and still notify, so
 * every relay wakes at once for their events. The relays' one-second poll stays the safety net.
 */
export class OutboxLocalWake1765360000000 implements MigrationInterface {
  name = 'OutboxLocalWake1765360000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('otklik.outbox_notify', true) IS DISTINCT FROM 'off' THEN
          PERFORM pg_notify('otklik_outbox', '');
        END IF;
        RETURN NULL;
      END $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('otklik_outbox', '');
        RETURN NULL;
      END $$;
    `);
  }
}

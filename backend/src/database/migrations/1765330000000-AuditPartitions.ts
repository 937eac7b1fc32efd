import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17, retention: `audit_log` becomes a table partitioned by month (RANGE on `occurred_at`,
 * UTC months), keeping every row, column, default, index, trigger and grant it had.
 *
 * - The partition key is the row's database time (`occurred_at`, clock_timestamp() at insert):
 *   the real time, never the application's test clock. A partitioned table's primary key must
 *   hold the key, so it is `(id, occurred_at)`; ids still come from the one sequence, and every
 *   lookup by id (the chain's `row_id`, audit_redact, verify) stays an index probe per partition.
 *   Nothing references audit_log by foreign key (the chain names rows by id, as before).
 * - `audit_log_pYYYYMM` partitions are created ahead of time by
 *   `audit_log_ensure_partitions(months_ahead, since)` (SECURITY DEFINER: the app role has no
 *   CREATE; the sealer calls it hourly, `audit:partitions` by hand). It creates each missing month
 *   as a plain table and ATTACHes it (a SHARE UPDATE EXCLUSIVE lock on the parent: writers go
 *   on), under a 2 s lock timeout, idempotently, one caller at a time. `audit_log_default` takes
 *   any row outside them, so an insert never fails; a month whose rows are already in the
 *   default partition is not created (a warning), they stay where they are.
 * - No partition is ever dropped automatically: audit rows outlive the appeals they describe.
 * - Privileges: the app role gets SELECT and INSERT on `audit_log` (never UPDATE, DELETE or
 *   TRUNCATE) and nothing on the partitions themselves (rows are reached through the parent,
 *   whose privileges are the ones checked). The append-only row trigger and the actor snapshot
 *   trigger are defined on the parent (PostgreSQL clones them onto every partition, later ones
 *   too); TRUNCATE triggers are per table, so each partition gets its own.
 * - audit_log_append_only() lets audit_redact's UPDATE through on a partition of audit_log (the
 *   row trigger fires with the partition's name).
 *
 * Existing rows are copied once, in id order, before the triggers exist (the actor snapshot
 * trigger must not fill in rows written before it existed: that would change sealed content).
 */
export class AuditPartitions1765330000000 implements MigrationInterface {
  name = 'AuditPartitions1765330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_log RENAME TO audit_log_unpartitioned;
      ALTER INDEX audit_log_pkey RENAME TO audit_log_unpartitioned_pkey;
      ALTER INDEX audit_log_actor RENAME TO audit_log_unpartitioned_actor;
      ALTER INDEX audit_log_entity RENAME TO audit_log_unpartitioned_entity;
      ALTER INDEX audit_log_subject RENAME TO audit_log_unpartitioned_subject;
      ALTER INDEX audit_log_txid RENAME TO audit_log_unpartitioned_txid;

      CREATE TABLE audit_log (
        id bigint NOT NULL DEFAULT nextval('audit_log_id_seq'),
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid,
        actor_role text,
        ip text,
        user_agent text,
        request_id text,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        details jsonb NOT NULL DEFAULT '{}',
        txid bigint NOT NULL DEFAULT txid_current(),
        salt uuid DEFAULT gen_random_uuid(),
        redacted jsonb,
        actor_name text,
        actor_position text,
        actor_department_id uuid,
        subject_id uuid,
        changes jsonb,
        CONSTRAINT audit_log_pkey PRIMARY KEY (id, occurred_at)
      ) PARTITION BY RANGE (occurred_at);
      ALTER SEQUENCE audit_log_id_seq OWNED BY audit_log.id;
      CREATE INDEX audit_log_actor ON audit_log (actor_id, occurred_at);
      CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
      CREATE INDEX audit_log_subject ON audit_log (subject_id, id) WHERE subject_id IS NOT NULL;
      CREATE INDEX audit_log_txid ON audit_log (txid, id);
      CREATE TABLE audit_log_default PARTITION OF audit_log DEFAULT;

      CREATE FUNCTION audit_log_ensure_partitions(p_months_ahead integer, p_since timestamptz DEFAULT NULL) RETURNS text[]
        LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT SET lock_timeout = '2s' AS $$
      DECLARE
        m timestamptz := date_trunc('month', least(coalesce(p_since, now()), now()), 'UTC');
        last timestamptz := date_trunc('month', now(), 'UTC') + make_interval(months => greatest(p_months_ahead, 0));
        part text;
        created text[] := '{}';
      BEGIN
        -- One caller at a time (several processes seal); each month is created once.
        PERFORM pg_advisory_xact_lock(7212018);
        WHILE m <= last LOOP
          part := 'audit_log_p' || to_char(m AT TIME ZONE 'UTC', 'YYYYMM');
          IF to_regclass(quote_ident(part)) IS NULL THEN
            IF EXISTS (SELECT 1 FROM audit_log_default WHERE occurred_at >= m AND occurred_at < m + interval '1 month') THEN
              RAISE WARNING 'audit_log: partition % not created: the default partition holds rows of that month', part;
            ELSE
              EXECUTE format('CREATE TABLE %I (LIKE audit_log INCLUDING DEFAULTS)', part);
              EXECUTE format('ALTER TABLE audit_log ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, m, m + interval '1 month');
              EXECUTE format('CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()', part);
              EXECUTE format('REVOKE ALL ON %I FROM PUBLIC', part);
              IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'otklik_app') THEN
                EXECUTE format('REVOKE ALL ON %I FROM otklik_app', part);
              END IF;
              created := created || part;
            END IF;
          END IF;
          m := m + interval '1 month';
        END LOOP;
        RETURN created;
      END $$;
      REVOKE ALL ON FUNCTION audit_log_ensure_partitions(integer, timestamptz) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION audit_log_ensure_partitions(integer, timestamptz) TO otklik_app;

      -- Every month that has rows, and the next three.
      SELECT audit_log_ensure_partitions(3, (SELECT min(occurred_at) FROM audit_log_unpartitioned));
      INSERT INTO audit_log (id, occurred_at, actor_id, actor_role, ip, user_agent, request_id, action, entity_type, entity_id, details,
                             txid, salt, redacted, actor_name, actor_position, actor_department_id, subject_id, changes)
        SELECT id, occurred_at, actor_id, actor_role, ip, user_agent, request_id, action, entity_type, entity_id, details,
               txid, salt, redacted, actor_name, actor_position, actor_department_id, subject_id, changes
          FROM audit_log_unpartitioned ORDER BY id;
      DROP TABLE audit_log_unpartitioned;

      CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- audit_redact() masks personal data in place (the row trigger fires on audit_log's partition); nothing else changes an audit row.
        IF TG_OP = 'UPDATE' AND current_setting('otklik.audit_redaction', true) = 'on'
           AND (TG_TABLE_NAME = 'audit_log' OR EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = TG_RELID AND inhparent = 'audit_log'::regclass)) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
      END $$;
      CREATE TRIGGER audit_log_0_actor_snapshot BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_actor_snapshot();
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log_default FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

      REVOKE ALL ON audit_log, audit_log_default FROM PUBLIC;
      REVOKE ALL ON audit_log_default FROM otklik_app;
      REVOKE ALL ON audit_log FROM otklik_app;
      GRANT SELECT, INSERT, REFERENCES ON audit_log TO otklik_app;
    `);
    // The partitions made above, before the triggers: each gets its TRUNCATE guard now.
    await q.query(`
      DO $$
      DECLARE part regclass;
      BEGIN
        FOR part IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'audit_log'::regclass LOOP
          IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = part AND tgname = 'audit_log_no_truncate') THEN
            EXECUTE format('CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()', part);
          END IF;
        END LOOP;
      END $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log_single (LIKE audit_log INCLUDING DEFAULTS);
      INSERT INTO audit_log_single SELECT * FROM audit_log ORDER BY id;
      ALTER SEQUENCE audit_log_id_seq OWNED BY audit_log_single.id;
      DROP TABLE audit_log;
      DROP FUNCTION audit_log_ensure_partitions(integer, timestamptz);
      ALTER TABLE audit_log_single RENAME TO audit_log;
      ALTER TABLE audit_log ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);
      CREATE INDEX audit_log_actor ON audit_log (actor_id, occurred_at);
      CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
      CREATE INDEX audit_log_subject ON audit_log (subject_id, id) WHERE subject_id IS NOT NULL;
      CREATE INDEX audit_log_txid ON audit_log (txid, id);
      CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'audit_log' AND current_setting('otklik.audit_redaction', true) = 'on' THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
      END $$;
      CREATE TRIGGER audit_log_0_actor_snapshot BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_actor_snapshot();
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
      REVOKE ALL ON audit_log FROM otklik_app;
      GRANT SELECT, INSERT, REFERENCES ON audit_log TO otklik_app;
    `);
  }
}

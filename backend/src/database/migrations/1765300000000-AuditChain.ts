import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17, the tamper-evident audit log:
 *
 * - the application's role `otklik_app` (NOLOGIN; the app's pool sets it at connection start,
 *   see database/app-role.ts) gets what the app needs on every table of the schema, and no
 *   UPDATE, DELETE or TRUNCATE on the audit tables; the append-only triggers stay as the second
 *   guard (they also stop an owner or superuser, unless disabled);
 * - `audit_log.txid`: the writing transaction's id, so the sealer can tell which rows can no
 *   longer be joined by an earlier, still uncommitted one (audit-sealer.service.ts);
 * - `audit_log.salt` / `redacted`: personal-data fields are committed by a salted digest, so the
 *   value can be masked later (audit_redact) and the row hash still verifies;
 * - `audit_chain` (seq → row, row hash, chain hash) and `audit_checkpoints` (signed heads with
 *   their Merkle root), both append-only.
 *
 * The role is cluster-wide: created once, concurrent migrations of several databases tolerated.
 */
export class AuditChain1765300000000 implements MigrationInterface {
  name = 'AuditChain1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'otklik_app') THEN
          BEGIN
            CREATE ROLE otklik_app NOLOGIN;
          EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
          END;
        END IF;
      END $$;

      ALTER TABLE audit_log ADD COLUMN txid bigint NOT NULL DEFAULT txid_current();
      ALTER TABLE audit_log ADD COLUMN salt uuid DEFAULT gen_random_uuid();
      ALTER TABLE audit_log ADD COLUMN redacted jsonb;
      CREATE INDEX audit_log_txid ON audit_log (txid, id);

      CREATE TABLE audit_chain (
        seq bigint NOT NULL,
        row_id bigint NOT NULL,
        row_txid bigint NOT NULL,
        row_hash bytea NOT NULL,
        chain_hash bytea NOT NULL,
        sealed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT audit_chain_pkey PRIMARY KEY (seq),
        CONSTRAINT audit_chain_row UNIQUE (row_id)
      );

      CREATE TABLE audit_checkpoints (
        size bigint NOT NULL,
        head_hash bytea NOT NULL,
        merkle_root bytea NOT NULL,
        frontier bytea[] NOT NULL,
        created_at timestamptz NOT NULL,
        key_id text NOT NULL,
        signature text NOT NULL,
        CONSTRAINT audit_checkpoints_pkey PRIMARY KEY (size)
      );

      CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- audit_redact() masks personal data in place; nothing else changes an audit row.
        IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'audit_log' AND current_setting('otklik.audit_redaction', true) = 'on' THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
      END $$;
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_chain_no_change BEFORE UPDATE OR DELETE ON audit_chain FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_checkpoints_no_change BEFORE UPDATE OR DELETE ON audit_checkpoints FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

      -- Masks personal-data fields of one row. The caller passes each field's committed digest
      -- (computed by the canonical SQL of audit-canonical.ts from the row as it is); a wrong one
      -- only breaks that row's hash, which audit:verify reports. clear_salt drops the salt once no
      -- personal value is left in the row, so the stored digests cannot be brute-forced back.
      CREATE FUNCTION audit_redact(p_id bigint, p_fields text[], p_digests text[], p_clear_salt boolean) RETURNS integer
        LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
      DECLARE
        f text;
        i integer := 0;
        n integer;
        total integer := 0;
      BEGIN
        IF coalesce(array_length(p_fields, 1), 0) <> coalesce(array_length(p_digests, 1), 0) THEN
          RAISE EXCEPTION 'audit_redact: one digest per field';
        END IF;
        PERFORM set_config('otklik.audit_redaction', 'on', true);
        FOREACH f IN ARRAY coalesce(p_fields, '{}') LOOP
          i := i + 1;
          IF p_digests[i] !~ '^[0-9a-f]{64}$' THEN RAISE EXCEPTION 'audit_redact: digest of % is not SHA-256 hex', f; END IF;
          IF f = 'ip' THEN
            UPDATE audit_log SET ip = NULL, redacted = coalesce(redacted, '{}') || jsonb_build_object(f, p_digests[i]) WHERE id = p_id AND ip IS NOT NULL;
          ELSIF f = 'user_agent' THEN
            UPDATE audit_log SET user_agent = NULL, redacted = coalesce(redacted, '{}') || jsonb_build_object(f, p_digests[i]) WHERE id = p_id AND user_agent IS NOT NULL;
          ELSIF f LIKE 'details.%' THEN
            UPDATE audit_log SET details = details - substr(f, 9), redacted = coalesce(redacted, '{}') || jsonb_build_object(f, p_digests[i])
             WHERE id = p_id AND details ? substr(f, 9);
          ELSE
            RAISE EXCEPTION 'audit_redact: % is not a redactable field', f;
          END IF;
          GET DIAGNOSTICS n = ROW_COUNT;
          total := total + n;
        END LOOP;
        IF p_clear_salt THEN
          UPDATE audit_log SET salt = NULL WHERE id = p_id;
        END IF;
        PERFORM set_config('otklik.audit_redaction', 'off', true);
        RETURN total;
      END $$;
      REVOKE ALL ON FUNCTION audit_redact(bigint, text[], text[], boolean) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION audit_redact(bigint, text[], text[], boolean) TO otklik_app;
    `);
    await q.query(`
      DO $$
      DECLARE s text := current_schema();
      BEGIN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO otklik_app', s);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES ON ALL TABLES IN SCHEMA %I TO otklik_app', s);
        EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO otklik_app', s);
        -- Tables of later migrations (run by the same owner) get the same grants.
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES ON TABLES TO otklik_app', s);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO otklik_app', s);
      END $$;
      REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_chain, audit_checkpoints FROM otklik_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      DECLARE s text := current_schema();
      BEGIN
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON TABLES FROM otklik_app', s);
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON SEQUENCES FROM otklik_app', s);
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM otklik_app', s);
        EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM otklik_app', s);
        EXECUTE format('REVOKE ALL ON SCHEMA %I FROM otklik_app', s);
      END $$;
      DROP FUNCTION audit_redact(bigint, text[], text[], boolean);
      DROP TRIGGER audit_log_no_truncate ON audit_log;
      DROP TABLE audit_checkpoints, audit_chain;
      CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$;
      DROP INDEX audit_log_txid;
      ALTER TABLE audit_log DROP COLUMN redacted, DROP COLUMN salt, DROP COLUMN txid;
    `);
    // The role is cluster-wide (other databases may use it): it stays.
  }
}

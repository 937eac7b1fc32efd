import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit coverage, the personal-data access log and suspicious-activity alerts.
 *
 * - audit_log records who acted as they were at that moment (name, position, department — a
 *   trigger copies them from `users` at insert, so every writer, the set-based journal included,
 *   gets them without naming them), whose personal data the row concerns (`subject_id`: the
 *   152-ФЗ access log is read by it) and the changed fields before → after (`changes`, personal
 *   data masked by the writer). The trigger's name sorts first so that later BEFORE INSERT
 *   triggers (a hash chain) see the filled row.
 * - audit_alerts: raised by the signals, one open alert per kind and subject, resolved by an
 *   admin or auditor.
 * - users.locked_at / lock_reason: an account locked pending review by an alert's threshold.
 * - departments.working_hours: where a department restricts staff access to its working hours
 *   (`{days, from, to, timeZone}`; null: no restriction), access outside them raises an alert.
 */
export class AuditCoverage1765310000000 implements MigrationInterface {
  name = 'AuditCoverage1765310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE audit_log
        ADD COLUMN actor_name text,
        ADD COLUMN actor_position text,
        ADD COLUMN actor_department_id uuid,
        ADD COLUMN subject_id uuid,
        ADD COLUMN changes jsonb;
      CREATE INDEX audit_log_subject ON audit_log (subject_id, id) WHERE subject_id IS NOT NULL;

      CREATE FUNCTION audit_log_actor_snapshot() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.actor_id IS NOT NULL AND NEW.actor_name IS NULL THEN
          SELECT u.full_name, u.position, u.department_id INTO NEW.actor_name, NEW.actor_position, NEW.actor_department_id
            FROM users u WHERE u.id = NEW.actor_id;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER audit_log_0_actor_snapshot BEFORE INSERT ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_actor_snapshot();

      CREATE TABLE audit_alerts (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        subject_user_id uuid,
        subject_key text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        raised_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        occurrences integer NOT NULL DEFAULT 1,
        account_locked boolean NOT NULL DEFAULT false,
        resolved_at timestamptz,
        resolved_by uuid,
        resolution text,
        resolution_note text,
        CONSTRAINT audit_alerts_pkey PRIMARY KEY (id),
        CONSTRAINT audit_alerts_kind_check CHECK (kind IN ('failed_sign_ins', 'new_network', 'mass_reveal', 'bulk_export', 'off_hours')),
        CONSTRAINT audit_alerts_resolution_check CHECK (resolution IS NULL OR resolution IN ('confirmed', 'false_positive')),
        CONSTRAINT audit_alerts_resolved_check CHECK ((resolved_at IS NULL) = (resolution IS NULL))
      );
      CREATE UNIQUE INDEX audit_alerts_open_key ON audit_alerts (kind, subject_key) WHERE resolved_at IS NULL;
      CREATE INDEX audit_alerts_list ON audit_alerts (raised_at, id);

      ALTER TABLE users ADD COLUMN locked_at timestamptz, ADD COLUMN lock_reason text;
      ALTER TABLE departments ADD COLUMN working_hours jsonb;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE departments DROP COLUMN working_hours;
      ALTER TABLE users DROP COLUMN locked_at, DROP COLUMN lock_reason;
      DROP TABLE audit_alerts;
      DROP TRIGGER audit_log_0_actor_snapshot ON audit_log;
      DROP FUNCTION audit_log_actor_snapshot();
      DROP INDEX audit_log_subject;
      ALTER TABLE audit_log DROP COLUMN actor_name, DROP COLUMN actor_position, DROP COLUMN actor_department_id,
        DROP COLUMN subject_id, DROP COLUMN changes;
    `);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity and access: pending citizen registrations, hashed one-time codes, sign-in lockouts
 * and rate-limit events (shared by every API process), MFA backup codes and spent CAPTCHAs.
 */
export class AuthProtection1764000000000 implements MigrationInterface {
  name = 'AuthProtection1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pending_registrations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        email_normalized text NOT NULL,
        password_hash text NOT NULL,
        full_name text NOT NULL,
        personal_encrypted text NOT NULL,
        snils_hash text,
        inn_hash text,
        phone_hash text NOT NULL,
        pd_consent_version text NOT NULL,
        pd_consent_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX pending_registrations_expires ON pending_registrations (expires_at);

      CREATE TABLE one_time_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        purpose text NOT NULL CONSTRAINT one_time_codes_purpose_check
          CHECK (purpose IN ('registration', 'password_reset', 'mfa_sms')),
        subject text NOT NULL,
        code_hash text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        expires_at timestamptz NOT NULL,
        consumed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX one_time_codes_subject ON one_time_codes (purpose, subject, created_at);

      CREATE TABLE auth_lockouts (
        key text PRIMARY KEY,
        failures integer NOT NULL DEFAULT 0,
        level integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE rate_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bucket text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX rate_events_bucket ON rate_events (bucket, created_at);

      CREATE TABLE mfa_backup_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX mfa_backup_codes_user ON mfa_backup_codes (user_id);

      CREATE TABLE captcha_spent (
        signature text PRIMARY KEY,
        expires_at timestamptz NOT NULL
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE captcha_spent, mfa_backup_codes, rate_events, auth_lockouts, one_time_codes, pending_registrations;`);
  }
}

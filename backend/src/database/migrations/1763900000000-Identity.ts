import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity: the auditor role, personal data of accounts (encrypted, with blind indexes for
 * look-ups by SNILS, INN and phone), ESIA link and trust level, password age, consent, TOTP.
 */
export class Identity1763900000000 implements MigrationInterface {
  name = 'Identity1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users DROP CONSTRAINT users_role_check;
      ALTER TABLE users ADD CONSTRAINT users_role_check
        CHECK (role IN ('citizen', 'operator', 'supervisor', 'admin', 'auditor'));
      ALTER TABLE users
        ADD COLUMN personal_encrypted text,
        ADD COLUMN snils_hash text,
        ADD COLUMN inn_hash text,
        ADD COLUMN phone_hash text,
        ADD COLUMN esia_oid text,
        ADD COLUMN trust_level text CHECK (trust_level IN ('confirmed', 'standard', 'simplified')),
        ADD COLUMN email_verified boolean NOT NULL DEFAULT false,
        ADD COLUMN phone_verified boolean NOT NULL DEFAULT false,
        ADD COLUMN password_changed_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN pd_consent_version text,
        ADD COLUMN pd_consent_at timestamptz,
        ADD COLUMN totp_secret_encrypted text,
        ADD COLUMN mfa_method text CHECK (mfa_method IN ('sms', 'totp'));
      ALTER TABLE users ADD CONSTRAINT users_esia_oid_key UNIQUE (esia_oid);
      CREATE UNIQUE INDEX users_snils_hash ON users (snils_hash) WHERE snils_hash IS NOT NULL;
      CREATE INDEX users_inn_hash ON users (inn_hash) WHERE inn_hash IS NOT NULL;
      CREATE INDEX users_phone_hash ON users (phone_hash) WHERE phone_hash IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX users_phone_hash, users_inn_hash, users_snils_hash;
      ALTER TABLE users DROP CONSTRAINT users_esia_oid_key;
      ALTER TABLE users
        DROP COLUMN mfa_method, DROP COLUMN totp_secret_encrypted, DROP COLUMN pd_consent_at,
        DROP COLUMN pd_consent_version, DROP COLUMN password_changed_at, DROP COLUMN phone_verified,
        DROP COLUMN email_verified, DROP COLUMN trust_level, DROP COLUMN esia_oid, DROP COLUMN phone_hash,
        DROP COLUMN inn_hash, DROP COLUMN snils_hash, DROP COLUMN personal_encrypted;
      ALTER TABLE users DROP CONSTRAINT users_role_check;
      ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('citizen', 'operator', 'supervisor', 'admin'));
    `);
  }
}

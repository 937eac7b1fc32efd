import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keys of signed answers kept in the database (issue 16): one active key signs, the rest verify.
 * The configured ANSWER_SIGNING_KEY (and ANSWER_VERIFY_KEYS) are imported at first use when the
 * table is empty, so existing deployments and the answers they signed keep verifying.
 */
export class AnswerSigningKeys1765480000301 implements MigrationInterface {
  name = 'AnswerSigningKeys1765480000301';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE answer_signing_keys (
        kid text NOT NULL,
        algorithm text NOT NULL DEFAULT 'RS256',
        public_key text NOT NULL,
        fingerprint text NOT NULL,
        private_key_encrypted text,
        source text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        activated_at timestamptz,
        retired_at timestamptz,
        CONSTRAINT answer_signing_keys_pkey PRIMARY KEY (kid),
        CONSTRAINT answer_signing_keys_kid_check CHECK (kid ~ '^[A-Za-z0-9_.:-]{1,64}$'),
        CONSTRAINT answer_signing_keys_source_check CHECK (source IN ('configuration', 'generated')),
        CONSTRAINT answer_signing_keys_active_check CHECK (activated_at IS NULL OR private_key_encrypted IS NOT NULL)
      )`);
    // One active key at a time, whatever two instances rotating together do.
    await q.query(`CREATE UNIQUE INDEX answer_signing_keys_one_active ON answer_signing_keys ((true)) WHERE activated_at IS NOT NULL AND retired_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE answer_signing_keys`);
  }
}

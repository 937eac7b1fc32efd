import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff accounts administered from the console (issue 16, part B).
 *
 * - account_links (auth): one-time links by e-mail — an invitation (set the password, enrol TOTP)
 *   or a password reset an admin sent. Only the SHA-256 of the link's token is kept (32 random
 *   bytes, so a fast hash is enough); a link is spent once (used_at) and expires. A new link of the
 *   same purpose for the same account supersedes the earlier ones (they are marked used).
 * - users.ip_allow_list: the networks (addresses or CIDRs) an account may work from; empty → any.
 *   Checked at sign-in and on every request (the access token carries it).
 * - departments.retired_at: a retired department takes no appeals and no staff, and stays for history.
 */
export class StaffAccounts1765440000000 implements MigrationInterface {
  name = 'StaffAccounts1765440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE account_links (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        purpose text NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT account_links_pkey PRIMARY KEY (id),
        CONSTRAINT account_links_token_hash_key UNIQUE (token_hash),
        CONSTRAINT account_links_purpose_check CHECK (purpose IN ('invite', 'password_reset')),
        CONSTRAINT account_links_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE,
        CONSTRAINT account_links_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL
      );
      CREATE INDEX account_links_user ON account_links (user_id) WHERE used_at IS NULL;

      ALTER TABLE users ADD COLUMN ip_allow_list text[] NOT NULL DEFAULT '{}';
      ALTER TABLE departments ADD COLUMN retired_at timestamptz;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE departments DROP COLUMN retired_at;
      ALTER TABLE users DROP COLUMN ip_allow_list;
      DROP TABLE account_links;
    `);
  }
}

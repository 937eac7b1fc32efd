import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The citizen's cabinet (issue 18, part B): contact changes confirmed by a code, e-mail verification,
 * the preferred channel of the answer.
 *
 * - pending_contact_changes (auth): a new e-mail or phone waiting for the code sent to it
 *   (encrypted: personal data); one per account and kind; the old address stays in use until then.
 *   Registration starts one for the e-mail given, so that the address is verified before notices go to it.
 * - one_time_codes.purpose gains `contact_change` (the code of such a change; subject = its id).
 * - users.email_verified: addresses of staff accounts were set by an administrator (CLI, admin
 *   console, demo seed) and count as verified; citizens' stay as they were (a local registration
 *   never verified one: they verify on their next change or through PATCH /me with the same address).
 * - users.preferred_answer_channel: the citizen's default channel for answers (cabinet, e-mail, post).
 */
export class CitizenCabinet1765460000000 implements MigrationInterface {
  name = 'CitizenCabinet1765460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pending_contact_changes (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        kind text NOT NULL,
        value_encrypted text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pending_contact_changes_pkey PRIMARY KEY (id),
        CONSTRAINT pending_contact_changes_user_kind_key UNIQUE (user_id, kind),
        CONSTRAINT pending_contact_changes_kind_check CHECK (kind IN ('email', 'phone')),
        CONSTRAINT pending_contact_changes_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
      )`);
    await q.query(`ALTER TABLE one_time_codes DROP CONSTRAINT one_time_codes_purpose_check`);
    await q.query(`
      ALTER TABLE one_time_codes ADD CONSTRAINT one_time_codes_purpose_check
        CHECK (purpose IN ('registration', 'password_reset', 'mfa_sms', 'contact_change'))`);
    await q.query(`UPDATE users SET email_verified = true WHERE role <> 'citizen' AND NOT email_verified`);
    await q.query(`
      ALTER TABLE users ADD COLUMN preferred_answer_channel text NOT NULL DEFAULT 'cabinet',
        ADD CONSTRAINT users_preferred_answer_channel_check CHECK (preferred_answer_channel IN ('cabinet', 'email', 'post'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_preferred_answer_channel_check, DROP COLUMN preferred_answer_channel`);
    await q.query(`DELETE FROM one_time_codes WHERE purpose = 'contact_change'`);
    await q.query(`ALTER TABLE one_time_codes DROP CONSTRAINT one_time_codes_purpose_check`);
    await q.query(`
      ALTER TABLE one_time_codes ADD CONSTRAINT one_time_codes_purpose_check
        CHECK (purpose IN ('registration', 'password_reset', 'mfa_sms'))`);
    await q.query(`DROP TABLE pending_contact_changes`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments of unidentified feedback (issue 19, the citizen widget): an upload without an
 * account belongs to a public upload session (a CAPTCHA-gated, signed, short-lived token) instead
 * of a user. `upload_session` holds the session id; the session's files and bytes are bounded by
 * the per-appeal limits, and only a filing that presents the same session binds them. Unbound
 * uploads expire like every other upload (the housekeeping's unbound TTL).
 */
export class PublicUploads1765480000101 implements MigrationInterface {
  name = 'PublicUploads1765480000101';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE attachments ALTER COLUMN owner_id DROP NOT NULL;
      ALTER TABLE attachments ADD COLUMN upload_session uuid;
      ALTER TABLE attachments ADD CONSTRAINT attachments_owner_check CHECK ((owner_id IS NULL) <> (upload_session IS NULL));
      CREATE INDEX attachments_upload_session ON attachments (upload_session) WHERE upload_session IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM attachments WHERE owner_id IS NULL;
      DROP INDEX attachments_upload_session;
      ALTER TABLE attachments DROP CONSTRAINT attachments_owner_check;
      ALTER TABLE attachments DROP COLUMN upload_session;
      ALTER TABLE attachments ALTER COLUMN owner_id SET NOT NULL;
    `);
  }
}

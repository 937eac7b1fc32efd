import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments (issue 4): files citizens and staff upload, stored encrypted (per-file data key
 * wrapped by the master key) in the object storage; the row says what the content is, who
 * uploaded it and what it is bound to. An upload starts unbound (only its uploader sees it) and
 * is bound once to an appeal, optionally to one of its messages or answers. `answer_id` has no
 * foreign key yet: the answers table arrives with the workflow. No ON DELETE CASCADE on purpose:
 * removing an appeal must go through the attachments service, which also removes the objects.
 */
export class Attachments1764400000000 implements MigrationInterface {
  name = 'Attachments1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachments (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL,
        owner_role text NOT NULL,
        appeal_id uuid,
        message_id uuid,
        answer_id uuid,
        original_name text NOT NULL,
        name text NOT NULL,
        content_type text NOT NULL,
        size integer NOT NULL,
        sha256 text NOT NULL,
        storage_key text NOT NULL,
        wrapped_key text NOT NULL,
        key_id text NOT NULL,
        scan_status text NOT NULL,
        scan_detail text,
        preview_key text,
        created_at timestamptz NOT NULL,
        bound_at timestamptz,
        CONSTRAINT attachments_pkey PRIMARY KEY (id),
        CONSTRAINT attachments_storage_key_key UNIQUE (storage_key),
        CONSTRAINT attachments_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES users(id),
        CONSTRAINT attachments_appeal_id_fkey FOREIGN KEY (appeal_id) REFERENCES appeals(id),
        CONSTRAINT attachments_message_id_fkey FOREIGN KEY (message_id) REFERENCES appeal_messages(id),
        CONSTRAINT attachments_size_check CHECK (size > 0),
        CONSTRAINT attachments_scan_status_check CHECK (scan_status IN ('pending', 'clean', 'infected', 'failed', 'not_scanned')),
        CONSTRAINT attachments_bound_check CHECK (
          (appeal_id IS NULL) = (bound_at IS NULL) AND (appeal_id IS NOT NULL OR (message_id IS NULL AND answer_id IS NULL))
        )
      );
      CREATE INDEX attachments_appeal ON attachments (appeal_id, created_at) WHERE appeal_id IS NOT NULL;
      CREATE INDEX attachments_unbound ON attachments (created_at) WHERE appeal_id IS NULL;
      CREATE INDEX attachments_owner_recent ON attachments (owner_id, created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attachments`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Answer drafts sent for approval (issue 15), the workflow module's table.
 *
 * - answer_drafts: each «send for approval» with its draft answer is a revision; the supervisor
 *   approves it (the answer goes out) or returns it with a remark. At most one revision per
 *   appeal waits for the decision.
 */
export class AnswerDrafts1765420000000 implements MigrationInterface {
  name = 'AnswerDrafts1765420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE answer_drafts (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        appeal_id uuid NOT NULL,
        revision integer NOT NULL,
        state text NOT NULL,
        result text NOT NULL,
        result_code integer NOT NULL,
        text text NOT NULL,
        reason text,
        executor_phone text,
        attachment_ids uuid[] NOT NULL DEFAULT '{}',
        author_id uuid,
        author_name text NOT NULL,
        author_position text,
        created_at timestamptz NOT NULL DEFAULT now(),
        remark text,
        decided_by uuid,
        decided_by_name text,
        decided_at timestamptz,
        CONSTRAINT answer_drafts_pkey PRIMARY KEY (id),
        CONSTRAINT answer_drafts_state_check CHECK (state IN ('pending', 'returned', 'approved')),
        CONSTRAINT answer_drafts_result_check CHECK (result IN ('done', 'refused', 'clarification_needed')),
        CONSTRAINT answer_drafts_appeal_id_fkey FOREIGN KEY (appeal_id) REFERENCES appeals(id) ON DELETE CASCADE,
        CONSTRAINT answer_drafts_author_id_fkey FOREIGN KEY (author_id) REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT answer_drafts_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES users(id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX answer_drafts_appeal_revision ON answer_drafts (appeal_id, revision)`);
    await q.query(`CREATE UNIQUE INDEX answer_drafts_one_pending ON answer_drafts (appeal_id) WHERE state = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE answer_drafts`);
  }
}

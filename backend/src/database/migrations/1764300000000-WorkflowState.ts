import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The state an appeal carries through the workflow (issue 5): flags beside the status, the
 * paused SLA clock, the link to the appeal it disputes or re-files, the citizen's rating and
 * the retention facts (152-ФЗ).
 */
export class WorkflowState1764300000000 implements MigrationInterface {
  name = 'WorkflowState1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE appeals
        ADD COLUMN escalated boolean NOT NULL DEFAULT false,
        ADD COLUMN escalated_at timestamptz,
        ADD COLUMN extended boolean NOT NULL DEFAULT false,
        ADD COLUMN sla_paused_at timestamptz,
        ADD COLUMN first_reaction_at timestamptz,
        ADD COLUMN answered_at timestamptz,
        ADD COLUMN overdue_at timestamptz,
        ADD COLUMN reminder_sent_at timestamptz,
        ADD COLUMN parent_appeal_id uuid,
        ADD COLUMN unsuccessful_rounds integer NOT NULL DEFAULT 0,
        ADD COLUMN rating smallint,
        ADD COLUMN rating_comment text,
        ADD COLUMN rated_at timestamptz,
        ADD COLUMN rereview boolean NOT NULL DEFAULT false,
        ADD COLUMN documents_due_on date,
        ADD COLUMN retention_extended_until date,
        ADD COLUMN anonymised_at timestamptz;
      ALTER TABLE appeals ADD CONSTRAINT appeals_parent_appeal_id_fkey FOREIGN KEY (parent_appeal_id) REFERENCES appeals(id) ON DELETE SET NULL;
      ALTER TABLE appeals ADD CONSTRAINT appeals_rating_check CHECK (rating IS NULL OR rating BETWEEN 1 AND 5);
      CREATE INDEX appeals_parent ON appeals (parent_appeal_id) WHERE parent_appeal_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX appeals_parent;
      ALTER TABLE appeals DROP CONSTRAINT appeals_rating_check, DROP CONSTRAINT appeals_parent_appeal_id_fkey;
      ALTER TABLE appeals
        DROP COLUMN escalated, DROP COLUMN escalated_at, DROP COLUMN extended, DROP COLUMN sla_paused_at,
        DROP COLUMN first_reaction_at, DROP COLUMN answered_at, DROP COLUMN overdue_at, DROP COLUMN reminder_sent_at,
        DROP COLUMN parent_appeal_id, DROP COLUMN unsuccessful_rounds, DROP COLUMN rating, DROP COLUMN rating_comment,
        DROP COLUMN rated_at, DROP COLUMN rereview, DROP COLUMN documents_due_on, DROP COLUMN retention_extended_until,
        DROP COLUMN anonymised_at;
    `);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intake from other channels (issue 18, part A), all on the appeals module's table.
 *
 * - appeals.channel: how the appeal came (account, anonymous — as before, derived from
 *   `unidentified` — and phone, email, post, in_person for what an operator registers).
 * - appeals.received_at: when the body received an appeal an operator registers later; its
 *   deadlines count from it.
 * - appeals.organisation: the legal entity an appeal is filed for (name, ИНН, ОГРН: public
 *   registry data, not personal data), its representative being the citizen or the applicant.
 * - appeals.merged_into_appeal_id: a likely duplicate an operator linked to the main appeal; it
 *   keeps its number and gets the main appeal's answer.
 * - appeals_author_check: an appeal an operator registered for an applicant without an account
 *   has no citizen and is not unidentified (the applicant's contact is in contact_encrypted).
 * - pg_trgm (a trusted extension: the database owner may create it) for the duplicate search.
 */
export class StaffIntake1765450000000 implements MigrationInterface {
  name = 'StaffIntake1765450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      ALTER TABLE appeals
        ADD COLUMN channel text NOT NULL DEFAULT 'account',
        ADD COLUMN received_at timestamptz,
        ADD COLUMN organisation jsonb,
        ADD COLUMN merged_into_appeal_id uuid`);
    await q.query(`UPDATE appeals SET channel = 'anonymous' WHERE unidentified`);
    await q.query(`
      ALTER TABLE appeals
        ADD CONSTRAINT appeals_channel_check CHECK (channel IN ('account', 'anonymous', 'phone', 'email', 'post', 'in_person')),
        ADD CONSTRAINT appeals_merged_into_appeal_id_fkey FOREIGN KEY (merged_into_appeal_id) REFERENCES appeals(id) ON DELETE SET NULL,
        DROP CONSTRAINT appeals_author_check,
        ADD CONSTRAINT appeals_author_check CHECK (
          (citizen_id IS NOT NULL AND NOT unidentified)
          OR (citizen_id IS NULL AND unidentified AND access_code_hash IS NOT NULL)
          OR (citizen_id IS NULL AND NOT unidentified AND channel IN ('phone', 'email', 'post', 'in_person'))
        )`);
    await q.query(`CREATE INDEX appeals_merged_into ON appeals (merged_into_appeal_id) WHERE merged_into_appeal_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX appeals_merged_into`);
    await q.query(`DELETE FROM appeals WHERE citizen_id IS NULL AND NOT unidentified`);
    await q.query(`
      ALTER TABLE appeals
        DROP CONSTRAINT appeals_author_check,
        ADD CONSTRAINT appeals_author_check CHECK (
          (citizen_id IS NOT NULL AND NOT unidentified) OR (citizen_id IS NULL AND unidentified AND access_code_hash IS NOT NULL)
        ),
        DROP CONSTRAINT appeals_merged_into_appeal_id_fkey,
        DROP CONSTRAINT appeals_channel_check,
        DROP COLUMN merged_into_appeal_id,
        DROP COLUMN organisation,
        DROP COLUMN received_at,
        DROP COLUMN channel`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Unidentified feedback (59-ФЗ, 547-ФЗ): an appeal without an account, tracked by its number and
 * a random access code (only its hash is kept); `no_answer_required` per 59-ФЗ ст. 11.
 */
export class PublicAppeals1764200000000 implements MigrationInterface {
  name = 'PublicAppeals1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE appeals ALTER COLUMN citizen_id DROP NOT NULL;
      ALTER TABLE appeals
        ADD COLUMN unidentified boolean NOT NULL DEFAULT false,
        ADD COLUMN access_code_hash text,
        ADD COLUMN no_answer_required boolean NOT NULL DEFAULT false;
      ALTER TABLE appeals ADD CONSTRAINT appeals_author_check
        CHECK ((citizen_id IS NOT NULL AND NOT unidentified) OR (citizen_id IS NULL AND unidentified AND access_code_hash IS NOT NULL));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM appeals WHERE unidentified;
      ALTER TABLE appeals DROP CONSTRAINT appeals_author_check;
      ALTER TABLE appeals DROP COLUMN no_answer_required, DROP COLUMN access_code_hash, DROP COLUMN unidentified;
      ALTER TABLE appeals ALTER COLUMN citizen_id SET NOT NULL;
    `);
  }
}

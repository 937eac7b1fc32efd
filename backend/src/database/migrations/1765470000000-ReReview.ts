import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The supervisor's re-review of a low-rated answer is recorded (staff action record-review): its
 * outcome and time on the appeal, which leaves the re-review list (rereview = false), and an index
 * for the quality report's count of the re-reviews in a period by outcome.
 */
export class ReReview1765470000000 implements MigrationInterface {
  name = 'ReReview1765470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE appeals ADD COLUMN review_outcome varchar(16), ADD COLUMN reviewed_at timestamptz,
        ADD CONSTRAINT appeals_review_outcome_check CHECK (review_outcome IS NULL OR review_outcome IN ('upheld', 'reopened'))`);
    // The quality report counts the re-reviews of a period by outcome.
    await q.query(`CREATE INDEX appeals_reviewed ON appeals (reviewed_at) WHERE reviewed_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX appeals_reviewed; ALTER TABLE appeals DROP CONSTRAINT appeals_review_outcome_check, DROP COLUMN review_outcome, DROP COLUMN reviewed_at`);
  }
}

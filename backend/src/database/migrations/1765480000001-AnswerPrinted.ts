import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A postal answer's «распечатано» mark (issue 18, console part): who printed the signed answer
 * and when. The to-print list (the staff queue's `toPrint` filter) is the answered postal appeals
 * without the mark, served by a partial index.
 */
export class AnswerPrinted1765480000001 implements MigrationInterface {
  name = 'AnswerPrinted1765480000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE appeals ADD COLUMN answer_printed_at timestamptz, ADD COLUMN answer_printed_by uuid,
        ADD CONSTRAINT appeals_answer_printed_by_fkey FOREIGN KEY (answer_printed_by) REFERENCES users(id)`);
    await q.query(`
      CREATE INDEX appeals_answers_to_print ON appeals (department_id, answered_at)
        WHERE answer_channel = 'post' AND answered_at IS NOT NULL AND answer_printed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX appeals_answers_to_print`);
    await q.query(`ALTER TABLE appeals DROP CONSTRAINT appeals_answer_printed_by_fkey, DROP COLUMN answer_printed_at, DROP COLUMN answer_printed_by`);
  }
}

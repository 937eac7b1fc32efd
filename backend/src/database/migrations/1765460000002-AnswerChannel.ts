import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The preferred channel of an appeal's answer (issue 18, part B): set at filing (the profile's
 * default unless the appeal names its own). A postal answer is printed by the operator from the
 * signed PDF: the partial index serves the staff queue's `answerChannel=post` filter.
 */
export class AnswerChannel1765460000002 implements MigrationInterface {
  name = 'AnswerChannel1765460000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE appeals ADD COLUMN answer_channel text NOT NULL DEFAULT 'cabinet',
        ADD CONSTRAINT appeals_answer_channel_check CHECK (answer_channel IN ('cabinet', 'email', 'post'))`);
    await q.query(`CREATE INDEX appeals_postal_answers ON appeals (department_id, answered_at) WHERE answer_channel = 'post'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX appeals_postal_answers`);
    await q.query(`ALTER TABLE appeals DROP CONSTRAINT appeals_answer_channel_check, DROP COLUMN answer_channel`);
  }
}

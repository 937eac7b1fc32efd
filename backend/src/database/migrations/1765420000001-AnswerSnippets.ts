import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Answer snippets (issue 15), the workflow module's table.
 *
 * - answer_snippets: text an operator inserts at the cursor of an answer, beside the whole-answer
 *   templates; for every department (department_id null) or one.
 */
export class AnswerSnippets1765420000001 implements MigrationInterface {
  name = 'AnswerSnippets1765420000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE answer_snippets (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        title text NOT NULL,
        body text NOT NULL,
        department_id uuid,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT answer_snippets_pkey PRIMARY KEY (id),
        CONSTRAINT answer_snippets_department_id_fkey FOREIGN KEY (department_id) REFERENCES departments(id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE answer_snippets`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Macros (issue 15), the workflow module's table.
 *
 * - appeal_macros: staff actions in order and an internal note that one click on the card applies
 *   in one transaction; for every department (department_id null) or one.
 */
export class AppealMacros1765480000201 implements MigrationInterface {
  name = 'AppealMacros1765480000201';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE appeal_macros (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        title text NOT NULL,
        department_id uuid,
        active boolean NOT NULL DEFAULT true,
        steps text[] NOT NULL DEFAULT '{}',
        comment text,
        documents text[] NOT NULL DEFAULT '{}',
        documents_due_in_days integer,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT appeal_macros_pkey PRIMARY KEY (id),
        CONSTRAINT appeal_macros_department_id_fkey FOREIGN KEY (department_id) REFERENCES departments(id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE appeal_macros`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Macros that reclassify (issue 15: «one click sets several fields»): the steps set-priority and
 * set-category keep their value on the macro — the priority, and the category (categories are
 * never deleted, so a plain foreign key).
 */
export class MacroClassification1765490200000 implements MigrationInterface {
  name = 'MacroClassification1765490200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE appeal_macros ADD priority text, ADD category_id uuid`);
    await q.query(`ALTER TABLE appeal_macros ADD CONSTRAINT appeal_macros_priority_check CHECK (priority IS NULL OR priority IN ('low', 'normal', 'high'))`);
    await q.query(`ALTER TABLE appeal_macros ADD CONSTRAINT appeal_macros_category_id_fkey FOREIGN KEY (category_id) REFERENCES categories(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE appeal_macros DROP CONSTRAINT appeal_macros_category_id_fkey, DROP CONSTRAINT appeal_macros_priority_check`);
    await q.query(`ALTER TABLE appeal_macros DROP COLUMN category_id, DROP COLUMN priority`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statutory report (issue 14): a category carries its code in the standard thematic classifier
 * (ТОТК, «типовой общероссийский тематический классификатор обращений»), set by admins; the
 * monthly ССТУ form reports topics by that code. Four-digit groups separated by dots
 * (раздел.тематика.тема.вопрос, e.g. 0003.0011.0120.0709).
 */
export class CategoryTotk1765341000000 implements MigrationInterface {
  name = 'CategoryTotk1765341000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE categories ADD COLUMN totk_code text;
      ALTER TABLE categories ADD CONSTRAINT categories_totk_code_check CHECK (totk_code ~ '^[0-9]{4}(\\.[0-9]{4}){0,4}$');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE categories DROP COLUMN totk_code`);
  }
}

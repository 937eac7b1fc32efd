import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Citizens' appeal templates (issue 18, part B), the appeals module's table: a name and the
 * reusable fields of an appeal (the body POST /appeals takes, without contacts, files or dates).
 * Deleted with the account.
 */
export class AppealTemplates1765460000001 implements MigrationInterface {
  name = 'AppealTemplates1765460000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE appeal_templates (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        citizen_id uuid NOT NULL,
        name text NOT NULL,
        draft jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT appeal_templates_pkey PRIMARY KEY (id),
        CONSTRAINT appeal_templates_citizen_id_fkey FOREIGN KEY (citizen_id) REFERENCES users(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX appeal_templates_citizen ON appeal_templates (citizen_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE appeal_templates`);
  }
}

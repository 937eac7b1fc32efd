import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The workflow (issue 5): structured answers, admin-managed routing rules, answer templates,
 * automatic assignment per department, and the 59-ФЗ «переписка прекращена» flag.
 */
export class Workflow1764600000000 implements MigrationInterface {
  name = 'Workflow1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE appeals ADD COLUMN correspondence_terminated boolean NOT NULL DEFAULT false;
      ALTER TABLE departments ADD COLUMN auto_assign boolean NOT NULL DEFAULT false;

      CREATE TABLE answers (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        appeal_id uuid NOT NULL,
        result text NOT NULL,
        result_code integer NOT NULL,
        text text NOT NULL,
        reason text,
        executor_name text NOT NULL,
        executor_position text,
        executor_phone text,
        answered_by uuid NOT NULL,
        answered_at timestamptz NOT NULL,
        approved_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT answers_pkey PRIMARY KEY (id),
        CONSTRAINT answers_appeal_id_fkey FOREIGN KEY (appeal_id) REFERENCES appeals(id) ON DELETE CASCADE,
        CONSTRAINT answers_answered_by_fkey FOREIGN KEY (answered_by) REFERENCES users(id),
        CONSTRAINT answers_approved_by_fkey FOREIGN KEY (approved_by) REFERENCES users(id),
        CONSTRAINT answers_result_check CHECK (result IN ('done', 'refused', 'clarification_needed')),
        CONSTRAINT answers_reason_check CHECK (result <> 'refused' OR reason IS NOT NULL)
      );
      CREATE INDEX answers_appeal_latest ON answers (appeal_id, answered_at DESC);

      CREATE TABLE routing_rules (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        position integer NOT NULL,
        name text NOT NULL,
        appeal_type text,
        category_id uuid,
        subcategory_id uuid,
        region text,
        keywords text[] NOT NULL DEFAULT '{}',
        department_id uuid NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT routing_rules_pkey PRIMARY KEY (id),
        CONSTRAINT routing_rules_category_id_fkey FOREIGN KEY (category_id) REFERENCES categories(id) ON DELETE CASCADE,
        CONSTRAINT routing_rules_subcategory_id_fkey FOREIGN KEY (subcategory_id) REFERENCES categories(id) ON DELETE CASCADE,
        CONSTRAINT routing_rules_department_id_fkey FOREIGN KEY (department_id) REFERENCES departments(id) ON DELETE CASCADE
      );
      CREATE INDEX routing_rules_order ON routing_rules (position, created_at) WHERE active;

      CREATE TABLE answer_templates (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        title text NOT NULL,
        body text NOT NULL,
        result text,
        department_id uuid,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT answer_templates_pkey PRIMARY KEY (id),
        CONSTRAINT answer_templates_department_id_fkey FOREIGN KEY (department_id) REFERENCES departments(id) ON DELETE CASCADE,
        CONSTRAINT answer_templates_result_check CHECK (result IS NULL OR result IN ('done', 'refused', 'clarification_needed'))
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE answer_templates;
      DROP TABLE routing_rules;
      DROP TABLE answers;
      ALTER TABLE departments DROP COLUMN auto_assign;
      ALTER TABLE appeals DROP COLUMN correspondence_terminated;
    `);
  }
}

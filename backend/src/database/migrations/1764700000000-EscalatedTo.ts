import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where an escalation lands (DOMAIN.md «Deadlines»: overdue → escalate to the parent
 * department; «Обращение к руководству» by the citizen): the department that now oversees the
 * appeal beside the one handling it. Its escalations list reads the partial index.
 */
export class EscalatedTo1764700000000 implements MigrationInterface {
  name = 'EscalatedTo1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE appeals ADD COLUMN escalated_to_department_id uuid;
      ALTER TABLE appeals ADD CONSTRAINT appeals_escalated_to_department_id_fkey
        FOREIGN KEY (escalated_to_department_id) REFERENCES departments(id);
      CREATE INDEX appeals_escalated_to ON appeals (escalated_to_department_id, due_at, id)
        WHERE escalated_to_department_id IS NOT NULL;
      -- Appeals escalated before this column existed: to the parent of their department.
      UPDATE appeals a SET escalated_to_department_id = coalesce(d.parent_id, d.id)
        FROM departments d WHERE a.escalated AND d.id = a.department_id;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX appeals_escalated_to;
      ALTER TABLE appeals DROP CONSTRAINT appeals_escalated_to_department_id_fkey;
      ALTER TABLE appeals DROP COLUMN escalated_to_department_id;
    `);
  }
}

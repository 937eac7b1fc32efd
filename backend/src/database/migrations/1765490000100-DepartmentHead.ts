import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An explicit department head (issue 16): an admin names one active supervisor of the
 * department; overdue notices go to them first. Unset, the heads stay derived (the department's
 * supervisors, else the nearest ancestor's). A removed account leaves the department headless.
 */
export class DepartmentHead1765490000100 implements MigrationInterface {
  name = 'DepartmentHead1765490000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE departments ADD COLUMN head_id uuid`);
    await q.query(`ALTER TABLE departments ADD CONSTRAINT departments_head_id_fkey FOREIGN KEY (head_id) REFERENCES users (id) ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE departments DROP CONSTRAINT departments_head_id_fkey`);
    await q.query(`ALTER TABLE departments DROP COLUMN head_id`);
  }
}

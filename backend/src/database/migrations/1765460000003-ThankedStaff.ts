import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A gratitude may name the employee thanked (issue 18, part B), chosen from the staff who
 * handled the citizen's appeals; the reporting module's per-appeal facts carry it, so the thanks
 * count in the employee rating (the operators report) and the gratitude report.
 */
export class ThankedStaff1765460000003 implements MigrationInterface {
  name = 'ThankedStaff1765460000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE appeals ADD COLUMN thanked_staff_id uuid,
        ADD CONSTRAINT appeals_thanked_staff_id_fkey FOREIGN KEY (thanked_staff_id) REFERENCES users(id),
        ADD CONSTRAINT appeals_thanked_staff_check CHECK (thanked_staff_id IS NULL OR type = 'gratitude')`);
    await q.query(`ALTER TABLE report_appeal_facts ADD COLUMN thanked_staff_id uuid`);
    await q.query(`CREATE INDEX report_appeal_facts_thanked ON report_appeal_facts (thanked_staff_id, registered_on) WHERE thanked_staff_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX report_appeal_facts_thanked`);
    await q.query(`ALTER TABLE report_appeal_facts DROP COLUMN thanked_staff_id`);
    await q.query(`ALTER TABLE appeals DROP CONSTRAINT appeals_thanked_staff_check, DROP CONSTRAINT appeals_thanked_staff_id_fkey, DROP COLUMN thanked_staff_id`);
  }
}

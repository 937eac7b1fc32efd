import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The quality report's disputes (decision appeals filed in the period, by status now) read every
 * fact of the period to keep the few decision appeals (84k rows, 51 ms at 1M): a partial index over
 * the decision appeals' facts alone (ReportQueries.disputes).
 */
export class ReportDisputes1765490100003 implements MigrationInterface {
  name = 'ReportDisputes1765490100003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX report_appeal_facts_disputes ON report_appeal_facts (registered_on, department_id) INCLUDE (status) WHERE type = 'decision_appeal'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX report_appeal_facts_disputes`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The volume report's heat map (intake by Moscow weekday × hour) from its own rollup (issue 14: the
 * volume report at 1M counted ~84k report_appeal_facts rows per request for it).
 * report_intake_hours: appeals registered per Moscow day × department × Moscow hour, kept by the
 * rollups consumer and reports:rebuild with the other rollups. Filled here from the stored facts.
 */
export class ReportIntakeHours1765490100001 implements MigrationInterface {
  name = 'ReportIntakeHours1765490100001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_intake_hours (
        id bigserial NOT NULL,
        day date NOT NULL,
        department_id uuid,
        hour smallint NOT NULL,
        received integer NOT NULL DEFAULT 0,
        CONSTRAINT report_intake_hours_pkey PRIMARY KEY (id),
        CONSTRAINT report_intake_hours_key UNIQUE NULLS NOT DISTINCT (day, department_id, hour),
        CONSTRAINT report_intake_hours_hour CHECK (hour BETWEEN 0 AND 23)
      )`);
    await q.query(`
      INSERT INTO report_intake_hours (day, department_id, hour, received)
      SELECT registered_on, department_id, extract(hour FROM registered_at AT TIME ZONE 'Europe/Moscow')::smallint, count(*)::int
        FROM report_appeal_facts GROUP BY 1, 2, 3`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_intake_hours`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two rollups for the sla and operators reports at 1M (issue 14), kept by the rollups consumer and
 * reports:rebuild in the same transaction as report_daily; filled here from the stored facts.
 *
 * report_durations: a histogram of the working-day durations (answer_wd on the answer's Moscow day,
 * first_reaction_wd on the first reaction's) per day × department. The durations are whole working
 * days, so the histogram gives the exact median (percentile_cont(0.5)) without the period's facts.
 *
 * report_assignee_daily: per day × department × current assignee, the appeals registered that day
 * (assigned) and answered that day with their working days (answered, answer_wd_sum).
 */
export class ReportDurationsAndAssignees1765490300000 implements MigrationInterface {
  name = 'ReportDurationsAndAssignees1765490300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_durations (
        id bigserial NOT NULL,
        day date NOT NULL,
        department_id uuid,
        measure text NOT NULL,
        wd integer NOT NULL,
        count integer NOT NULL DEFAULT 0,
        CONSTRAINT report_durations_pkey PRIMARY KEY (id),
        CONSTRAINT report_durations_key UNIQUE NULLS NOT DISTINCT (day, department_id, measure, wd),
        CONSTRAINT report_durations_measure CHECK (measure IN ('answer', 'reaction'))
      )`);
    await q.query(`
      INSERT INTO report_durations (day, department_id, measure, wd, count)
      SELECT answered_on, department_id, 'answer', answer_wd, count(*)::int FROM report_appeal_facts WHERE answered_on IS NOT NULL GROUP BY 1, 2, 4
      UNION ALL
      SELECT first_reaction_on, department_id, 'reaction', first_reaction_wd, count(*)::int FROM report_appeal_facts WHERE first_reaction_on IS NOT NULL GROUP BY 1, 2, 4`);
    await q.query(`
      CREATE TABLE report_assignee_daily (
        id bigserial NOT NULL,
        day date NOT NULL,
        department_id uuid,
        assignee_id uuid NOT NULL,
        assigned integer NOT NULL DEFAULT 0,
        answered integer NOT NULL DEFAULT 0,
        answer_wd_sum bigint NOT NULL DEFAULT 0,
        CONSTRAINT report_assignee_daily_pkey PRIMARY KEY (id),
        CONSTRAINT report_assignee_daily_key UNIQUE NULLS NOT DISTINCT (day, department_id, assignee_id)
      )`);
    await q.query(`
      INSERT INTO report_assignee_daily (day, department_id, assignee_id, assigned, answered, answer_wd_sum)
      SELECT day, department_id, assignee_id, sum(assigned)::int, sum(answered)::int, sum(answer_wd_sum)::bigint FROM (
        SELECT registered_on AS day, department_id, assignee_id, 1 AS assigned, 0 AS answered, 0 AS answer_wd_sum FROM report_appeal_facts WHERE assignee_id IS NOT NULL
        UNION ALL
        SELECT answered_on, department_id, assignee_id, 0, 1, answer_wd FROM report_appeal_facts WHERE assignee_id IS NOT NULL AND answered_on IS NOT NULL
      ) x GROUP BY 1, 2, 3`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_assignee_daily`);
    await q.query(`DROP TABLE report_durations`);
  }
}

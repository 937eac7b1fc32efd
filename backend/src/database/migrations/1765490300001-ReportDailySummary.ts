import { MigrationInterface, QueryRunner } from 'typeorm';

/** report_daily's counters as of this migration. */
const COUNTERS = [
  ['received', 'integer'],
  ['answered', 'integer'],
  ['answered_on_time', 'integer'],
  ['answer_wd_sum', 'bigint'],
  ['closed', 'integer'],
  ['reacted', 'integer'],
  ['reacted_on_time', 'integer'],
  ['reaction_wd_sum', 'bigint'],
  ['extended', 'integer'],
  ['redirected', 'integer'],
  ['redirects', 'integer'],
  ['rated', 'integer'],
  ['rating_sum', 'integer'],
  ['rating_1', 'integer'],
  ['rating_2', 'integer'],
  ['rating_3', 'integer'],
  ['rating_4', 'integer'],
  ['rating_5', 'integer'],
  ['repeats', 'integer'],
] as const;

/**
 * report_daily_summary: report_daily without the subcategory and region dimensions (day ×
 * department × category × type × channel, the same counters), kept by the rollups consumer and
 * reports:rebuild in the same transaction as report_daily. The reports read it when no category or
 * region filter asks for those dimensions: at 1M a 90-day period is ~2.4k rows here against ~8.7k in
 * report_daily (issue 14: the volume and sla reports' GROUPING SETS). Filled here from report_daily.
 */
export class ReportDailySummary1765490300001 implements MigrationInterface {
  name = 'ReportDailySummary1765490300001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_daily_summary (
        id bigserial NOT NULL,
        day date NOT NULL,
        department_id uuid,
        category_id uuid NOT NULL,
        type text NOT NULL,
        channel text NOT NULL,
        ${COUNTERS.map(([c, t]) => `${c} ${t} NOT NULL DEFAULT 0,`).join('\n        ')}
        CONSTRAINT report_daily_summary_pkey PRIMARY KEY (id),
        CONSTRAINT report_daily_summary_key UNIQUE NULLS NOT DISTINCT (day, department_id, category_id, type, channel)
      )`);
    await q.query(`
      INSERT INTO report_daily_summary (day, department_id, category_id, type, channel, ${COUNTERS.map(([c]) => c).join(', ')})
      SELECT day, department_id, category_id, type, channel, ${COUNTERS.map(([c, t]) => `sum(${c})::${t}`).join(', ')}
        FROM report_daily GROUP BY 1, 2, 3, 4, 5`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_daily_summary`);
  }
}

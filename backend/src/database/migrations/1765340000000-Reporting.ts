import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reporting (issue 14): the reporting module's own tables.
 *
 * - report_appeal_facts: one row per registered appeal, the figures it contributes as it stands
 *   now (dimensions, the days its steps fell on, working-day durations, on-time flags, rating).
 *   It is the consumer's idempotency record (the rollups hold exactly the sum of these rows) and
 *   the exact source of medians (percentile_cont over the filtered rows).
 * - report_daily: the rollups, one row per Moscow day × department × category × subcategory ×
 *   type × channel × region, each counter attributed to the day its step happened.
 * - report_rebuild_state: where `reports:rebuild` got to, so a stopped rebuild resumes.
 * - appeals_rereview: a partial index for the re-review list the quality report shows.
 */
export class Reporting1765340000000 implements MigrationInterface {
  name = 'Reporting1765340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_appeal_facts (
        appeal_id uuid NOT NULL,
        department_id uuid,
        category_id uuid NOT NULL,
        subcategory_id uuid,
        type text NOT NULL,
        channel text NOT NULL,
        region text,
        status text NOT NULL,
        assignee_id uuid,
        registered_at timestamptz NOT NULL,
        registered_on date NOT NULL,
        first_reaction_at timestamptz,
        first_reaction_on date,
        first_reaction_wd integer,
        first_reaction_on_time boolean,
        answered_at timestamptz,
        answered_on date,
        answer_wd integer,
        answered_on_time boolean,
        closed_on date,
        extended boolean NOT NULL,
        redirects integer NOT NULL,
        rating smallint,
        rated_on date,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT report_appeal_facts_pkey PRIMARY KEY (appeal_id)
      );
      CREATE INDEX report_appeal_facts_registered ON report_appeal_facts (registered_on, department_id);
      CREATE INDEX report_appeal_facts_answered ON report_appeal_facts (answered_on, department_id) WHERE answered_on IS NOT NULL;
      CREATE INDEX report_appeal_facts_reacted ON report_appeal_facts (first_reaction_on, department_id) WHERE first_reaction_on IS NOT NULL;
      CREATE INDEX report_appeal_facts_rated ON report_appeal_facts (rated_on, department_id) WHERE rated_on IS NOT NULL;

      CREATE TABLE report_daily (
        id bigserial NOT NULL,
        day date NOT NULL,
        department_id uuid,
        category_id uuid NOT NULL,
        subcategory_id uuid,
        type text NOT NULL,
        channel text NOT NULL,
        region text,
        received integer NOT NULL DEFAULT 0,
        answered integer NOT NULL DEFAULT 0,
        answered_on_time integer NOT NULL DEFAULT 0,
        answer_wd_sum bigint NOT NULL DEFAULT 0,
        closed integer NOT NULL DEFAULT 0,
        reacted integer NOT NULL DEFAULT 0,
        reacted_on_time integer NOT NULL DEFAULT 0,
        reaction_wd_sum bigint NOT NULL DEFAULT 0,
        extended integer NOT NULL DEFAULT 0,
        redirected integer NOT NULL DEFAULT 0,
        redirects integer NOT NULL DEFAULT 0,
        rated integer NOT NULL DEFAULT 0,
        rating_sum integer NOT NULL DEFAULT 0,
        rating_1 integer NOT NULL DEFAULT 0,
        rating_2 integer NOT NULL DEFAULT 0,
        rating_3 integer NOT NULL DEFAULT 0,
        rating_4 integer NOT NULL DEFAULT 0,
        rating_5 integer NOT NULL DEFAULT 0,
        CONSTRAINT report_daily_pkey PRIMARY KEY (id),
        CONSTRAINT report_daily_key UNIQUE NULLS NOT DISTINCT (day, department_id, category_id, subcategory_id, type, channel, region)
      );
      CREATE INDEX report_daily_department_day ON report_daily (department_id, day);

      -- The re-review list as a "now" figure (the appeals module's table, read through its reader).
      CREATE INDEX appeals_rereview ON appeals (rated_at DESC NULLS LAST, id) WHERE rereview;

      CREATE TABLE report_rebuild_state (
        id smallint NOT NULL DEFAULT 1,
        after_appeal_id uuid,
        done integer NOT NULL DEFAULT 0,
        total integer NOT NULL DEFAULT 0,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CONSTRAINT report_rebuild_state_pkey PRIMARY KEY (id),
        CONSTRAINT report_rebuild_state_single CHECK (id = 1)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX appeals_rereview; DROP TABLE report_rebuild_state; DROP TABLE report_daily; DROP TABLE report_appeal_facts;`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recurring problems (issue 18, part A), the appeals module's table.
 *
 * - recurring_problem_signals: each signal raised to supervisors (appeals of one category from
 *   many citizens in one area within a window), one per category, area and window.
 * - appeals_recurring: the count behind a signal reads the appeals of one category registered
 *   lately, by category and time.
 */
export class RecurringProblems1765450000002 implements MigrationInterface {
  name = 'RecurringProblems1765450000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE recurring_problem_signals (
        id uuid NOT NULL,
        category_id uuid NOT NULL,
        area text NOT NULL,
        window_start timestamptz NOT NULL,
        citizens integer NOT NULL,
        appeals integer NOT NULL,
        raised_at timestamptz NOT NULL,
        CONSTRAINT recurring_problem_signals_pkey PRIMARY KEY (id),
        CONSTRAINT recurring_problem_signals_key UNIQUE (category_id, area, window_start),
        CONSTRAINT recurring_problem_signals_category_id_fkey FOREIGN KEY (category_id) REFERENCES categories(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX appeals_recurring ON appeals (category_id, registered_at) WHERE registered_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX appeals_recurring`);
    await q.query(`DROP TABLE recurring_problem_signals`);
  }
}

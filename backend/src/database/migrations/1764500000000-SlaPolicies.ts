import { MigrationInterface, QueryRunner } from 'typeorm';

// Frozen copies: a migration must not change when the domain code does.
const TYPES = `'complaint', 'suggestion', 'question', 'gratitude', 'petition', 'decision_appeal'`;
const UNITS = `'working_days', 'calendar_days', 'working_hours'`;
/** DOMAIN.md «Deadlines»: questions 5 working days; the rest 30 calendar days (59-ФЗ); reaction 24 h / 2 h. */
const DEFAULT_POLICIES: [type: string, unit: string, amount: number][] = [
  ['question', 'working_days', 5],
  ['complaint', 'calendar_days', 30],
  ['petition', 'calendar_days', 30],
  ['decision_appeal', 'calendar_days', 30],
  ['suggestion', 'calendar_days', 30],
  ['gratitude', 'calendar_days', 30],
];
/** The government's published calendars (DOMAIN.md): days off beyond weekends, and working weekends. */
const OFFICIAL_YEARS: { year: number; nonWorking: [from: string, to: string][]; working: string[] }[] = [
  {
    year: 2025,
    nonWorking: [
      ['2025-01-01', '2025-01-08'],
      ['2025-05-01', '2025-05-04'],
      ['2025-05-08', '2025-05-11'],
      ['2025-06-12', '2025-06-15'],
      ['2025-11-02', '2025-11-04'],
      ['2025-12-31', '2025-12-31'],
    ],
    working: ['2025-11-01'],
  },
  {
    year: 2026,
    nonWorking: [
      ['2026-01-01', '2026-01-11'],
      ['2026-02-23', '2026-02-23'],
      ['2026-03-09', '2026-03-09'],
      ['2026-05-01', '2026-05-03'],
      ['2026-05-09', '2026-05-11'],
      ['2026-06-12', '2026-06-14'],
      ['2026-11-04', '2026-11-04'],
      ['2026-12-31', '2026-12-31'],
    ],
    working: [],
  },
];
const OPEN = `'registered', 'in_progress', 'awaiting_approval'`;

/**
 * Deadlines as data (issue 5): SLA policies per type and category, the production calendar by
 * year, the once-per-tick claims of the scheduler, the destruction records of retention, and the
 * partial indexes the scheduler's scans use (each covers only the rows a scan can still find).
 */
export class SlaPolicies1764500000000 implements MigrationInterface {
  name = 'SlaPolicies1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sla_policies (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        type text NOT NULL,
        category_id uuid,
        resolution_unit text NOT NULL,
        resolution_amount integer NOT NULL,
        first_response_hours integer NOT NULL,
        priority_first_response_hours integer NOT NULL,
        reminder_lead_hours integer NOT NULL DEFAULT 24,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sla_policies_pkey PRIMARY KEY (id),
        CONSTRAINT sla_policies_category_id_fkey FOREIGN KEY (category_id) REFERENCES categories(id) ON DELETE CASCADE,
        CONSTRAINT sla_policies_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT sla_policies_type_check CHECK (type IN (${TYPES})),
        CONSTRAINT sla_policies_unit_check CHECK (resolution_unit IN (${UNITS})),
        CONSTRAINT sla_policies_amounts_check CHECK (
          resolution_amount BETWEEN 1 AND 3650 AND first_response_hours BETWEEN 1 AND 8760
          AND priority_first_response_hours BETWEEN 1 AND 8760 AND reminder_lead_hours BETWEEN 0 AND 8760)
      );
      -- One policy per type (the default) and one per (type, category).
      CREATE UNIQUE INDEX sla_policies_type_default ON sla_policies (type) WHERE category_id IS NULL;
      CREATE UNIQUE INDEX sla_policies_type_category ON sla_policies (type, category_id) WHERE category_id IS NOT NULL;
      INSERT INTO sla_policies (type, resolution_unit, resolution_amount, first_response_hours, priority_first_response_hours, reminder_lead_hours)
      VALUES ${DEFAULT_POLICIES.map(([type, unit, amount]) => `('${type}', '${unit}', ${amount}, 24, 2, 24)`).join(', ')};

      CREATE TABLE production_calendar_years (
        year integer NOT NULL,
        non_working date[] NOT NULL DEFAULT '{}',
        working date[] NOT NULL DEFAULT '{}',
        loaded_by uuid,
        loaded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT production_calendar_years_pkey PRIMARY KEY (year),
        CONSTRAINT production_calendar_years_loaded_by_fkey FOREIGN KEY (loaded_by) REFERENCES users(id) ON DELETE SET NULL,
        CONSTRAINT production_calendar_years_year_check CHECK (year BETWEEN 1990 AND 2200)
      );
      ${OFFICIAL_YEARS.map(
        (y) => `INSERT INTO production_calendar_years (year, non_working, working) VALUES (${y.year},
          ARRAY(${y.nonWorking.map(([from, to]) => `SELECT generate_series('${from}'::date, '${to}'::date, interval '1 day')::date`).join(' UNION ALL ')} ORDER BY 1),
          '{${y.working.join(',')}}'::date[]);`,
      ).join('\n')}

      CREATE TABLE scheduler_ticks (
        job text NOT NULL,
        tick_at timestamptz NOT NULL,
        claimed_by text NOT NULL,
        claimed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        finished_at timestamptz,
        stats jsonb,
        CONSTRAINT scheduler_ticks_pkey PRIMARY KEY (job, tick_at)
      );

      CREATE TABLE retention_destructions (
        id bigserial NOT NULL,
        appeal_id uuid NOT NULL,
        number bigint,
        closed_at timestamptz,
        destroyed_at timestamptz NOT NULL,
        mode text NOT NULL,
        actor text NOT NULL,
        retention_years integer NOT NULL,
        CONSTRAINT retention_destructions_pkey PRIMARY KEY (id),
        CONSTRAINT retention_destructions_mode_check CHECK (mode IN ('anonymised', 'deleted'))
      );
      CREATE INDEX retention_destructions_appeal ON retention_destructions (appeal_id);

      ALTER TABLE appeals ADD COLUMN first_reaction_overdue_at timestamptz;
      -- The scheduler's scans. Each is partial on exactly what its query still has to find, so the
      -- index holds the open, unmarked appeals only (a few per cent of the table), not all of them.
      CREATE INDEX appeals_sla_overdue ON appeals (due_at)
        WHERE status IN (${OPEN}) AND NOT overdue AND sla_paused_at IS NULL;
      CREATE INDEX appeals_sla_reminder ON appeals (due_at)
        WHERE status IN (${OPEN}) AND NOT overdue AND sla_paused_at IS NULL AND reminder_sent_at IS NULL AND assignee_id IS NOT NULL;
      CREATE INDEX appeals_sla_first_reaction ON appeals (first_response_due_at)
        WHERE status IN (${OPEN}) AND first_reaction_at IS NULL AND first_reaction_overdue_at IS NULL AND sla_paused_at IS NULL;
      CREATE INDEX appeals_sla_auto_close ON appeals (answered_at)
        WHERE status IN ('resolved', 'rejected') AND answered_at IS NOT NULL;
      CREATE INDEX appeals_retention ON appeals (closed_at)
        WHERE status IN ('closed', 'withdrawn') AND anonymised_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX appeals_retention, appeals_sla_auto_close, appeals_sla_first_reaction, appeals_sla_reminder, appeals_sla_overdue;
      ALTER TABLE appeals DROP COLUMN first_reaction_overdue_at;
      DROP TABLE retention_destructions, scheduler_ticks, production_calendar_years, sla_policies;
    `);
  }
}

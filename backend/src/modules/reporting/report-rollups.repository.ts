import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { RepeatGroup, RepeatKey } from '../appeals/appeal-report.repository';
import { AppealFigures, AssigneeDayDelta, DurationDelta, IntakeHourDelta, ROLLUP_COUNTERS, RollupDelta, summaryDiff } from './appeal-figures';

const FACT_COLUMNS: readonly [keyof AppealFigures, string, string][] = [
  ['appealId', 'appeal_id', 'uuid'],
  ['departmentId', 'department_id', 'uuid'],
  ['categoryId', 'category_id', 'uuid'],
  ['subcategoryId', 'subcategory_id', 'uuid'],
  ['type', 'type', 'text'],
  ['channel', 'channel', 'text'],
  ['region', 'region', 'text'],
  ['status', 'status', 'text'],
  ['assigneeId', 'assignee_id', 'uuid'],
  ['registeredAt', 'registered_at', 'timestamptz'],
  ['registeredOn', 'registered_on', 'date'],
  ['firstReactionAt', 'first_reaction_at', 'timestamptz'],
  ['firstReactionOn', 'first_reaction_on', 'date'],
  ['firstReactionWd', 'first_reaction_wd', 'integer'],
  ['firstReactionOnTime', 'first_reaction_on_time', 'boolean'],
  ['answeredAt', 'answered_at', 'timestamptz'],
  ['answeredOn', 'answered_on', 'date'],
  ['answerWd', 'answer_wd', 'integer'],
  ['answeredOnTime', 'answered_on_time', 'boolean'],
  ['closedOn', 'closed_on', 'date'],
  ['extended', 'extended', 'boolean'],
  ['redirects', 'redirects', 'integer'],
  ['rating', 'rating', 'smallint'],
  ['ratedOn', 'rated_on', 'date'],
  ['thankedStaffId', 'thanked_staff_id', 'uuid'],
  ['citizenId', 'citizen_id', 'uuid'],
  ['repeat', 'repeat', 'boolean'],
];

/**
 * The reporting module's tables: per-appeal figures (report_appeal_facts), the daily rollups
 * (report_daily, report_daily_summary, report_intake_hours, report_durations, report_assignee_daily) and the rebuild's progress. All SQL that writes them is here; the report queries
 * are in report-queries.repository.ts.
 */
@Injectable()
export class ReportRollups {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Serialises every change to these appeals' figures until the transaction ends (advisory locks,
   * taken in one order so that two batches never deadlock): the consumer on two workers, or the
   * consumer and the rebuild, never apply the same appeal's diff from the same old figures twice.
   */
  async lockAppeals(manager: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended('report:' || id::text, 0) AS k FROM unnest($1::uuid[]) id ORDER BY 1) s`,
      [ids],
    );
  }

  async factsOf(manager: EntityManager, ids: readonly string[]): Promise<Map<string, AppealFigures>> {
    if (ids.length === 0) return new Map();
    const rows = await manager.query<Record<string, unknown>[]>(
      // Dates as text: a `date` is a Moscow calendar day, not an instant.
      `SELECT ${FACT_COLUMNS.map(([prop, column, type]) => `${column}${type === 'date' ? '::text' : ''} AS "${prop}"`).join(', ')}
         FROM report_appeal_facts WHERE appeal_id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.appealId as string, r as unknown as AppealFigures]));
  }

  /** The repeat group and registration each of these appeals' stored figures were derived from. */
  async repeatKeysOf(manager: EntityManager, ids: readonly string[]): Promise<RepeatKey[]> {
    if (ids.length === 0) return [];
    return manager.query<RepeatKey[]>(
      `SELECT appeal_id AS "appealId", citizen_id AS "citizenId", category_id AS "categoryId", registered_at AS "registeredAt"
         FROM report_appeal_facts WHERE appeal_id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** The appeals of these groups stored as not a repeat (report_appeal_facts_first_of_group). */
  async firstsOf(manager: EntityManager, groups: readonly RepeatGroup[]): Promise<string[]> {
    if (groups.length === 0) return [];
    const rows = await manager.query<{ id: string }[]>(
      `SELECT f.appeal_id AS id FROM unnest($1::uuid[], $2::uuid[]) AS g(citizen_id, category_id)
         JOIN report_appeal_facts f ON f.citizen_id = g.citizen_id AND f.category_id = g.category_id AND NOT f.repeat`,
      [groups.map((g) => g.citizenId), groups.map((g) => g.categoryId)],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Writes one refresh's changes in one statement: the deltas added to report_daily and its summary,
   * to the heat map's hours, to the medians' histogram and to the operators' daily rollup (rows
   * created at zero when missing), then the appeals' figures (replacing earlier ones) and the
   * removal of those `gone`. Each part is a data-modifying CTE on its own table, in that order, so
   * a refresh is one round trip to the database instead of up to seven (on this project's machine
   * a statement costs the API ~0.1 ms of CPU in its round trip alone, whatever it does).
   */
  async write(
    manager: EntityManager,
    changes: {
      rollups: readonly RollupDelta[];
      intakeHours: readonly IntakeHourDelta[];
      durations: readonly DurationDelta[];
      assigneeDays: readonly AssigneeDayDelta[];
      facts: readonly AppealFigures[];
      gone: readonly string[];
    },
  ): Promise<void> {
    const parts: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const counters = ROLLUP_COUNTERS.map((c) => [c, 'bigint'] as [string, string]);
    const flat = (ds: readonly RollupDelta[]) => ds.map(({ counters: by, ...key }) => ({ ...key, ...Object.fromEntries(ROLLUP_COUNTERS.map((c) => [c, by[c] ?? 0])) }));
    const dims: [string, string][] = [['day', 'date'], ['department_id', 'uuid'], ['category_id', 'uuid'], ['type', 'text'], ['channel', 'text']];
    const counts = (table: string, keys: readonly [string, string][], columns: readonly [string, string][], deltas: readonly object[]) => {
      const sql = addCounts(table, keys, columns, deltas, param);
      if (sql) parts.push(sql);
    };
    counts('report_daily', [...dims, ['subcategory_id', 'uuid'], ['region', 'text']], counters, flat(changes.rollups));
    counts('report_daily_summary', dims, counters, flat(summaryDiff(changes.rollups)));
    counts('report_intake_hours', [['day', 'date'], ['department_id', 'uuid'], ['hour', 'smallint']], [['received', 'integer']], changes.intakeHours);
    counts('report_durations', [['day', 'date'], ['department_id', 'uuid'], ['measure', 'text'], ['wd', 'integer']], [['count', 'integer']], changes.durations);
    counts(
      'report_assignee_daily',
      [['day', 'date'], ['department_id', 'uuid'], ['assignee_id', 'uuid']],
      [['assigned', 'integer'], ['answered', 'integer'], ['answer_wd_sum', 'bigint']],
      changes.assigneeDays,
    );
    // The rows deleted and the rows written are different appeals (gone = stored and no longer there).
    if (changes.gone.length) parts.push(`DELETE FROM report_appeal_facts WHERE appeal_id = ANY(${param(changes.gone)}::uuid[])`);
    if (changes.facts.length) {
      const columns = FACT_COLUMNS.map(([, c]) => c);
      const rows = param(JSON.stringify(changes.facts.map((f) => Object.fromEntries(FACT_COLUMNS.map(([prop, column]) => [column, f[prop]])))));
      parts.push(
        `INSERT INTO report_appeal_facts (${columns.join(', ')}, updated_at)
         SELECT ${columns.join(', ')}, now() FROM jsonb_to_recordset(${rows}::jsonb) AS x(${FACT_COLUMNS.map(([, c, t]) => `${c} ${t}`).join(', ')})
         ON CONFLICT (appeal_id) DO UPDATE SET ${columns.filter((c) => c !== 'appeal_id').map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()`,
      );
    }
    if (parts.length === 0) return;
    // A data-modifying CTE runs to completion whether or not it is read.
    await manager.query(parts.length === 1 ? parts[0] : `WITH ${parts.map((sql, i) => `w${i} AS (${sql})`).join(',\n')} SELECT 1`, params);
  }

  // The rebuild's bookkeeping.

  async startRebuild(total: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`TRUNCATE report_daily, report_daily_summary, report_intake_hours, report_durations, report_assignee_daily, report_appeal_facts`);
      await manager.query(
        `INSERT INTO report_rebuild_state (id, after_appeal_id, done, total, started_at, finished_at) VALUES (1, NULL, 0, $1, now(), NULL)
         ON CONFLICT (id) DO UPDATE SET after_appeal_id = NULL, done = 0, total = $1, started_at = now(), finished_at = NULL`,
        [total],
      );
    });
  }

  async rebuildState(): Promise<{ afterAppealId: string | null; done: number; total: number; finished: boolean } | null> {
    const [row] = await this.dataSource.query<{ afterAppealId: string | null; done: number; total: number; finished: boolean }[]>(
      `SELECT after_appeal_id AS "afterAppealId", done, total, finished_at IS NOT NULL AS finished FROM report_rebuild_state WHERE id = 1`,
    );
    return row ?? null;
  }

  async recordProgress(manager: EntityManager, afterAppealId: string, chunk: number): Promise<void> {
    await manager.query(`UPDATE report_rebuild_state SET after_appeal_id = $1, done = done + $2 WHERE id = 1`, [afterAppealId, chunk]);
  }

  async finishRebuild(): Promise<void> {
    await this.dataSource.query(`UPDATE report_rebuild_state SET finished_at = now() WHERE id = 1`);
  }
}

/**
 * The INSERT adding counters to a rollup's rows by their unique key `<table>_key` (rows created at
 * zero when missing), in the order of their keys: two refreshes of different appeals that share
 * rows (the coarser the rollup, the likelier) lock them in one order, so they wait, never
 * deadlock. Null when there is nothing to add; `param` names the deltas' JSON as a parameter.
 */
function addCounts(
  table: string,
  keys: readonly [string, string][],
  counters: readonly [string, string][],
  deltas: readonly object[],
  param: (value: unknown) => string,
): string | null {
  if (deltas.length === 0) return null;
  const columns = [...keys, ...counters].map(([c]) => c);
  const keyOf = (d: object) => JSON.stringify(keys.map(([c]) => (d as Record<string, unknown>)[c] ?? null));
  const ordered = deltas.map((d) => [keyOf(d), d] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `INSERT INTO ${table} (${columns.join(', ')})
       SELECT ${columns.join(', ')}
         FROM ROWS FROM (jsonb_to_recordset(${param(JSON.stringify(ordered.map(([, d]) => d)))}::jsonb) AS (${[...keys, ...counters].map(([c, t]) => `${c} ${t}`).join(', ')})) WITH ORDINALITY AS x(${columns.join(', ')}, n)
        ORDER BY n
       ON CONFLICT ON CONSTRAINT ${table}_key DO UPDATE SET ${counters.map(([c]) => `${c} = ${table}.${c} + EXCLUDED.${c}`).join(', ')}`;
}

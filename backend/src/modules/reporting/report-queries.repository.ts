import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppealChannel, AppealType } from '@otklik/shared/domain';
import type { AppealSetFilter } from '../appeals/appeal-report.repository';
import { RollupCounter, medianOfHistogram } from './appeal-figures';
import { DayRange } from './report-period';

export type RollupGroup = 'day' | 'category_id' | 'type' | 'department_id' | 'channel';

/** The filter over the reporting tables' own columns (report_daily and the other rollups, report_appeal_facts as r). */
function whereOf(filter: AppealSetFilter, range: DayRange, dayColumn: string): { where: string; params: unknown[] } {
  const params: unknown[] = [range.from, range.to];
  const parts = [`r.${dayColumn} BETWEEN $1::date AND $2::date`];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.departments) parts.push(`r.department_id = ANY(${add(filter.departments)}::uuid[])`);
  if (filter.categoryId) {
    const p = add(filter.categoryId);
    parts.push(`(r.category_id = ${p}::uuid OR r.subcategory_id = ${p}::uuid)`);
  }
  if (filter.type) parts.push(`r.type = ${add(filter.type)}`);
  if (filter.channel) parts.push(`r.channel = ${add(filter.channel satisfies AppealChannel)}`);
  if (filter.region) parts.push(`r.region = ${add(filter.region)}`);
  return { where: parts.join(' AND '), params };
}

const sumsOf = (counters: readonly RollupCounter[]) => counters.map((c) => `COALESCE(sum(r.${c}), 0)::bigint AS ${c}`).join(', ');
const toSums = <C extends RollupCounter>(counters: readonly C[], row: Record<string, string>): Record<C, number> =>
  Object.fromEntries(counters.map((c) => [c, Number(row[c] ?? 0)])) as Record<C, number>;

/**
 * The daily rollup a filter can be answered from: report_daily_summary (without subcategory and
 * region, ~3.6× fewer rows at 1M) unless a category filter (it may name a subcategory) or a region
 * filter needs those dimensions.
 */
const dailyOf = (filter: AppealSetFilter) => (filter.categoryId || filter.region ? 'report_daily' : 'report_daily_summary');

/** Only a department scope (no category, type, channel or region): what the smaller rollups (day × department × …) can answer. */
const byDepartmentOnly = (filter: AppealSetFilter) => !filter.categoryId && !filter.type && !filter.channel && !filter.region;

/** The report queries over the reporting module's tables: sums from the rollups, exact medians and per-operator figures from the per-appeal facts. */
@Injectable()
export class ReportQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The sums of `counters` (each report asks for those it shows: summing all of them cost most of the statement). */
  async totals<C extends RollupCounter>(filter: AppealSetFilter, range: DayRange, counters: readonly C[]): Promise<Record<C, number>> {
    const { where, params } = whereOf(filter, range, 'day');
    const [row] = await this.dataSource.query<Record<string, string>[]>(`SELECT ${sumsOf(counters)} FROM ${dailyOf(filter)} r WHERE ${where}`, params);
    return toSums(counters, row);
  }

  /**
   * The totals and several groupings in one scan of the rollups (GROUPING SETS): a report's
   * breakdowns cost one statement, not one each.
   */
  async sets<C extends RollupCounter>(
    filter: AppealSetFilter,
    range: DayRange,
    groups: readonly RollupGroup[],
    counters: readonly C[],
  ): Promise<{ total: Record<C, number>; by: Record<RollupGroup, (Record<C, number> & { key: string | null })[]> }> {
    const { where, params } = whereOf(filter, range, 'day');
    const label = groups.map((g) => `WHEN GROUPING(r.${g}) = 0 THEN '${g}'`).join(' ');
    const key = groups.length ? `COALESCE(${groups.map((g) => `r.${g}::text`).join(', ')})` : 'NULL';
    const rows = await this.dataSource.query<Record<string, string>[]>(
      `SELECT CASE ${label} ELSE 'total' END AS grouping, ${key} AS key, ${sumsOf(counters)}
         FROM ${dailyOf(filter)} r WHERE ${where}
        GROUP BY GROUPING SETS (${[...groups.map((g) => `(r.${g})`), '()'].join(', ')})
        ORDER BY 1, 2`,
      params,
    );
    const by = Object.fromEntries(groups.map((g) => [g, [] as (Record<C, number> & { key: string | null })[]])) as Record<RollupGroup, (Record<C, number> & { key: string | null })[]>;
    let total = toSums(counters, {});
    for (const r of rows) {
      if (r.grouping === 'total') total = toSums(counters, r);
      else by[r.grouping as RollupGroup].push({ key: r.key, ...toSums(counters, r) });
    }
    return { total, by };
  }

  /**
   * Intake by Moscow weekday (1 = Monday) × hour. Scoped by department alone (what supervisors ask),
   * from its own rollup (report_intake_hours: day × department × hour, a few hundred rows a day at
   * most); with a category, type, channel or region filter, counted from the per-appeal facts.
   */
  async heatMap(filter: AppealSetFilter, range: DayRange): Promise<{ weekday: number; hour: number; count: number }[]> {
    const byDepartment = byDepartmentOnly(filter);
    const { where, params } = whereOf(filter, range, byDepartment ? 'day' : 'registered_on');
    const rows = await this.dataSource.query<{ weekday: number; hour: number; count: string }[]>(
      byDepartment
        ? `SELECT extract(isodow FROM r.day)::int AS weekday, r.hour::int AS hour, sum(r.received) AS count
             FROM report_intake_hours r WHERE ${where} GROUP BY 1, 2 HAVING sum(r.received) <> 0 ORDER BY 1, 2`
        : `SELECT extract(isodow FROM r.registered_at AT TIME ZONE 'Europe/Moscow')::int AS weekday,
                  extract(hour FROM r.registered_at AT TIME ZONE 'Europe/Moscow')::int AS hour, count(*) AS count
             FROM report_appeal_facts r WHERE ${where} GROUP BY 1, 2 ORDER BY 1, 2`,
      params,
    );
    return rows.map((r) => ({ weekday: r.weekday, hour: r.hour, count: Number(r.count) }));
  }

  /**
   * Exact medians (percentile_cont(0.5), the mean of the two middle values for an even count) of
   * the stored working-day durations of the appeals answered, and first reacted to, in the period.
   * Scoped by department alone, from the histogram of whole working days (report_durations: day ×
   * department × measure × wd; the durations are integers, so the median read off the counts is
   * the exact one); with a category, type, channel or region filter, over the per-appeal facts.
   */
  async medians(filter: AppealSetFilter, range: DayRange): Promise<{ answerWd: number | null; reactionWd: number | null }> {
    if (byDepartmentOnly(filter)) {
      const { where, params } = whereOf(filter, range, 'day');
      const rows = await this.dataSource.query<{ measure: 'answer' | 'reaction'; wd: number; count: string }[]>(
        `SELECT r.measure, r.wd, sum(r.count) AS count FROM report_durations r WHERE ${where} GROUP BY 1, 2`,
        params,
      );
      const of = (measure: string) => medianOfHistogram(rows.filter((r) => r.measure === measure).map((r) => ({ value: r.wd, count: Number(r.count) })));
      return { answerWd: of('answer'), reactionWd: of('reaction') };
    }
    const answered = whereOf(filter, range, 'answered_on');
    const reacted = whereOf(filter, range, 'first_reaction_on');
    const [[a], [r]] = await Promise.all([
      this.dataSource.query<{ m: number | null }[]>(`SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY r.answer_wd) AS m FROM report_appeal_facts r WHERE ${answered.where}`, answered.params),
      this.dataSource.query<{ m: number | null }[]>(`SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY r.first_reaction_wd) AS m FROM report_appeal_facts r WHERE ${reacted.where}`, reacted.params),
    ]);
    return { answerWd: a.m === null ? null : Number(a.m), reactionWd: r.m === null ? null : Number(r.m) };
  }

  /** Ratings given in the period, by the current assignee (the employee who answered, as the appeal stands). */
  async ratingsByAssignee(filter: AppealSetFilter, range: DayRange): Promise<{ assigneeId: string | null; rated: number; ratingSum: number }[]> {
    const { where, params } = whereOf(filter, range, 'rated_on');
    const rows = await this.dataSource.query<{ assigneeId: string | null; rated: string; ratingSum: string }[]>(
      `SELECT r.assignee_id AS "assigneeId", count(*) AS rated, sum(r.rating) AS "ratingSum" FROM report_appeal_facts r WHERE ${where} AND r.rating IS NOT NULL GROUP BY 1 ORDER BY 1`,
      params,
    );
    return rows.map((r) => ({ assigneeId: r.assigneeId, rated: Number(r.rated), ratingSum: Number(r.ratingSum) }));
  }

  /** Decision appeals (disputes) filed in the period, by their status now. */
  async disputes(filter: AppealSetFilter, range: DayRange): Promise<{ status: string; count: number }[]> {
    const { where, params } = whereOf({ ...filter, type: undefined }, range, 'registered_on');
    const rows = await this.dataSource.query<{ status: string; count: string }[]>(
      `SELECT r.status, count(*) AS count FROM report_appeal_facts r WHERE ${where} AND r.type = 'decision_appeal' GROUP BY 1 ORDER BY 1`,
      params,
    );
    return rows.map((r) => ({ status: r.status, count: Number(r.count) }));
  }

  /** Gratitudes registered in the period that name an employee, by the employee thanked. */
  async thanksByStaff(filter: AppealSetFilter, range: DayRange): Promise<{ staffId: string; count: number }[]> {
    const { where, params } = whereOf({ ...filter, type: AppealType.Gratitude }, range, 'registered_on');
    const rows = await this.dataSource.query<{ staffId: string; n: string }[]>(
      `SELECT r.thanked_staff_id AS "staffId", count(*) AS n FROM report_appeal_facts r WHERE ${where} AND r.thanked_staff_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1`,
      params,
    );
    return rows.map((r) => ({ staffId: r.staffId, count: Number(r.n) }));
  }

  /**
   * Per operator: appeals received in the period now assigned to them, and those answered in the
   * period with the working days they took. Scoped by department alone, from the per-assignee daily
   * rollup (report_assignee_daily); with a category, type, channel or region filter, from the facts.
   */
  async operators(filter: AppealSetFilter, range: DayRange): Promise<{ assigneeId: string; assigned: number; answered: number; answerWdSum: number }[]> {
    if (byDepartmentOnly(filter)) {
      const { where, params } = whereOf(filter, range, 'day');
      const rows = await this.dataSource.query<{ assigneeId: string; assigned: string; answered: string; wd: string }[]>(
        `SELECT r.assignee_id AS "assigneeId", sum(r.assigned) AS assigned, sum(r.answered) AS answered, sum(r.answer_wd_sum) AS wd
           FROM report_assignee_daily r WHERE ${where} GROUP BY 1 HAVING sum(r.assigned) <> 0 OR sum(r.answered) <> 0`,
        params,
      );
      return rows.map((r) => ({ assigneeId: r.assigneeId, assigned: Number(r.assigned), answered: Number(r.answered), answerWdSum: Number(r.wd) }));
    }
    const received = whereOf(filter, range, 'registered_on');
    const answered = whereOf(filter, range, 'answered_on');
    const [a, b] = await Promise.all([
      this.dataSource.query<{ assigneeId: string; n: string }[]>(
        `SELECT r.assignee_id AS "assigneeId", count(*) AS n FROM report_appeal_facts r WHERE ${received.where} AND r.assignee_id IS NOT NULL GROUP BY 1`,
        received.params,
      ),
      this.dataSource.query<{ assigneeId: string; n: string; wd: string }[]>(
        `SELECT r.assignee_id AS "assigneeId", count(*) AS n, sum(r.answer_wd) AS wd FROM report_appeal_facts r WHERE ${answered.where} AND r.assignee_id IS NOT NULL GROUP BY 1`,
        answered.params,
      ),
    ]);
    const out = new Map<string, { assigneeId: string; assigned: number; answered: number; answerWdSum: number }>();
    const at = (id: string) => out.get(id) ?? out.set(id, { assigneeId: id, assigned: 0, answered: 0, answerWdSum: 0 }).get(id)!;
    for (const r of a) at(r.assigneeId).assigned = Number(r.n);
    for (const r of b) Object.assign(at(r.assigneeId), { answered: Number(r.n), answerWdSum: Number(r.wd) });
    return [...out.values()];
  }
}

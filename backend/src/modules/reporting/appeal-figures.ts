import { AppealStatus, MOSCOW_UTC_OFFSET_MINUTES, ProductionCalendar, channelOf, moscowDate } from '@otklik/shared/domain';
import type { AppealReportState } from '../appeals/appeal-report.repository';

/**
 * What one appeal contributes to the reports, derived from its state alone (pure, so the consumer
 * and the rebuild compute it the same way). Stored as a row of report_appeal_facts.
 *
 * Durations are whole working days of the production calendar, counted the way deadlines count
 * them: the working days after the Moscow day of registration up to and including the Moscow day
 * of the reaction or answer (ProductionCalendar.workingDaysBetween) — 0 on the day of
 * registration, 1 on the next working day. On time: the step happened no later than its deadline
 * as the appeal stands now (a deadline moved by a pause or an extension counts moved); an
 * appeal without a deadline is on time.
 */
export interface AppealFigures {
  appealId: string;
  departmentId: string | null;
  categoryId: string;
  subcategoryId: string | null;
  type: string;
  channel: string;
  region: string | null;
  status: string;
  assigneeId: string | null;
  registeredAt: Date;
  registeredOn: string;
  firstReactionAt: Date | null;
  firstReactionOn: string | null;
  firstReactionWd: number | null;
  firstReactionOnTime: boolean | null;
  answeredAt: Date | null;
  answeredOn: string | null;
  answerWd: number | null;
  answeredOnTime: boolean | null;
  closedOn: string | null;
  extended: boolean;
  redirects: number;
  rating: number | null;
  ratedOn: string | null;
  /** A gratitude's employee thanked (counts in the operators report). */
  thankedStaffId: string | null;
  /** The author (null: unidentified): whose later appeals in the category are repeats of this one. */
  citizenId: string | null;
  /** A repeat appeal (an earlier one of the same citizen in the same category), counted on its registration day. */
  repeat: boolean;
}

export function figuresOf(state: AppealReportState, calendar: ProductionCalendar): AppealFigures {
  const registeredOn = moscowDate(state.registeredAt);
  const firstReactionOn = state.firstReactionAt ? moscowDate(state.firstReactionAt) : null;
  const answeredOn = state.answeredAt ? moscowDate(state.answeredAt) : null;
  const onTime = (at: Date | null, due: Date | null) => (at === null ? null : due === null || at.getTime() <= due.getTime());
  return {
    appealId: state.id,
    departmentId: state.departmentId,
    categoryId: state.categoryId,
    subcategoryId: state.subcategoryId,
    type: state.type,
    channel: state.channel ?? channelOf(state.unidentified),
    region: state.region,
    status: state.status,
    assigneeId: state.assigneeId,
    registeredAt: state.registeredAt,
    registeredOn,
    firstReactionAt: state.firstReactionAt,
    firstReactionOn,
    firstReactionWd: firstReactionOn === null ? null : calendar.workingDaysBetween(registeredOn, firstReactionOn),
    firstReactionOnTime: onTime(state.firstReactionAt, state.firstResponseDueAt),
    answeredAt: state.answeredAt,
    answeredOn,
    answerWd: answeredOn === null ? null : calendar.workingDaysBetween(registeredOn, answeredOn),
    answeredOnTime: onTime(state.answeredAt, state.dueAt),
    closedOn: state.status === AppealStatus.Closed && state.closedAt ? moscowDate(state.closedAt) : null,
    extended: state.extended,
    redirects: state.redirects,
    rating: state.rating,
    ratedOn: state.rating !== null && state.ratedAt ? moscowDate(state.ratedAt) : null,
    thankedStaffId: state.thankedStaffId ?? null,
    citizenId: state.citizenId ?? null,
    repeat: state.repeat ?? false,
  };
}

/** The counters of one rollup row (report_daily), by column name. */
export const ROLLUP_COUNTERS = [
  'received',
  'answered',
  'answered_on_time',
  'answer_wd_sum',
  'closed',
  'reacted',
  'reacted_on_time',
  'reaction_wd_sum',
  'extended',
  'redirected',
  'redirects',
  'rated',
  'rating_sum',
  'rating_1',
  'rating_2',
  'rating_3',
  'rating_4',
  'rating_5',
  'repeats',
] as const;
export type RollupCounter = (typeof ROLLUP_COUNTERS)[number];

/** One rollup row's key and the amounts to add to its counters. */
export interface RollupDelta {
  day: string;
  department_id: string | null;
  category_id: string;
  subcategory_id: string | null;
  type: string;
  channel: string;
  region: string | null;
  counters: Partial<Record<RollupCounter, number>>;
}

/**
 * An appeal's contribution to the daily rollups: each counter on the day its step happened, under
 * the appeal's current department, category, type, channel and region (a redirected appeal's
 * figures follow it, as its drill-down list does).
 */
export function contributionOf(f: AppealFigures): RollupDelta[] {
  const byDay = new Map<string, Partial<Record<RollupCounter, number>>>();
  const add = (day: string, counters: Partial<Record<RollupCounter, number>>) => {
    const into = byDay.get(day) ?? {};
    for (const [k, v] of Object.entries(counters) as [RollupCounter, number][]) into[k] = (into[k] ?? 0) + v;
    byDay.set(day, into);
  };
  add(f.registeredOn, { received: 1, extended: f.extended ? 1 : 0, redirected: f.redirects > 0 ? 1 : 0, redirects: f.redirects, repeats: f.repeat ? 1 : 0 });
  if (f.answeredOn !== null) add(f.answeredOn, { answered: 1, answered_on_time: f.answeredOnTime ? 1 : 0, answer_wd_sum: f.answerWd ?? 0 });
  if (f.firstReactionOn !== null) add(f.firstReactionOn, { reacted: 1, reacted_on_time: f.firstReactionOnTime ? 1 : 0, reaction_wd_sum: f.firstReactionWd ?? 0 });
  if (f.closedOn !== null) add(f.closedOn, { closed: 1 });
  if (f.ratedOn !== null && f.rating !== null) add(f.ratedOn, { rated: 1, rating_sum: f.rating, [`rating_${f.rating}` as RollupCounter]: 1 });
  return [...byDay].map(([day, counters]) => ({
    day,
    department_id: f.departmentId,
    category_id: f.categoryId,
    subcategory_id: f.subcategoryId,
    type: f.type,
    channel: f.channel,
    region: f.region,
    counters,
  }));
}

const keyOf = (d: RollupDelta) => JSON.stringify([d.day, d.department_id, d.category_id, d.subcategory_id, d.type, d.channel, d.region]);

/**
 * What to add to the rollups when appeals' figures change from `before` to `after` (null: no
 * figures): the new contributions minus the old ones, merged by rollup row, zero rows dropped.
 */
export function rollupDiff(changes: readonly { before: AppealFigures | null; after: AppealFigures | null }[]): RollupDelta[] {
  return mergeDeltas(changes.flatMap(({ before, after }) => [...(before ? contributionOf(before).map((d) => negate(d)) : []), ...(after ? contributionOf(after) : [])]));
}

/**
 * The same deltas for report_daily_summary (report_daily without subcategory and region): merged by
 * the coarser key, rows whose counters cancel out dropped.
 */
export function summaryDiff(deltas: readonly RollupDelta[]): RollupDelta[] {
  return mergeDeltas(deltas.map((d) => ({ ...d, subcategory_id: null, region: null })));
}

const negate = (d: RollupDelta): RollupDelta => ({ ...d, counters: Object.fromEntries(Object.entries(d.counters).map(([k, v]) => [k, -v])) });

/** Deltas of the same rollup row added up; zero counters and rows left with none dropped. */
function mergeDeltas(deltas: readonly RollupDelta[]): RollupDelta[] {
  const merged = new Map<string, RollupDelta>();
  for (const d of deltas) {
    const key = keyOf(d);
    const into = merged.get(key) ?? { ...d, counters: {} };
    for (const [k, v] of Object.entries(d.counters) as [RollupCounter, number][]) into.counters[k] = (into.counters[k] ?? 0) + v;
    merged.set(key, into);
  }
  return [...merged.values()]
    .map((d) => ({ ...d, counters: Object.fromEntries(Object.entries(d.counters).filter(([, v]) => v !== 0)) }))
    .filter((d) => Object.keys(d.counters).length > 0);
}

/** One row of report_intake_hours: appeals registered on a Moscow day, in a department, in one Moscow hour. */
export interface IntakeHourDelta {
  day: string;
  department_id: string | null;
  hour: number;
  received: number;
}

/** The Moscow hour (0–23) of an instant. */
export const moscowHour = (at: Date): number => new Date(new Date(at).getTime() + MOSCOW_UTC_OFFSET_MINUTES * 60_000).getUTCHours();

/**
 * The difference between the `after` and the `before` contributions of appeals to a rollup of
 * counts: each appeal's rows (key fields and counters) from `rowsOf`, merged by key, the rows whose
 * counters all cancel out dropped. The shape shared by the smaller rollups below.
 */
function tallyDiff<R extends object, C extends string>(
  changes: readonly { before: AppealFigures | null; after: AppealFigures | null }[],
  counters: readonly C[],
  rowsOf: (f: AppealFigures) => (R & Record<C, number>)[],
): (R & Record<C, number>)[] {
  const merged = new Map<string, R & Record<C, number>>();
  const apply = (f: AppealFigures, sign: 1 | -1) => {
    for (const row of rowsOf(f)) {
      const key = JSON.stringify(Object.entries(row).filter(([k]) => !(counters as readonly string[]).includes(k)));
      const into = merged.get(key) ?? ({ ...row, ...Object.fromEntries(counters.map((c) => [c, 0])) });
      for (const c of counters) (into as Record<C, number>)[c] += sign * row[c];
      merged.set(key, into);
    }
  };
  for (const { before, after } of changes) {
    if (before) apply(before, -1);
    if (after) apply(after, 1);
  }
  return [...merged.values()].filter((d) => counters.some((c) => d[c] !== 0));
}

/**
 * What to add to the volume report's heat-map rollup (report_intake_hours) when appeals' figures
 * change: each appeal counts once, on its registration day and hour, under its current department.
 */
export function intakeHoursDiff(changes: readonly { before: AppealFigures | null; after: AppealFigures | null }[]): IntakeHourDelta[] {
  return tallyDiff(changes, ['received'], (f) => [{ day: f.registeredOn, department_id: f.departmentId, hour: moscowHour(f.registeredAt), received: 1 }]);
}

/** One row of report_durations: appeals answered ('answer') or first reacted to ('reaction') on a Moscow day, in a department, after `wd` working days. */
export interface DurationDelta {
  day: string;
  department_id: string | null;
  measure: 'answer' | 'reaction';
  wd: number;
  count: number;
}

/** What to add to the working-day histogram (report_durations): an answered appeal on its answer day, a reacted one on its first reaction's day. */
export function durationsDiff(changes: readonly { before: AppealFigures | null; after: AppealFigures | null }[]): DurationDelta[] {
  return tallyDiff(changes, ['count'], (f) => {
    const rows: DurationDelta[] = [];
    if (f.answeredOn !== null && f.answerWd !== null) rows.push({ day: f.answeredOn, department_id: f.departmentId, measure: 'answer', wd: f.answerWd, count: 1 });
    if (f.firstReactionOn !== null && f.firstReactionWd !== null) rows.push({ day: f.firstReactionOn, department_id: f.departmentId, measure: 'reaction', wd: f.firstReactionWd, count: 1 });
    return rows;
  });
}

/** One row of report_assignee_daily: for a Moscow day, a department and the current assignee, the appeals registered and answered that day. */
export interface AssigneeDayDelta {
  day: string;
  department_id: string | null;
  assignee_id: string;
  assigned: number;
  answered: number;
  answer_wd_sum: number;
}

/** What to add to the operators' rollup (report_assignee_daily): an assigned appeal on its registration day and, answered, on its answer day. */
export function assigneeDaysDiff(changes: readonly { before: AppealFigures | null; after: AppealFigures | null }[]): AssigneeDayDelta[] {
  return tallyDiff(changes, ['assigned', 'answered', 'answer_wd_sum'], (f) => {
    if (f.assigneeId === null) return [];
    const at = { department_id: f.departmentId, assignee_id: f.assigneeId };
    const rows: AssigneeDayDelta[] = [{ day: f.registeredOn, ...at, assigned: 1, answered: 0, answer_wd_sum: 0 }];
    if (f.answeredOn !== null) rows.push({ day: f.answeredOn, ...at, assigned: 0, answered: 1, answer_wd_sum: f.answerWd ?? 0 });
    return rows;
  });
}

/**
 * The exact median (PostgreSQL's percentile_cont(0.5): the mean of the two middle values for an
 * even count) of the values a histogram counts; null when it counts none. Rows in any order.
 */
export function medianOfHistogram(rows: readonly { value: number; count: number }[]): number | null {
  const sorted = rows.filter((r) => r.count > 0).sort((a, b) => a.value - b.value);
  const n = sorted.reduce((t, r) => t + r.count, 0);
  if (n === 0) return null;
  const at = (index: number) => {
    let seen = 0;
    for (const r of sorted) {
      seen += r.count;
      if (index < seen) return r.value;
    }
    throw new Error('unreachable');
  };
  const [lo, hi] = [at(Math.floor((n - 1) / 2)), at(Math.ceil((n - 1) / 2))];
  return lo + (hi - lo) / 2;
}

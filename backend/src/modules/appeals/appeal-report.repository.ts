import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppealChannel, AppealStatus, AppealType, UNANSWERED_STATUSES } from '@otklik/shared/domain';
import { sqlList } from '../../common/sql/literals';

/** Which appeals a report (and its drill-down list) covers: the same filter on both sides. */
export interface AppealSetFilter {
  /** The departments (a subtree, already checked against the viewer's scope); null: every department (admins). */
  departments: readonly string[] | null;
  /** A category or a subcategory: appeals filed under it either way (as the staff list filters). */
  categoryId?: string;
  type?: AppealType;
  channel?: AppealChannel;
  /** The region extra field of the categories that ask for it. */
  region?: string;
}

/** What the reporting consumer derives an appeal's figures from, as the appeal stands now. */
export interface AppealReportState {
  id: string;
  departmentId: string | null;
  categoryId: string;
  subcategoryId: string | null;
  type: AppealType;
  unidentified: boolean;
  /** How the appeal came (account, anonymous, phone, email, post, in_person). */
  channel?: string;
  region: string | null;
  status: AppealStatus;
  assigneeId: string | null;
  registeredAt: Date;
  firstReactionAt: Date | null;
  firstResponseDueAt: Date | null;
  answeredAt: Date | null;
  dueAt: Date | null;
  closedAt: Date | null;
  extended: boolean;
  rating: number | null;
  ratedAt: Date | null;
  /** A gratitude's employee thanked (absent: none). */
  thankedStaffId?: string | null;
  /** Redirects to another department (history rows `redirected`). */
  redirects: number;
  /** The author (null: unidentified or none); with the category, the group repeat appeals are counted in. */
  citizenId?: string | null;
  /** A repeat appeal: the same citizen filed an earlier one (registered_at, id) in the same category. */
  repeat?: boolean;
}

/** Where an appeal stands among its author's appeals in its category. */
export interface RepeatKey {
  appealId: string;
  citizenId: string | null;
  categoryId: string;
  registeredAt: Date;
}

/** A citizen's appeals in one category: where "is a repeat" is decided (AppealReportReader.repeatHeads). */
export interface RepeatGroup {
  citizenId: string;
  categoryId: string;
}

/** Open appeals now, grouped the ways the backlog, SLA and workload reports need. */
export interface OpenAppealGroup {
  departmentId: string | null;
  assigneeId: string | null;
  status: AppealStatus;
  /** Calendar days since registration, bucketed (AGE_BUCKETS). */
  ageBucket: string;
  overdue: boolean;
  escalated: boolean;
  count: number;
  oldestRegisteredAt: Date;
}

export interface OpenAppealRow {
  id: string;
  number: number;
  departmentId: string | null;
  assigneeId: string | null;
  status: AppealStatus;
  registeredAt: Date;
  dueAt: Date | null;
  overdue: boolean;
}

export interface RereviewRow {
  id: string;
  number: number;
  departmentId: string | null;
  assigneeId: string | null;
  categoryId: string;
  rating: number;
  ratingComment: string | null;
  ratedAt: Date | null;
  status: AppealStatus;
}

/** The statutory form's counts of one category × subcategory (AppealReportReader.statutoryCounts). */
export interface StatutoryCount {
  categoryId: string;
  subcategoryId: string | null;
  received: number;
  supported: number;
  measuresTaken: number;
  explained: number;
  notSupported: number;
  leftWithoutAnswer: number;
}

/** Age buckets of open appeals, in calendar days since registration: [label, from day, to day (exclusive) or null]. */
export const AGE_BUCKETS: readonly (readonly [string, number, number | null])[] = [
  ['0-1', 0, 2],
  ['2-5', 2, 6],
  ['6-10', 6, 11],
  ['11-30', 11, 31],
  ['31+', 31, null],
];

const OPEN_SQL = `(${sqlList(UNANSWERED_STATUSES)})`;

/**
 * Whether appeal `a` is a repeat: its author filed an earlier appeal (by registration, then id) in
 * the same category; an unidentified author cannot be matched. An index probe (appeals_repeat_group).
 */
const REPEAT_SQL = `(a.citizen_id IS NOT NULL AND EXISTS (SELECT 1 FROM appeals p WHERE p.citizen_id = a.citizen_id AND p.category_id = a.category_id
   AND p.status <> 'draft' AND (p.registered_at, p.id) < (a.registered_at, a.id)))`;

/**
 * The appeals module's reader for reporting: the state an appeal's figures are derived from, the
 * appeals to rebuild, and the "now" figures (open, overdue, escalated, re-review) from indexed
 * queries over the live table — so the reporting module never queries appeals itself. Every
 * filter here is written the way the staff list (AppealQueryService.listStaff) applies it, so a
 * report's number and its drill-down list count the same rows.
 */
@Injectable()
export class AppealReportReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The registered appeals among `ids` (drafts and destroyed appeals are left out). */
  async statesOf(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<AppealReportState[]> {
    if (ids.length === 0) return [];
    const rows = await manager.query<(Omit<AppealReportState, 'redirects'> & { redirects: string })[]>(
      `SELECT a.id, a.department_id AS "departmentId", a.category_id AS "categoryId", a.subcategory_id AS "subcategoryId",
              a.type, a.unidentified, a.channel, a.extra_fields->>'region' AS region, a.status, a.assignee_id AS "assigneeId",
              a.registered_at AS "registeredAt", a.first_reaction_at AS "firstReactionAt", a.first_response_due_at AS "firstResponseDueAt",
              a.answered_at AS "answeredAt", a.due_at AS "dueAt", a.closed_at AS "closedAt", a.extended, a.rating, a.rated_at AS "ratedAt",
              a.thanked_staff_id AS "thankedStaffId", a.citizen_id AS "citizenId", ${REPEAT_SQL} AS repeat,
              (SELECT count(*) FROM appeal_history h WHERE h.appeal_id = a.id AND h.event = 'redirected') AS redirects
         FROM appeals a
        WHERE a.id = ANY($1::uuid[]) AND a.registered_at IS NOT NULL AND a.status <> 'draft'`,
      [ids],
    );
    return rows.map((r) => ({ ...r, redirects: Number(r.redirects) }));
  }

  /** The repeat group and registration of the registered appeals among `ids` (what decides their neighbours' repeat facts). */
  async repeatKeysOf(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<RepeatKey[]> {
    if (ids.length === 0) return [];
    return manager.query<RepeatKey[]>(
      `SELECT a.id AS "appealId", a.citizen_id AS "citizenId", a.category_id AS "categoryId", a.registered_at AS "registeredAt"
         FROM appeals a WHERE a.id = ANY($1::uuid[]) AND a.registered_at IS NOT NULL AND a.status <> 'draft'`,
      [ids],
    );
  }

  /** Registered appeals after `afterId` in id order (the rebuild's resumable walk). */
  async registeredIdsAfter(afterId: string | null, limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM appeals WHERE registered_at IS NOT NULL AND status <> 'draft' AND ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((r) => r.id);
  }

  async countRegistered(): Promise<number> {
    const [row] = await this.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM appeals WHERE registered_at IS NOT NULL AND status <> 'draft'`);
    return Number(row.n);
  }

  /** Open (unanswered) appeals now, grouped by department, assignee, status, age bucket and flags. */
  async openGroups(filter: AppealSetFilter, now: Date): Promise<OpenAppealGroup[]> {
    const { where, params } = whereOf(filter, [now]);
    const bucket = `CASE ${AGE_BUCKETS.map(([label, , to]) => (to === null ? `ELSE '${label}'` : `WHEN a.registered_at > $1::timestamptz - interval '${to} days' THEN '${label}'`)).join(' ')} END`;
    const rows = await this.dataSource.query<(Omit<OpenAppealGroup, 'count'> & { count: string })[]>(
      `SELECT a.department_id AS "departmentId", a.assignee_id AS "assigneeId", a.status, ${bucket} AS "ageBucket",
              a.overdue, a.escalated, count(*) AS count, min(a.registered_at) AS "oldestRegisteredAt"
         FROM appeals a
        WHERE a.status IN ${OPEN_SQL} AND ${where}
        GROUP BY 1, 2, 3, 4, 5, 6`,
      params,
    );
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  }

  /** The oldest open appeals. */
  async oldestOpen(filter: AppealSetFilter, limit: number): Promise<OpenAppealRow[]> {
    const { where, params } = whereOf(filter, [limit]);
    return this.dataSource.query<OpenAppealRow[]>(
      `SELECT a.id, a.number::int AS number, a.department_id AS "departmentId", a.assignee_id AS "assigneeId", a.status,
              a.registered_at AS "registeredAt", a.due_at AS "dueAt", a.overdue
         FROM appeals a WHERE a.status IN ${OPEN_SQL} AND ${where}
        ORDER BY a.registered_at, a.id LIMIT $1`,
      params,
    );
  }

  /** The supervisor's re-review list (rated below 3 with a comment), newest rating first. */
  async rereview(filter: AppealSetFilter, limit: number): Promise<{ total: number; items: RereviewRow[] }> {
    const { where, params } = whereOf(filter, [limit]);
    const items = await this.dataSource.query<RereviewRow[]>(
      `SELECT a.id, a.number::int AS number, a.department_id AS "departmentId", a.assignee_id AS "assigneeId", a.category_id AS "categoryId",
              a.rating, a.rating_comment AS "ratingComment", a.rated_at AS "ratedAt", a.status
         FROM appeals a WHERE a.rereview AND a.status <> 'draft' AND ${where}
        ORDER BY a.rated_at DESC NULLS LAST, a.id LIMIT $1`,
      params,
    );
    const counted = whereOf(filter, []);
    const [row] = await this.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM appeals a WHERE a.rereview AND a.status <> 'draft' AND ${counted.where}`, counted.params);
    return { total: Number(row.n), items };
  }

  /**
   * The monthly statutory form's counts per category × subcategory: received in the month, and
   * considered in the month by outcome — left without an answer (59-ФЗ ст. 11: no answer required,
   * correspondence terminated) by the day it closed, otherwise the latest answer's result by the day
   * it was answered. Complaints answered «done» count as measures taken.
   */
  async statutoryCounts(filter: AppealSetFilter, range: { from: string; to: string }): Promise<StatutoryCount[]> {
    const next = new Date(Date.parse(`${range.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const { where, params } = whereOf(filter, [dayStart(range.from), dayStart(next)]);
    const inMonth = (col: string) => `${col} >= $1::timestamptz AND ${col} < $2::timestamptz`;
    const silent = `(a.no_answer_required OR a.correspondence_terminated)`;
    const answered = (cond: string) => `count(*) FILTER (WHERE NOT ${silent} AND ${inMonth('a.answered_at')} AND ${cond})::int`;
    return this.dataSource.query<StatutoryCount[]>(
      `SELECT a.category_id AS "categoryId", a.subcategory_id AS "subcategoryId",
              count(*) FILTER (WHERE ${inMonth('a.registered_at')})::int AS received,
              ${answered(`ans.result = 'done' AND a.type <> 'complaint'`)} AS supported,
              ${answered(`ans.result = 'done' AND a.type = 'complaint'`)} AS "measuresTaken",
              ${answered(`ans.result = 'clarification_needed'`)} AS explained,
              ${answered(`ans.result = 'refused'`)} AS "notSupported",
              count(*) FILTER (WHERE ${silent} AND ${inMonth('coalesce(a.closed_at, a.answered_at)')})::int AS "leftWithoutAnswer"
         FROM appeals a
         LEFT JOIN LATERAL (SELECT s.result FROM answers s WHERE s.appeal_id = a.id ORDER BY s.answered_at DESC, s.created_at DESC LIMIT 1) ans ON true
        WHERE a.status <> 'draft' AND (${inMonth('a.registered_at')} OR ${inMonth('a.answered_at')} OR ${inMonth('a.closed_at')}) AND ${where}
        GROUP BY 1, 2`,
      params,
    );
  }

  /**
   * The first appeal of each group now (the one that is not a repeat): with the stored facts that
   * say "not a repeat", the only appeals whose repeat fact a change to the group can flip
   * (AppealRollups.refresh). Uses appeals_repeat_group.
   */
  async repeatHeads(groups: readonly RepeatGroup[], manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    if (groups.length === 0) return [];
    const rows = await manager.query<{ id: string }[]>(
      `SELECT h.id FROM unnest($1::uuid[], $2::uuid[]) AS g(citizen_id, category_id)
         CROSS JOIN LATERAL (SELECT p.id FROM appeals p
                              WHERE p.citizen_id = g.citizen_id AND p.category_id = g.category_id AND p.status <> 'draft' AND p.registered_at IS NOT NULL
                              ORDER BY p.registered_at, p.id LIMIT 1) h`,
      [groups.map((g) => g.citizenId), groups.map((g) => g.categoryId)],
    );
    return rows.map((r) => r.id);
  }

  /** Re-reviews the supervisors recorded in the period, by outcome (ReviewOutcome). */
  async reviewOutcomes(filter: AppealSetFilter, range: { from: string; to: string }): Promise<{ outcome: string; count: number }[]> {
    const next = new Date(Date.parse(`${range.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const { where, params } = whereOf(filter, [dayStart(range.from), dayStart(next)]);
    return this.dataSource.query<{ outcome: string; count: number }[]>(
      `SELECT a.review_outcome AS outcome, count(*)::int AS count FROM appeals a
        WHERE a.reviewed_at >= $1::timestamptz AND a.reviewed_at < $2::timestamptz AND ${where}
        GROUP BY a.review_outcome ORDER BY a.review_outcome`,
      params,
    );
  }

  /** One keyset chunk of the appeals behind a report (see reportAppeals). */
  async appealsChunk(filter: AppealSetFilter, set: ReportAppealSet, range: { from: string; to: string }, afterId: string | null, limit: number): Promise<ReportAppealRow[]> {
    const next = new Date(Date.parse(`${range.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    // "Now" sets have no period: their statement must not carry unused (untyped) parameters.
    const dated = set !== ReportAppealSet.Open && set !== ReportAppealSet.Overdue;
    const { where, params } = whereOf(filter, [afterId, limit, ...(dated ? [dayStart(range.from), dayStart(next)] : [])]);
    return this.dataSource.query<ReportAppealRow[]>(
      `SELECT a.id, a.number::int AS number, a.type, a.status, a.department_id AS "departmentId", a.category_id AS "categoryId",
              a.subcategory_id AS "subcategoryId", a.assignee_id AS "assigneeId", a.registered_at AS "registeredAt",
              a.first_reaction_at AS "firstReactionAt", a.answered_at AS "answeredAt", a.due_at AS "dueAt", a.closed_at AS "closedAt",
              a.overdue, a.extended, a.rating
         FROM appeals a
        WHERE ${appealSetCondition(set, '$3::timestamptz', '$4::timestamptz')} AND ($1::uuid IS NULL OR a.id > $1::uuid) AND ${where}
        ORDER BY a.id LIMIT $2`,
      params,
    );
  }
}

/** The filter as SQL over `appeals a`, its parameters numbered after `leading`. */
export function whereOf(filter: AppealSetFilter, leading: unknown[]): { where: string; params: unknown[] } {
  const params = [...leading];
  const parts: string[] = ['true'];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.departments) parts.push(`a.department_id = ANY(${add(filter.departments)}::uuid[])`);
  if (filter.categoryId) {
    const p = add(filter.categoryId);
    parts.push(`(a.category_id = ${p}::uuid OR a.subcategory_id = ${p}::uuid)`);
  }
  if (filter.type) parts.push(`a.type = ${add(filter.type)}`);
  if (filter.channel) parts.push(`a.channel = ${add(filter.channel satisfies AppealChannel)}`);
  if (filter.region) parts.push(`a.extra_fields->>'region' = ${add(filter.region)}`);
  return { where: parts.join(' AND '), params };
}

/** Which appeals behind a report a CSV export lists: those counted by a figure of the period, or open now. */
export enum ReportAppealSet {
  Received = 'received',
  Answered = 'answered',
  Closed = 'closed',
  Open = 'open',
  Overdue = 'overdue',
}

export interface ReportAppealRow {
  id: string;
  number: number;
  type: string;
  status: string;
  departmentId: string | null;
  categoryId: string;
  subcategoryId: string | null;
  assigneeId: string | null;
  registeredAt: Date;
  firstReactionAt: Date | null;
  answeredAt: Date | null;
  dueAt: Date | null;
  closedAt: Date | null;
  overdue: boolean;
  extended: boolean;
  rating: number | null;
}

/** Moscow-day bounds as the staff list applies them. */
const dayStart = (day: string) => `${day}T00:00:00+03:00`;

/**
 * The appeals behind a report, in keyset chunks (constant memory however many): what the CSV
 * export streams. Same filter and period semantics as the staff list's drill-down.
 */
export async function* reportAppeals(
  reader: AppealReportReader,
  filter: AppealSetFilter,
  set: ReportAppealSet,
  range: { from: string; to: string },
  chunk = 2000,
): AsyncGenerator<ReportAppealRow[]> {
  let after: string | null = null;
  for (;;) {
    const rows = await reader.appealsChunk(filter, set, range, after, chunk);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1].id;
    if (rows.length < chunk) return;
  }
}

export function appealSetCondition(set: ReportAppealSet, fromParam: string, toParam: string): string {
  switch (set) {
    case ReportAppealSet.Received:
      return `a.status <> 'draft' AND a.registered_at >= ${fromParam} AND a.registered_at < ${toParam}`;
    case ReportAppealSet.Answered:
      return `a.status <> 'draft' AND a.answered_at >= ${fromParam} AND a.answered_at < ${toParam}`;
    case ReportAppealSet.Closed:
      return `a.status = 'closed' AND a.closed_at >= ${fromParam} AND a.closed_at < ${toParam}`;
    case ReportAppealSet.Open:
      return `a.status IN ${OPEN_SQL}`;
    case ReportAppealSet.Overdue:
      return `a.status IN ${OPEN_SQL} AND a.overdue`;
  }
}


import { Injectable } from '@nestjs/common';
import { AppealStatus, AppealType, Role, UNANSWERED_STATUSES, moscowDate } from '@otklik/shared/domain';
import { Clock } from '../../common/clock/clock';
import { Actor } from '../../common/http/actor';
import { DomainError } from '../../common/problem/domain-error';
import { TransactionRunner } from '../../database/transaction-runner';
import { AppealAccess } from '../appeals/appeal-access.service';
import { AppealReportReader, AppealSetFilter } from '../appeals/appeal-report.repository';
import { CatalogService } from '../catalog/catalog.service';
import { DepartmentTree } from '../users/department-tree.repository';
import { StaffDirectory } from '../users/staff-directory.repository';
import { DayRange, ReportPeriodKind, resolvePeriod } from './report-period';
import { RollupCounter } from './appeal-figures';
import { ReportQueries } from './report-queries.repository';
import {
  AgeBucket,
  BacklogReportDto,
  GratitudeReportDto,
  OperatorsReportDto,
  QualityReportDto,
  ReportQuery,
  SlaFiguresDto,
  SlaReportDto,
  VolumeCountsDto,
  VolumeReportDto,
} from './reports.dto';

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const NON_DRAFT = Object.values(AppealStatus).filter((s) => s !== AppealStatus.Draft);

// The rollup counters each report shows: a statement sums only those (all of them cost most of its time at 1M).
const VOLUME = ['received', 'answered', 'closed'] as const satisfies readonly RollupCounter[];
const SLA = ['answered', 'answered_on_time', 'answer_wd_sum', 'reacted', 'reacted_on_time', 'reaction_wd_sum', 'extended', 'redirected', 'redirects'] as const satisfies readonly RollupCounter[];
const QUALITY = ['rated', 'rating_sum', 'rating_1', 'rating_2', 'rating_3', 'rating_4', 'rating_5', 'repeats'] as const satisfies readonly RollupCounter[];
type Sums<C extends readonly RollupCounter[]> = Record<C[number], number>;

/** The resolved scope and period of one report request. */
interface Resolved {
  filter: AppealSetFilter;
  current: DayRange;
  previous: DayRange;
  query: ReportQuery;
}

/**
 * The supervisor reports. Scope: a supervisor sees their department's subtree, an admin every
 * department; `departmentId` narrows to that department and those below it and must lie within
 * the scope (403 otherwise). History comes from the rollups and per-appeal figures of this
 * module; "now" figures (open, overdue, escalated, re-review) from the appeals module's reader.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly queries: ReportQueries,
    private readonly appeals: AppealReportReader,
    private readonly access: AppealAccess,
    private readonly departments: DepartmentTree,
    private readonly staff: StaffDirectory,
    private readonly catalog: CatalogService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async resolve(actor: Actor, query: ReportQuery): Promise<Resolved> {
    let departments: string[] | null;
    if (actor.role === Role.Admin) departments = query.departmentId ? await this.departments.scope(query.departmentId) : null;
    else if (actor.role === Role.Supervisor) {
      const scope = await this.access.departmentScope(actor);
      if (query.departmentId && !scope.includes(query.departmentId)) throw new DomainError(403, 'forbidden');
      departments = query.departmentId ? await this.departments.scope(query.departmentId) : scope;
    } else throw new DomainError(403, 'forbidden');
    const { current, previous } = resolvePeriod(query.period ?? ReportPeriodKind.Month, query.at ?? moscowDate(this.clock.now()), query.from, query.to);
    return { filter: { departments, categoryId: query.categoryId, type: query.type, channel: query.channel, region: query.region }, current, previous, query };
  }

  async volume(actor: Actor, query: ReportQuery): Promise<VolumeReportDto> {
    const r = await this.resolve(actor, query);
    const [current, prior, heatMap] = await Promise.all([
      this.queries.sets(r.filter, r.current, ['day', 'category_id', 'type', 'department_id', 'channel'], VOLUME),
      this.queries.sets(r.filter, r.previous, ['day'], VOLUME),
      this.queries.heatMap(r.filter, r.current),
    ]);
    const { total: totals, by } = current;
    const [previous, previousByDay] = [prior.total, prior.by.day];
    const [byDay, byCategory, byType, byDepartment, byChannel] = [by.day, by.category_id, by.type, by.department_id, by.channel];
    const row = (g: Sums<typeof VOLUME> & { key: string | null }) => ({ key: g.key, ...volumeOf(g) });
    return {
      period: r.current,
      previousPeriod: r.previous,
      totals: volumeOf(totals),
      previousTotals: volumeOf(previous),
      byDay: byDay.map(row),
      previousByDay: previousByDay.map(row),
      byCategory: byCategory.map(row),
      byType: byType.map(row),
      byDepartment: byDepartment.map(row),
      byChannel: byChannel.map(row),
      heatMap,
      links: {
        received: drillDown(r, { dateField: 'registeredAt', statuses: NON_DRAFT }),
        answered: drillDown(r, { dateField: 'answeredAt', statuses: NON_DRAFT }),
        closed: drillDown(r, { dateField: 'closedAt', statuses: [AppealStatus.Closed] }),
      },
    };
  }

  async sla(actor: Actor, query: ReportQuery): Promise<SlaReportDto> {
    const r = await this.resolve(actor, query);
    const [current, previous, medians, previousMedians, open] = await Promise.all([
      this.queries.sets(r.filter, r.current, ['department_id'], SLA),
      this.queries.totals(r.filter, r.previous, SLA),
      this.queries.medians(r.filter, r.current),
      this.queries.medians(r.filter, r.previous),
      this.appeals.openGroups(r.filter, this.clock.now()),
    ]);
    const { total: totals } = current;
    const byDepartment = current.by.department_id;
    const overdue = open.filter((g) => g.overdue);
    return {
      period: r.current,
      previousPeriod: r.previous,
      totals: slaOf(totals, medians),
      previousTotals: slaOf(previous, previousMedians),
      byDepartment: byDepartment.map((g) => ({
        key: g.key,
        answered: g.answered,
        answeredOnTime: g.answered_on_time,
        answeredOnTimeShare: ratio(g.answered_on_time, g.answered),
        reacted: g.reacted,
        reactedOnTime: g.reacted_on_time,
        meanAnswerWorkingDays: ratio(g.answer_wd_sum, g.answered),
      })),
      overdueNow: {
        total: sum(overdue),
        byDepartment: countBy(overdue, (g) => g.departmentId),
        byOperator: countBy(overdue, (g) => g.assigneeId),
        link: drillDown(r, { overdue: true }, false),
      },
    };
  }

  async backlog(actor: Actor, query: ReportQuery): Promise<BacklogReportDto> {
    const r = await this.resolve(actor, query);
    const [open, oldest, pool] = await Promise.all([
      this.appeals.openGroups(r.filter, this.clock.now()),
      this.appeals.oldestOpen(r.filter, 10),
      this.catalog.generalPool(),
    ]);
    const cells = new Map<string, { status: AppealStatus; ageBucket: AgeBucket; count: number }>();
    for (const g of open) {
      const key = `${g.status}|${g.ageBucket}`;
      const cell = cells.get(key) ?? { status: g.status, ageBucket: g.ageBucket as AgeBucket, count: 0 };
      cell.count += g.count;
      cells.set(key, cell);
    }
    return {
      open: sum(open),
      overdue: sum(open.filter((g) => g.overdue)),
      pool: sum(open.filter((g) => pool !== null && g.departmentId === pool.id)),
      escalated: sum(open.filter((g) => g.escalated)),
      byStatusAndAge: [...cells.values()].sort((a, b) => UNANSWERED_STATUSES.indexOf(a.status) - UNANSWERED_STATUSES.indexOf(b.status) || a.ageBucket.localeCompare(b.ageBucket)),
      oldest: oldest.map((a) => ({ ...a, registeredAt: a.registeredAt.toISOString(), dueAt: a.dueAt?.toISOString() ?? null })),
      link: drillDown(r, {}, false),
    };
  }

  async quality(actor: Actor, query: ReportQuery): Promise<QualityReportDto> {
    const r = await this.resolve(actor, query);
    const [current, previous, byOperator, rereview, disputes, reviews] = await Promise.all([
      this.queries.sets(r.filter, r.current, ['department_id', 'category_id'], QUALITY),
      this.queries.totals(r.filter, r.previous, ['rated', 'rating_sum']),
      this.queries.ratingsByAssignee(r.filter, r.current),
      this.appeals.rereview(r.filter, 50),
      this.queries.disputes(r.filter, r.current),
      this.appeals.reviewOutcomes(r.filter, r.current),
    ]);
    const { total: totals } = current;
    const [byDepartment, byCategory] = [current.by.department_id, current.by.category_id];
    const ratingRow = (g: Sums<typeof QUALITY> & { key: string | null }) => ({ key: g.key, rated: g.rated, average: ratio(g.rating_sum, g.rated) });
    return {
      period: r.current,
      rated: totals.rated,
      average: ratio(totals.rating_sum, totals.rated),
      previousAverage: ratio(previous.rating_sum, previous.rated),
      distribution: ([1, 2, 3, 4, 5] as const).map((score) => ({ score, count: totals[`rating_${score}`] })),
      byDepartment: byDepartment.filter((g) => g.rated > 0).map(ratingRow),
      byCategory: byCategory.filter((g) => g.rated > 0).map(ratingRow),
      byOperator: byOperator.map((o) => ({ key: o.assigneeId, rated: o.rated, average: ratio(o.ratingSum, o.rated) })),
      rereview: { total: rereview.total, items: rereview.items.map((i) => ({ ...i, ratedAt: i.ratedAt?.toISOString() ?? null })) },
      reviews: reviews.map((o) => ({ key: o.outcome, count: o.count })),
      disputes: disputes.map((d) => ({ key: d.status, count: d.count })),
      // Repeat appeals registered in the period: a stored per-appeal fact, summed in the rollups.
      repeats: totals.repeats,
    };
  }

  async gratitude(actor: Actor, query: ReportQuery): Promise<GratitudeReportDto> {
    const r = await this.resolve(actor, query);
    // Gratitude is its own appeal type: the type filter is this report's, whatever was asked.
    const filter: AppealSetFilter = { ...r.filter, type: AppealType.Gratitude };
    const [current, previous, thanks] = await Promise.all([
      this.queries.sets(filter, r.current, ['category_id', 'department_id'], ['received']),
      this.queries.totals(filter, r.previous, ['received']),
      this.queries.thanksByStaff(r.filter, r.current),
    ]);
    const names = await this.staff.namesOf(thanks.map((t) => t.staffId));
    const { total: totals } = current;
    const [byCategory, byDepartment] = [current.by.category_id, current.by.department_id];
    return {
      period: r.current,
      total: totals.received,
      previousTotal: previous.received,
      byCategory: byCategory.filter((g) => g.received > 0).map((g) => ({ key: g.key, count: g.received })),
      byDepartment: byDepartment.filter((g) => g.received > 0).map((g) => ({ key: g.key, count: g.received })),
      byEmployee: thanks.map((t) => ({ staffId: t.staffId, name: names.get(t.staffId) ?? null, count: t.count })),
    };
  }

  async operators(actor: Actor, query: ReportQuery): Promise<OperatorsReportDto> {
    const r = await this.resolve(actor, query);
    const [rows, open, thanks] = await Promise.all([
      this.queries.operators(r.filter, r.current),
      this.appeals.openGroups(r.filter, this.clock.now()),
      this.queries.thanksByStaff(r.filter, r.current),
    ]);
    const byId = new Map(rows.map((o) => [o.assigneeId, { ...o, openNow: 0, overdueNow: 0, gratitudes: 0 }]));
    for (const g of open) {
      if (!g.assigneeId) continue;
      const row = byId.get(g.assigneeId) ?? byId.set(g.assigneeId, { assigneeId: g.assigneeId, assigned: 0, answered: 0, answerWdSum: 0, openNow: 0, overdueNow: 0, gratitudes: 0 }).get(g.assigneeId)!;
      row.openNow += g.count;
      if (g.overdue) row.overdueNow += g.count;
    }
    // The employee rating counts the thanks each employee got (a gratitude naming them).
    for (const t of thanks) {
      const row = byId.get(t.staffId) ?? byId.set(t.staffId, { assigneeId: t.staffId, assigned: 0, answered: 0, answerWdSum: 0, openNow: 0, overdueNow: 0, gratitudes: 0 }).get(t.staffId)!;
      row.gratitudes += t.count;
    }
    const names = await this.staff.namesOf([...byId.keys()]);
    return {
      period: r.current,
      items: [...byId.values()]
        .map((o) => ({
          assigneeId: o.assigneeId,
          name: names.get(o.assigneeId) ?? null,
          assigned: o.assigned,
          answered: o.answered,
          meanHandlingWorkingDays: ratio(o.answerWdSum, o.answered),
          openNow: o.openNow,
          overdueNow: o.overdueNow,
          gratitudes: o.gratitudes,
        }))
        .sort((a, b) => b.openNow - a.openNow || b.answered - a.answered || a.assigneeId.localeCompare(b.assigneeId)),
    };
  }
}

function volumeOf(s: Sums<typeof VOLUME>): VolumeCountsDto {
  return { received: s.received, registered: s.received, answered: s.answered, closed: s.closed };
}

function slaOf(s: Sums<typeof SLA>, medians: { answerWd: number | null; reactionWd: number | null }): SlaFiguresDto {
  return {
    answered: s.answered,
    answeredOnTime: s.answered_on_time,
    answeredOnTimeShare: ratio(s.answered_on_time, s.answered),
    reacted: s.reacted,
    reactedOnTime: s.reacted_on_time,
    reactedOnTimeShare: ratio(s.reacted_on_time, s.reacted),
    meanAnswerWorkingDays: ratio(s.answer_wd_sum, s.answered),
    medianAnswerWorkingDays: medians.answerWd,
    meanReactionWorkingDays: ratio(s.reaction_wd_sum, s.reacted),
    medianReactionWorkingDays: medians.reactionWd,
    extended: s.extended,
    redirected: s.redirected,
    redirects: s.redirects,
  };
}

const sum = (groups: readonly { count: number }[]) => groups.reduce((n, g) => n + g.count, 0);

function countBy<T extends { count: number }>(groups: readonly T[], key: (g: T) => string | null): { key: string | null; count: number }[] {
  const out = new Map<string | null, number>();
  for (const g of groups) out.set(key(g), (out.get(key(g)) ?? 0) + g.count);
  return [...out].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count);
}

/**
 * The staff list's query (GET /api/v1/staff/appeals) of the appeals behind a number: the report's
 * filters, the department with its subtree, and — for period figures — the date the figure counts
 * by; `withTotal` makes the list answer its count. A list query has no period for "now" figures.
 */
export function drillDown(r: Resolved, extra: { dateField?: string; statuses?: readonly string[]; overdue?: boolean }, period = true): string {
  const q = new URLSearchParams();
  const { query } = r;
  if (query.departmentId) {
    q.set('departmentId', query.departmentId);
    q.set('includeSubdepartments', 'true');
  }
  if (query.categoryId) q.set('categoryId', query.categoryId);
  if (query.type) q.set('type', query.type);
  if (query.channel) q.set('channel', query.channel);
  if (query.region) q.set('region', query.region);
  if (period && extra.dateField) {
    q.set('dateField', extra.dateField);
    q.set('from', r.current.from);
    q.set('to', r.current.to);
  }
  if (extra.statuses) q.set('statuses', extra.statuses.join(','));
  if (extra.overdue) q.set('overdue', 'true');
  q.set('withTotal', 'true');
  return `/api/v1/staff/appeals?${q.toString()}`;
}

import type { paths, Schemas } from '@otklik/shared/api/client';

export type ReportApiQuery = NonNullable<paths['/api/v1/reports/sla']['get']['parameters']['query']>;

export type PeriodKind = Schemas['ReportPeriod'];
export type ReportName = Schemas['ReportName'];
export const PERIODS: readonly PeriodKind[] = ['day', 'week', 'month', 'custom'];
export const CHANNELS: readonly Schemas['AppealChannel'][] = ['account', 'anonymous'];

/**
 * The dashboard's filters, named as the reports API names them, so the URL's query parameters,
 * the filters on screen and the API query are one object.
 */
export interface ReportFilters {
  period: PeriodKind;
  at: string | null;
  from: string | null;
  to: string | null;
  departmentId: string | null;
  categoryId: string | null;
  type: Schemas['AppealType'] | null;
  channel: Schemas['AppealChannel'] | null;
}

export const DEFAULT_REPORT_FILTERS: ReportFilters = {
  period: 'month',
  at: null,
  from: null,
  to: null,
  departmentId: null,
  categoryId: null,
  type: null,
  channel: null,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Only what differs from the defaults goes to the URL (null removes a parameter). */
export function reportFiltersToQuery(f: ReportFilters): Record<string, string | null> {
  const custom = f.period === 'custom';
  return {
    period: f.period === DEFAULT_REPORT_FILTERS.period ? null : f.period,
    at: custom ? null : f.at,
    from: custom ? f.from : null,
    to: custom ? f.to : null,
    departmentId: f.departmentId,
    categoryId: f.categoryId,
    type: f.type,
    channel: f.channel,
  };
}

/** Filters from the URL; malformed values are dropped rather than sent to the API. */
export function reportFiltersFromQuery(get: (name: string) => string | null, types: readonly string[]): ReportFilters {
  const date = (name: string) => {
    const value = get(name);
    return value && DATE.test(value) ? value : null;
  };
  const uuid = (name: string) => {
    const value = get(name);
    return value && UUID.test(value) ? value : null;
  };
  const period = get('period');
  const type = get('type');
  const channel = get('channel');
  const kind = PERIODS.includes(period as PeriodKind) ? (period as PeriodKind) : DEFAULT_REPORT_FILTERS.period;
  const from = date('from');
  const to = date('to');
  // A custom period needs both ends; without them it falls back to the month.
  const custom = kind === 'custom' && from !== null && to !== null;
  return {
    period: kind === 'custom' && !custom ? DEFAULT_REPORT_FILTERS.period : kind,
    at: custom ? null : date('at'),
    from: custom ? from : null,
    to: custom ? to : null,
    departmentId: uuid('departmentId'),
    categoryId: uuid('categoryId'),
    type: type && types.includes(type) ? (type as ReportFilters['type']) : null,
    channel: CHANNELS.includes(channel as Schemas['AppealChannel']) ? (channel as ReportFilters['channel']) : null,
  };
}

/** The reports API query of the filters (no empty parameters). */
export function reportApiQuery(f: ReportFilters): ReportApiQuery {
  const query = reportFiltersToQuery(f);
  const out: Record<string, string> = { period: f.period };
  for (const [name, value] of Object.entries(query)) if (value !== null) out[name] = value;
  return out;
}

/** The staff list's parameters a drill-down may carry (what the reports' links contain). */
const DRILL_PARAMS = [
  'departmentId',
  'includeSubdepartments',
  'categoryId',
  'type',
  'channel',
  'region',
  'dateField',
  'from',
  'to',
  'statuses',
  'overdue',
  'assigneeId',
  'answeredOnTime',
  'rereview',
] as const;
export type DrillQuery = Partial<Record<(typeof DRILL_PARAMS)[number], string>>;

/** A report's `links` entry (`/api/v1/staff/appeals?…`) as the drill-down page's query parameters. */
export function drillQuery(link: string, patch: DrillQuery = {}): DrillQuery {
  const params = new URLSearchParams(link.includes('?') ? link.slice(link.indexOf('?') + 1) : '');
  const out: DrillQuery = {};
  for (const name of DRILL_PARAMS) {
    const value = params.get(name);
    if (value !== null) out[name] = value;
  }
  for (const [name, value] of Object.entries(patch) as [keyof DrillQuery, string | undefined][]) {
    if (value === undefined) delete out[name];
    else out[name] = value;
  }
  return out;
}

/** The drill-down page's query parameters, whitelisted, as the staff list's query. */
export function drillFromQuery(get: (name: string) => string | null): DrillQuery {
  const out: DrillQuery = {};
  for (const name of DRILL_PARAMS) {
    const value = get(name);
    if (value) out[name] = value.slice(0, 400);
  }
  return out;
}

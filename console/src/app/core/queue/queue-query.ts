import type { Schemas } from '@otklik/shared/api/client';
import { APPEAL_STATUSES, APPEAL_TYPES, AppealStatus } from '@otklik/shared/domain';
import type { MessageKey } from '../i18n/i18n.service';

/*
 * The queue's filters, their URL form and GET /staff/appeals's query for them: plain functions
 * with no service behind them, so that the start-up (core/boot.ts, in the initial bundle) can
 * ask for the first page of rows exactly as the queue page (its code still on the way) will.
 */

export type QueueView = Schemas['QueueView'];

/** The views of the navigation rail, in its order, with their label and who sees them. */
export const QUEUE_VIEWS: readonly { view: QueueView; label: MessageKey; supervisorOnly?: boolean }[] = [
  { view: 'all', label: 'view.all' },
  { view: 'mine', label: 'view.mine' },
  { view: 'unassigned', label: 'view.unassigned' },
  { view: 'approval', label: 'view.approval', supervisorOnly: true },
  { view: 'overdue', label: 'view.overdue' },
  { view: 'dueSoon', label: 'view.dueSoon' },
  { view: 'escalated', label: 'view.escalated' },
  { view: 'rereview', label: 'view.rereview', supervisorOnly: true },
];

export const DEFAULT_VIEW: QueueView = 'all';

export type AppealSummary = Schemas['StaffAppealSummaryDto'];
export type QueueSort = Schemas['QueueSortKey'];
export type SortDir = 'asc' | 'desc';

export const SORT_KEYS: readonly QueueSort[] = [
  'number',
  'type',
  'category',
  'subject',
  'status',
  'department',
  'assignee',
  'registeredAt',
  'dueAt',
  'firstResponseDueAt',
];

/** The direction a column starts in: deadlines soonest first, registrations newest first, the rest A→Z. */
export function naturalDir(sort: QueueSort): SortDir {
  return sort === 'registeredAt' ? 'desc' : 'asc';
}

/** The status filter: null — the open ones (the view's default); 'all' — every status; or one status. */
export type StatusFilter = Schemas['AppealStatus'] | 'all' | null;

export interface QueueFilters {
  view: QueueView;
  status: StatusFilter;
  type: Schemas['AppealType'] | null;
  q: string;
  overdue: boolean;
  /** Escalated appeals: in this department, or escalated to it from below (its oversight list). */
  escalated: boolean;
  /** «Ответ почтой»: answered appeals whose answer goes by post and is not yet printed (any status). */
  toPrint: boolean;
  sort: QueueSort;
  dir: SortDir;
  limit: number;
}

export const DEFAULT_FILTERS: QueueFilters = {
  view: DEFAULT_VIEW,
  status: null,
  type: null,
  q: '',
  overdue: false,
  escalated: false,
  toPrint: false,
  sort: 'dueAt',
  dir: 'asc',
  limit: 20,
};
export const PAGE_SIZES: readonly number[] = [10, 20, 50, 100];
/** A staff queue never holds drafts: they are not registered yet. */
export const QUEUE_STATUSES = APPEAL_STATUSES.filter((s) => s !== AppealStatus.Draft);

/**
 * The filters as URL query parameters, so a reload or a shared link shows the same view.
 * Only what differs from the defaults is written; unknown or malformed values are ignored.
 */
export function filtersToQuery(f: QueueFilters): Record<string, string | null> {
  return {
    view: f.view === DEFAULT_FILTERS.view ? null : f.view,
    status: f.status,
    type: f.type,
    q: f.q.trim() || null,
    overdue: f.overdue ? 'true' : null,
    escalated: f.escalated ? 'true' : null,
    toPrint: f.toPrint ? 'true' : null,
    sort: f.sort === DEFAULT_FILTERS.sort ? null : f.sort,
    dir: f.dir === naturalDir(f.sort) ? null : f.dir,
    limit: f.limit === DEFAULT_FILTERS.limit ? null : String(f.limit),
  };
}

export function filtersFromQuery(
  get: (name: string) => string | null,
  known: { statuses: readonly string[]; types: readonly string[] },
): Partial<QueueFilters> {
  const patch: Partial<QueueFilters> = {};
  const view = get('view');
  if (view && QUEUE_VIEWS.some((v) => v.view === view)) patch.view = view as QueueView;
  const status = get('status');
  if (status === 'all' || (status && known.statuses.includes(status))) patch.status = status as StatusFilter;
  const type = get('type');
  if (type && known.types.includes(type)) patch.type = type as QueueFilters['type'];
  const q = get('q');
  if (q) patch.q = q.slice(0, 200);
  if (get('overdue') === 'true') patch.overdue = true;
  if (get('escalated') === 'true') patch.escalated = true;
  if (get('toPrint') === 'true') patch.toPrint = true;
  const sort = get('sort');
  if (sort && (SORT_KEYS as readonly string[]).includes(sort)) patch.sort = sort as QueueSort;
  const dir = get('dir');
  patch.dir = dir === 'asc' || dir === 'desc' ? dir : naturalDir(patch.sort ?? DEFAULT_FILTERS.sort);
  const limit = Number(get('limit'));
  if (PAGE_SIZES.includes(limit)) patch.limit = limit;
  return patch;
}

/** GET /staff/appeals's query for `f` and the page at `cursor` (null: the first page). */
export function listQuery(f: QueueFilters, cursor: string | null) {
  return {
    view: f.view,
    status: f.status && f.status !== 'all' ? f.status : undefined,
    anyStatus: f.status === 'all' || undefined,
    type: f.type ?? undefined,
    q: f.q.trim() || undefined,
    overdue: f.overdue || undefined,
    escalated: f.escalated || undefined,
    toPrint: f.toPrint || undefined,
    sort: f.sort,
    dir: f.dir === naturalDir(f.sort) ? undefined : f.dir,
    limit: f.limit,
    cursor: cursor ?? undefined,
  };
}

export type ListQuery = ReturnType<typeof listQuery>;

/** One string per query: two loads with the same key ask for the same rows. */
export function listQueryKey(query: ListQuery): string {
  return JSON.stringify(query);
}

/** The filters a page opened at `search` (a URL's query string) shows: the URL's over the defaults. */
export function filtersOfUrl(search: string): QueueFilters {
  const params = new URLSearchParams(search);
  return { ...DEFAULT_FILTERS, ...filtersFromQuery((name) => params.get(name), { statuses: QUEUE_STATUSES, types: APPEAL_TYPES }) };
}

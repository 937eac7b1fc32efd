import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { CanActivateFn, ParamMap } from '@angular/router';
import type { Schemas } from '@otklik/shared/api/client';
import { APPEAL_STATUSES, APPEAL_TYPES, AppealStatus } from '@otklik/shared/domain';
import { API } from '../../core/api/api-client';
import { AuthService } from '../../core/auth/auth.service';
import { NotificationCenter } from '../../core/notifications/notification-center';
import { DEFAULT_VIEW, LIVE_DEBOUNCE_MS, QUEUE_VIEWS, QueueViews, type QueueView } from '../../core/queue/queue-views';

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

/**
 * The department queue, server-side: view, filters, sort and page size go to GET /staff/appeals.
 * The API pages with opaque keyset cursors and gives no total, so "previous" needs memory:
 * `cursors` is a stack whose top is the cursor of the page on screen (null = first page).
 * Next pushes the response's nextCursor; previous pops. Any filter change starts over.
 *
 * Live: a change the notification stream reports in the user's queue reloads the page on screen
 * (debounced; the rows keep their place, the selection of rows still there stays).
 */
@Injectable()
export class QueueStore {
  private readonly api = inject(API);
  private readonly views = inject(QueueViews);

  readonly filters = signal<QueueFilters>(DEFAULT_FILTERS);
  private readonly cursors = signal<readonly (string | null)[]>([null]);
  readonly items = signal<readonly AppealSummary[]>([]);
  readonly nextCursor = signal<string | null>(null);
  readonly loading = signal(false);
  readonly failed = signal(false);
  readonly pageIndex = computed(() => this.cursors().length - 1);
  /** What MatPaginator needs as `length`: everything up to this page, +1 while more exist. */
  readonly knownLength = computed(
    () => this.pageIndex() * this.filters().limit + this.items().length + (this.nextCursor() ? 1 : 0),
  );
  /** Moves on every load the user asked for (not a live refresh): the selection starts over then. */
  readonly loadGeneration = signal(0);
  /** When the rows on screen last changed live (for the polite announcement). */
  readonly liveUpdates = signal(0);

  private request: AbortController | null = null;
  /** The query of the request in flight and its promise (opening the page again with that query joins it). */
  private requestKey: string | null = null;
  private requestDone: Promise<void> | null = null;
  private owner: string | null = null;
  private liveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    const off = inject(NotificationCenter).onLive((event) => event.type !== 'presence' && this.changed());
    // (Presence changes no row: PresenceBoard shows it on the rows it concerns.)
    inject(DestroyRef).onDestroy(() => {
      off();
      clearTimeout(this.liveTimer);
    });
  }

  /** The store outlives the page; a different signed-in user starts from defaults. */
  claim(userId: string): void {
    if (this.owner === userId) return;
    this.owner = userId;
    this.filters.set(DEFAULT_FILTERS);
    this.cursors.set([null]);
    this.items.set([]);
    this.nextCursor.set(null);
  }

  /**
   * The queue page opens for `userId` at a URL with `query`: a link or a reload carries the
   * filters in the URL; a plain /queue keeps what the store holds (coming back from a card).
   * Then the rows are loaded; opening again with the same filters while that request is in
   * flight joins it (the route's guard opens the store before the page's code has arrived, and
   * the page opens it again when it is created).
   */
  open(userId: string | null, query: ParamMap): Promise<void> {
    if (userId) this.claim(userId);
    if (query.keys.length > 0) {
      this.restore(filtersFromQuery((name) => query.get(name), { statuses: QUEUE_STATUSES, types: APPEAL_TYPES }));
    }
    return this.load({ join: true });
  }

  /** Filters from a link or a reload: replace the current ones without loading yet. */
  restore(patch: Partial<QueueFilters>): void {
    this.filters.set({ ...DEFAULT_FILTERS, ...patch });
    this.cursors.set([null]);
  }

  update(patch: Partial<QueueFilters>): void {
    this.filters.update((f) => ({ ...f, ...patch }));
    this.cursors.set([null]);
    void this.load();
  }

  nextPage(): void {
    const next = this.nextCursor();
    if (!next) return;
    this.cursors.update((stack) => [...stack, next]);
    void this.load();
  }

  previousPage(): void {
    if (this.pageIndex() === 0) return;
    this.cursors.update((stack) => stack.slice(0, -1));
    void this.load();
  }

  /** Something changed in the queue: the page on screen and the counts, once for a burst. */
  changed(): void {
    clearTimeout(this.liveTimer);
    this.liveTimer = setTimeout(() => {
      void this.load({ live: true });
      this.views.soon();
    }, LIVE_DEBOUNCE_MS);
  }

  /**
   * Loads the page on screen. `join`: a request for exactly these rows already on its way is
   * taken as the answer (only when opening the page: anything else asks again, since a request
   * sent before a change may predate it).
   */
  load(options: { live?: boolean; join?: boolean } = {}): Promise<void> {
    // A live refresh never cancels what the user asked for; it waits its turn.
    if (options.live && this.request) {
      this.changed();
      return Promise.resolve();
    }
    const query = this.query();
    const key = JSON.stringify(query);
    // The same rows asked for again while on their way (the route's guard, then the page): one request.
    if (options.join && this.request && this.requestKey === key && this.requestDone) return this.requestDone;
    this.request?.abort();
    const request = (this.request = new AbortController());
    this.requestKey = key;
    this.requestDone = this.fetch(query, request, options);
    return this.requestDone;
  }

  /** GET /staff/appeals's query for the filters and the page on screen. */
  private query() {
    const f = this.filters();
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
      cursor: this.cursors().at(-1) ?? undefined,
    };
  }

  private async fetch(query: ReturnType<QueueStore['query']>, request: AbortController, options: { live?: boolean }): Promise<void> {
    if (!options.live) {
      this.loading.set(true);
      this.loadGeneration.update((n) => n + 1);
    }
    this.failed.set(false);
    try {
      const { data } = await this.api.GET('/api/v1/staff/appeals', { params: { query }, signal: request.signal });
      if (request.signal.aborted) return;
      if (data) {
        this.items.set(data.items);
        this.nextCursor.set(data.nextCursor);
        if (options.live) this.liveUpdates.update((n) => n + 1);
      } else {
        this.failed.set(true);
      }
    } catch {
      if (!request.signal.aborted) this.failed.set(true);
    } finally {
      if (this.request === request) {
        this.loading.set(false);
        this.request = null;
        this.requestKey = null;
        this.requestDone = null;
      }
    }
  }
}

/**
 * The queue route's guard (it always lets through): the rows are asked for as soon as the user is
 * known, while the shell's and the page's code still load and render, instead of from the page's
 * constructor afterwards. The page then joins the request in flight (QueueStore.open).
 */
export const startQueueLoad: CanActivateFn = (route) => {
  void inject(QueueStore).open(inject(AuthService).user()?.id ?? null, route.queryParamMap);
  return true;
};

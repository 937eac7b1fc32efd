import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { CanActivateFn, ParamMap } from '@angular/router';
import { APPEAL_TYPES } from '@otklik/shared/domain';
import { API } from '../../core/api/api-client';
import { AuthService } from '../../core/auth/auth.service';
import { NotificationCenter } from '../../core/notifications/notification-center';
import {
  DEFAULT_FILTERS,
  QUEUE_STATUSES,
  filtersFromQuery,
  listQuery,
  listQueryKey,
  type AppealSummary,
  type ListQuery,
  type QueueFilters,
} from '../../core/queue/queue-query';
import { QueuePrefetch } from '../../core/queue/queue-prefetch';
import { LIVE_DEBOUNCE_MS, QueueViews } from '../../core/queue/queue-views';

// The filters and their URL form live beside the start-up's early request (core/queue/queue-query).
export {
  DEFAULT_FILTERS,
  PAGE_SIZES,
  QUEUE_STATUSES,
  SORT_KEYS,
  filtersFromQuery,
  filtersToQuery,
  naturalDir,
  type AppealSummary,
  type QueueFilters,
  type QueueSort,
  type SortDir,
  type StatusFilter,
} from '../../core/queue/queue-query';

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
  private readonly prefetch = inject(QueuePrefetch);

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
  /** The load the route's guard started for the page it lets through (that page's open() takes it, once). */
  private ahead: { key: string; done: Promise<void> } | null = null;
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
    this.ahead = null;
    this.filters.set(DEFAULT_FILTERS);
    this.cursors.set([null]);
    this.items.set([]);
    this.nextCursor.set(null);
  }

  /**
   * The queue page opens for `userId` at a URL with `query`: a link or a reload carries the
   * filters in the URL; a plain /queue keeps what the store holds (coming back from a card).
   * Then the rows are loaded; opening again with the same filters while that request is in
   * flight joins it. `ahead`: the route's guard opens the store before the page's code has
   * arrived; the page it lets through then opens it again when it is created, and takes the
   * guard's load for the same filters, on its way or already answered (a fast answer must not
   * be asked for twice); any other opening loads again.
   */
  open(userId: string | null, query: ParamMap, options: { ahead?: boolean } = {}): Promise<void> {
    if (userId) this.claim(userId);
    if (query.keys.length > 0) {
      this.restore(filtersFromQuery((name) => query.get(name), { statuses: QUEUE_STATUSES, types: APPEAL_TYPES }));
    }
    const ahead = this.ahead;
    this.ahead = null;
    const key = listQueryKey(this.query());
    if (!options.ahead && ahead?.key === key) return ahead.done;
    const done = this.load({ join: true });
    if (options.ahead) this.ahead = { key, done };
    return done;
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
    const key = listQueryKey(query);
    // The same rows asked for again while on their way (the route's guard, then the page): one request.
    if (options.join && this.request && this.requestKey === key && this.requestDone) return this.requestDone;
    this.request?.abort();
    const request = (this.request = new AbortController());
    this.requestKey = key;
    this.requestDone = this.fetch(query, key, request, options);
    return this.requestDone;
  }

  /** GET /staff/appeals's query for the filters and the page on screen. */
  private query(): ListQuery {
    return listQuery(this.filters(), this.cursors().at(-1) ?? null);
  }

  private async fetch(query: ListQuery, key: string, request: AbortController, options: { live?: boolean }): Promise<void> {
    if (!options.live) {
      this.loading.set(true);
      this.loadGeneration.update((n) => n + 1);
    }
    this.failed.set(false);
    try {
      // The console's first page of rows may have been asked for at start-up (core/boot.ts): when
      // it asked for these rows and got them, that is the answer; otherwise ask as usual.
      const early = options.live ? null : await this.prefetch.take(key);
      if (request.signal.aborted) return;
      const data = early ?? (await this.api.GET('/api/v1/staff/appeals', { params: { query }, signal: request.signal })).data;
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
 * constructor afterwards. The page then takes that load, in flight or answered (QueueStore.open).
 */
export const startQueueLoad: CanActivateFn = (route) => {
  void inject(QueueStore).open(inject(AuthService).user()?.id ?? null, route.queryParamMap, { ahead: true });
  return true;
};

import { Injectable, computed, inject, signal } from '@angular/core';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../core/api/api-client';

export type AppealSummary = Schemas['AppealSummaryDto'];
export type QueueSort = 'dueAt' | 'registeredAt';

export interface QueueFilters {
  status: Schemas['AppealStatus'] | null;
  type: Schemas['AppealType'] | null;
  q: string;
  overdue: boolean;
  /** Escalated appeals: in this department, or escalated to it from below (its oversight list). */
  escalated: boolean;
  sort: QueueSort;
  limit: number;
}

export const DEFAULT_FILTERS: QueueFilters = { status: null, type: null, q: '', overdue: false, escalated: false, sort: 'dueAt', limit: 20 };
export const PAGE_SIZES: readonly number[] = [10, 20, 50, 100];

/**
 * The filters as URL query parameters, so a reload or a shared link shows the same view.
 * Only what differs from the defaults is written; unknown or malformed values are ignored.
 */
export function filtersToQuery(f: QueueFilters): Record<string, string | null> {
  return {
    status: f.status,
    type: f.type,
    q: f.q.trim() || null,
    overdue: f.overdue ? 'true' : null,
    escalated: f.escalated ? 'true' : null,
    sort: f.sort === DEFAULT_FILTERS.sort ? null : f.sort,
    limit: f.limit === DEFAULT_FILTERS.limit ? null : String(f.limit),
  };
}

export function filtersFromQuery(
  get: (name: string) => string | null,
  known: { statuses: readonly string[]; types: readonly string[] },
): Partial<QueueFilters> {
  const patch: Partial<QueueFilters> = {};
  const status = get('status');
  if (status && known.statuses.includes(status)) patch.status = status as QueueFilters['status'];
  const type = get('type');
  if (type && known.types.includes(type)) patch.type = type as QueueFilters['type'];
  const q = get('q');
  if (q) patch.q = q.slice(0, 200);
  if (get('overdue') === 'true') patch.overdue = true;
  if (get('escalated') === 'true') patch.escalated = true;
  const sort = get('sort');
  if (sort === 'dueAt' || sort === 'registeredAt') patch.sort = sort;
  const limit = Number(get('limit'));
  if (PAGE_SIZES.includes(limit)) patch.limit = limit;
  return patch;
}

/**
 * The department queue, server-side: filters, sort and page size go to GET /staff/appeals.
 * The API pages with opaque keyset cursors and gives no total, so "previous" needs memory:
 * `cursors` is a stack whose top is the cursor of the page on screen (null = first page).
 * Next pushes the response's nextCursor; previous pops. Any filter change starts over.
 */
@Injectable()
export class QueueStore {
  private readonly api = inject(API);

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

  private request: AbortController | null = null;
  private owner: string | null = null;

  /** The store outlives the page; a different signed-in user starts from defaults. */
  claim(userId: string): void {
    if (this.owner === userId) return;
    this.owner = userId;
    this.filters.set(DEFAULT_FILTERS);
    this.cursors.set([null]);
    this.items.set([]);
    this.nextCursor.set(null);
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

  async load(): Promise<void> {
    this.request?.abort();
    const request = (this.request = new AbortController());
    const f = this.filters();
    const cursor = this.cursors().at(-1) ?? undefined;
    this.loading.set(true);
    this.failed.set(false);
    try {
      const { data } = await this.api.GET('/api/v1/staff/appeals', {
        params: {
          query: {
            status: f.status ?? undefined,
            type: f.type ?? undefined,
            q: f.q.trim() || undefined,
            overdue: f.overdue || undefined,
            escalated: f.escalated || undefined,
            sort: f.sort,
            limit: f.limit,
            cursor,
          },
        },
        signal: request.signal,
      });
      if (request.signal.aborted) return;
      if (data) {
        this.items.set(data.items);
        this.nextCursor.set(data.nextCursor);
      } else {
        this.failed.set(true);
      }
    } catch {
      if (!request.signal.aborted) this.failed.set(true);
    } finally {
      if (this.request === request) {
        this.loading.set(false);
        this.request = null;
      }
    }
  }
}

import { computed, linkedSignal, type Signal, type WritableSignal } from '@angular/core';
import type { AppealSummary } from './queue.store';

/**
 * The rows of the page on screen ticked for a bulk action. The selection belongs to that page:
 * every new set of rows (another page, other filters, a reload) starts it empty. The API pages
 * with cursors, so ticked rows of a page no longer shown could be neither seen nor unticked.
 * A live refresh of the same page is not a new set: with `resetOn` (a counter the store moves on
 * every load the user asked for), the ticks stay — also on a row that has just left the page (a
 * colleague moved it): it stays selected, so the bulk action's result names what became of it.
 */
export class QueueSelection {
  private readonly ids: WritableSignal<ReadonlySet<string>>;
  /** The ticked rows as last seen (a row that left the page live is remembered here). */
  private readonly seen = new Map<string, AppealSummary>();

  /** Ticked rows in table order (the first is the one a bulk assign lists colleagues for). */
  readonly selected: Signal<readonly AppealSummary[]>;
  readonly count: Signal<number>;
  readonly all: Signal<boolean>;
  readonly partial: Signal<boolean>;
  /** The one department every ticked appeal belongs to; null when they differ (or none is ticked). */
  readonly sharedDepartmentId: Signal<string | null>;

  constructor(
    private readonly rows: Signal<readonly AppealSummary[]>,
    resetOn?: Signal<number>,
  ) {
    this.ids = resetOn
      ? linkedSignal<number, ReadonlySet<string>>({ source: resetOn, computation: () => new Set() })
      : linkedSignal<readonly AppealSummary[], ReadonlySet<string>>({ source: rows, computation: () => new Set() });
    this.selected = computed(() => {
      const ids = this.ids();
      const shown = rows().filter((row) => ids.has(row.id));
      if (!resetOn) return shown;
      for (const row of shown) this.seen.set(row.id, row);
      const left = [...ids].filter((id) => !shown.some((row) => row.id === id)).flatMap((id) => this.seen.get(id) ?? []);
      return [...shown, ...left];
    });
    this.count = computed(() => this.selected().length);
    this.all = computed(() => rows().length > 0 && rows().every((row) => this.ids().has(row.id)));
    this.partial = computed(() => rows().some((row) => this.ids().has(row.id)) && !this.all());
    this.sharedDepartmentId = computed(() => {
      const departments = new Set(this.selected().map((row) => row.departmentId));
      const [only] = departments;
      return departments.size === 1 ? (only ?? null) : null;
    });
  }

  has(row: AppealSummary): boolean {
    return this.ids().has(row.id);
  }

  toggle(row: AppealSummary): void {
    this.seen.set(row.id, row);
    this.ids.update((ids) => {
      const next = new Set(ids);
      if (!next.delete(row.id)) next.add(row.id);
      return next;
    });
  }

  /** The header checkbox: tick the whole page, or untick it when it is all ticked already. */
  toggleAll(): void {
    this.ids.set(this.all() ? new Set() : new Set(this.rows().map((row) => row.id)));
  }

  clear(): void {
    this.seen.clear();
    this.ids.set(new Set());
  }
}

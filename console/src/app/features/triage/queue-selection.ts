import { computed, linkedSignal, type Signal, type WritableSignal } from '@angular/core';
import type { AppealSummary } from './queue.store';

/**
 * The rows of the page on screen ticked for a bulk action. The selection belongs to that page:
 * every new set of rows (another page, other filters, a reload) starts it empty. The API pages
 * with cursors, so ticked rows of a page no longer shown could be neither seen nor unticked.
 */
export class QueueSelection {
  private readonly ids: WritableSignal<ReadonlySet<string>>;

  /** Ticked rows in table order (the first is the one a bulk assign lists colleagues for). */
  readonly selected: Signal<readonly AppealSummary[]>;
  readonly count: Signal<number>;
  readonly all: Signal<boolean>;
  readonly partial: Signal<boolean>;
  /** The one department every ticked appeal belongs to; null when they differ (or none is ticked). */
  readonly sharedDepartmentId: Signal<string | null>;

  constructor(private readonly rows: Signal<readonly AppealSummary[]>) {
    this.ids = linkedSignal<readonly AppealSummary[], ReadonlySet<string>>({ source: rows, computation: () => new Set() });
    this.selected = computed(() => {
      const ids = this.ids();
      return rows().filter((row) => ids.has(row.id));
    });
    this.count = computed(() => this.selected().length);
    this.all = computed(() => this.count() > 0 && this.count() === rows().length);
    this.partial = computed(() => this.count() > 0 && !this.all());
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
    this.ids.set(new Set());
  }
}

import { Injectable, signal } from '@angular/core';

/** One row of the queue as the card finds it again: by id or by the number it was opened with. */
export interface TrailEntry {
  id: string;
  ref: string;
}

/**
 * The rows of the queue view last on screen and the URL query of that view, so the card can go
 * on to the next appeal of the same view (after a macro) or back to the view itself.
 */
@Injectable({ providedIn: 'root' })
export class QueueTrail {
  private readonly entries = signal<readonly TrailEntry[]>([]);
  private readonly query = signal<Record<string, string | null>>({});

  /** The queue page records what it shows. */
  record(entries: readonly TrailEntry[], query: Record<string, string | null>): void {
    this.entries.set(entries);
    this.query.set(query);
  }

  /** The row after the appeal in the view (null: it was the last, or the view does not hold it). */
  after(idOrRef: string): TrailEntry | null {
    const rows = this.entries();
    const at = rows.findIndex((r) => r.id === idOrRef || r.ref === idOrRef);
    return at >= 0 && at + 1 < rows.length ? rows[at + 1] : null;
  }

  /** The view's query parameters, to go back to it. */
  viewQuery(): Record<string, string | null> {
    return this.query();
  }
}

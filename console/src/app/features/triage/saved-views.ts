import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../core/api/api-client';
import { asProblem, fieldErrors } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';
import { QueueStore, type QueueFilters } from './queue.store';

export type SavedView = Schemas['QueueSavedFilterDto'];
type SavedFilters = Schemas['QueueFiltersDto'];

/** What of the queue's filters a saved view keeps (not the page size or the page). */
export function toSaved(f: QueueFilters): SavedFilters {
  const saved: SavedFilters = { view: f.view, sort: f.sort, dir: f.dir };
  if (f.status) saved.status = f.status;
  if (f.type) saved.type = f.type;
  if (f.q.trim()) saved.q = f.q.trim();
  if (f.overdue) saved.overdue = true;
  if (f.escalated) saved.escalated = true;
  return saved;
}

export function fromSaved(s: SavedFilters): Partial<QueueFilters> {
  return {
    view: s.view ?? 'all',
    status: (s.status) ?? null,
    type: s.type ?? null,
    q: s.q ?? '',
    overdue: s.overdue ?? false,
    escalated: s.escalated ?? false,
    // Not kept by a saved view: applying one leaves the postal list.
    toPrint: false,
    sort: s.sort ?? 'dueAt',
    dir: s.dir ?? (s.sort === 'registeredAt' ? 'desc' : 'asc'),
  };
}

/** The name of a view to save; the API's field error (a name already used) shows under the field. */
@Component({
  selector: 'ok-save-view-dialog',
  imports: [FormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>{{ t('savedViews.saveTitle') }}</h2>
    <form (ngSubmit)="save()">
      <mat-dialog-content>
        <mat-form-field appearance="outline" class="name">
          <mat-label>{{ t('savedViews.name') }}</mat-label>
          <input matInput name="name" [(ngModel)]="name" maxlength="80" required cdkFocusInitial data-testid="saved-view-name" [attr.aria-invalid]="error() ? true : null" />
          @if (error(); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ t('savedViews.cancel') }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()">{{ t('savedViews.save') }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .name {
      width: 100%;
      min-width: 320px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SaveViewDialog {
  protected readonly t = inject(I18n).t;
  private readonly api = inject(API);
  private readonly ref = inject<MatDialogRef<SaveViewDialog, SavedView>>(MatDialogRef);
  private readonly filters = inject<SavedFilters>(MAT_DIALOG_DATA);
  protected name = '';
  protected readonly error = signal<string | null>(null);
  protected readonly saving = signal(false);

  protected async save(): Promise<void> {
    const name = this.name.trim();
    if (!name) {
      this.error.set(this.t('savedViews.nameRequired'));
      return;
    }
    this.saving.set(true);
    try {
      const { data, error } = await this.api.POST('/api/v1/staff/queue-filters', { body: { name, filters: this.filters } });
      if (data) this.ref.close(data);
      else this.error.set(fieldErrors(asProblem(error))['name'] ?? this.t('savedViews.failed'));
    } finally {
      this.saving.set(false);
    }
  }
}

/** The user's saved views of the queue: pick one to apply, save the filters on screen, delete the chosen one. */
@Component({
  selector: 'ok-saved-views',
  imports: [MatSelectModule, MatFormFieldModule, MatButtonModule],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="saved">
      <mat-label>{{ t('savedViews.label') }}</mat-label>
      <mat-select [value]="chosen()" (selectionChange)="apply($event.value)" data-testid="saved-views">
        @for (v of views(); track v.id) {
          <mat-option [value]="v.id">{{ v.name }}</mat-option>
        } @empty {
          <mat-option disabled>{{ t('savedViews.none') }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    <button mat-stroked-button type="button" (click)="saveAs()" data-testid="save-view">{{ t('savedViews.saveAs') }}</button>
    @if (chosen()) {
      <button mat-button type="button" (click)="remove()" data-testid="delete-view">{{ t('savedViews.delete') }}</button>
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    .saved {
      flex: 0 1 220px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SavedViews {
  protected readonly t = inject(I18n).t;
  private readonly api = inject(API);
  private readonly dialog = inject(MatDialog);
  private readonly store = inject(QueueStore);
  protected readonly views = signal<readonly SavedView[]>([]);
  protected readonly chosen = signal<string | null>(null);
  /** A saved view was applied (the page resets its keyboard row). */
  readonly applied = output<void>();

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    const { data } = await this.api.GET('/api/v1/staff/queue-filters');
    if (data) this.views.set(data);
  }

  protected apply(id: string): void {
    const view = this.views().find((v) => v.id === id);
    if (!view) return;
    this.chosen.set(id);
    this.store.update(fromSaved(view.filters));
    this.applied.emit();
  }

  protected saveAs(): void {
    this.dialog
      .open<SaveViewDialog, SavedFilters, SavedView>(SaveViewDialog, { data: toSaved(this.store.filters()), width: '440px' })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.views.update((list) => [...list, saved].sort((a, b) => a.name.localeCompare(b.name, 'ru')));
        this.chosen.set(saved.id);
      });
  }

  protected async remove(): Promise<void> {
    const id = this.chosen();
    if (!id) return;
    const { response } = await this.api.DELETE('/api/v1/staff/queue-filters/{id}', { params: { path: { id } } });
    if (response.ok) {
      this.views.update((list) => list.filter((v) => v.id !== id));
      this.chosen.set(null);
    }
  }
}

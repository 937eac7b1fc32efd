import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  viewChild,
  type Type,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckbox, MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSort, MatSortModule, type Sort, type SortDirection } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { APPEAL_STATUSES, APPEAL_TYPES, AppealStatus } from '@otklik/shared/domain';
import { AuthService } from '../../core/auth/auth.service';
import { I18n } from '../../core/i18n/i18n.service';
import { DueDate } from '../../ui/due-date';
import { StatusChip } from '../../ui/status-chip';
import { bulkOutcome, type BulkAction, type BulkDialogData, type BulkDialogResult, type BulkOutcome } from './bulk/bulk-action';
import { BulkAssignDialog } from './bulk/bulk-assign-dialog';
import { BulkOutcomeView } from './bulk/bulk-outcome';
import { BulkRedirectDialog } from './bulk/bulk-redirect-dialog';
import { QueueSelection } from './queue-selection';
import {
  PAGE_SIZES,
  QueueStore,
  filtersFromQuery,
  filtersToQuery,
  type AppealSummary,
  type QueueFilters,
  type QueueSort,
} from './queue.store';

/** The API orders each sort key one way only: nearest deadline first, newest registration first. */
const SORT_DIRECTION: Record<QueueSort, SortDirection> = { dueAt: 'asc', registeredAt: 'desc' };
const SEARCH_DEBOUNCE_MS = 350;
/** The dialog of each bulk action (a record: a new action without a dialog does not compile). */
const BULK_DIALOGS: Readonly<Record<BulkAction, Type<unknown>>> = { assign: BulkAssignDialog, redirect: BulkRedirectDialog };

@Component({
  selector: 'ok-queue-page',
  imports: [
    RouterLink,
    MatTableModule,
    MatSortModule,
    MatPaginatorModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatButtonModule,
    MatCheckboxModule,
    MatTooltipModule,
    MatProgressBarModule,
    StatusChip,
    DueDate,
    BulkOutcomeView,
  ],
  templateUrl: './queue.page.html',
  styleUrl: './queue.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QueuePage {
  protected readonly store = inject(QueueStore);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly sort = viewChild.required(MatSort);
  private readonly outcomeView = viewChild(BulkOutcomeView);
  private readonly pageCheckbox = viewChild<MatCheckbox>('pageCheckbox');

  protected readonly columns = ['select', 'number', 'subject', 'type', 'status', 'registeredAt', 'dueAt', 'priority'];
  /** A staff queue never holds drafts: they are not registered yet. */
  protected readonly statuses = APPEAL_STATUSES.filter((s) => s !== AppealStatus.Draft);
  protected readonly types = APPEAL_TYPES;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly filters = this.store.filters;
  protected readonly sortDirection = computed(() => SORT_DIRECTION[this.filters().sort]);
  protected readonly department = computed(() => this.i18n.name(this.auth.user()?.department));

  /** Ticked rows of the page on screen; a new page, other filters or a reload untick them all. */
  protected readonly selection = new QueueSelection(this.store.items);
  /** One colleague list serves a bulk assign only when every ticked appeal is in one department. */
  protected readonly assignBlocked = computed(() => this.selection.count() > 0 && this.selection.sharedDepartmentId() === null);
  protected readonly outcome = signal<BulkOutcome | null>(null);

  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    const user = this.auth.user();
    if (user) this.store.claim(user.id);
    // A link or a reload carries the view in the URL; a plain /queue keeps what the store holds
    // (coming back from a card), and the URL then follows every change of the filters.
    const route = inject(ActivatedRoute);
    const query = route.snapshot.queryParamMap;
    if (query.keys.length > 0) {
      this.store.restore(filtersFromQuery((name) => query.get(name), { statuses: this.statuses, types: this.types }));
    }
    void this.store.load();
    effect(() => {
      const queryParams = filtersToQuery(this.filters());
      void this.router.navigate([], { relativeTo: route, queryParams, replaceUrl: true });
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  protected setStatus(status: QueueFilters['status']): void {
    this.store.update({ status });
  }

  protected setType(type: QueueFilters['type']): void {
    this.store.update({ type });
  }

  protected setOverdue(overdue: boolean): void {
    this.store.update({ overdue });
  }

  protected setEscalated(escalated: boolean): void {
    this.store.update({ escalated });
  }

  protected searchTyped(q: string): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.search(q), SEARCH_DEBOUNCE_MS);
  }

  protected search(q: string): void {
    clearTimeout(this.searchTimer);
    if (q.trim() !== this.filters().q.trim()) this.store.update({ q });
  }

  protected sortChanged(event: Sort): void {
    const sort = event.active as QueueSort;
    // MatSort would flip the arrow on a second click; the API has one order per key, so keep it.
    this.sort().direction = SORT_DIRECTION[sort];
    if (sort !== this.filters().sort) this.store.update({ sort });
  }

  protected page(event: PageEvent): void {
    if (event.pageSize !== this.filters().limit) this.store.update({ limit: event.pageSize });
    else if (event.pageIndex > (event.previousPageIndex ?? 0)) this.store.nextPage();
    else if (event.pageIndex < (event.previousPageIndex ?? 0)) this.store.previousPage();
  }

  protected reload(): void {
    void this.store.load();
  }

  /** Human number in links; a draft (never in this queue) would fall back to the id. */
  protected ref(row: AppealSummary): string {
    return row.number !== null ? String(row.number) : row.id;
  }

  /** Mouse users may click anywhere on the row; the subject link is the keyboard way in. */
  protected rowClicked(row: AppealSummary, event: MouseEvent): void {
    const target = event.target as HTMLElement | null;
    // The selection cell is the checkbox's: a click that misses the box must not open the card.
    if (target?.closest('a, button, .cell-select') || window.getSelection()?.toString()) return;
    void this.router.navigate(['/appeals', this.ref(row)]);
  }

  /** The toolbar goes away with the selection: focus stays nearby, on the header checkbox. */
  protected clearSelection(): void {
    this.selection.clear();
    this.pageCheckbox()?.focus();
  }

  protected openBulk(action: BulkAction): void {
    const appeals = this.selection.selected();
    // The buttons stay focusable while disabled (disabledInteractive), so a click still lands here.
    if (appeals.length === 0 || this.store.loading() || (action === 'assign' && this.assignBlocked())) return;
    this.outcome.set(null);
    this.dialog
      .open<unknown, BulkDialogData, BulkDialogResult>(BULK_DIALOGS[action], { data: { appeals }, width: '560px' })
      .afterClosed()
      .subscribe((result) => void this.bulkDone(action, appeals, result));
  }

  /** Each appeal succeeded or failed on its own: say which, then show the queue as it is now. */
  private async bulkDone(action: BulkAction, appeals: readonly AppealSummary[], result: BulkDialogResult | undefined): Promise<void> {
    if (!result) return;
    this.outcome.set(bulkOutcome(action, appeals, result.results));
    this.selection.clear();
    afterNextRender({ write: () => this.outcomeView()?.focus() }, { injector: this.injector });
    await this.store.load();
  }
}

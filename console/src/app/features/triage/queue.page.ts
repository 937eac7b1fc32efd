import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
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
import { firstValueFrom } from 'rxjs';
import { API } from '../../core/api/api-client';
import { CatalogService } from '../../core/catalog/catalog.service';
import { QueueViews, type QueueView } from '../../core/queue/queue-views';
import { QueueTrail } from '../../core/queue/queue-trail';
import { TimeLeft } from '../../ui/time-left';
import { SavedViews } from './saved-views';
import { ShortcutsDialog } from './shortcuts-dialog';
import { ACTION_DIALOGS } from '../appeal/action-dialogs/action-dialogs';
import type { ActionDialogData, ActionDialogResult } from '../appeal/action-dialogs/staff-action-sender';
import { APPEAL_TYPES } from '@otklik/shared/domain';
import { AuthService } from '../../core/auth/auth.service';
import { I18n } from '../../core/i18n/i18n.service';
import { StatusChip } from '../../ui/status-chip';
import { PresenceMarker } from '../../ui/presence-marker';
import { PresenceBoard } from '../../core/presence/presence-board';
import { bulkOutcome, type BulkAction, type BulkDialogData, type BulkDialogResult, type BulkOutcome } from './bulk/bulk-action';
import { BulkAssignDialog } from './bulk/bulk-assign-dialog';
import { BulkOutcomeView } from './bulk/bulk-outcome';
import { BulkRedirectDialog } from './bulk/bulk-redirect-dialog';
import { QueueSelection } from './queue-selection';
import {
  DEFAULT_FILTERS,
  PAGE_SIZES,
  QUEUE_STATUSES,
  QueueStore,
  SORT_KEYS,
  filtersFromQuery,
  filtersToQuery,
  naturalDir,
  type AppealSummary,
  type QueueFilters,
  type QueueSort,
} from './queue.store';

const SEARCH_DEBOUNCE_MS = 350;
/** How long after «g» the second key of a view switch may come. */
const CHORD_MS = 1_500;
/** «g» then a key: the view it opens. */
const VIEW_KEYS: Readonly<Record<string, QueueView>> = { i: 'all', m: 'mine', u: 'unassigned', o: 'overdue', s: 'dueSoon', e: 'escalated' };
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
    PresenceMarker,
    TimeLeft,
    SavedViews,
    BulkOutcomeView,
  ],
  host: { '(document:keydown)': 'shortcut($event)' },
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
  private readonly searchBox = viewChild<ElementRef<HTMLInputElement>>('searchBox');
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly api = inject(API);
  protected readonly catalog = inject(CatalogService);
  /** Colleagues on each row's card, live from the stream. */
  protected readonly presence = inject(PresenceBoard);
  private readonly views = inject(QueueViews);

  protected readonly columns = [
    'select',
    'number',
    'type',
    'category',
    'subject',
    'citizen',
    'status',
    'department',
    'assignee',
    'registeredAt',
    'dueAt',
    'firstResponseDueAt',
    'priority',
  ];
  /** Rows are kept by appeal across a live reload, so the keyboard's focus stays on its row. */
  protected readonly trackById = (_: number, row: AppealSummary): string => row.id;
  /** The row the keyboard is on (j/k), by index on the page. */
  protected readonly active = signal(0);
  /** What the last keyboard action did, for screen readers. */
  protected readonly announcement = signal('');
  protected readonly viewLabel = computed(() => {
    const view = this.filters().view;
    return this.t(`view.${view}`);
  });
  private chordUntil = 0;
  protected readonly statuses = QUEUE_STATUSES;
  protected readonly types = APPEAL_TYPES;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly filters = this.store.filters;
  protected readonly sortDirection = computed<SortDirection>(() => this.filters().dir);
  protected readonly department = computed(() => this.i18n.name(this.auth.user()?.department));

  /** Ticked rows of the page on screen; a new page, other filters or a reload untick them all. */
  protected readonly selection = new QueueSelection(this.store.items, this.store.loadGeneration);
  /** One colleague list serves a bulk assign only when every ticked appeal is in one department. */
  protected readonly assignBlocked = computed(() => this.selection.count() > 0 && this.selection.sharedDepartmentId() === null);
  protected readonly outcome = signal<BulkOutcome | null>(null);

  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    // A link or a reload carries the view in the URL; a plain /queue keeps what the store holds
    // (coming back from a card), and the URL then follows every change of the filters. The
    // route's guard has usually started this same load already: the store takes it.
    const route = inject(ActivatedRoute);
    void this.store.open(this.auth.user()?.id ?? null, route.snapshot.queryParamMap);
    // The rail (or back/forward) changes the view in the URL of this same page: follow it.
    const sub = route.queryParamMap.subscribe((params) => {
      const view = filtersFromQuery((name) => params.get(name), { statuses: this.statuses, types: this.types }).view ?? DEFAULT_FILTERS.view;
      if (view !== this.filters().view) {
        this.store.update({ view });
        this.active.set(0);
      }
    });
    inject(DestroyRef).onDestroy(() => sub.unsubscribe());
    // The page's rows changed (another page, a live update): the keyboard stays within them.
    effect(() => {
      const count = this.store.items().length;
      if (this.active() >= count) this.active.set(Math.max(0, count - 1));
    });
    effect(() => {
      const queryParams = filtersToQuery(this.filters());
      void this.router.navigate([], { relativeTo: route, queryParams, replaceUrl: true });
    });
    // The card goes on to the next appeal of this view (after a macro) or back to the view.
    const trail = inject(QueueTrail);
    effect(() => trail.record(this.store.items().map((row) => ({ id: row.id, ref: this.ref(row) })), filtersToQuery(this.filters())));
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

  protected setToPrint(toPrint: boolean): void {
    this.store.update({ toPrint });
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
    if (!SORT_KEYS.includes(sort)) return;
    // A new column starts in its natural direction; the same column again flips it.
    const dir = sort !== this.filters().sort ? naturalDir(sort) : event.direction === 'desc' ? 'desc' : 'asc';
    this.sort().direction = dir;
    this.store.update({ sort, dir });
  }

  protected setView(view: QueueView): void {
    this.store.update({ view });
    this.active.set(0);
  }

  /** Escape or ↓ in the search box: search (if it changed) and go on to the first row. */
  protected leaveSearch(event: Event, q: string): void {
    event.preventDefault();
    this.search(q);
    this.focusRow(0);
  }

  /** The skip link: straight to the first row. */
  protected toFirstRow(event: Event): void {
    event.preventDefault();
    this.focusRow(0);
  }

  protected rowFocused(index: number): void {
    this.active.set(index);
  }

  /**
   * The queue's keyboard: j/k move, Enter or o open, x ticks, a takes, r opens the card's answer,
   * e escalates (the card's dialog, with its reason), / searches, g then i/m/u/o/s/e switch views, n registers a new appeal, ? lists them all. Not while typing in a field or
   * with a dialog open, and never with Ctrl, Alt or Meta (the browser's and screen readers' own).
   */
  protected shortcut(event: KeyboardEvent): void {
    if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable="true"], mat-select, .cdk-overlay-container')) return;
    if (this.dialog.openDialogs.length > 0) return;
    const key = event.key;
    if (Date.now() < this.chordUntil) {
      this.chordUntil = 0;
      const view = VIEW_KEYS[key];
      if (view) {
        event.preventDefault();
        this.setView(view);
        return;
      }
    }
    const rows = this.store.items();
    const row = rows[this.active()];
    switch (key) {
      case 'j':
      case 'k': {
        if (rows.length === 0) return;
        event.preventDefault();
        const inTable = document.activeElement?.closest('tr.queue-row');
        const next = !inTable ? this.active() : Math.min(rows.length - 1, Math.max(0, this.active() + (key === 'j' ? 1 : -1)));
        this.focusRow(next);
        return;
      }
      case 'Enter':
        if (!target?.closest('tr.queue-row') || !row) return;
        event.preventDefault();
        this.open(row);
        return;
      case 'o':
        if (!row) return;
        event.preventDefault();
        this.open(row);
        return;
      case 'x':
        if (!row) return;
        event.preventDefault();
        this.selection.toggle(row);
        this.announcement.set(this.t(this.selection.has(row) ? 'keys.selected' : 'keys.unselected', { number: this.ref(row) }));
        return;
      case 'a':
        if (!row) return;
        event.preventDefault();
        void this.takeRow(row);
        return;
      case 'r':
        if (!row) return;
        event.preventDefault();
        void this.router.navigate(['/appeals', this.ref(row)], { fragment: 'answer' });
        return;
      case 'e':
        if (!row) return;
        event.preventDefault();
        void this.escalateRow(row);
        return;
      case '/':
        event.preventDefault();
        this.searchBox()?.nativeElement.focus();
        this.searchBox()?.nativeElement.select();
        return;
      case 'g':
        event.preventDefault();
        this.chordUntil = Date.now() + CHORD_MS;
        return;
      case 'n':
        event.preventDefault();
        void this.router.navigate(['/intake']);
        return;
      case '?':
        event.preventDefault();
        this.dialog.open(ShortcutsDialog, { width: '520px', autoFocus: 'first-tabbable', restoreFocus: true });
        return;
    }
  }

  private open(row: AppealSummary): void {
    void this.router.navigate(['/appeals', this.ref(row)]);
  }

  private focusRow(index: number): void {
    this.active.set(index);
    afterNextRender({ write: () => this.focusRowNow(index, 0) }, { injector: this.injector });
  }

  /** The row may not be there yet (a search still loading): a few frames' patience. */
  private focusRowNow(index: number, attempt: number): void {
    const row = this.host.nativeElement.querySelector<HTMLElement>(`tr.queue-row[data-index="${index}"]`);
    if (row && !this.store.loading()) row.focus();
    else if (attempt < 40) setTimeout(() => this.focusRowNow(index, attempt + 1), 50);
  }

  /** «a»: take the appeal on the row (in work, assigned to me); a colleague's take first is a 409 the notifier tells. */
  private async takeRow(row: AppealSummary): Promise<void> {
    const { error } = await this.api.POST('/api/v1/staff/appeals/{idOrNumber}/actions/{action}', {
      params: { path: { idOrNumber: row.id, action: 'take' } },
      body: { expectedVersion: row.version },
    });
    this.announcement.set(error ? this.t('keys.takeFailed', { number: this.ref(row) }) : this.t('keys.taken', { number: this.ref(row) }));
    await this.store.load();
    this.views.soon();
  }

  /**
   * «e»: the card's escalation dialog for the row's appeal, as the card has it now (its version and
   * whether it may still be escalated); focus comes back to the row when it closes.
   */
  private async escalateRow(row: AppealSummary): Promise<void> {
    const { data: appeal } = await this.api.GET('/api/v1/staff/appeals/{idOrNumber}', { params: { path: { idOrNumber: row.id } } });
    if (!appeal?.allowedStaffActions.includes('escalate')) {
      this.announcement.set(this.t('keys.cannotEscalate', { number: this.ref(row) }));
      return;
    }
    const result = await firstValueFrom(
      this.dialog
        .open<unknown, ActionDialogData, ActionDialogResult>(ACTION_DIALOGS.escalate, { data: { appeal, action: 'escalate' }, width: '560px', restoreFocus: true })
        .afterClosed(),
    );
    if (!result) return;
    this.announcement.set(this.t(result.outcome === 'done' ? 'keys.escalated' : 'keys.cannotEscalate', { number: this.ref(row) }));
    await this.store.load();
    this.views.soon();
  }

  protected page(event: PageEvent): void {
    if (event.pageSize !== this.filters().limit) this.store.update({ limit: event.pageSize });
    else if (event.pageIndex > (event.previousPageIndex ?? 0)) this.store.nextPage();
    else if (event.pageIndex < (event.previousPageIndex ?? 0)) this.store.previousPage();
  }

  protected reload(): void {
    void this.store.load();
    this.views.soon();
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

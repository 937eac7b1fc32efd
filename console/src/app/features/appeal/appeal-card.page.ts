import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatMenuModule } from '@angular/material/menu';
import { Router, RouterLink } from '@angular/router';
import type { Schemas } from '@otklik/shared/api/client';
import { AppealStatus } from '@otklik/shared/domain';
import { API } from '../../core/api/api-client';
import { Notifier } from '../../core/api/notifier';
import { CatalogService } from '../../core/catalog/catalog.service';
import { I18n } from '../../core/i18n/i18n.service';
import { NotificationCenter } from '../../core/notifications/notification-center';
import { QueueTrail } from '../../core/queue/queue-trail';
import { DueDate } from '../../ui/due-date';
import { PresenceMarker } from '../../ui/presence-marker';
import { StatusChip } from '../../ui/status-chip';
import { ACTION_DIALOGS, ACTION_DONE, isDialogAction } from './action-dialogs/action-dialogs';
import type { ActionDialogData, ActionDialogResult, DialogAction } from './action-dialogs/staff-action-sender';
import { AppealFiles, saveBlob } from './appeal-files';
import { cardPresence } from './card-presence';
import { PresenceBoard, shortName } from '../../core/presence/presence-board';
import { AnswerForm } from './answer-form';
import { RevealContactDialog } from './action-dialogs/reveal-contact-dialog';
import { AnswerDraftPanel } from './answer-draft-panel';
import { AppealNotifications } from './appeal-notifications';
import { MessageThread } from './message-thread';
import { DuplicateCandidates } from './duplicate-candidates';
import { RelatedAppeals } from './related-appeals';
import { SlaTimeline } from './sla-timeline';
import { StatusHistory } from './status-history';

type Appeal = Schemas['AppealDto'];
type Message = Schemas['MessageDto'];
type LoadState = 'loading' | 'ready' | 'notFound' | 'failed';
type StaffAction = Schemas['StaffAction'];
type AnswerDraft = Schemas['AnswerDraftDto'];
type Macro = Schemas['AppealMacroDto'];

/** Actions that need nothing but a click; the answer has its form on the card, the rest a dialog. */
const ONE_CLICK = ['take', 'send-for-approval', 'approve', 'approve-proposal', 'reopen'] as const satisfies readonly StaffAction[];
type OneClickAction = (typeof ONE_CLICK)[number];
const isOneClick = (action: StaffAction): action is OneClickAction => (ONE_CLICK as readonly StaffAction[]).includes(action);

/** Statuses in which the thread no longer takes messages (the API answers 409). */
const CLOSED_THREAD: readonly string[] = [AppealStatus.Draft, AppealStatus.Closed, AppealStatus.Withdrawn];

/** The appeal card for staff: everything about one appeal, its history and its thread. */
@Component({
  selector: 'ok-appeal-card-page',
  imports: [RouterLink, MatButtonModule, MatMenuModule, StatusChip, PresenceMarker, DueDate, StatusHistory, MessageThread, AnswerForm, AnswerDraftPanel, AppealFiles, AppealNotifications, RelatedAppeals, SlaTimeline, DuplicateCandidates],
  templateUrl: './appeal-card.page.html',
  styleUrl: './appeal-card.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(focusin)': 'editorFocus($event.target)', '(focusout)': 'editorFocus($event.relatedTarget)', '(document:keydown)': 'shortcut($event)' },
})
export class AppealCardPage {
  private readonly api = inject(API);
  private readonly catalog = inject(CatalogService);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  private readonly trail = inject(QueueTrail);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  /** From the route: a UUID or the human number. */
  readonly idOrNumber = input.required<string>();

  protected readonly appeal = signal<Appeal | null>(null);
  /** The answer's revisions sent for approval, newest first. */
  protected readonly drafts = signal<readonly AnswerDraft[]>([]);
  /** The newest revision when the supervisor returned it: the form starts from it. */
  protected readonly returnedDraft = computed(() => {
    const [latest] = this.drafts();
    return latest?.state === 'returned' ? latest : null;
  });
  private readonly answerForm = viewChild(AnswerForm);
  protected readonly state = signal<LoadState>('loading');
  protected readonly ref = computed(() => {
    const appeal = this.appeal();
    return appeal ? (appeal.number !== null ? String(appeal.number) : appeal.id) : this.idOrNumber();
  });
  protected readonly category = computed(() => this.catalog.category(this.appeal()?.categoryId));
  protected readonly subcategory = computed(() => this.catalog.category(this.appeal()?.subcategoryId));
  protected readonly threadClosed = computed(() => CLOSED_THREAD.includes(this.appeal()?.status ?? ''));
  /** The unmasked contacts after a logged reveal, for this appeal only (never kept beyond the card). */
  protected readonly revealed = signal<{ appealId: string; contact: Schemas['ContactViewDto'] } | null>(null);
  protected readonly contactRevealed = computed(() => {
    const revealed = this.revealed();
    return !!revealed && revealed.appealId === this.appeal()?.id;
  });
  protected readonly contact = computed(() => {
    const revealed = this.revealed();
    const contact = revealed && revealed.appealId === this.appeal()?.id ? revealed.contact : this.appeal()?.contact;
    if (!contact) return [];
    return (
      [
        ['appeal.phone', contact.phone],
        ['appeal.email', contact.email],
        ['appeal.address', contact.address],
      ] as const
    ).filter((entry): entry is readonly ['appeal.phone' | 'appeal.email' | 'appeal.address', string] => !!entry[1]);
  });
  /** Extra fields named by the category's JSON Schema titles where it has them. */
  protected readonly extraFields = computed(() => {
    const appeal = this.appeal();
    if (!appeal) return [];
    const schemas = [this.subcategory()?.extraFieldsSchema, this.category()?.extraFieldsSchema];
    return Object.entries(appeal.extraFields ?? {}).map(([key, value]) => ({
      key,
      label: fieldTitle(schemas, key) ?? key,
      value: this.formatValue(value),
    }));
  });

  /** Only what the API says is allowed now (the shared state machine decides). */
  protected readonly oneClickActions = computed(() => (this.appeal()?.allowedStaffActions ?? []).filter(isOneClick));
  protected readonly dialogActions = computed(() => (this.appeal()?.allowedStaffActions ?? []).filter(isDialogAction));
  protected readonly canAnswer = computed(() => (this.appeal()?.allowedStaffActions ?? []).includes('answer'));
  protected readonly acting = signal(false);
  protected readonly actionError = signal<string | null>(null);
  /** The last action moved the appeal to another department: a "not found" now means exactly that. */
  protected readonly redirected = signal(false);

  protected async act(action: StaffAction): Promise<void> {
    const appeal = this.appeal();
    if (!appeal || this.acting()) return;
    this.acting.set(true);
    this.actionError.set(null);
    try {
      // The sign-off is of an answer: the one in the form goes with it as its draft.
      const form = this.answerForm();
      // (Sent, the form says `answered` and the card reloads.)
      if (action === 'send-for-approval' && form) {
        await form.sendForApproval();
        return;
      }
      const { error } = await this.api.POST('/api/v1/staff/appeals/{idOrNumber}/actions/{action}', {
        params: { path: { idOrNumber: appeal.id, action: action as Schemas['StaffRouteAction'] } },
        body: { expectedVersion: appeal.version },
      });
      if (error) this.actionError.set(this.refusal(error) ?? String(action));
      await this.load(this.idOrNumber());
    } finally {
      this.acting.set(false);
    }
  }

  /** The macros the appeal's department may use (loaded with the card). */
  protected readonly macros = signal<readonly Macro[]>([]);

  /**
   * One click: the macro's steps and note in one transaction (the API refuses the whole macro
   * when a step does not fit the status), then on to the next appeal of the queue view.
   */
  protected async applyMacro(macro: Macro): Promise<void> {
    const appeal = this.appeal();
    if (!appeal || this.acting()) return;
    this.acting.set(true);
    this.actionError.set(null);
    try {
      const { data, error } = await this.api.POST('/api/v1/staff/appeals/{idOrNumber}/macros/{macroId}/apply', {
        params: { path: { idOrNumber: appeal.id, macroId: macro.id }, header: { 'Idempotency-Key': crypto.randomUUID() } },
        body: { expectedVersion: appeal.version },
      });
      if (!data) {
        this.actionError.set(this.refusal(error) ?? macro.title);
        await this.load(this.idOrNumber());
        return;
      }
      const next = this.trail.after(appeal.id) ?? (appeal.number !== null ? this.trail.after(String(appeal.number)) : null);
      this.notifier.info(next ? 'macros.applied' : 'macros.appliedLast', { title: macro.title });
      if (next) await this.router.navigate(['/appeals', next.ref]);
      else await this.router.navigate(['/queue'], { queryParams: this.trail.viewQuery() });
    } finally {
      this.acting.set(false);
    }
  }

  protected openDialog(action: DialogAction): void {
    const appeal = this.appeal();
    if (!appeal) return;
    this.actionError.set(null);
    this.dialog
      .open<unknown, ActionDialogData, ActionDialogResult>(ACTION_DIALOGS[action], { data: { appeal, action }, width: '560px' })
      .afterClosed()
      .subscribe((result) => void this.dialogClosed(action, result));
  }

  protected revealContact(): void {
    const appeal = this.appeal();
    if (!appeal) return;
    this.dialog
      .open<RevealContactDialog, { appealId: string }, Schemas['ContactViewDto']>(RevealContactDialog, { data: { appealId: appeal.id }, width: '480px' })
      .afterClosed()
      .subscribe((contact) => {
        if (!contact) return;
        this.revealed.set({ appealId: appeal.id, contact });
        this.notifier.info('reveal.shown');
      });
  }

  /** Done or refused with a 409: either way the card shows the appeal as it is now. */
  private async dialogClosed(action: DialogAction, result: ActionDialogResult | undefined): Promise<void> {
    if (!result) return;
    if (result.outcome === 'conflict') this.actionError.set(result.title);
    this.redirected.set(result.outcome === 'done' && action === 'redirect');
    await this.load(this.idOrNumber());
    if (result.outcome === 'done' && this.state() === 'ready') this.notifier.info(ACTION_DONE[action]);
  }

  /** Moves when a duplicate was linked to this appeal: the related appeals load anew. */
  protected readonly linksChanged = signal(0);
  protected readonly marking = signal(false);

  /**
   * «Печать ответа»: the signed PDF in a new tab, to print and post. The tab opens at the click
   * (a tab opened after the download would be a blocked pop-up) and shows the PDF once it is here.
   */
  protected async printAnswer(): Promise<void> {
    const appeal = this.appeal();
    if (!appeal) return;
    const tab = window.open('', '_blank');
    const { data } = await this.api.GET('/api/v1/appeals/{idOrNumber}/answer', {
      params: { path: { idOrNumber: appeal.id }, query: { format: 'pdf' } },
      parseAs: 'blob',
    });
    if (!data) {
      tab?.close();
      return;
    }
    const url = URL.createObjectURL(new Blob([data], { type: 'application/pdf' }));
    if (tab) tab.location.href = url;
    else saveBlob(data, `answer-${appeal.number ?? appeal.id}.pdf`);
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  /** «Распечатано»: recorded (who, when) by the API; the appeal leaves the to-print list. */
  protected async markPrinted(): Promise<void> {
    const appeal = this.appeal();
    if (!appeal || this.marking()) return;
    this.marking.set(true);
    try {
      const { data } = await this.api.POST('/api/v1/staff/appeals/{idOrNumber}/answer-printed', { params: { path: { idOrNumber: appeal.id } } });
      if (data) this.notifier.info('postal.marked');
      await this.load(this.idOrNumber());
    } finally {
      this.marking.set(false);
    }
  }

  /** The signed answer document in each format the API signs (JWS, XMLDSig, PDF). */
  protected readonly signedFormats = ['pdf', 'xml', 'json'] as const;

  protected async downloadSignedAnswer(format: 'pdf' | 'xml' | 'json'): Promise<void> {
    const appeal = this.appeal();
    if (!appeal) return;
    const { data } = await this.api.GET('/api/v1/appeals/{idOrNumber}/answer', {
      params: { path: { idOrNumber: appeal.id }, query: { format } },
      parseAs: 'blob',
    });
    if (data) saveBlob(data, `answer-${appeal.number ?? appeal.id}.${format}`);
  }

  /** Why the API refused: a refused transition names the status in the console's words, not the API's code. */
  private refusal(error: unknown): string | null {
    const problem = error as { title?: string; code?: string; currentStatus?: string } | undefined;
    if (problem?.code === 'invalid_transition' && problem.currentStatus) return this.t('appeal.action.invalidTransition', { status: this.i18n.status(problem.currentStatus) });
    return problem?.title ?? null;
  }

  /** The route guard: typed answer text that was not sent is not left behind without a question. */
  canLeave(): boolean {
    return !this.answerForm()?.unsent() || window.confirm(this.t('answer.leaveConfirm'));
  }

  private loadSeq = 0;

  private readonly presence = inject(PresenceBoard);
  /** An editor of the answer or of the thread has focus or text. */
  private readonly editing = signal(false);
  /** «Сейчас здесь»: the colleagues on this card now, live. */
  protected readonly here = computed(() => {
    const appeal = this.appeal();
    return appeal ? this.presence.others(appeal.id) : [];
  });
  protected readonly hereText = computed(() =>
    this.here()
      .map((p) => (p.activity === 'replying' ? this.t('presence.hereReplying', { name: shortName(p.name) }) : shortName(p.name)))
      .join(', '),
  );

  private readonly host = inject(ElementRef<HTMLElement>);

  /** Focus moved (to `target`): replying while an editor has the focus or any of them holds text. */
  /**
   * The card's key, as on the queue: e escalates (its dialog, when the appeal may be escalated).
   * Not while typing, with a dialog or menu open, or with Ctrl, Alt or Meta.
   */
  protected shortcut(event: KeyboardEvent): void {
    if (event.key !== 'e' || event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable="true"], mat-select, .cdk-overlay-container')) return;
    if (this.dialog.openDialogs.length > 0 || !this.appeal()?.allowedStaffActions.includes('escalate')) return;
    event.preventDefault();
    this.openDialog('escalate');
  }

  protected editorFocus(target: EventTarget | null): void {
    const editors = 'ok-answer-form textarea, ok-message-thread textarea';
    const focused = target instanceof HTMLElement && target.matches(editors);
    const typed = [...(this.host.nativeElement as HTMLElement).querySelectorAll<HTMLTextAreaElement>(editors)].some((e) => e.value.trim() !== '');
    this.editing.set(focused || typed);
  }

  constructor() {
    void this.catalog.load();
    // Live: whatever the stream tells this staff member about the open appeal (a citizen's reply,
    // a decision on the answer, a status change) shows on the card without a reload.
    const stop = inject(NotificationCenter).onArrival((item) => {
      const appeal = this.appeal();
      if (appeal && item.appealId === appeal.id) void this.load(this.idOrNumber());
    });
    inject(DestroyRef).onDestroy(stop);
    cardPresence(
      computed(() => this.appeal()?.id ?? null),
      computed(() => this.editing() || !!this.answerForm()?.unsent()),
    );
    effect(() => {
      const id = this.idOrNumber();
      untracked(() => {
        this.redirected.set(false);
        void this.load(id);
      });
    });
  }

  protected reload(): void {
    void this.load(this.idOrNumber());
  }

  protected messagePosted(message: Message): void {
    this.appeal.update((appeal) => (appeal ? { ...appeal, messages: [...appeal.messages, message] } : appeal));
  }

  private async load(idOrNumber: string): Promise<void> {
    const seq = ++this.loadSeq;
    this.state.set('loading');
    try {
      const { data, response } = await this.api.GET('/api/v1/staff/appeals/{idOrNumber}', { params: { path: { idOrNumber } } });
      if (seq !== this.loadSeq) return;
      const drafts = data ? (await this.api.GET('/api/v1/staff/appeals/{idOrNumber}/answer-drafts', { params: { path: { idOrNumber: data.id } } })).data : [];
      if (seq !== this.loadSeq) return;
      const macros = data ? (await this.api.GET('/api/v1/staff/appeals/{idOrNumber}/macros', { params: { path: { idOrNumber: data.id } } })).data : [];
      if (seq !== this.loadSeq) return;
      this.drafts.set(drafts ?? []);
      this.macros.set(macros ?? []);
      this.appeal.set(data ?? null);
      this.state.set(data ? 'ready' : response.status === 404 || response.status === 403 ? 'notFound' : 'failed');
    } catch {
      if (seq === this.loadSeq) this.state.set('failed');
    }
  }

  private formatValue(value: unknown): string {
    if (value === null || value === undefined || value === '') return this.t('common.none');
    if (typeof value === 'boolean') return this.t(value ? 'common.yes' : 'common.no');
    if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}T/.test(value) ? `${this.i18n.dateTime(value)} ${this.t('common.msk')}` : value;
    if (typeof value === 'number') return String(value);
    return JSON.stringify(value);
  }
}

function fieldTitle(schemas: ReadonlyArray<Record<string, unknown> | null | undefined>, key: string): string | undefined {
  for (const schema of schemas) {
    const properties = schema?.['properties'] as Record<string, { title?: unknown }> | undefined;
    const title = properties?.[key]?.title;
    if (typeof title === 'string') return title;
  }
  return undefined;
}

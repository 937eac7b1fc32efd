import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, effect, inject, input, output, signal, untracked, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../core/api/api-client';
import { Notifier } from '../../core/api/notifier';
import { asProblem } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';
import { AnswerAttachments } from './answer-attachments';
import { putFieldErrors } from './form-errors';

type AnswerResult = Schemas['AnswerResult'];
type Template = Schemas['AnswerTemplateViewDto'];
type AnswerDraft = Schemas['AnswerDraftDto'];
type Snippet = Schemas['SnippetViewDto'];

/** What the browser keeps of an answer being typed, per appeal, until it is sent. */
interface LocalDraft {
  result: AnswerResult | '';
  resultCode: number | null;
  text: string;
  reason: string;
  executorPhone: string;
  carried: string[];
}

export const localDraftKey = (appealId: string) => `otklik.answer-draft.${appealId}`;

export const ANSWER_RESULTS: readonly AnswerResult[] = ['done', 'refused', 'clarification_needed'];
const TEXT_MAX = 20000;
const REASON_MAX = 5000;
/** Fields the form shows; a server error on any other field is listed under the form. */
type Field = 'result' | 'resultCode' | 'text' | 'reason' | 'executorPhone';

/**
 * The operator's answer: a result, the classifier code, the explanation (a template may fill it,
 * with this appeal's placeholders already substituted by the API), for a refusal the reason, and
 * files uploaded beforehand (sending waits until each has been uploaded or refused).
 * The API signs it and moves the appeal; the card reloads on `answered`.
 */
@Component({
  selector: 'ok-answer-form',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, AnswerAttachments],
  template: `
    <form class="answer-form" [formGroup]="form" (ngSubmit)="submit()" novalidate [attr.aria-label]="t('answer.heading')">
      @if (templates().length) {
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('answer.template') }}</mat-label>
          <mat-select (selectionChange)="useTemplate($event.value)" data-testid="answer-template">
            @for (template of templates(); track template.id) {
              <mat-option [value]="template">{{ template.title }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }

      <mat-form-field appearance="outline">
        <mat-label>{{ t('answer.result') }}</mat-label>
        <mat-select formControlName="result" data-testid="answer-result">
          @for (result of results; track result) {
            <mat-option [value]="result">{{ i18n.answerResult(result) }}</mat-option>
          }
        </mat-select>
        @if (error('result'); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>

      <mat-form-field appearance="outline">
        <mat-label>{{ t('answer.resultCode') }}</mat-label>
        <input matInput type="number" min="0" max="9999" formControlName="resultCode" data-testid="answer-result-code" />
        @if (error('resultCode'); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>

      @if (snippets().length) {
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('answer.snippet') }}</mat-label>
          <mat-select #snippetSelect (selectionChange)="insertSnippet($event.value); snippetSelect.value = null" data-testid="answer-snippet">
            @for (snippet of snippets(); track snippet.id) {
              <mat-option [value]="snippet">{{ snippet.title }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }

      <mat-form-field appearance="outline">
        <mat-label>{{ t('answer.text') }}</mat-label>
        <textarea #answerText matInput rows="6" formControlName="text" [maxlength]="textMax" data-testid="answer-text"></textarea>
        @if (error('text'); as message) {
          <mat-error data-testid="answer-text-error">{{ message }}</mat-error>
        }
      </mat-form-field>

      @if (result() === 'refused') {
        <mat-form-field appearance="outline">
          <mat-label>{{ t('answer.reason') }}</mat-label>
          <textarea matInput rows="3" formControlName="reason" [maxlength]="reasonMax" data-testid="answer-reason"></textarea>
          @if (error('reason'); as message) {
            <mat-error data-testid="answer-reason-error">{{ message }}</mat-error>
          }
        </mat-form-field>
      }

      <mat-form-field appearance="outline">
        <mat-label>{{ t('answer.executorPhone') }}</mat-label>
        <input matInput type="tel" formControlName="executorPhone" maxlength="40" />
        @if (error('executorPhone'); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>

      <ok-answer-attachments #files [appealId]="appealId()" />
      @if (carried().length) {
        <p class="muted" data-testid="answer-carried-files">{{ t('answer.carriedFiles', { count: carried().length }) }}</p>
      }

      @for (message of otherErrors(); track message) {
        <p class="error-text" role="alert">{{ message }}</p>
      }
      <button mat-flat-button type="submit" [disabled]="sending() || files.uploading()" data-testid="answer-submit">
        {{ sending() ? t('answer.sending') : files.uploading() ? t('answer.files.wait') : t('answer.submit') }}
      </button>
    </form>
  `,
  styles: `
    .answer-form { display: flex; flex-direction: column; gap: 4px; }
    mat-form-field { width: 100%; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AnswerForm {
  private readonly api = inject(API);
  private readonly notifier = inject(Notifier);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  readonly appealId = input.required<string>();
  /** The version the operator sees: answering a changed appeal is a 409, not a silent overwrite. */
  readonly version = input.required<number>();
  /** The latest revision the supervisor returned: the form starts from it unless the browser kept newer text. */
  readonly returned = input<AnswerDraft | null>(null);
  readonly answered = output<void>();

  protected readonly results = ANSWER_RESULTS;
  protected readonly textMax = TEXT_MAX;
  protected readonly reasonMax = REASON_MAX;
  protected readonly form = inject(NonNullableFormBuilder).group({
    result: ['' as AnswerResult | '', Validators.required],
    resultCode: [null as number | null, [Validators.required, Validators.min(0), Validators.max(9999)]],
    text: ['', [Validators.required, Validators.maxLength(TEXT_MAX)]],
    reason: ['', Validators.maxLength(REASON_MAX)],
    executorPhone: ['', Validators.maxLength(40)],
  });
  protected readonly result = toSignal(this.form.controls.result.valueChanges, { initialValue: this.form.controls.result.value });
  protected readonly templates = signal<readonly Template[]>([]);
  /** Pieces of text the department may use, inserted where the cursor is (beside whole-answer templates). */
  protected readonly snippets = signal<readonly Snippet[]>([]);
  private readonly answerText = viewChild<ElementRef<HTMLTextAreaElement>>('answerText');
  protected readonly sending = signal(false);
  protected readonly otherErrors = signal<readonly string[]>([]);
  private readonly files = viewChild.required(AnswerAttachments);
  /** Uploads of a returned revision that go out again with this answer. */
  protected readonly carried = signal<readonly string[]>([]);
  /** Text typed and not yet sent (the card asks before it is left). */
  readonly unsent = signal(false);
  private appliedDraftId: string | null = null;

  constructor() {
    effect(() => {
      const id = this.appealId();
      untracked(() => {
        void this.loadTemplates(id);
        void this.loadSnippets(id);
        this.restoreLocal(id);
      });
    });
    effect(() => {
      const draft = this.returned();
      untracked(() => this.startFrom(draft));
    });
    const changes = this.form.valueChanges.subscribe(() => this.keepLocal());
    inject(DestroyRef).onDestroy(() => changes.unsubscribe());
  }

  /** Sends the form as the draft answer for the supervisor's sign-off; false when the form is not ready. */
  async sendForApproval(): Promise<boolean> {
    const body = this.validBody();
    if (!body) return false;
    this.sending.set(true);
    try {
      const { data, error } = await this.api.POST('/api/v1/staff/appeals/{idOrNumber}/actions/{action}', {
        params: { path: { idOrNumber: this.appealId(), action: 'send-for-approval' } },
        body: { draft: body, expectedVersion: this.version() },
      });
      if (data) {
        this.sent();
        this.notifier.info('answer.sentForApproval');
        this.answered.emit();
        return true;
      }
      this.otherErrors.set(putFieldErrors(this.form, asProblem(error), 'draft.'));
    } catch {
      // The problem middleware has already said that the server could not be reached.
    } finally {
      this.sending.set(false);
    }
    return false;
  }

  /** The form's answer when it is complete, else null with the fields marked. */
  private validBody(): Schemas['AnswerDraftInputDto'] | null {
    this.otherErrors.set([]);
    const { result, resultCode, text, reason, executorPhone } = this.form.getRawValue();
    if (text.trim() === '') this.form.controls.text.setValue('');
    if (result === 'refused' && reason.trim() === '') this.form.controls.reason.setErrors({ required: true });
    if (this.files().uploading()) return null;
    if (this.form.invalid || result === '' || resultCode === null) {
      this.form.markAllAsTouched();
      return null;
    }
    return {
      result,
      resultCode,
      text,
      reason: result === 'refused' ? reason : undefined,
      executorPhone: executorPhone.trim() || undefined,
      attachmentIds: [...this.carried(), ...this.files().attachmentIds()],
    };
  }

  /** Sent: nothing is left to keep or to warn about. */
  private sent(): void {
    localStorage.removeItem(localDraftKey(this.appealId()));
    this.form.reset();
    this.carried.set([]);
    this.files().clear();
    this.unsent.set(false);
    // The next returned revision is where the form starts again.
    this.appliedDraftId = null;
  }

  private keepLocal(): void {
    const { result, resultCode, text, reason, executorPhone } = this.form.getRawValue();
    const typed = text.trim() !== '' || reason.trim() !== '';
    this.unsent.set(typed && this.form.dirty);
    if (!this.form.dirty) return;
    try {
      if (!typed && result === '' && resultCode === null) localStorage.removeItem(localDraftKey(this.appealId()));
      else localStorage.setItem(localDraftKey(this.appealId()), JSON.stringify({ result, resultCode, text, reason, executorPhone, carried: [...this.carried()] } satisfies LocalDraft));
    } catch {
      // Storage full or disabled: the text is still in the form.
    }
  }

  private restoreLocal(appealId: string): void {
    let kept: LocalDraft | null;
    try {
      kept = JSON.parse(localStorage.getItem(localDraftKey(appealId)) ?? 'null') as LocalDraft | null;
    } catch {
      kept = null;
    }
    if (!kept || typeof kept.text !== 'string') return;
    this.form.patchValue({ result: kept.result, resultCode: kept.resultCode, text: kept.text, reason: kept.reason ?? '', executorPhone: kept.executorPhone ?? '' });
    this.carried.set(Array.isArray(kept.carried) ? kept.carried : []);
    this.form.markAsDirty();
    this.unsent.set(kept.text.trim() !== '');
    // Whatever the supervisor returned is older than what this browser kept.
    this.appliedDraftId = 'local';
    this.notifier.info('answer.localDraftRestored');
  }

  private startFrom(draft: AnswerDraft | null): void {
    if (!draft || this.appliedDraftId !== null || this.form.dirty) return;
    this.appliedDraftId = draft.id;
    this.form.patchValue({ result: draft.result, resultCode: draft.resultCode, text: draft.text, reason: draft.reason ?? '', executorPhone: draft.executorPhone ?? '' });
    this.carried.set(draft.attachmentIds);
  }

  /** The message under a field: the API's words first, then the form's own checks. */
  protected error(field: Field): string | null {
    const control = this.form.controls[field];
    if (!control.touched && !control.hasError('server')) return null;
    if (control.hasError('server')) return control.getError('server') as string;
    if (control.hasError('required')) return this.t('answer.required');
    if (control.hasError('min') || control.hasError('max')) return this.t('answer.codeRange');
    if (control.hasError('maxlength')) return this.t('answer.tooLong');
    return null;
  }

  /** The snippet's text at the cursor (replacing a selection), the cursor after it. */
  protected insertSnippet(snippet: Snippet | null): void {
    if (!snippet) return;
    const control = this.form.controls.text;
    const area = this.answerText()?.nativeElement;
    const text = control.value;
    const start = area?.selectionStart ?? text.length;
    const end = area?.selectionEnd ?? start;
    control.setValue(text.slice(0, start) + snippet.text + text.slice(end));
    control.markAsDirty();
    this.keepLocal();
    const caret = start + snippet.text.length;
    if (area) {
      area.focus();
      area.setSelectionRange(caret, caret);
    }
  }

  protected useTemplate(template: Template): void {
    this.form.patchValue({ text: template.text, ...(template.result ? { result: template.result } : {}) });
  }

  protected async submit(): Promise<void> {
    const body = this.validBody();
    if (!body) return;
    this.sending.set(true);
    try {
      const { data, error } = await this.api.POST('/api/v1/staff/appeals/{idOrNumber}/answer', {
        params: { path: { idOrNumber: this.appealId() } },
        body: { ...body, expectedVersion: this.version() },
      });
      if (data) {
        this.sent();
        this.notifier.info('answer.sent');
        this.answered.emit();
        return;
      }
      this.otherErrors.set(putFieldErrors(this.form, asProblem(error)));
    } catch {
      // The problem middleware has already said that the server could not be reached.
    } finally {
      this.sending.set(false);
    }
  }

  private async loadSnippets(id: string): Promise<void> {
    try {
      const { data } = await this.api.GET('/api/v1/staff/appeals/{idOrNumber}/snippets', { params: { path: { idOrNumber: id } } });
      this.snippets.set(data ?? []);
    } catch {
      this.snippets.set([]);
    }
  }

  private async loadTemplates(id: string): Promise<void> {
    try {
      const { data } = await this.api.GET('/api/v1/staff/appeals/{idOrNumber}/answer-templates', { params: { path: { idOrNumber: id } } });
      this.templates.set(data ?? []);
    } catch {
      this.templates.set([]);
    }
  }
}

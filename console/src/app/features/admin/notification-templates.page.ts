import { ChangeDetectionStrategy, Component, computed, DestroyRef, ElementRef, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { DomSanitizer, type SafeHtml } from '@angular/platform-browser';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../core/api/api-client';
import { Notifier } from '../../core/api/notifier';
import { asProblem, type Problem } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';
import { putFieldErrors } from '../appeal/form-errors';

type Template = Schemas['NotificationTemplateDto'];
type Preview = Schemas['NotificationTemplatePreviewDto'];
type Channel = Template['channel'];
type Lang = Template['locale'];

const CHANNELS: readonly Channel[] = ['email', 'sms', 'push', 'in_app'];
const PREVIEW_DELAY_MS = 350;

/**
 * Notification templates (admins): every notice kind × channel in the language chosen, marked
 * where an admin's text replaces the built-in one; the editor lists the placeholders the kind
 * gives on that channel and previews the draft live with sample facts (the API checks it as a save
 * would: an unknown placeholder or an SMS over two segments is shown in place of the preview).
 */
@Component({
  selector: 'ok-notification-templates-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatButtonToggleModule, MatFormFieldModule, MatInputModule],
  template: `
    <section class="page">
      <h1 class="page-title">{{ t('noticeTemplates.heading') }}</h1>
      <p class="muted">{{ t('noticeTemplates.intro') }}</p>
      <mat-button-toggle-group [value]="lang()" (change)="lang.set($event.value)" [attr.aria-label]="t('noticeTemplates.language')" data-testid="template-lang">
        <mat-button-toggle value="ru">{{ t('noticeTemplates.lang.ru') }}</mat-button-toggle>
        <mat-button-toggle value="en">{{ t('noticeTemplates.lang.en') }}</mat-button-toggle>
      </mat-button-toggle-group>

      @if (failed()) {
        <p class="error-text" role="alert">{{ t('noticeTemplates.loadFailed') }}</p>
      }
      <div class="panel table-wrap" role="region" tabindex="0" [attr.aria-label]="t('noticeTemplates.table')">
        <table class="kinds">
          <caption class="visually-hidden">{{ t('noticeTemplates.table') }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ t('noticeTemplates.kind') }}</th>
              @for (c of channels; track c) {
                <th scope="col">{{ channelLabel(c) }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (kind of kinds(); track kind) {
              <tr [attr.data-kind]="kind">
                <th scope="row">{{ kindLabel(kind) }}</th>
                @for (c of channels; track c) {
                  @let cell = find(kind, c, lang());
                  <td>
                    @if (cell) {
                      <button mat-button type="button" [class.changed]="!!cell.override" [attr.data-cell]="kind + '/' + c"
                        [attr.aria-label]="t('noticeTemplates.editCell', { state: cellState(cell), kind: kindLabel(kind), channel: channelLabel(c) })"
                        [attr.aria-pressed]="isOpen(cell)" (click)="open(cell)">
                        {{ cellState(cell) }}
                      </button>
                    }
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>

      @if (editing(); as e) {
        <section class="panel editor" aria-labelledby="template-editor-heading" data-testid="template-editor">
          <h2 id="template-editor-heading" class="section-title">
            {{ t('noticeTemplates.editorHeading', { kind: kindLabel(e.kind), channel: channelLabel(e.channel), lang: langLabel(e.locale) }) }}
          </h2>
          <p class="muted">{{ e.override ? t('noticeTemplates.overridden', { version: e.override.version }) : t('noticeTemplates.usingBuiltIn') }}</p>
          <div class="columns">
            <form [formGroup]="form" (ngSubmit)="save()" novalidate class="fields" [attr.aria-label]="t('noticeTemplates.form')">
              @if (e.hasSubject) {
                <mat-form-field appearance="outline">
                  <mat-label>{{ t(e.channel === 'email' ? 'noticeTemplates.subject' : 'noticeTemplates.title') }}</mat-label>
                  <input matInput formControlName="subject" maxlength="300" data-testid="template-subject" (input)="changed()" />
                  @if (error('subject'); as message) {
                    <mat-error>{{ message }}</mat-error>
                  }
                </mat-form-field>
              }
              <mat-form-field appearance="outline">
                <mat-label>{{ t('noticeTemplates.body') }}</mat-label>
                <textarea #bodyField matInput rows="7" formControlName="body" maxlength="4000" data-testid="template-body" (input)="changed()"></textarea>
                @if (error('body'); as message) {
                  <mat-error>{{ message }}</mat-error>
                }
              </mat-form-field>
              <div class="placeholders">
                <h3 class="sub-title" id="placeholders-heading">{{ t('noticeTemplates.placeholders') }}</h3>
                <ul aria-labelledby="placeholders-heading">
                  @for (p of e.placeholders; track p) {
                    <li>
                      <button mat-stroked-button type="button" [attr.aria-label]="t('noticeTemplates.insert', { name: token(p) })" (click)="insert(p)">{{ token(p) }}</button>
                      <span class="muted">{{ placeholderLabel(p) }}</span>
                    </li>
                  }
                </ul>
              </div>
              @for (message of otherErrors(); track message) {
                <p class="error-text" role="alert">{{ message }}</p>
              }
              <div class="buttons">
                <button mat-button type="button" (click)="startFromBuiltIn()">{{ t('noticeTemplates.fromBuiltIn') }}</button>
                @if (e.override) {
                  <button mat-stroked-button type="button" [disabled]="busy()" (click)="reset()" data-testid="template-reset">{{ t('noticeTemplates.reset') }}</button>
                }
                <button mat-button type="button" (click)="close()">{{ t('actionDialog.cancel') }}</button>
                <button mat-flat-button type="submit" [disabled]="busy()" data-testid="template-save">{{ t('noticeTemplates.save') }}</button>
              </div>
            </form>

            <section class="preview" aria-labelledby="template-preview-heading" aria-live="polite" data-testid="template-preview">
              <h3 id="template-preview-heading" class="sub-title">{{ t('noticeTemplates.preview') }}</h3>
              <p class="muted">{{ t('noticeTemplates.previewHint') }}</p>
              @if (previewProblem(); as problem) {
                <p class="error-text" role="alert" data-testid="template-preview-error">{{ problem }}</p>
              } @else if (preview(); as p) {
                @if (p.subject !== null) {
                  <p class="preview-subject"><strong>{{ t(e.channel === 'email' ? 'noticeTemplates.subject' : 'noticeTemplates.title') }}:</strong> <span data-testid="template-preview-subject">{{ p.subject }}</span></p>
                }
                @if (previewHtml(); as html) {
                  <iframe class="mail" sandbox="" [srcdoc]="html" [title]="t('noticeTemplates.mailFrame')"></iframe>
                } @else {
                  <pre class="preview-text" data-testid="template-preview-text">{{ p.text }}</pre>
                }
                @if (p.sms; as sms) {
                  <p data-testid="template-sms-size">{{ t('noticeTemplates.smsSize', { segments: sms.segments, max: sms.maxSegments, encoding: sms.encoding, units: sms.units }) }}</p>
                  @if (p.smsUnfitted && p.smsUnfitted.segments > p.smsUnfitted.maxSegments) {
                    <p class="muted">{{ t('noticeTemplates.smsCut', { segments: p.smsUnfitted.segments }) }}</p>
                  }
                }
              }
            </section>
          </div>
        </section>
      }
    </section>
  `,
  styleUrl: './admin-pages.scss',
  styles: `
    .kinds { border-collapse: collapse; width: 100%; }
    .kinds th, .kinds td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
    .kinds tbody th { font-weight: normal; }
    .changed { font-weight: bold; text-decoration: underline; }
    .editor { display: flex; flex-direction: column; gap: 8px; }
    .columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 24px; }
    @media (max-width: 960px) { .columns { grid-template-columns: minmax(0, 1fr); } }
    .fields { display: flex; flex-direction: column; }
    mat-form-field { width: 100%; }
    .placeholders ul { list-style: none; margin: 0 0 12px; padding: 0; display: grid; gap: 4px; }
    .placeholders li { display: flex; align-items: center; gap: 8px; }
    .buttons { display: flex; gap: 8px; justify-content: flex-end; flex-wrap: wrap; }
    .sub-title { font-size: 16px; margin: 8px 0; }
    .preview-text { white-space: pre-wrap; overflow-wrap: anywhere; font-family: inherit; padding: 12px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; }
    .mail { width: 100%; height: 480px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; background: #fff; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationTemplatesPage {
  private readonly api = inject(API);
  private readonly notifier = inject(Notifier);
  private readonly sanitizer = inject(DomSanitizer);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly channels = CHANNELS;

  protected readonly templates = signal<Template[]>([]);
  protected readonly lang = signal<Lang>(this.i18n.lang() === 'en' ? 'en' : 'ru');
  protected readonly editing = signal<Template | null>(null);
  protected readonly preview = signal<Preview | null>(null);
  protected readonly previewProblem = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly failed = signal(false);
  protected readonly otherErrors = signal<readonly string[]>([]);
  protected readonly kinds = computed<Template['kind'][]>(() => [...new Set(this.templates().map((t) => t.kind))]);
  /** The e-mail's HTML part, shown in a sandboxed frame (no scripts, no same origin); the API escaped every value and word. */
  protected readonly previewHtml = computed<SafeHtml | null>(() => {
    const html = this.preview()?.html;
    return html ? this.sanitizer.bypassSecurityTrustHtml(html) : null;
  });
  protected readonly form = inject(NonNullableFormBuilder).group({ subject: [''], body: [''] });
  private readonly bodyField = viewChild<ElementRef<HTMLTextAreaElement>>('bodyField');
  private timer?: ReturnType<typeof setTimeout>;
  private previewRun = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
    void this.load();
  }

  /** What a cell's button says: the visible text starts its accessible name (WCAG 2.5.3). */
  protected cellState(cell: Template): string {
    return cell.override ? this.t('noticeTemplates.changed', { version: cell.override.version }) : this.t('noticeTemplates.builtIn');
  }

  protected token(name: string): string {
    return `{{${name}}}`;
  }

  protected kindLabel(kind: Template['kind']): string {
    return this.t(`kind.${kind}` as const);
  }

  protected channelLabel(channel: Channel): string {
    return this.t(`channel.${channel}` as const);
  }

  protected langLabel(lang: Lang): string {
    return this.t(`noticeTemplates.lang.${lang}` as const);
  }

  protected placeholderLabel(name: Template['placeholders'][number]): string {
    return this.t(`placeholder.${name}` as const);
  }

  protected find(kind: string, channel: Channel, lang: Lang): Template | undefined {
    return this.templates().find((t) => t.kind === kind && t.channel === channel && t.locale === lang);
  }

  protected isOpen(cell: Template): boolean {
    const e = this.editing();
    return !!e && e.kind === cell.kind && e.channel === cell.channel && e.locale === cell.locale;
  }

  protected error(field: 'subject' | 'body'): string | null {
    const control = this.form.controls[field];
    return control.hasError('server') ? (control.getError('server') as string) : null;
  }

  protected open(cell: Template): void {
    this.editing.set(cell);
    this.otherErrors.set([]);
    const text = cell.override ?? cell.builtIn;
    this.form.reset({ subject: text.subject ?? '', body: text.body });
    this.changed(0);
  }

  protected close(): void {
    this.editing.set(null);
    this.preview.set(null);
    this.previewProblem.set(null);
  }

  protected startFromBuiltIn(): void {
    const e = this.editing();
    if (!e) return;
    this.form.reset({ subject: e.builtIn.subject ?? '', body: e.builtIn.body });
    this.changed(0);
  }

  /** Puts {{name}} at the body's cursor (or its end) and previews. */
  protected insert(name: string): void {
    const token = `{{${name}}}`;
    const area = this.bodyField()?.nativeElement;
    const body = this.form.controls.body.value;
    const at = area ? area.selectionStart : body.length;
    const end = area ? area.selectionEnd : body.length;
    this.form.controls.body.setValue(body.slice(0, at) + token + body.slice(end));
    if (area) {
      area.focus();
      area.setSelectionRange(at + token.length, at + token.length);
    }
    this.changed();
  }

  /** The draft changed: previewed after a short pause in typing. */
  protected changed(delay = PREVIEW_DELAY_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.runPreview(), delay);
  }

  protected async save(): Promise<void> {
    const e = this.editing();
    if (!e) return;
    this.busy.set(true);
    try {
      const { subject, body } = this.form.getRawValue();
      const { data, error } = await this.api.PUT('/api/v1/admin/notification-templates/{kind}/{channel}/{lang}', {
        params: { path: { kind: e.kind, channel: e.channel, lang: e.locale } },
        body: { subject: e.hasSubject ? subject : null, body },
      });
      if (!data) {
        this.otherErrors.set(putFieldErrors(this.form, asProblem(error)));
        return;
      }
      this.notifier.info('noticeTemplates.saved');
      this.replace(data);
      this.editing.set(data);
    } finally {
      this.busy.set(false);
    }
  }

  protected async reset(): Promise<void> {
    const e = this.editing();
    if (!e) return;
    this.busy.set(true);
    try {
      const { response } = await this.api.DELETE('/api/v1/admin/notification-templates/{kind}/{channel}/{lang}', { params: { path: { kind: e.kind, channel: e.channel, lang: e.locale } } });
      if (!response.ok) return;
      this.notifier.info('noticeTemplates.resetDone');
      const back = { ...e, override: null };
      this.replace(back);
      this.open(back);
    } finally {
      this.busy.set(false);
    }
  }

  private replace(t: Template): void {
    this.templates.update((all) => all.map((x) => (x.kind === t.kind && x.channel === t.channel && x.locale === t.locale ? t : x)));
  }

  private async runPreview(): Promise<void> {
    const e = this.editing();
    if (!e) return;
    const run = ++this.previewRun;
    const { subject, body } = this.form.getRawValue();
    if (!body.trim()) {
      this.preview.set(null);
      this.previewProblem.set(this.t('noticeTemplates.bodyRequired'));
      return;
    }
    const { data, error } = await this.api.POST('/api/v1/admin/notification-templates/preview', {
      body: { kind: e.kind, channel: e.channel, locale: e.locale, subject: e.hasSubject ? subject : null, body },
    });
    if (run !== this.previewRun) return; // a newer draft is being previewed
    if (data) {
      this.preview.set(data);
      this.previewProblem.set(null);
    } else {
      const problem: Problem | null = asProblem(error);
      this.preview.set(null);
      this.previewProblem.set(problem?.title ?? this.t('noticeTemplates.previewFailed'));
    }
  }

  private async load(): Promise<void> {
    try {
      const { data } = await this.api.GET('/api/v1/admin/notification-templates');
      this.failed.set(!data);
      this.templates.set(data ?? []);
    } catch {
      this.failed.set(true);
    }
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { API } from '../../core/api/api-client';
import { asProblem, problemMessage } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';
import { fileSize } from './appeal-files';

/** What the file picker offers; the API decides by content, so this only narrows the dialog. */
const ACCEPT = '.pdf,.doc,.docx,.jpg,.jpeg,.png,.txt,application/pdf,image/jpeg,image/png,text/plain';

/** One chosen file: on its way, kept by the API (with its id), or refused with the API's reason. */
type AnswerFile =
  | { key: number; name: string; size: number; state: 'uploading' }
  | { key: number; name: string; size: number; state: 'uploaded'; id: string }
  | { key: number; name: string; size: number; state: 'refused'; reason: string };

/**
 * Files for the answer: each chosen file is uploaded at once (the API checks its type by content
 * and the appeal's limits) and listed with its size; a refused one says why beside its name and is
 * never sent. The form reads `attachmentIds` and waits while `uploading`.
 */
@Component({
  selector: 'ok-answer-attachments',
  imports: [MatButtonModule],
  template: `
    <input #picker type="file" multiple hidden tabindex="-1" [accept]="accept" (change)="chosen(picker)" data-testid="answer-files-input" />
    <button mat-stroked-button type="button" class="attach" (click)="picker.click()" aria-describedby="answer-files-hint">
      {{ t('answer.files.attach') }}
    </button>
    <span id="answer-files-hint" class="muted hint">{{ t('answer.files.hint') }}</span>
    @if (files().length) {
      <ul class="files" [attr.aria-label]="t('answer.files.list')" data-testid="answer-files">
        @for (file of files(); track file.key) {
          <li class="file" [attr.data-file]="file.name" [attr.data-state]="file.state">
            <div class="meta">
              <span class="name">{{ file.name }}</span>
              <span class="muted">
                {{ size(file.size) }}
                @if (file.state === 'uploading') {
                  · <span role="status">{{ t('answer.files.uploading') }}</span>
                }
              </span>
              @if (file.state === 'refused') {
                <span class="error-text" role="alert" data-testid="answer-file-refused">{{ t('answer.files.refused', { reason: file.reason }) }}</span>
              }
            </div>
            <button
              mat-button
              type="button"
              [disabled]="file.state === 'uploading'"
              [attr.aria-label]="t('answer.files.removeNamed', { name: file.name })"
              (click)="remove(file)"
            >
              {{ t('answer.files.remove') }}
            </button>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    :host { display: flex; flex-direction: column; align-items: flex-start; gap: 4px; margin-bottom: 12px; }
    .hint { font: var(--mat-sys-body-small); }
    .files { list-style: none; margin: 4px 0 0; padding: 0; display: grid; gap: 8px; width: 100%; }
    .file { display: flex; align-items: center; gap: 12px; }
    .meta { display: flex; flex-direction: column; flex: 1; min-width: 0; }
    .name { overflow-wrap: anywhere; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AnswerAttachments {
  private readonly api = inject(API);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  /**
   * The appeal (uuid) the files are for: the API checks its file limits on upload. None: uploads
   * for an appeal not registered yet (an operator's intake), bound to it when it is.
   */
  readonly appealId = input<string | null>(null);

  protected readonly accept = ACCEPT;
  protected readonly files = signal<readonly AnswerFile[]>([]);
  /** Ids of the files the API kept, in the order chosen: what the answer attaches. */
  readonly attachmentIds = computed(() => this.files().flatMap((file) => (file.state === 'uploaded' ? [file.id] : [])));
  /** The files the API kept, by name (a category's file field names one of them). */
  readonly uploaded = computed(() => this.files().flatMap((file) => (file.state === 'uploaded' ? [{ id: file.id, name: file.name }] : [])));
  readonly uploading = computed(() => this.files().some((file) => file.state === 'uploading'));
  private nextKey = 0;

  /** After the answer or its draft was sent: the list starts empty again (the uploads are the API's now). */
  clear(): void {
    this.files.set([]);
  }

  protected size(bytes: number): string {
    return fileSize(this.i18n, bytes);
  }

  protected chosen(picker: HTMLInputElement): void {
    const chosen = [...(picker.files ?? [])];
    // Cleared, so choosing the same file again (after removing it) fires `change` again.
    picker.value = '';
    for (const file of chosen) void this.upload(file);
  }

  protected remove(file: AnswerFile): void {
    this.files.update((files) => files.filter((f) => f.key !== file.key));
    // Taken off the list at once: it is not sent whatever happens. An unattached upload the API
    // could not delete now is swept later; the problem middleware says that the call failed.
    if (file.state === 'uploaded') void this.deleteUpload(file.id);
  }

  private async upload(file: File): Promise<void> {
    const key = this.nextKey++;
    this.files.update((files) => [...files, { key, name: file.name, size: file.size, state: 'uploading' }]);
    let outcome: AnswerFile;
    try {
      const { data, error } = await this.api.POST('/api/v1/attachments', {
        // The spec types a binary field as a string; the serializer sends the File itself.
        body: { appealId: this.appealId() ?? undefined, file: file as unknown as string },
        bodySerializer: ({ appealId, file: content }) => {
          const form = new FormData();
          // The appeal first: the API checks its limits before reading the file.
          if (appealId) form.append('appealId', appealId);
          form.append('file', content as unknown as File);
          return form;
        },
      });
      if (data) {
        outcome = { key, name: file.name, size: file.size, state: 'uploaded', id: data.id };
      } else {
        const problem = asProblem(error);
        const reason = problem ? (problem.errors?.[0]?.message || problemMessage(problem)) : this.t('answer.files.failed');
        outcome = { key, name: file.name, size: file.size, state: 'refused', reason };
      }
    } catch {
      // The problem middleware has already said that the server could not be reached.
      outcome = { key, name: file.name, size: file.size, state: 'refused', reason: this.t('answer.files.failed') };
    }
    // A file on its way cannot be removed, so its row is still there.
    this.files.update((files) => files.map((f) => (f.key === key ? outcome : f)));
  }

  private async deleteUpload(id: string): Promise<void> {
    try {
      await this.api.DELETE('/api/v1/attachments/{id}', { params: { path: { id } } });
    } catch {
      // Unreachable server: already said by the problem middleware; the upload stays unattached.
    }
  }
}

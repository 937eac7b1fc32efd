import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../core/api/api-client';
import { I18n } from '../../core/i18n/i18n.service';

type Attachment = Schemas['AttachmentDto'];

/** Files are downloadable when clean, or when no scanner is configured. */
const DOWNLOADABLE: readonly Attachment['scanStatus'][] = ['clean', 'not_scanned'];

/** A size as people read it, in the console's language: «12,5 КБ», "12.5 KB". */
export function fileSize(i18n: I18n, bytes: number): string {
  const number = (n: number) => n.toLocaleString(i18n.lang() === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes < 1024) return i18n.t('files.bytes', { n: number(bytes) });
  if (bytes < 1024 * 1024) return i18n.t('files.kb', { n: number(bytes / 1024) });
  return i18n.t('files.mb', { n: number(bytes / (1024 * 1024)) });
}

/** Saves a blob under `name` the way a link with `download` does. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The appeal's files (its own, its messages', its answers') for staff: name, kind, size, where
 * it belongs, when; an image's server-made thumbnail; a download through the authenticated API
 * (the bearer token cannot ride on a plain link). Files the scanner has not cleared say why and
 * cannot be downloaded.
 */
@Component({
  selector: 'ok-appeal-files',
  imports: [MatButtonModule],
  template: `
    <section class="panel block" aria-labelledby="files-heading" data-testid="appeal-files">
      <h2 id="files-heading" class="section-title">{{ t('files.heading') }}</h2>
      @if (files().length === 0) {
        <p class="muted">{{ t('files.none') }}</p>
      } @else {
        <ul class="files">
          @for (file of files(); track file.id) {
            <li class="file" [attr.data-file]="file.originalName">
              @if (previews()[file.id]; as src) {
                <img class="thumb" [src]="src" [alt]="file.originalName" width="64" height="64" />
              }
              <div class="meta">
                <span class="name">{{ file.originalName }}</span>
                <span class="muted">
                  {{ kind(file) }} · {{ size(file.size) }} · {{ t(owner(file)) }} · {{ i18n.dateTime(file.createdAt) }} {{ t('common.msk') }}
                </span>
                @if (!downloadable(file)) {
                  <span class="warn" role="note">{{ t(scanKey(file)) }}</span>
                }
                @if (failed()[file.id]) {
                  <span class="warn" role="alert">{{ t('files.unavailable') }}</span>
                }
              </div>
              @if (downloadable(file)) {
                <button
                  mat-stroked-button
                  type="button"
                  [disabled]="busy()[file.id]"
                  [attr.aria-label]="t('files.downloadNamed', { name: file.originalName })"
                  (click)="download(file)"
                >
                  {{ t('files.download') }}
                </button>
              }
            </li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    /* The card's panels have this padding from the card's styles, which do not reach inside this component. */
    .block { padding: 16px 20px; }
    .files { list-style: none; margin: 0; padding: 0; display: grid; gap: 12px; }
    .file { display: flex; align-items: center; gap: 12px; }
    .thumb { width: 64px; height: 64px; object-fit: cover; border-radius: 4px; }
    .meta { display: flex; flex-direction: column; flex: 1; min-width: 0; }
    .name { overflow-wrap: anywhere; }
    .warn { color: var(--mat-sys-error, #b3261e); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppealFiles {
  private readonly api = inject(API);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  readonly attachments = input.required<readonly Attachment[]>();
  protected readonly files = computed(() => [...this.attachments()].sort((a, b) => a.createdAt.localeCompare(b.createdAt)));
  /** Object URLs of the thumbnails loaded so far, by attachment id. */
  protected readonly previews = signal<Record<string, string>>({});
  protected readonly busy = signal<Record<string, boolean>>({});
  protected readonly failed = signal<Record<string, boolean>>({});

  constructor() {
    effect(() => {
      for (const file of this.files()) {
        if (file.hasPreview && this.downloadable(file) && !(file.id in this.previews())) void this.loadPreview(file.id);
      }
    });
    inject(DestroyRef).onDestroy(() => Object.values(this.previews()).forEach((url) => URL.revokeObjectURL(url)));
  }

  protected downloadable(file: Attachment): boolean {
    return DOWNLOADABLE.includes(file.scanStatus);
  }

  protected scanKey(file: Attachment) {
    return file.scanStatus === 'infected' ? ('files.scan.infected' as const) : file.scanStatus === 'pending' ? ('files.scan.pending' as const) : ('files.scan.failed' as const);
  }

  protected owner(file: Attachment) {
    return file.answerId ? ('files.owner.answer' as const) : file.messageId ? ('files.owner.message' as const) : ('files.owner.appeal' as const);
  }

  protected kind(file: Attachment): string {
    const type = file.contentType.split(';')[0];
    const known: Record<string, string> = {
      'application/pdf': 'PDF',
      'application/msword': 'DOC',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
      'image/jpeg': 'JPG',
      'image/png': 'PNG',
      'text/plain': 'TXT',
    };
    return known[type] ?? type;
  }

  protected size(bytes: number): string {
    return fileSize(this.i18n, bytes);
  }

  protected async download(file: Attachment): Promise<void> {
    this.busy.update((b) => ({ ...b, [file.id]: true }));
    this.failed.update((f) => ({ ...f, [file.id]: false }));
    try {
      const { data } = await this.api.GET('/api/v1/attachments/{id}', { params: { path: { id: file.id } }, parseAs: 'blob' });
      if (data) saveBlob(data, file.name);
      else this.failed.update((f) => ({ ...f, [file.id]: true }));
    } catch {
      this.failed.update((f) => ({ ...f, [file.id]: true }));
    } finally {
      this.busy.update((b) => ({ ...b, [file.id]: false }));
    }
  }

  private async loadPreview(id: string): Promise<void> {
    this.previews.update((p) => ({ ...p, [id]: '' }));
    try {
      const { data } = await this.api.GET('/api/v1/attachments/{id}/preview', { params: { path: { id } }, parseAs: 'blob' });
      if (data) this.previews.update((p) => ({ ...p, [id]: URL.createObjectURL(data) }));
    } catch {
      // No thumbnail: the file is still listed and downloadable.
    }
  }
}

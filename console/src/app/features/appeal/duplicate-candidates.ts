import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../core/api/api-client';
import { Notifier } from '../../core/api/notifier';
import { I18n } from '../../core/i18n/i18n.service';
import { MergeDialog, type MergeDialogData } from './action-dialogs/merge-dialog';

type Candidate = Schemas['DuplicateCandidateDto'];

/**
 * «Возможные дубликаты»: the same citizen's similar appeals near this one (the API's pg_trgm
 * similarity), each with its number, subject, similarity and date, and «Объединить» to link it to
 * this appeal after a confirmation. Not shown at all when there is no candidate.
 */
@Component({
  selector: 'ok-duplicate-candidates',
  imports: [RouterLink, MatButtonModule],
  template: `
    @if (candidates().length) {
      <section class="panel block" aria-labelledby="duplicates-heading" data-testid="duplicates">
        <h2 id="duplicates-heading" class="section-title">{{ t('duplicates.heading') }}</h2>
        <p class="muted small">{{ t('duplicates.hint') }}</p>
        <ul class="list">
          @for (c of candidates(); track c.id) {
            <li [attr.data-number]="c.number">
              <div class="line">
                <a [routerLink]="['/appeals', c.number]">{{ t('related.number', { number: c.number }) }}</a>
                <span class="muted">{{ i18n.date(c.registeredAt) }}</span>
                <span class="similarity" [attr.aria-label]="t('duplicates.similarityLabel', { percent: percent(c) })">{{ percent(c) }}%</span>
              </div>
              <span class="subject">{{ c.subject }}</span>
              @if (c.merged) {
                <span class="merged" data-testid="duplicate-merged">{{ t('duplicates.merged') }}</span>
              } @else if (canMerge()) {
                <button
                  mat-stroked-button
                  type="button"
                  aria-haspopup="dialog"
                  [attr.aria-label]="t('duplicates.mergeNamed', { number: c.number })"
                  data-testid="duplicate-merge"
                  (click)="merge(c)"
                >
                  {{ t('duplicates.merge') }}
                </button>
              }
            </li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    .block { padding: 16px 20px; }
    .small { font: var(--mat-sys-body-small); margin: 0 0 8px; }
    .list { list-style: none; margin: 0; padding: 0; display: grid; gap: 12px; }
    .list li { display: flex; flex-direction: column; align-items: flex-start; gap: 4px; }
    .line { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; }
    .subject { overflow-wrap: anywhere; }
    .similarity { font-weight: 600; }
    .merged { font-size: 12px; color: var(--mat-sys-on-surface-variant); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DuplicateCandidates {
  private readonly api = inject(API);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  readonly appeal = input.required<{ id: string; number: number | null; version: number }>();
  /** Whether this appeal may take duplicates now (not answered, not itself merged): the API checks it anyway. */
  readonly canMerge = input(true);
  /** A duplicate was linked to this appeal: the card shows its links anew. */
  readonly merged = output<void>();
  protected readonly candidates = signal<readonly Candidate[]>([]);

  constructor() {
    effect(() => {
      const { id } = this.appeal();
      untracked(() => void this.load(id));
    });
  }

  protected percent(c: Candidate): number {
    return Math.round(c.similarity * 100);
  }

  protected merge(duplicate: Candidate): void {
    const { id, number } = this.appeal();
    this.dialog
      .open<MergeDialog, MergeDialogData, Schemas['AppealSummaryDto']>(MergeDialog, { data: { main: { id, number }, duplicate }, width: '520px', restoreFocus: true })
      .afterClosed()
      .subscribe((done) => {
        if (!done) return;
        this.notifier.info('duplicates.done', { number: duplicate.number });
        void this.load(id);
        this.merged.emit();
      });
  }

  private async load(id: string): Promise<void> {
    try {
      const { data } = await this.api.GET('/api/v1/staff/appeals/{idOrNumber}/duplicates', { params: { path: { idOrNumber: id } } });
      this.candidates.set(data ?? []);
    } catch {
      this.candidates.set([]);
    }
  }
}

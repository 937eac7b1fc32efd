import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { Schemas } from '@otklik/shared/api/client';
import { I18n } from '../../core/i18n/i18n.service';

type AnswerDraft = Schemas['AnswerDraftDto'];

/**
 * The answer sent for approval, as the supervisor decides on it and the operator reworks it: the
 * newest revision in full (text, result, files, the remark it came back with), the earlier ones
 * by their state and remark.
 */
@Component({
  selector: 'ok-answer-draft-panel',
  template: `
    @if (latest(); as d) {
      <section class="panel block" aria-labelledby="draft-heading" data-testid="answer-draft" [attr.data-state]="d.state">
        <h2 id="draft-heading" class="section-title">{{ t('draft.heading') }}</h2>
        <p [class]="['state', tone(d.state)]" data-testid="answer-draft-state">{{ stateText(d) }}</p>
        @if (d.state === 'returned' && d.remark) {
          <p class="remark" role="note" data-testid="draft-remark">{{ t('draft.remark', { remark: d.remark }) }}</p>
        }
        <p class="label">{{ i18n.answerResult(d.result) }} · {{ t('answer.codeShort', { code: d.resultCode }) }}</p>
        <p class="text" data-testid="answer-draft-text">{{ d.text }}</p>
        @if (d.reason) {
          <p class="label">{{ t('answer.reason') }}</p>
          <p class="text">{{ d.reason }}</p>
        }
        @if (d.attachmentIds.length) {
          <p class="muted">{{ t('draft.files', { count: d.attachmentIds.length }) }}</p>
        }
        <p class="muted">{{ t('draft.by', { name: d.authorName, at: i18n.dateTime(d.createdAt) }) }}</p>
        @if (d.decidedByName && d.decidedAt) {
          <p class="muted">{{ t('draft.decidedBy', { name: d.decidedByName, at: i18n.dateTime(d.decidedAt) }) }}</p>
        }
        @if (earlier().length) {
          <h3 class="section-title small-title">{{ t('draft.history') }}</h3>
          <ul class="earlier">
            @for (e of earlier(); track e.id) {
              <li>
                {{ stateText(e) }}@if (e.remark) {
                  — {{ e.remark }}
                }
              </li>
            }
          </ul>
        }
      </section>
    }
  `,
  styles: `
    .block { padding: 16px 20px; }
    .state { margin: 0 0 8px; font-weight: 600; }
    .remark { margin: 0 0 8px; padding: 8px 12px; border-left: 4px solid var(--mat-sys-error, #b3261e); background: var(--mat-sys-surface-container, #f3f3f3); white-space: pre-wrap; }
    .label { margin: 0 0 2px; font-size: 12px; color: var(--mat-sys-on-surface-variant); }
    .text { white-space: pre-wrap; overflow-wrap: anywhere; }
    .small-title { font-size: 14px; margin: 12px 0 4px; }
    .earlier { margin: 0; padding-left: 20px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AnswerDraftPanel {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  /** Newest first, as the API lists them. */
  readonly drafts = input.required<readonly AnswerDraft[]>();
  protected readonly latest = computed(() => this.drafts()[0] ?? null);
  protected readonly earlier = computed(() => this.drafts().slice(1));

  protected stateText(d: AnswerDraft): string {
    switch (d.state) {
      case 'pending':
        return this.t('draft.pending', { revision: d.revision });
      case 'returned':
        return this.t('draft.returned', { revision: d.revision });
      case 'approved':
        return this.t('draft.approved', { revision: d.revision });
    }
  }

  protected tone(state: AnswerDraft['state']): string {
    return state === 'returned' ? 'tone-bad' : state === 'approved' ? 'tone-done' : 'tone-wait';
  }
}

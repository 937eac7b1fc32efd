import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { Schemas } from '@otklik/shared/api/client';
import { I18n } from '../../core/i18n/i18n.service';

/** The status history as a timeline: what happened, who did it, when (Moscow time), why. */
@Component({
  selector: 'ok-status-history',
  template: `
    <section class="panel block" aria-labelledby="history-heading">
      <h2 id="history-heading" class="section-title">{{ t('history.heading') }}</h2>
      @if (history().length) {
        <ol class="timeline" data-testid="status-history">
          @for (entry of history(); track entry.id) {
            <li class="entry">
              <div class="entry-head">
                <span class="event">{{ i18n.historyEvent(entry.event, entry.label) }}</span>
                <time class="time muted" [attr.datetime]="entry.at">{{ i18n.dateTime(entry.at) }}</time>
              </div>
              @if (entry.fromStatus && entry.fromStatus !== entry.toStatus) {
                <div class="transition muted">
                  {{ t('history.transition', { from: i18n.status(entry.fromStatus), to: i18n.status(entry.toStatus) }) }}
                </div>
              }
              <div class="actor">
                {{ entry.actorName }}
                <span class="muted">· {{ entry.actorPosition || i18n.role(entry.actorRole) }}</span>
              </div>
              @if (entry.comment) {
                <p class="comment">{{ entry.comment }}</p>
              }
            </li>
          }
        </ol>
      } @else {
        <p class="muted">{{ t('history.empty') }}</p>
      }
    </section>
  `,
  styles: `
    .block {
      padding: 16px 20px;
    }
    .section-title {
      margin: 0 0 12px;
      font: var(--mat-sys-title-small);
    }
    .timeline {
      list-style: none;
      margin: 0;
      padding: 0 0 0 4px;
    }
    .entry {
      position: relative;
      padding: 0 0 14px 20px;
      border-left: 2px solid var(--mat-sys-outline-variant);
    }
    .entry:last-child {
      border-left-color: transparent;
      padding-bottom: 0;
    }
    .entry::before {
      content: '';
      position: absolute;
      left: -7px;
      top: 3px;
      width: 12px;
      height: 12px;
      border-radius: 50%;
      background: var(--mat-sys-primary);
    }
    .entry-head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0 8px;
    }
    .event {
      font-weight: 600;
    }
    .time,
    .transition {
      font-size: 12px;
    }
    .actor {
      font-size: 13px;
    }
    .comment {
      margin: 4px 0 0;
      padding: 6px 10px;
      border-radius: 6px;
      background: var(--mat-sys-surface-container);
      white-space: pre-wrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusHistory {
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  readonly history = input.required<readonly Schemas['HistoryEntryDto'][]>();
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18n } from '../core/i18n/i18n.service';

/** Under this much time left, a deadline is shown as close. */
const SOON_MS = 24 * 3_600_000;

export type DueState = 'overdue' | 'soon' | 'ok' | 'none';

export function dueState(dueAt: string | null, overdue: boolean, now = Date.now()): DueState {
  if (overdue) return 'overdue';
  if (!dueAt) return 'none';
  const left = new Date(dueAt).getTime() - now;
  if (left < 0) return 'overdue';
  return left < SOON_MS ? 'soon' : 'ok';
}

/** A deadline in Moscow time, flagged when it has passed or is less than a day away. */
@Component({
  selector: 'ok-due-date',
  template: `
    <span [class]="['due', stateClass()]">
      <span class="when">{{ i18n.dateTime(dueAt()) }}</span>
      @switch (state()) {
        @case ('overdue') {
          <span class="flag tone-bad">{{ i18n.t('due.overdue') }}</span>
        }
        @case ('soon') {
          <span class="flag tone-progress">{{ i18n.t('due.soon') }}</span>
        }
      }
    </span>
  `,
  styles: `
    .due {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
    }
    /* Dark red / amber on a light surface, their light tints on a dark one (contrast ≥ 4.5 in both themes). */
    .due-overdue .when {
      color: light-dark(#a1161b, #ffb4ab);
      font-weight: 600;
    }
    .due-soon .when {
      color: light-dark(#7a4b00, #ffd08a);
      font-weight: 600;
    }
    /* The dark theme: the same warnings, light enough to read on its dark surfaces (axe contrast). */
    :host-context(.theme-dark) .due-overdue .when {
      color: #ffb4ab;
    }
    :host-context(.theme-dark) .due-soon .when {
      color: #ffb95c;
    }
    .flag {
      padding: 0 8px;
      border-radius: 999px;
      font-size: 11px;
      font-weight: 600;
      line-height: 18px;
      background: var(--tone-bg);
      color: var(--tone-fg);
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DueDate {
  protected readonly i18n = inject(I18n);
  readonly dueAt = input<string | null>(null);
  readonly overdue = input(false);
  protected readonly state = computed(() => dueState(this.dueAt(), this.overdue()));
  protected readonly stateClass = computed(() => `due-${this.state()}`);
}

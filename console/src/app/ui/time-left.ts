import { ChangeDetectionStrategy, Component, Injectable, computed, inject, input, signal } from '@angular/core';
import { I18n } from '../core/i18n/i18n.service';

/** Under this much time left, a deadline is «due soon». */
export const SOON_MS = 24 * 3_600_000;

export type TimeLeftState = 'ok' | 'soon' | 'overdue' | 'paused' | 'none';

/** One clock for every countdown on screen: a tick a minute is enough for days and hours. */
@Injectable({ providedIn: 'root' })
export class MinuteClock {
  readonly now = signal(Date.now());
  constructor() {
    setInterval(() => this.now.set(Date.now()), 30_000);
  }
}

export function timeLeftState(dueAt: string | null, overdue: boolean, paused: boolean, now: number): TimeLeftState {
  if (paused) return 'paused';
  if (!dueAt) return 'none';
  const left = Date.parse(dueAt) - now;
  if (overdue || left < 0) return 'overdue';
  return left < SOON_MS ? 'soon' : 'ok';
}

/** «2 д 4 ч», «3 ч 15 мин», «12 мин»: the two largest units. */
export function formatSpan(ms: number, units: { d: string; h: string; m: string }): string {
  const minutes = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return `${d} ${units.d} ${h} ${units.h}`;
  if (h > 0) return `${h} ${units.h} ${m} ${units.m}`;
  return `${m} ${units.m}`;
}

/**
 * A deadline as a countdown coloured by state: on time, due soon (under a day), overdue (how long
 * since), or paused (the clock stops while the citizen is asked for documents: their due date shows).
 */
@Component({
  selector: 'ok-time-left',
  template: `
    @switch (state()) {
      @case ('none') {
        <span class="muted">{{ i18n.t('common.none') }}</span>
      }
      @case ('paused') {
        <span class="pill tone-wait" [attr.data-state]="state()">{{ i18n.t('timeLeft.paused') }}</span>
        @if (documentsDueOn()) {
          <span class="when">{{ i18n.t('timeLeft.documentsBy', { date: i18n.date(documentsDueOn()) }) }}</span>
        }
      }
      @default {
        <span [class]="['pill', tone()]" [attr.data-state]="state()">{{ label() }}</span>
        <span class="when">{{ i18n.dateTime(dueAt()) }}</span>
      }
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 2px;
    }
    .pill {
      padding: 0 8px;
      border-radius: 999px;
      font-size: 12px;
      font-weight: 600;
      line-height: 20px;
      white-space: nowrap;
      background: var(--tone-bg);
      color: var(--tone-fg);
      font-variant-numeric: tabular-nums;
    }
    .when {
      font-size: 12px;
      color: var(--mat-sys-on-surface-variant);
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TimeLeft {
  protected readonly i18n = inject(I18n);
  private readonly clock = inject(MinuteClock);
  readonly dueAt = input<string | null>(null);
  readonly overdue = input(false);
  readonly pausedSince = input<string | null>(null);
  readonly documentsDueOn = input<string | null>(null);

  protected readonly state = computed(() => timeLeftState(this.dueAt(), this.overdue(), this.pausedSince() !== null, this.clock.now()));
  protected readonly tone = computed(() => ({ ok: 'tone-done', soon: 'tone-progress', overdue: 'tone-bad', paused: 'tone-wait', none: 'tone-neutral' })[this.state()]);
  protected readonly label = computed(() => {
    const due = this.dueAt();
    if (!due) return '';
    const span = formatSpan(Date.parse(due) - this.clock.now(), { d: this.i18n.t('timeLeft.d'), h: this.i18n.t('timeLeft.h'), m: this.i18n.t('timeLeft.m') });
    return this.state() === 'overdue' ? this.i18n.t('timeLeft.overdueBy', { span }) : span;
  });
}

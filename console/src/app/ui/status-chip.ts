import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { AppealStatus } from '@otklik/shared/domain';
import { I18n } from '../core/i18n/i18n.service';

/** Colour family of each status; the switch is exhaustive so a new status fails to compile. */
export function statusTone(status: AppealStatus): string {
  switch (status) {
    case AppealStatus.Draft:
    case AppealStatus.Closed:
    case AppealStatus.Withdrawn:
      return 'tone-neutral';
    case AppealStatus.Registered:
      return 'tone-info';
    case AppealStatus.InProgress:
      return 'tone-progress';
    case AppealStatus.AwaitingApproval:
    case AppealStatus.AwaitingCitizen:
      return 'tone-wait';
    case AppealStatus.Resolved:
      return 'tone-done';
    case AppealStatus.Rejected:
      return 'tone-bad';
  }
}

/** The status of an appeal as a coloured pill with its ru/en label (DOMAIN.md labels). */
@Component({
  selector: 'ok-status-chip',
  template: `<span [class]="['chip', tone()]" [attr.data-status]="status()">{{ i18n.status(status()) }}</span>`,
  styles: `
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font-size: 12px;
      font-weight: 500;
      line-height: 20px;
      white-space: nowrap;
      background: var(--tone-bg);
      color: var(--tone-fg);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusChip {
  protected readonly i18n = inject(I18n);
  readonly status = input.required<string>();
  /** An unknown status (a newer API than this console) falls back to the neutral colours. */
  protected readonly tone = computed(() => statusTone(this.status() as AppealStatus) ?? 'tone-neutral');
}

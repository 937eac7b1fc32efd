import { ChangeDetectionStrategy, Component, ElementRef, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { I18n, type MessageKey } from '../../../core/i18n/i18n.service';
import { failureReason, type BulkAction, type BulkFailure, type BulkOutcome } from './bulk-action';

const ACTION_TITLES: Readonly<Record<BulkAction, MessageKey>> = {
  assign: 'bulk.outcome.assign',
  redirect: 'bulk.outcome.redirect',
};

/**
 * What a bulk action did: how many appeals it changed and, for each it did not, why. It stays
 * above the queue until dismissed: the queue has reloaded and the failed ones may be gone from it.
 */
@Component({
  selector: 'ok-bulk-outcome',
  imports: [MatButtonModule],
  template: `
    <section
      class="outcome panel"
      [class.has-failures]="outcome().failures.length > 0"
      tabindex="-1"
      [attr.aria-label]="t('bulk.outcome.label')"
      data-testid="bulk-outcome"
    >
      <div class="outcome-head">
        <p class="summary">
          <strong>{{ t(title()) }}.</strong>
          <span data-testid="bulk-outcome-summary">{{ t('bulk.outcome.summary', { done: outcome().done, total: outcome().total }) }}</span>
        </p>
        <button mat-button type="button" (click)="dismissed.emit()">{{ t('common.close') }}</button>
      </div>
      @if (outcome().failures.length > 0) {
        <p class="failed-label">{{ t('bulk.outcome.failed') }}</p>
        <ul class="failures">
          @for (failure of outcome().failures; track failure.id) {
            <li data-testid="bulk-failure">
              <span class="failure-ref">{{ name(failure) }}</span> — {{ reason(failure) }}
            </li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    .outcome {
      margin-bottom: 16px;
      padding: 8px 8px 8px 16px;
      border-left: 4px solid #2e7d32;
    }
    .outcome.has-failures {
      border-left-color: var(--mat-sys-error);
    }
    .outcome:focus-visible {
      outline-offset: -2px;
    }
    .outcome-head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 16px;
    }
    .summary,
    .failed-label {
      margin: 0;
    }
    .summary strong {
      margin-right: 6px;
    }
    .failures {
      margin: 4px 0 8px;
      padding-left: 20px;
    }
    .failure-ref {
      font-weight: 500;
      font-variant-numeric: tabular-nums;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BulkOutcomeView {
  protected readonly t = inject(I18n).t;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly outcome = input.required<BulkOutcome>();
  readonly dismissed = output();

  protected title(): MessageKey {
    return ACTION_TITLES[this.outcome().action];
  }

  protected name(failure: BulkFailure): string {
    return failure.number !== null ? this.t('bulk.outcome.appeal', { number: failure.number }) : failure.subject;
  }

  protected reason(failure: BulkFailure): string {
    return failureReason(failure.code, this.t);
  }

  /** Where focus goes once the dialog is gone: the button that opened it left with the selection. */
  focus(): void {
    this.host.nativeElement.querySelector<HTMLElement>('.outcome')?.focus();
  }
}

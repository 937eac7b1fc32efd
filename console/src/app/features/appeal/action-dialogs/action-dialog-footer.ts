import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { I18n, type MessageKey } from '../../../core/i18n/i18n.service';

/**
 * The foot every action dialog shares: what the API refused that no field shows, then Cancel
 * and the submit button of the surrounding form (a native submit, so Enter works too).
 */
@Component({
  selector: 'ok-action-dialog-footer',
  imports: [MatButtonModule, MatDialogModule],
  template: `
    <div class="problems">
      @for (message of errors(); track message) {
        <p class="error-text" role="alert">{{ message }}</p>
      }
    </div>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close [disabled]="sending()">{{ t('actionDialog.cancel') }}</button>
      <button mat-flat-button type="submit" [disabled]="sending() || disabled()" data-testid="action-dialog-submit">
        {{ sending() ? t('actionDialog.sending') : t(submitLabel()) }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    :host { display: contents; }
    .problems { padding: 0 24px; }
    .problems:empty { display: none; }
    .error-text { margin: 0 0 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActionDialogFooter {
  protected readonly t = inject(I18n).t;

  readonly submitLabel = input.required<MessageKey>();
  readonly sending = input.required<boolean>();
  readonly errors = input<readonly string[]>([]);
  /** Nothing to submit yet (e.g. the list of choices has not loaded). */
  readonly disabled = input(false);
}

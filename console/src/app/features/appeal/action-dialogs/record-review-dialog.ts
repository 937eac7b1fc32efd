import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import type { Schemas } from '@otklik/shared/api/client';
import { I18n } from '../../../core/i18n/i18n.service';
import { fieldMessage } from '../form-errors';
import { ActionDialogFooter } from './action-dialog-footer';
import { StaffActionSender } from './staff-action-sender';

const REASON_MAX = 2000;

/**
 * The supervisor records the re-review of an answer the citizen rated low with a comment: the
 * answer stands, or the appeal goes back to work. The conclusion is sent to the citizen.
 */
@Component({
  selector: 'ok-record-review-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatRadioModule, ActionDialogFooter],
  providers: [StaffActionSender],
  template: `
    <h2 mat-dialog-title>{{ t('actionDialog.review.title') }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="muted intro">{{ t('actionDialog.review.intro') }}</p>
        <mat-radio-group formControlName="outcome" [attr.aria-label]="t('actionDialog.review.outcome')" data-testid="review-outcome">
          <mat-radio-button value="upheld">{{ t('actionDialog.review.upheld') }}</mat-radio-button>
          <mat-radio-button value="reopened">{{ t('actionDialog.review.reopened') }}</mat-radio-button>
        </mat-radio-group>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('actionDialog.review.reason') }}</mat-label>
          <textarea matInput rows="4" formControlName="reason" [maxlength]="reasonMax" data-testid="review-reason"></textarea>
          @if (message(); as text) {
            <mat-error>{{ text }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <ok-action-dialog-footer submitLabel="actionDialog.review.submit" [sending]="sender.sending()" [errors]="sender.formErrors()" />
    </form>
  `,
  styleUrl: './action-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordReviewDialog {
  protected readonly sender = inject(StaffActionSender);
  protected readonly t = inject(I18n).t;

  protected readonly reasonMax = REASON_MAX;
  protected readonly form = inject(NonNullableFormBuilder).group({
    outcome: ['upheld' as Schemas['ReviewOutcome'], Validators.required],
    reason: ['', [Validators.required, Validators.maxLength(REASON_MAX)]],
  });

  protected message(): string | null {
    return fieldMessage(this.form.controls.reason, this.t);
  }

  protected async submit(): Promise<void> {
    const reason = this.form.controls.reason;
    if (reason.value.trim() === '') reason.setValue('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    await this.sender.send('record-review', { outcome: this.form.controls.outcome.value, reason: reason.value.trim() }, this.form);
  }
}

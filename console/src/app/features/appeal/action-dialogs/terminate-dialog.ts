import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { I18n } from '../../../core/i18n/i18n.service';
import { fieldMessage } from '../form-errors';
import { ActionDialogFooter } from './action-dialog-footer';
import { dialogIds, NOTICE_MAX, StaffActionSender } from './staff-action-sender';

/**
 * Stops the correspondence on a question already answered on the merits more than once
 * (59-ФЗ ст. 11 ч. 5). It cannot be taken back from here, so the operator confirms it first.
 */
@Component({
  selector: 'ok-terminate-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, ActionDialogFooter],
  providers: [StaffActionSender],
  template: `
    <h2 mat-dialog-title>{{ t('actionDialog.terminate.title') }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="warning">{{ t('actionDialog.terminate.warning') }}</p>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('actionDialog.notice') }}</mat-label>
          <textarea matInput rows="4" formControlName="noticeText" [maxlength]="noticeMax"></textarea>
          <mat-hint>{{ t('actionDialog.terminate.noticeHint') }}</mat-hint>
          @if (noticeError(); as text) {
            <mat-error>{{ text }}</mat-error>
          }
        </mat-form-field>

        <mat-checkbox formControlName="confirmed" [aria-describedby]="confirmError() ? ids + '-error' : ''">
          {{ t('actionDialog.terminate.confirm') }}
        </mat-checkbox>
        @if (confirmError(); as message) {
          <p [id]="ids + '-error'" class="error-text" role="alert">{{ message }}</p>
        }
      </mat-dialog-content>
      <ok-action-dialog-footer submitLabel="actionDialog.terminate.submit" [sending]="sender.sending()" [errors]="sender.formErrors()" />
    </form>
  `,
  styleUrl: './action-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TerminateDialog {
  protected readonly sender = inject(StaffActionSender);
  protected readonly t = inject(I18n).t;

  protected readonly ids = dialogIds();
  protected readonly noticeMax = NOTICE_MAX;
  protected readonly form = inject(NonNullableFormBuilder).group({
    noticeText: ['', Validators.maxLength(NOTICE_MAX)],
    confirmed: [false, Validators.requiredTrue],
  });

  protected noticeError(): string | null {
    return fieldMessage(this.form.controls.noticeText, this.t);
  }

  protected confirmError(): string | null {
    const control = this.form.controls.confirmed;
    return control.touched && control.hasError('required') ? this.t('actionDialog.terminate.confirmRequired') : null;
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { noticeText } = this.form.getRawValue();
    await this.sender.send('terminate-correspondence', { noticeText: noticeText.trim() || undefined }, this.form);
  }
}

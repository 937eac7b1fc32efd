import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { I18n } from '../../../core/i18n/i18n.service';
import { fieldMessage } from '../form-errors';
import { ActionDialogFooter } from './action-dialog-footer';
import { dialogIds, NOTICE_MAX, StaffActionSender } from './staff-action-sender';

const REASON_MAX = 2000;
/** 59-ФЗ ст. 11 ч. 5: answered on the merits more than once — at least two earlier appeals. */
const MIN_REPEATS = 2;

/** Appeal numbers as the operator types them: "12, 15 17" → ['12', '15', '17']. */
function numbersIn(text: string): string[] {
  return text.split(/[\s,;№]+/).filter(Boolean);
}

function appealNumbers(control: AbstractControl<string>): ValidationErrors | null {
  const numbers = numbersIn(control.value);
  return numbers.length >= MIN_REPEATS && numbers.every((n) => /^\d{1,15}$/.test(n)) ? null : { repeats: true };
}

/**
 * Stops the correspondence on a question already answered on the merits more than once
 * (59-ФЗ ст. 11 ч. 5): the earlier appeals and why nothing is new. An operator proposes it to
 * the supervisor (propose-termination); the supervisor, the person the head authorises, takes
 * it directly and confirms first: it cannot be taken back from here.
 */
@Component({
  selector: 'ok-terminate-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, ActionDialogFooter],
  providers: [StaffActionSender],
  template: `
    <h2 mat-dialog-title>{{ t(proposing ? 'actionDialog.terminate.proposeTitle' : 'actionDialog.terminate.title') }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="warning">{{ t('actionDialog.terminate.warning') }}</p>
        @if (proposing) {
          <p class="muted intro">{{ t('actionDialog.terminate.proposeIntro') }}</p>
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('actionDialog.terminate.repeats') }}</mat-label>
          <input matInput formControlName="repeatsAppealIds" data-testid="terminate-repeats" />
          <mat-hint>{{ t('actionDialog.terminate.repeatsHint') }}</mat-hint>
          @if (repeatsError(); as text) {
            <mat-error>{{ text }}</mat-error>
          }
        </mat-form-field>

        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('actionDialog.terminate.reason') }}</mat-label>
          <textarea matInput rows="3" formControlName="reason" [maxlength]="reasonMax" data-testid="terminate-reason"></textarea>
          <mat-hint>{{ t('actionDialog.proposal.reasonHint') }}</mat-hint>
          @if (message('reason'); as text) {
            <mat-error>{{ text }}</mat-error>
          }
        </mat-form-field>

        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('actionDialog.notice') }}</mat-label>
          <textarea matInput rows="4" formControlName="noticeText" [maxlength]="noticeMax"></textarea>
          <mat-hint>{{ t('actionDialog.terminate.noticeHint') }}</mat-hint>
          @if (message('noticeText'); as text) {
            <mat-error>{{ text }}</mat-error>
          }
        </mat-form-field>

        @if (!proposing) {
          <mat-checkbox formControlName="confirmed" [aria-describedby]="confirmError() ? ids + '-error' : ''">
            {{ t('actionDialog.terminate.confirm') }}
          </mat-checkbox>
          @if (confirmError(); as message) {
            <p [id]="ids + '-error'" class="error-text" role="alert">{{ message }}</p>
          }
        }
      </mat-dialog-content>
      <ok-action-dialog-footer
        [submitLabel]="proposing ? 'actionDialog.terminate.proposeSubmit' : 'actionDialog.terminate.submit'"
        [sending]="sender.sending()"
        [errors]="sender.formErrors()"
      />
    </form>
  `,
  styleUrl: './action-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TerminateDialog {
  protected readonly sender = inject(StaffActionSender);
  protected readonly t = inject(I18n).t;

  protected readonly ids = dialogIds();
  protected readonly proposing = this.sender.proposing;
  protected readonly noticeMax = NOTICE_MAX;
  protected readonly reasonMax = REASON_MAX;
  protected readonly form = inject(NonNullableFormBuilder).group({
    repeatsAppealIds: ['', appealNumbers],
    reason: ['', [Validators.required, Validators.maxLength(REASON_MAX)]],
    noticeText: ['', Validators.maxLength(NOTICE_MAX)],
    // Only the direct termination asks for a confirmation; a proposal is the supervisor's to confirm.
    confirmed: [this.sender.proposing, Validators.requiredTrue],
  });

  protected message(field: 'reason' | 'noticeText'): string | null {
    return fieldMessage(this.form.controls[field], this.t);
  }

  protected repeatsError(): string | null {
    const control = this.form.controls.repeatsAppealIds;
    if (!control.hasError('server') && control.touched && control.hasError('repeats')) return this.t('actionDialog.terminate.repeatsInvalid');
    return fieldMessage(control, this.t);
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
    const { repeatsAppealIds, reason, noticeText } = this.form.getRawValue();
    await this.sender.send(
      this.sender.action,
      { repeatsAppealIds: numbersIn(repeatsAppealIds), reason: reason.trim(), noticeText: noticeText.trim() || undefined },
      this.form,
    );
  }
}

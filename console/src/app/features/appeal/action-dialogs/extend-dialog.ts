import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { I18n } from '../../../core/i18n/i18n.service';
import { fieldMessage } from '../form-errors';
import { ActionDialogFooter } from './action-dialog-footer';
import { StaffActionSender } from './staff-action-sender';

const REASON_MAX = 2000;
/** The API's bounds for `days`; without it the policy's own extension applies. */
const DAYS_MIN = 1;
const DAYS_MAX = 30;

/** A whole number of days in range, or nothing. */
function daysInRange(control: AbstractControl<number | null>): ValidationErrors | null {
  const days = control.value;
  if (days === null) return null;
  return Number.isInteger(days) && days >= DAYS_MIN && days <= DAYS_MAX ? null : { days: true };
}

/**
 * Extends the answer deadline once, with the reason the history keeps (DOMAIN.md «Deadlines») —
 * or, where the department asks for approval, proposes it to the supervisor with the same form.
 */
@Component({
  selector: 'ok-extend-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, ActionDialogFooter],
  providers: [StaffActionSender],
  template: `
    <h2 mat-dialog-title>{{ t(proposing ? 'actionDialog.extend.proposeTitle' : 'actionDialog.extend.title') }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="muted intro">{{ t('actionDialog.extend.intro', { due: dueAt() }) }}</p>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('actionDialog.reason') }}</mat-label>
          <textarea matInput rows="3" formControlName="reason" [maxlength]="reasonMax" data-testid="extend-reason"></textarea>
          @if (message('reason'); as text) {
            <mat-error>{{ text }}</mat-error>
          }
        </mat-form-field>

        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('actionDialog.extend.days') }}</mat-label>
          <input matInput type="number" [min]="daysMin" [max]="daysMax" step="1" formControlName="days" data-testid="extend-days" />
          <mat-hint>{{ t('actionDialog.extend.daysHint') }}</mat-hint>
          @if (message('days'); as text) {
            <mat-error>{{ text }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <ok-action-dialog-footer
        [submitLabel]="proposing ? 'actionDialog.extend.proposeSubmit' : 'actionDialog.extend.submit'"
        [sending]="sender.sending()"
        [errors]="sender.formErrors()"
      />
    </form>
  `,
  styleUrl: './action-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExtendDialog {
  protected readonly sender = inject(StaffActionSender);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  /** An operator of a department that asks for approval proposes the extension instead. */
  protected readonly proposing = this.sender.proposing;
  protected readonly reasonMax = REASON_MAX;
  protected readonly daysMin = DAYS_MIN;
  protected readonly daysMax = DAYS_MAX;
  protected readonly dueAt = computed(() => {
    const dueAt = this.sender.appeal.dueAt;
    return dueAt ? `${this.i18n.dateTime(dueAt)} ${this.t('common.msk')}` : this.t('common.none');
  });
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.maxLength(REASON_MAX)]],
    days: [null as number | null, daysInRange],
  });

  protected message(field: 'reason' | 'days'): string | null {
    const control = this.form.controls[field];
    if (!control.hasError('server') && control.touched && control.hasError('days')) return this.t('actionDialog.extend.daysRange');
    return fieldMessage(control, this.t);
  }

  protected async submit(): Promise<void> {
    const reason = this.form.controls.reason;
    if (reason.value.trim() === '') reason.setValue('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { days } = this.form.getRawValue();
    await this.sender.send(this.sender.action, { reason: reason.value.trim(), days: days ?? undefined }, this.form);
  }
}

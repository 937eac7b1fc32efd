import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { I18n } from '../../../core/i18n/i18n.service';
import { fieldMessage } from '../form-errors';
import { ActionDialogFooter } from './action-dialog-footer';
import { type ActionDialogData, StaffActionSender } from './staff-action-sender';

const REMARK_MAX = 2000;

/** The supervisor returns an operator's proposal, or the answer sent for approval, with a remark: the appeal goes back to work. */
@Component({
  selector: 'ok-return-proposal-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, ActionDialogFooter],
  providers: [StaffActionSender],
  template: `
    <h2 mat-dialog-title>{{ t(answer ? 'actionDialog.returnAnswer.title' : 'actionDialog.return.title') }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="muted intro">{{ t(answer ? 'actionDialog.returnAnswer.intro' : 'actionDialog.return.intro') }}</p>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('actionDialog.return.remark') }}</mat-label>
          <textarea matInput rows="4" formControlName="remark" [maxlength]="remarkMax" data-testid="return-remark"></textarea>
          @if (message(); as text) {
            <mat-error>{{ text }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <ok-action-dialog-footer submitLabel="actionDialog.return.submit" [sending]="sender.sending()" [errors]="sender.formErrors()" />
    </form>
  `,
  styleUrl: './action-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReturnProposalDialog {
  protected readonly sender = inject(StaffActionSender);
  protected readonly t = inject(I18n).t;
  /** Returning the answer's draft (return-answer) rather than a proposal. */
  protected readonly answer = inject<ActionDialogData>(MAT_DIALOG_DATA).action === 'return-answer';

  protected readonly remarkMax = REMARK_MAX;
  protected readonly form = inject(NonNullableFormBuilder).group({
    remark: ['', [Validators.required, Validators.maxLength(REMARK_MAX)]],
  });

  protected message(): string | null {
    return fieldMessage(this.form.controls.remark, this.t);
  }

  protected async submit(): Promise<void> {
    const remark = this.form.controls.remark;
    if (remark.value.trim() === '') remark.setValue('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    await this.sender.send(this.answer ? 'return-answer' : 'return-proposal', { remark: remark.value.trim() }, this.form);
  }
}

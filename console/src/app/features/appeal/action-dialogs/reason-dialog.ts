import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormGroup, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { MessageKey } from '../../../core/i18n/i18n.service';
import { I18n } from '../../../core/i18n/i18n.service';
import { fieldMessage } from '../form-errors';
import { ActionDialogFooter } from './action-dialog-footer';
import { type ActionDialogData, StaffActionSender } from './staff-action-sender';

const TEXT_MAX = 2000;

/** The actions whose whole form is one mandatory text: its texts, and the body field it goes in. */
export type ReasonAction = 'return-proposal' | 'return-answer' | 'escalate';

interface ReasonForm {
  title: MessageKey;
  intro: MessageKey;
  label: MessageKey;
  submit: MessageKey;
  field: 'remark' | 'reason';
  testId: string;
}

const FORMS: Readonly<Record<ReasonAction, ReasonForm>> = {
  'return-proposal': {
    title: 'actionDialog.return.title',
    intro: 'actionDialog.return.intro',
    label: 'actionDialog.return.remark',
    submit: 'actionDialog.return.submit',
    field: 'remark',
    testId: 'return-remark',
  },
  'return-answer': {
    title: 'actionDialog.returnAnswer.title',
    intro: 'actionDialog.returnAnswer.intro',
    label: 'actionDialog.return.remark',
    submit: 'actionDialog.return.submit',
    field: 'remark',
    testId: 'return-remark',
  },
  escalate: {
    title: 'actionDialog.escalate.title',
    intro: 'actionDialog.escalate.intro',
    label: 'actionDialog.escalate.reason',
    submit: 'actionDialog.escalate.submit',
    field: 'reason',
    testId: 'escalate-reason',
  },
};

/**
 * An action whose form is one mandatory text, fully usable from the keyboard (the textarea takes
 * the focus, Tab reaches the buttons, Esc cancels): the supervisor returns an operator's proposal
 * or the answer sent for approval with a remark (back to work), or staff escalate the appeal to
 * the parent department with the reason.
 */
@Component({
  selector: 'ok-reason-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, ActionDialogFooter],
  providers: [StaffActionSender],
  template: `
    <h2 mat-dialog-title>{{ t(form.title) }}</h2>
    <form [formGroup]="group" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="muted intro">{{ t(form.intro) }}</p>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t(form.label) }}</mat-label>
          <textarea matInput rows="4" [formControl]="control" [maxlength]="textMax" [attr.data-testid]="form.testId"></textarea>
          @if (message(); as text) {
            <mat-error>{{ text }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <ok-action-dialog-footer [submitLabel]="form.submit" [sending]="sender.sending()" [errors]="sender.formErrors()" />
    </form>
  `,
  styleUrl: './action-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReasonDialog {
  protected readonly sender = inject(StaffActionSender);
  protected readonly t = inject(I18n).t;
  private readonly action = inject<ActionDialogData>(MAT_DIALOG_DATA).action as ReasonAction;
  protected readonly form = FORMS[this.action];

  protected readonly textMax = TEXT_MAX;
  protected readonly control = inject(NonNullableFormBuilder).control('', [Validators.required, Validators.maxLength(TEXT_MAX)]);
  /** Named as the body's field, so the API's field error lands under the textarea. */
  protected readonly group = new FormGroup({ [this.form.field]: this.control });

  protected message(): string | null {
    return fieldMessage(this.control, this.t);
  }

  protected async submit(): Promise<void> {
    if (this.control.value.trim() === '') this.control.setValue('');
    if (this.group.invalid) {
      this.group.markAllAsTouched();
      return;
    }
    await this.sender.send(this.action, { [this.form.field]: this.control.value.trim() }, this.group);
  }
}

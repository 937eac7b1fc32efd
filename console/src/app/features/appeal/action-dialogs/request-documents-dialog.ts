import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { moscowDate } from '@otklik/shared/domain';
import { I18n } from '../../../core/i18n/i18n.service';
import { fieldMessage } from '../form-errors';
import { ActionDialogFooter } from './action-dialog-footer';
import { StaffActionSender } from './staff-action-sender';

/** The API's limits: up to 20 documents of up to 500 characters, due within 60 days from tomorrow. */
const DOCUMENTS_MAX = 20;
const DOCUMENT_MAX_LENGTH = 500;
const DUE_MAX_DAYS = 60;
const COMMENT_MAX = 2000;
const DAY_MS = 86_400_000;

/** One document a line; blank lines do not count. */
function documentLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function documentList(control: AbstractControl<string>): ValidationErrors | null {
  const lines = documentLines(control.value);
  if (lines.length === 0) return { required: true };
  if (lines.length > DOCUMENTS_MAX) return { tooMany: true };
  return lines.some((line) => line.length > DOCUMENT_MAX_LENGTH) ? { lineTooLong: true } : null;
}

/** A Moscow calendar date `days` after `date` (both YYYY-MM-DD). */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Asks the citizen for documents by a date. The citizen gets a message with the numbered list;
 * the appeal waits in awaiting_citizen and its deadline clock stops until they answer.
 */
@Component({
  selector: 'ok-request-documents-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, ActionDialogFooter],
  providers: [StaffActionSender],
  template: `
    <h2 mat-dialog-title>{{ t('actionDialog.documents.title') }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="muted intro">{{ t('actionDialog.documents.intro') }}</p>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('actionDialog.documents.list') }}</mat-label>
          <textarea matInput rows="5" formControlName="documents" data-testid="documents-list"></textarea>
          <mat-hint>{{ t('actionDialog.documents.listHint', { max: documentsMax }) }}</mat-hint>
          @if (message('documents'); as text) {
            <mat-error>{{ text }}</mat-error>
          }
        </mat-form-field>

        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('actionDialog.documents.dueOn') }}</mat-label>
          <input matInput type="date" formControlName="dueOn" [min]="minDate" [max]="maxDate" data-testid="documents-due" />
          <mat-hint>{{ t('actionDialog.documents.dueOnHint', { min: i18n.date(minDate), max: i18n.date(maxDate) }) }}</mat-hint>
          @if (message('dueOn'); as text) {
            <mat-error>{{ text }}</mat-error>
          }
        </mat-form-field>

        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('actionDialog.documents.comment') }}</mat-label>
          <textarea matInput rows="2" formControlName="comment" [maxlength]="commentMax"></textarea>
          @if (message('comment'); as text) {
            <mat-error>{{ text }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <ok-action-dialog-footer submitLabel="actionDialog.documents.submit" [sending]="sender.sending()" [errors]="sender.formErrors()" />
    </form>
  `,
  styleUrl: './action-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RequestDocumentsDialog {
  protected readonly sender = inject(StaffActionSender);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly documentsMax = DOCUMENTS_MAX;
  protected readonly commentMax = COMMENT_MAX;
  /** Tomorrow to 60 days ahead, Moscow dates: what the API accepts. */
  protected readonly minDate = addDays(moscowDate(new Date()), 1);
  protected readonly maxDate = addDays(moscowDate(new Date()), DUE_MAX_DAYS);
  protected readonly form = inject(NonNullableFormBuilder).group({
    documents: ['', documentList],
    dueOn: ['', [Validators.required, (control: AbstractControl<string>) => this.dueInRange(control)]],
    comment: ['', Validators.maxLength(COMMENT_MAX)],
  });

  protected message(field: 'documents' | 'dueOn' | 'comment'): string | null {
    const control = this.form.controls[field];
    if (!control.hasError('server') && control.touched) {
      if (field === 'documents' && control.hasError('required')) return this.t('actionDialog.documents.required');
      if (control.hasError('tooMany')) return this.t('actionDialog.documents.tooMany', { max: DOCUMENTS_MAX });
      if (control.hasError('lineTooLong')) return this.t('actionDialog.documents.lineTooLong', { max: DOCUMENT_MAX_LENGTH });
      if (control.hasError('dateRange')) {
        return this.t('actionDialog.documents.dueOnRange', { min: this.i18n.date(this.minDate), max: this.i18n.date(this.maxDate) });
      }
    }
    return fieldMessage(control, this.t);
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { documents, dueOn, comment } = this.form.getRawValue();
    await this.sender.send('request-documents', { documents: documentLines(documents), dueOn, comment: comment.trim() || undefined }, this.form);
  }

  /** An empty value is `required`'s to report; a typed date must fall in the API's window. */
  private dueInRange(control: AbstractControl<string>): ValidationErrors | null {
    const date = control.value;
    return !date || (date >= this.minDate && date <= this.maxDate) ? null : { dateRange: true };
  }
}

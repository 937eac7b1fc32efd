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
import { dialogIds, NOTICE_MAX, StaffActionSender } from './staff-action-sender';

type Ground = Schemas['NoAnswerGround'];

/** 59-ФЗ ст. 11 grounds for leaving an appeal without an answer on the merits, as the API names them (in the order of the article). */
export const NO_ANSWER_GROUNDS: readonly Ground[] = [
  'no_surname_or_address',
  'court_decision',
  'obscene_or_threats',
  'unreadable',
  'essence_unclear',
  'answer_published',
  'secret_protected_by_law',
];
const URL_MAX = 2000;

/**
 * Closes the appeal without an answer on the merits on a 59-ФЗ ground. The citizen is told:
 * the operator's own notice, or the statutory text for the ground that the API fills in.
 */
@Component({
  selector: 'ok-no-answer-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatRadioModule, MatFormFieldModule, MatInputModule, ActionDialogFooter],
  providers: [StaffActionSender],
  template: `
    <h2 mat-dialog-title>{{ t(proposing ? 'actionDialog.noAnswer.proposeTitle' : 'actionDialog.noAnswer.title') }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="warning">{{ t('actionDialog.noAnswer.warning') }}</p>
        <p [id]="ids + '-label'" class="group-label">{{ t('actionDialog.noAnswer.grounds') }}</p>
        <mat-radio-group
          class="choices"
          formControlName="grounds"
          [attr.aria-labelledby]="ids + '-label'"
          [attr.aria-describedby]="groundsError() ? ids + '-error' : null"
        >
          @for (ground of grounds; track ground) {
            <mat-radio-button [value]="ground">{{ i18n.noAnswerGround(ground) }}</mat-radio-button>
          }
        </mat-radio-group>
        @if (groundsError(); as message) {
          <p [id]="ids + '-error'" class="error-text" role="alert">{{ message }}</p>
        }

        @if (form.controls.grounds.value === 'answer_published') {
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ t('actionDialog.noAnswer.publishedUrl') }}</mat-label>
            <input matInput type="url" formControlName="publishedUrl" [maxlength]="urlMax" data-testid="no-answer-url" />
            @if (urlError(); as text) {
              <mat-error>{{ text }}</mat-error>
            }
          </mat-form-field>
        }

        @if (proposing) {
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ t('actionDialog.reason') }}</mat-label>
            <textarea matInput rows="2" formControlName="reason" maxlength="2000"></textarea>
            <mat-hint>{{ t('actionDialog.proposal.reasonHint') }}</mat-hint>
          </mat-form-field>
        }

        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('actionDialog.notice') }}</mat-label>
          <textarea matInput rows="4" formControlName="noticeText" [maxlength]="noticeMax"></textarea>
          <mat-hint>{{ t('actionDialog.noAnswer.noticeHint') }}</mat-hint>
          @if (noticeError(); as text) {
            <mat-error>{{ text }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <ok-action-dialog-footer
        [submitLabel]="proposing ? 'actionDialog.noAnswer.proposeSubmit' : 'actionDialog.noAnswer.submit'"
        [sending]="sender.sending()"
        [errors]="sender.formErrors()"
      />
    </form>
  `,
  styleUrl: './action-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NoAnswerDialog {
  protected readonly sender = inject(StaffActionSender);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly ids = dialogIds();
  protected readonly grounds = NO_ANSWER_GROUNDS;
  protected readonly noticeMax = NOTICE_MAX;
  protected readonly urlMax = URL_MAX;
  /** Where the department asks for approval, the operator proposes it to the supervisor. */
  protected readonly proposing = this.sender.proposing;
  protected readonly form = inject(NonNullableFormBuilder).group({
    grounds: ['' as Ground | '', Validators.required],
    publishedUrl: ['', [Validators.maxLength(URL_MAX), Validators.pattern(/^https?:\/\/\S+$/)]],
    reason: ['', Validators.maxLength(2000)],
    noticeText: ['', Validators.maxLength(NOTICE_MAX)],
  });

  protected urlError(): string | null {
    const control = this.form.controls.publishedUrl;
    if (!control.hasError('server') && control.touched && control.hasError('pattern')) return this.t('actionDialog.noAnswer.publishedUrl');
    return fieldMessage(control, this.t);
  }

  protected groundsError(): string | null {
    const control = this.form.controls.grounds;
    if (!control.hasError('server') && control.touched && control.hasError('required')) return this.t('actionDialog.noAnswer.choose');
    return fieldMessage(control, this.t);
  }

  protected noticeError(): string | null {
    return fieldMessage(this.form.controls.noticeText, this.t);
  }

  protected async submit(): Promise<void> {
    const { grounds, publishedUrl, reason, noticeText } = this.form.getRawValue();
    if (this.form.invalid || grounds === '') {
      this.form.markAllAsTouched();
      return;
    }
    await this.sender.send(
      this.sender.action,
      {
        grounds,
        publishedUrl: grounds === 'answer_published' ? publishedUrl.trim() || undefined : undefined,
        reason: reason.trim() || undefined,
        noticeText: noticeText.trim() || undefined,
      },
      this.form,
    );
  }
}

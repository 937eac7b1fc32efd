import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../../core/api/api-client';
import { asProblem } from '../../../core/api/problem';
import { I18n } from '../../../core/i18n/i18n.service';
import { fieldMessage, putFieldErrors } from '../form-errors';
import { ActionDialogFooter } from './action-dialog-footer';

const REASON_MAX = 500;

/** Why the contact details are needed: the reveal is a personal-data access, logged with this reason. */
@Component({
  selector: 'ok-reveal-contact-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, ActionDialogFooter],
  template: `
    <h2 mat-dialog-title>{{ t('reveal.title') }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="muted intro">{{ t('reveal.intro') }}</p>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('reveal.reason') }}</mat-label>
          <textarea matInput rows="3" formControlName="reason" [maxlength]="reasonMax" data-testid="reveal-reason"></textarea>
          @if (message(); as text) {
            <mat-error>{{ text }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <ok-action-dialog-footer submitLabel="reveal.submit" [sending]="sending()" [errors]="errors()" />
    </form>
  `,
  styleUrl: './action-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RevealContactDialog {
  private readonly api = inject(API);
  private readonly ref = inject<MatDialogRef<RevealContactDialog, Schemas['ContactViewDto']>>(MatDialogRef);
  private readonly appealId = inject<{ appealId: string }>(MAT_DIALOG_DATA).appealId;
  protected readonly t = inject(I18n).t;

  protected readonly reasonMax = REASON_MAX;
  protected readonly sending = signal(false);
  protected readonly errors = signal<readonly string[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
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
    this.sending.set(true);
    try {
      const { data, error } = await this.api.POST('/api/v1/staff/appeals/{idOrNumber}/reveal-contact', {
        params: { path: { idOrNumber: this.appealId } },
        body: { reason: reason.value.trim() },
      });
      if (data) this.ref.close(data);
      else this.errors.set(putFieldErrors(this.form, asProblem(error)));
    } catch {
      // The problem middleware has already said that the server could not be reached.
    } finally {
      this.sending.set(false);
    }
  }
}

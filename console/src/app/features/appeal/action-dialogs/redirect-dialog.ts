import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../../core/api/api-client';
import { I18n } from '../../../core/i18n/i18n.service';
import { fieldMessage } from '../form-errors';
import { ActionDialogFooter } from './action-dialog-footer';
import { ROUTING_SENDER, StaffActionSender } from './staff-action-sender';

type Department = Schemas['DepartmentDto'];
const REASON_MAX = 2000;

/**
 * The redirect dialog's form: sends the appeal (or every ticked one, each on its own) to the
 * department competent for it, with the reason (it goes into the history). There it is
 * registered again and waits to be taken. Shared with the queue's bulk redirect.
 */
export const REDIRECT_DIALOG_TEMPLATE = `
    <h2 mat-dialog-title>{{ t(sender.bulk ? 'bulk.redirect.title' : 'actionDialog.redirect.title') }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="muted intro">
          {{ sender.bulk ? t('bulk.redirect.intro', { count: sender.appeals.length }) : t('actionDialog.redirect.intro') }}
        </p>
        @if (state() === 'failed') {
          <p class="error-text" role="alert">
            {{ t('actionDialog.listFailed') }}
            <button type="button" class="link-button" (click)="load()">{{ t('common.retry') }}</button>
          </p>
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('actionDialog.redirect.department') }}</mat-label>
          <mat-select formControlName="departmentId" [attr.data-testid]="testId('redirect-department')">
            @for (department of departments(); track department.id) {
              <mat-option [value]="department.id">{{ i18n.name(department) }}</mat-option>
            }
          </mat-select>
          @if (state() === 'loading') {
            <mat-hint>{{ t('common.loading') }}</mat-hint>
          }
          @if (message('departmentId'); as text) {
            <mat-error>{{ text }}</mat-error>
          }
        </mat-form-field>

        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('actionDialog.reason') }}</mat-label>
          <textarea matInput rows="3" formControlName="reason" [maxlength]="reasonMax" [attr.data-testid]="testId('redirect-reason')"></textarea>
          <mat-hint>{{ t('actionDialog.redirect.reasonHint') }}</mat-hint>
          @if (message('reason'); as text) {
            <mat-error [attr.data-testid]="testId('redirect-reason-error')">{{ text }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <ok-action-dialog-footer
        [submitLabel]="sender.bulk ? 'bulk.redirect.submit' : 'actionDialog.redirect.submit'"
        [sending]="sender.sending()"
        [errors]="sender.formErrors()"
        [disabled]="state() !== 'ready'"
      />
    </form>
  `;

@Component({
  selector: 'ok-redirect-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatSelectModule, MatFormFieldModule, MatInputModule, ActionDialogFooter],
  providers: [StaffActionSender, { provide: ROUTING_SENDER, useExisting: StaffActionSender }],
  template: REDIRECT_DIALOG_TEMPLATE,
  styleUrl: './action-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RedirectDialog {
  private readonly api = inject(API);
  protected readonly sender = inject(ROUTING_SENDER);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly reasonMax = REASON_MAX;
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  /** Every department but the one handling the appeal(s) now, when they share one (the API refuses a redirect to it). */
  protected readonly departments = signal<readonly Department[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    departmentId: ['', Validators.required],
    reason: ['', [Validators.required, Validators.maxLength(REASON_MAX)]],
  });

  constructor() {
    void this.load();
  }

  /** The queue's bulk dialog marks its parts apart from the card's. */
  protected testId(name: string): string {
    return this.sender.bulk ? `bulk-${name}` : name;
  }

  protected message(field: 'departmentId' | 'reason'): string | null {
    return fieldMessage(this.form.controls[field], this.t);
  }

  protected async load(): Promise<void> {
    const current = new Set(this.sender.appeals.map((appeal) => appeal.departmentId));
    this.state.set('loading');
    try {
      const { data } = await this.api.GET('/api/v1/staff/departments');
      this.departments.set((data ?? []).filter((d) => current.size !== 1 || !current.has(d.id)));
      this.state.set(data ? 'ready' : 'failed');
    } catch {
      this.state.set('failed');
    }
  }

  protected async submit(): Promise<void> {
    const reason = this.form.controls.reason;
    if (reason.value.trim() === '') reason.setValue('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { departmentId } = this.form.getRawValue();
    await this.sender.send('redirect', { departmentId, reason: reason.value.trim() }, this.form);
  }
}

import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../../core/api/api-client';
import { I18n } from '../../../core/i18n/i18n.service';
import { ActionDialogFooter } from '../../appeal/action-dialogs/action-dialog-footer';
import { fieldMessage } from '../../appeal/form-errors';
import { BulkActionSender } from './bulk-action';

type Department = Schemas['DepartmentDto'];
const REASON_MAX = 2000;

/**
 * Sends every ticked appeal to one department with one reason. Each is redirected on its own:
 * one that cannot be (its status, the 7-day window) stays where it is and the result says why.
 */
@Component({
  selector: 'ok-bulk-redirect-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatSelectModule, MatFormFieldModule, MatInputModule, ActionDialogFooter],
  providers: [BulkActionSender],
  template: `
    <h2 mat-dialog-title>{{ t('bulk.redirect.title') }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="muted intro">{{ t('bulk.redirect.intro', { count: sender.appeals.length }) }}</p>
        @if (state() === 'failed') {
          <p class="error-text" role="alert">
            {{ t('actionDialog.listFailed') }}
            <button type="button" class="link-button" (click)="load()">{{ t('common.retry') }}</button>
          </p>
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('actionDialog.redirect.department') }}</mat-label>
          <mat-select formControlName="departmentId" data-testid="bulk-redirect-department">
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
          <textarea matInput rows="3" formControlName="reason" [maxlength]="reasonMax" data-testid="bulk-redirect-reason"></textarea>
          <mat-hint>{{ t('actionDialog.redirect.reasonHint') }}</mat-hint>
          @if (message('reason'); as text) {
            <mat-error data-testid="bulk-redirect-reason-error">{{ text }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <ok-action-dialog-footer
        submitLabel="bulk.redirect.submit"
        [sending]="sender.sending()"
        [errors]="sender.formErrors()"
        [disabled]="state() !== 'ready'"
      />
    </form>
  `,
  styleUrl: '../../appeal/action-dialogs/action-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BulkRedirectDialog {
  private readonly api = inject(API);
  protected readonly sender = inject(BulkActionSender);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly reasonMax = REASON_MAX;
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly departments = signal<readonly Department[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    departmentId: ['', Validators.required],
    reason: ['', [Validators.required, Validators.maxLength(REASON_MAX)]],
  });

  constructor() {
    void this.load();
  }

  protected message(field: 'departmentId' | 'reason'): string | null {
    return fieldMessage(this.form.controls[field], this.t);
  }

  protected async load(): Promise<void> {
    // A department all the ticked appeals are already in is no target (the API refuses it).
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
    await this.sender.send({ action: 'redirect', departmentId, reason: reason.value.trim() }, this.form);
  }
}

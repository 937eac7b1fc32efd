import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../../core/api/api-client';
import { I18n } from '../../../core/i18n/i18n.service';
import { ActionDialogFooter } from '../../appeal/action-dialogs/action-dialog-footer';
import { dialogIds } from '../../appeal/action-dialogs/staff-action-sender';
import { fieldMessage } from '../../appeal/form-errors';
import { BulkActionSender } from './bulk-action';

type Assignee = Schemas['AssigneeOptionDto'];
const COMMENT_MAX = 2000;

/**
 * Gives every ticked appeal to one colleague. The queue opens it only when all of them belong
 * to one department, so the colleagues of the first are the colleagues of all (the API lists
 * assignees per appeal, least loaded first).
 */
@Component({
  selector: 'ok-bulk-assign-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatRadioModule, MatFormFieldModule, MatInputModule, ActionDialogFooter],
  providers: [BulkActionSender],
  template: `
    <h2 mat-dialog-title>{{ t('bulk.assign.title') }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="muted intro">{{ t('bulk.assign.intro', { count: sender.appeals.length }) }}</p>
        <p [id]="ids + '-label'" class="group-label">{{ t('actionDialog.assign.assignee') }}</p>
        @switch (state()) {
          @case ('loading') {
            <p class="muted" role="status">{{ t('common.loading') }}</p>
          }
          @case ('failed') {
            <p class="error-text" role="alert">
              {{ t('actionDialog.listFailed') }}
              <button type="button" class="link-button" (click)="load()">{{ t('common.retry') }}</button>
            </p>
          }
          @case ('ready') {
            <mat-radio-group
              class="choices"
              formControlName="assigneeId"
              [attr.aria-labelledby]="ids + '-label'"
              [attr.aria-describedby]="error() ? ids + '-error' : null"
              data-testid="bulk-assignee-options"
            >
              @for (person of assignees(); track person.id) {
                <mat-radio-button [value]="person.id">
                  <span class="choice-text">
                    <span>{{ person.fullName }}</span>
                    <span class="choice-detail">
                      {{ person.position || i18n.role(person.role) }} ·
                      {{ t('actionDialog.assign.openAppeals', { count: person.openAppeals }) }}
                    </span>
                  </span>
                </mat-radio-button>
              } @empty {
                <p class="muted">{{ t('actionDialog.assign.nobody') }}</p>
              }
            </mat-radio-group>
          }
        }
        @if (error(); as message) {
          <p [id]="ids + '-error'" class="error-text" role="alert">{{ message }}</p>
        }

        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('actionDialog.comment') }}</mat-label>
          <textarea matInput rows="2" formControlName="comment" [maxlength]="commentMax"></textarea>
          <mat-hint>{{ t('actionDialog.assign.commentHint') }}</mat-hint>
          @if (message('comment'); as text) {
            <mat-error>{{ text }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <ok-action-dialog-footer
        submitLabel="bulk.assign.submit"
        [sending]="sender.sending()"
        [errors]="sender.formErrors()"
        [disabled]="state() !== 'ready'"
      />
    </form>
  `,
  styleUrl: '../../appeal/action-dialogs/action-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BulkAssignDialog {
  private readonly api = inject(API);
  protected readonly sender = inject(BulkActionSender);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly ids = dialogIds();
  protected readonly commentMax = COMMENT_MAX;
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly assignees = signal<readonly Assignee[]>([]);
  protected readonly form = inject(NonNullableFormBuilder).group({
    assigneeId: ['', Validators.required],
    comment: ['', Validators.maxLength(COMMENT_MAX)],
  });

  constructor() {
    void this.load();
  }

  protected error(): string | null {
    const control = this.form.controls.assigneeId;
    if (!control.hasError('server') && control.touched && control.hasError('required')) return this.t('actionDialog.assign.choose');
    return fieldMessage(control, this.t);
  }

  protected message(field: 'comment'): string | null {
    return fieldMessage(this.form.controls[field], this.t);
  }

  protected async load(): Promise<void> {
    const [first] = this.sender.appeals;
    this.state.set('loading');
    try {
      const { data } = await this.api.GET('/api/v1/staff/appeals/{idOrNumber}/assignees', {
        params: { path: { idOrNumber: first.id } },
      });
      this.assignees.set(data ?? []);
      this.state.set(data ? 'ready' : 'failed');
    } catch {
      this.state.set('failed');
    }
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { assigneeId, comment } = this.form.getRawValue();
    await this.sender.send({ action: 'assign', assigneeId, comment: comment.trim() || undefined }, this.form);
  }
}

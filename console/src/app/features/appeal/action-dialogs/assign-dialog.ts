import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../../core/api/api-client';
import { I18n } from '../../../core/i18n/i18n.service';
import { fieldMessage } from '../form-errors';
import { ActionDialogFooter } from './action-dialog-footer';
import { dialogIds, ROUTING_SENDER, StaffActionSender } from './staff-action-sender';

type Assignee = Schemas['AssigneeOptionDto'];
const COMMENT_MAX = 2000;

/**
 * The assign dialog's form: gives the appeal (or every ticked one, all of one department) to a
 * colleague of its department. The API lists them least loaded first, with the unanswered
 * appeals each holds, so the operator can spread the work. Shared with the queue's bulk assign.
 */
export const ASSIGN_DIALOG_TEMPLATE = `
    <h2 mat-dialog-title>{{ t(sender.bulk ? 'bulk.assign.title' : 'actionDialog.assign.title') }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        @if (sender.bulk) {
          <p class="muted intro">{{ t('bulk.assign.intro', { count: sender.appeals.length }) }}</p>
        }
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
            @if (!sender.bulk) {
              <p class="muted intro">{{ t('actionDialog.assign.intro') }}</p>
            }
            <mat-radio-group
              class="choices"
              formControlName="assigneeId"
              [attr.aria-labelledby]="ids + '-label'"
              [attr.aria-describedby]="error() ? ids + '-error' : null"
              [attr.data-testid]="testId('assignee-options')"
            >
              @for (person of assignees(); track person.id) {
                <mat-radio-button [value]="person.id" [disabled]="person.id === sender.currentAssigneeId">
                  <span class="choice-text">
                    <span>{{ person.fullName }}</span>
                    <span class="choice-detail">
                      {{ person.position || i18n.role(person.role) }} ·
                      {{ t('actionDialog.assign.openAppeals', { count: person.openAppeals }) }}
                      @if (person.id === sender.currentAssigneeId) {
                        · {{ t('actionDialog.assign.current') }}
                      }
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
        [submitLabel]="sender.bulk ? 'bulk.assign.submit' : 'actionDialog.assign.submit'"
        [sending]="sender.sending()"
        [errors]="sender.formErrors()"
        [disabled]="state() !== 'ready'"
      />
    </form>
  `;

@Component({
  selector: 'ok-assign-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatRadioModule, MatFormFieldModule, MatInputModule, ActionDialogFooter],
  providers: [StaffActionSender, { provide: ROUTING_SENDER, useExisting: StaffActionSender }],
  template: ASSIGN_DIALOG_TEMPLATE,
  styleUrl: './action-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssignDialog {
  private readonly api = inject(API);
  protected readonly sender = inject(ROUTING_SENDER);
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

  /** The queue's bulk dialog marks its parts apart from the card's. */
  protected testId(name: string): string {
    return this.sender.bulk ? `bulk-${name}` : name;
  }

  protected message(field: 'comment'): string | null {
    return fieldMessage(this.form.controls[field], this.t);
  }

  protected async load(): Promise<void> {
    // A selection is of one department (the queue sees to it): the first one's colleagues are all's.
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
    await this.sender.send('assign', { assigneeId, comment: comment.trim() || undefined }, this.form);
  }
}

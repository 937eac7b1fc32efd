import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { Schemas } from '@otklik/shared/api/client';
import { CatalogService } from '../../../core/catalog/catalog.service';
import { I18n } from '../../../core/i18n/i18n.service';
import { fieldMessage } from '../form-errors';
import { ActionDialogFooter } from './action-dialog-footer';
import { StaffActionSender } from './staff-action-sender';

type Priority = Schemas['AppealPriority'];
const PRIORITIES: readonly Priority[] = ['low', 'normal', 'high'];
const COMMENT_MAX = 2000;

/**
 * Reclassify the appeal: its category (those of its type; a subcategory under its parent) and its
 * priority, with an optional note for the history. It stays in its department with its term —
 * moving it elsewhere is the redirect's. Only what changed is sent; the same values change nothing.
 */
@Component({
  selector: 'ok-reclassify-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, ActionDialogFooter],
  providers: [StaffActionSender],
  template: `
    <h2 mat-dialog-title>{{ t('actionDialog.reclassify.title') }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p class="muted intro">{{ t('actionDialog.reclassify.intro') }}</p>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('actionDialog.reclassify.category') }}</mat-label>
          <mat-select formControlName="categoryId" data-testid="reclassify-category">
            @for (option of options(); track option.id) {
              <mat-option [value]="option.id" [class.sub-option]="option.sub">{{ option.label }}</mat-option>
            }
          </mat-select>
          @if (message('categoryId'); as text) {
            <mat-error>{{ text }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('actionDialog.reclassify.priority') }}</mat-label>
          <mat-select formControlName="priority" data-testid="reclassify-priority">
            @for (p of priorities; track p) {
              <mat-option [value]="p">{{ i18n.priority(p) }}</mat-option>
            }
          </mat-select>
          @if (message('priority'); as text) {
            <mat-error>{{ text }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ t('actionDialog.reclassify.comment') }}</mat-label>
          <textarea matInput rows="2" formControlName="comment" [maxlength]="commentMax" data-testid="reclassify-comment"></textarea>
          <mat-hint>{{ t('actionDialog.reclassify.commentHint') }}</mat-hint>
        </mat-form-field>
      </mat-dialog-content>
      <ok-action-dialog-footer submitLabel="actionDialog.reclassify.submit" [sending]="sender.sending()" [errors]="sender.formErrors()" />
    </form>
  `,
  styleUrl: './action-dialog.scss',
  styles: `
    .sub-option { padding-left: 32px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReclassifyDialog {
  protected readonly sender = inject(StaffActionSender);
  private readonly catalog = inject(CatalogService);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly priorities = PRIORITIES;
  protected readonly commentMax = COMMENT_MAX;
  private readonly appeal = this.sender.appeal;
  /** Where the appeal is now: its subcategory when it has one. */
  private readonly current = this.appeal.subcategoryId ?? this.appeal.categoryId;
  protected readonly form = inject(NonNullableFormBuilder).group({
    categoryId: [this.current, Validators.required],
    priority: [this.appeal.priority, Validators.required],
    comment: ['', Validators.maxLength(COMMENT_MAX)],
  });

  /** The categories of the appeal's type, each followed by its subcategories. */
  protected readonly options = computed(() => {
    const roots = this.catalog.roots().filter((c) => c.appealTypes.includes(this.appeal.type));
    return roots.flatMap((c) => [
      { id: c.id, label: this.i18n.name(c), sub: false },
      ...c.children.map((s) => ({ id: s.id, label: this.i18n.name(s), sub: true })),
    ]);
  });

  constructor() {
    void this.catalog.load();
  }

  protected message(field: 'categoryId' | 'priority'): string | null {
    return fieldMessage(this.form.controls[field], this.t);
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { categoryId, priority, comment } = this.form.getRawValue();
    const note = comment.trim();
    await this.sender.send(
      'reclassify',
      {
        ...(categoryId !== this.current ? { categoryId } : {}),
        ...(priority !== this.appeal.priority ? { priority } : {}),
        ...(note ? { comment: note } : {}),
      },
      this.form,
    );
  }
}

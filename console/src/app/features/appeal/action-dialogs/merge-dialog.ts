import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../../core/api/api-client';
import { asProblem, problemMessage } from '../../../core/api/problem';
import { I18n } from '../../../core/i18n/i18n.service';
import { ActionDialogFooter } from './action-dialog-footer';

export interface MergeDialogData {
  /** The appeal on screen: the main one, whose answer goes to both. */
  main: { id: string; number: number | null };
  duplicate: Schemas['DuplicateCandidateDto'];
}

/**
 * «Объединить»: confirms linking a likely duplicate to the appeal on screen. Both keep their numbers;
 * the main appeal's answer is given to the duplicate too. Enter confirms, Esc or «Отмена» closes.
 */
@Component({
  selector: 'ok-merge-dialog',
  // FormsModule: the form's ngSubmit (Enter or the button) instead of a native submit that would reload the page.
  imports: [FormsModule, MatDialogModule, ActionDialogFooter],
  template: `
    <h2 mat-dialog-title>{{ t('duplicates.confirmTitle') }}</h2>
    <form (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p data-testid="merge-question">{{ t('duplicates.confirmText', { duplicate: data.duplicate.number, main: data.main.number ?? '—' }) }}</p>
        <p class="muted">«{{ data.duplicate.subject }}»</p>
        <p class="muted">{{ t('duplicates.confirmHint') }}</p>
      </mat-dialog-content>
      <ok-action-dialog-footer submitLabel="duplicates.merge" [sending]="sending()" [errors]="errors()" />
    </form>
  `,
  styleUrl: './action-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MergeDialog {
  private readonly api = inject(API);
  private readonly ref = inject<MatDialogRef<MergeDialog, Schemas['AppealSummaryDto']>>(MatDialogRef);
  protected readonly data = inject<MergeDialogData>(MAT_DIALOG_DATA);
  protected readonly t = inject(I18n).t;
  protected readonly sending = signal(false);
  protected readonly errors = signal<readonly string[]>([]);

  protected async submit(): Promise<void> {
    if (this.sending()) return;
    this.sending.set(true);
    this.errors.set([]);
    try {
      const { data, error } = await this.api.POST('/api/v1/staff/appeals/{idOrNumber}/merge', {
        params: { path: { idOrNumber: this.data.main.id } },
        body: { duplicate: this.data.duplicate.id },
      });
      if (data) this.ref.close(data);
      else {
        const problem = asProblem(error);
        this.errors.set([problem ? problemMessage(problem) : this.t('duplicates.failed')]);
      }
    } catch {
      // The problem middleware has already said that the server could not be reached.
    } finally {
      this.sending.set(false);
    }
  }
}

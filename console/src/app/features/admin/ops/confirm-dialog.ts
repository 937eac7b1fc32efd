import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { I18n, type MessageKey } from '../../../core/i18n/i18n.service';

export interface ConfirmData {
  title: MessageKey;
  text: string;
  confirm: MessageKey;
}

/** «Are you sure?» before an operation that cannot be undone (a key rotation, discarding dead letters). Closes with true to go ahead. */
@Component({
  selector: 'ok-confirm-dialog',
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>{{ t(data.title) }}</h2>
    <mat-dialog-content>
      <p>{{ data.text }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false">{{ t('actionDialog.cancel') }}</button>
      <button mat-flat-button type="button" [mat-dialog-close]="true" data-testid="confirm">{{ t(data.confirm) }}</button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmData>(MAT_DIALOG_DATA);
  protected readonly t = inject(I18n).t;
}

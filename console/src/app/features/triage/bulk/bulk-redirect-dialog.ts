import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActionDialogFooter } from '../../appeal/action-dialogs/action-dialog-footer';
import { REDIRECT_DIALOG_TEMPLATE, RedirectDialog } from '../../appeal/action-dialogs/redirect-dialog';
import { ROUTING_SENDER } from '../../appeal/action-dialogs/staff-action-sender';
import { BulkActionSender } from './bulk-action';

/**
 * The card's redirect dialog for every ticked appeal, one department and one reason for all.
 * Each is redirected on its own: one that cannot be (its status, the 7-day window) stays where
 * it is and the result says why.
 */
@Component({
  selector: 'ok-bulk-redirect-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatSelectModule, MatFormFieldModule, MatInputModule, ActionDialogFooter],
  providers: [BulkActionSender, { provide: ROUTING_SENDER, useExisting: BulkActionSender }],
  template: REDIRECT_DIALOG_TEMPLATE,
  styleUrl: '../../appeal/action-dialogs/action-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BulkRedirectDialog extends RedirectDialog {}

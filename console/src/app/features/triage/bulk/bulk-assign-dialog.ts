import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { ActionDialogFooter } from '../../appeal/action-dialogs/action-dialog-footer';
import { ASSIGN_DIALOG_TEMPLATE, AssignDialog } from '../../appeal/action-dialogs/assign-dialog';
import { ROUTING_SENDER } from '../../appeal/action-dialogs/staff-action-sender';
import { BulkActionSender } from './bulk-action';

/**
 * The card's assign dialog for every ticked appeal. The queue opens it only when all of them
 * belong to one department, so the colleagues of the first are the colleagues of all.
 */
@Component({
  selector: 'ok-bulk-assign-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatRadioModule, MatFormFieldModule, MatInputModule, ActionDialogFooter],
  providers: [BulkActionSender, { provide: ROUTING_SENDER, useExisting: BulkActionSender }],
  template: ASSIGN_DIALOG_TEMPLATE,
  styleUrl: '../../appeal/action-dialogs/action-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BulkAssignDialog extends AssignDialog {}

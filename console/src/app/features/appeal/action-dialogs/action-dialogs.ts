import type { Type } from '@angular/core';
import type { MessageKey } from '../../../core/i18n/i18n.service';
import { AssignDialog } from './assign-dialog';
import { ExtendDialog } from './extend-dialog';
import { NoAnswerDialog } from './no-answer-dialog';
import { RecordReviewDialog } from './record-review-dialog';
import { RedirectDialog } from './redirect-dialog';
import { RequestDocumentsDialog } from './request-documents-dialog';
import { ReasonDialog } from './reason-dialog';
import { ReclassifyDialog } from './reclassify-dialog';
import type { DialogAction } from './staff-action-sender';
import { TerminateDialog } from './terminate-dialog';

/** The dialog of each staff action that needs one (a record: a new action without a dialog does not compile). */
export const ACTION_DIALOGS: Readonly<Record<DialogAction, Type<unknown>>> = {
  assign: AssignDialog,
  redirect: RedirectDialog,
  extend: ExtendDialog,
  'request-documents': RequestDocumentsDialog,
  'no-answer-required': NoAnswerDialog,
  'terminate-correspondence': TerminateDialog,
  'propose-termination': TerminateDialog,
  'propose-extension': ExtendDialog,
  'propose-no-answer': NoAnswerDialog,
  'return-proposal': ReasonDialog,
  'return-answer': ReasonDialog,
  'record-review': RecordReviewDialog,
  escalate: ReasonDialog,
  reclassify: ReclassifyDialog,
};

/** What the snackbar says once the action is done and the card shows its result. */
export const ACTION_DONE: Readonly<Record<DialogAction, MessageKey>> = {
  assign: 'actionDialog.assign.done',
  redirect: 'actionDialog.redirect.done',
  extend: 'actionDialog.extend.done',
  'request-documents': 'actionDialog.documents.done',
  'no-answer-required': 'actionDialog.noAnswer.done',
  'terminate-correspondence': 'actionDialog.terminate.done',
  'propose-termination': 'actionDialog.terminate.proposeDone',
  'propose-extension': 'actionDialog.extend.proposeDone',
  'propose-no-answer': 'actionDialog.noAnswer.proposeDone',
  'return-proposal': 'actionDialog.return.done',
  'return-answer': 'actionDialog.returnAnswer.done',
  'record-review': 'actionDialog.review.done',
  escalate: 'actionDialog.escalate.done',
  reclassify: 'actionDialog.reclassify.done',
};

export function isDialogAction(action: string): action is DialogAction {
  return Object.hasOwn(ACTION_DIALOGS, action);
}

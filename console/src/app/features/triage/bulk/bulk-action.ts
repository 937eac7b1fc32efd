import { Injectable, inject } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import type { Schemas } from '@otklik/shared/api/client';
import { I18n, type MessageKey } from '../../../core/i18n/i18n.service';
import { DialogSender, type RoutingSender } from '../../appeal/action-dialogs/staff-action-sender';
import type { AppealSummary } from '../queue.store';

export type BulkAction = Schemas['BulkAction'];
type BulkResultItem = Schemas['BulkResultItemDto'];
type BulkBody = Pick<Schemas['BulkActionDto'], 'assigneeId' | 'departmentId' | 'reason' | 'comment'>;

/** What a bulk dialog is opened with: the ticked rows of the queue, in table order. */
export interface BulkDialogData {
  appeals: readonly AppealSummary[];
}

/** How a bulk dialog ended (undefined: cancelled): the API's word on each appeal. */
export interface BulkDialogResult {
  results: readonly BulkResultItem[];
}

/** An appeal the action was not applied to, named as the operator knows it. */
export interface BulkFailure {
  id: string;
  number: number | null;
  subject: string;
  code: string | undefined;
}

/** A finished bulk action as the queue reports it. */
export interface BulkOutcome {
  action: BulkAction;
  total: number;
  done: number;
  failures: readonly BulkFailure[];
}

export function bulkOutcome(action: BulkAction, appeals: readonly AppealSummary[], results: readonly BulkResultItem[]): BulkOutcome {
  const byId = new Map(appeals.map((appeal) => [appeal.id, appeal]));
  return {
    action,
    total: results.length,
    done: results.filter((r) => r.ok).length,
    failures: results
      .filter((r) => !r.ok)
      .map((r) => ({ id: r.id, number: byId.get(r.id)?.number ?? null, subject: byId.get(r.id)?.subject ?? r.id, code: r.code })),
  };
}

/** Problem codes a single appeal of a bulk action fails with, in words; others are shown as the code. */
const FAILURE_REASONS: Readonly<Record<string, MessageKey>> = {
  invalid_transition: 'bulk.failure.invalid_transition',
  not_department_staff: 'bulk.failure.not_department_staff',
  not_found: 'bulk.failure.not_found',
  version_conflict: 'bulk.failure.version_conflict',
  concurrent_modification: 'bulk.failure.concurrent_modification',
  forbidden: 'bulk.failure.forbidden',
  oversight_only: 'bulk.failure.oversight_only',
  validation_failed: 'bulk.failure.validation_failed',
};

export function failureReason(code: string | undefined, t: I18n['t']): string {
  if (!code) return t('bulk.failure.unknown');
  return Object.hasOwn(FAILURE_REASONS, code) ? t(FAILURE_REASONS[code]) : code;
}

/**
 * Sends a bulk action from the assign or redirect dialog and closes it with the per-appeal
 * results. Provided by each bulk dialog. A refusal of the whole request (422 with `errors[]`)
 * stays in the dialog: field errors under the fields, the rest at the foot of the form.
 */
@Injectable()
export class BulkActionSender extends DialogSender<BulkDialogResult> implements RoutingSender {
  readonly appeals = inject<BulkDialogData>(MAT_DIALOG_DATA).appeals;
  readonly currentAssigneeId = null;
  readonly bulk = true;

  send(action: BulkAction, body: BulkBody, form: FormGroup): Promise<void> {
    return this.submit(form, async () => {
      const { data, error } = await this.api.POST('/api/v1/staff/appeals/bulk-actions', {
        body: { ...body, action, ids: this.appeals.map((appeal) => appeal.id) },
      });
      if (!data) return { refused: error };
      this.dialogRef.close({ results: data.results });
      return null;
    });
  }
}

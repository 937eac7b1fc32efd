import { Injectable, InjectionToken, inject, signal, type Signal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../../core/api/api-client';
import { asProblem } from '../../../core/api/problem';
import { I18n } from '../../../core/i18n/i18n.service';
import { putFieldErrors } from '../form-errors';

/** Staff actions that need more than a click: each has a dialog on the appeal card. */
export type DialogAction = Extract<
  Schemas['StaffRouteAction'],
  | 'assign'
  | 'redirect'
  | 'extend'
  | 'request-documents'
  | 'no-answer-required'
  | 'terminate-correspondence'
  | 'propose-termination'
  | 'propose-extension'
  | 'propose-no-answer'
  | 'return-proposal'
  | 'return-answer'
  | 'record-review'
  | 'escalate'
  | 'reclassify'
>;

/** Proposals for the supervisor's decision (59-ФЗ guardrails): each opens the dialog of the action it proposes. */
export const PROPOSALS: readonly DialogAction[] = ['propose-termination', 'propose-extension', 'propose-no-answer'];

/**
 * What a dialog is opened with: the appeal as the card shows it (its version is sent back), and
 * the action it sends — the action itself, or the proposal of it, with the same form.
 */
export interface ActionDialogData {
  appeal: Schemas['AppealDto'];
  action: DialogAction;
}

/**
 * How a dialog ended (undefined: cancelled). A 409 — the appeal changed meanwhile or the
 * transition is no longer allowed — closes it too: the form no longer fits the appeal.
 */
export type ActionDialogResult = { outcome: 'done' } | { outcome: 'conflict'; title: string };

/** The API's limit on the notice text sent to the citizen (no-answer-required, terminate-correspondence). */
export const NOTICE_MAX = 5000;

type ActionBody = Omit<Schemas['StaffActionBodyDto'], 'expectedVersion'>;

/** An appeal as the assign and redirect dialogs need it, from the card or from a queue row. */
export interface RoutedAppeal {
  id: string;
  departmentId: string | null;
}

/**
 * What the assign and redirect dialogs send through: one appeal from its card
 * (StaffActionSender), or the ticked rows of the queue (the bulk sender). Same form, same
 * checks; only the texts and where the request goes differ.
 */
export interface RoutingSender {
  readonly appeals: readonly RoutedAppeal[];
  /** Its current assignee, who is no choice (null for a selection). */
  readonly currentAssigneeId: string | null;
  readonly bulk: boolean;
  readonly sending: Signal<boolean>;
  readonly formErrors: Signal<readonly string[]>;
  send(action: 'assign' | 'redirect', body: Pick<ActionBody, 'assigneeId' | 'departmentId' | 'reason' | 'comment'>, form: FormGroup): Promise<void>;
}

export const ROUTING_SENDER = new InjectionToken<RoutingSender>('RoutingSender');

/**
 * What every action dialog's sender shares: one request at a time, the dialog kept open while it
 * is in flight (its outcome decides how the dialog ends), and a refusal shown in the form — field
 * errors under the fields, a problem without them at the foot (the snackbar has said it as well).
 */
export abstract class DialogSender<Result> {
  protected readonly api = inject(API);
  protected readonly t = inject(I18n).t;
  protected readonly dialogRef = inject<MatDialogRef<unknown, Result>>(MatDialogRef);

  readonly sending = signal(false);
  /** Problems no field of the form shows. */
  readonly formErrors = signal<readonly string[]>([]);

  /** `request` closes the dialog itself and returns null, or returns the API's refusal to show. */
  protected async submit(form: FormGroup, request: () => Promise<{ refused: unknown } | null>): Promise<void> {
    if (this.sending()) return;
    this.formErrors.set([]);
    this.sending.set(true);
    // A half-sent action must not be dismissed with Escape: its outcome decides how the dialog ends.
    this.dialogRef.disableClose = true;
    try {
      const outcome = await request();
      if (!outcome) return;
      const problem = asProblem(outcome.refused);
      const unplaced = putFieldErrors(form, problem);
      this.formErrors.set(problem?.errors?.length ? unplaced : [problem?.title ?? this.t('actionDialog.failed')]);
    } catch {
      // Not reached the server: the problem middleware has said so; the form stays as typed.
      this.formErrors.set([this.t('actionDialog.failed')]);
    } finally {
      this.dialogRef.disableClose = false;
      this.sending.set(false);
    }
  }
}

/**
 * Sends one staff action from a dialog of the appeal card. Provided by each dialog component,
 * so it talks to that dialog's ref. A 409 closes the dialog: the form no longer fits the appeal.
 */
@Injectable()
export class StaffActionSender extends DialogSender<ActionDialogResult> implements RoutingSender {
  private readonly data = inject<ActionDialogData>(MAT_DIALOG_DATA);
  readonly appeal = this.data.appeal;
  /** The action the dialog was opened for (a proposal sends its form for approval). */
  readonly action = this.data.action;
  readonly proposing = PROPOSALS.includes(this.data.action);
  readonly appeals = [this.appeal];
  readonly currentAssigneeId = this.appeal.assigneeId;
  readonly bulk = false;

  send(action: DialogAction, body: ActionBody, form: FormGroup): Promise<void> {
    return this.submit(form, async () => {
      const { data, error, response } = await this.api.POST('/api/v1/staff/appeals/{idOrNumber}/actions/{action}', {
        params: { path: { idOrNumber: this.appeal.id, action } },
        body: { ...body, expectedVersion: this.appeal.version },
      });
      if (data) {
        this.dialogRef.close({ outcome: 'done' });
        return null;
      }
      if (response.status === 409) {
        this.dialogRef.close({ outcome: 'conflict', title: asProblem(error)?.title ?? this.t('actionDialog.failed') });
        return null;
      }
      return { refused: error };
    });
  }
}

let nextId = 0;

/** A page-unique id prefix for the labels and messages a dialog ties together with ARIA. */
export function dialogIds(): string {
  return `ok-action-dialog-${++nextId}`;
}

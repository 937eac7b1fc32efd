import type { AbstractControl, FormGroup } from '@angular/forms';
import { fieldErrors, type Problem } from '../../core/api/problem';
import type { I18n } from '../../core/i18n/i18n.service';

/**
 * Puts the API's field errors (`errors[]` of a problem) under the form's own fields, as a
 * `server` error the field shows until it is edited. A path such as `documents.0` belongs to
 * the `documents` control (or the control `aliases` names for it). Returns the errors no field of the form shows, as "field: message".
 */
export function putFieldErrors(form: FormGroup, problem: Problem | null, prefix = '', aliases: Readonly<Record<string, string>> = {}): string[] {
  const unplaced: string[] = [];
  for (const [field, message] of Object.entries(fieldErrors(problem))) {
    // `prefix`: the form is one object of the body (a draft's `draft.text` is the form's `text`).
    const path = prefix && field.startsWith(prefix) ? field.slice(prefix.length) : field;
    // `aliases`: a nested body field the form keeps flat (the intake's `applicant.phone` is its `phone`).
    const control = form.get(aliases[path] ?? path.split(/[.[]/)[0]);
    if (control) {
      control.setErrors({ server: message });
      control.markAsTouched();
    } else {
      unplaced.push(`${field}: ${message}`);
    }
  }
  return unplaced;
}

/**
 * The message under a field for the checks the dialogs share: the API's words first, then
 * required / length / range. Nothing until the operator has left the field or submitted.
 */
export function fieldMessage(control: AbstractControl, t: I18n['t']): string | null {
  if (control.hasError('server')) return control.getError('server') as string;
  if (!control.touched) return null;
  if (control.hasError('required')) return t('actionDialog.required');
  const tooLong = control.getError('maxlength') as { requiredLength: number } | null;
  if (tooLong) return t('actionDialog.tooLong', { max: tooLong.requiredLength });
  return null;
}

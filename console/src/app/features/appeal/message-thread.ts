import { ChangeDetectionStrategy, Component, inject, input, output, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../core/api/api-client';
import { Notifier } from '../../core/api/notifier';
import { asProblem, fieldErrors } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';

type Message = Schemas['MessageDto'];
const MAX_LENGTH = 5000;

/** The citizen ↔ staff thread with staff-only internal notes, and the form to add to it. */
@Component({
  selector: 'ok-message-thread',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatCheckboxModule, MatButtonModule],
  templateUrl: './message-thread.html',
  styleUrl: './message-thread.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MessageThread {
  private readonly api = inject(API);
  private readonly notifier = inject(Notifier);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  readonly appealRef = input.required<string>();
  readonly messages = input.required<readonly Message[]>();
  readonly closed = input(false);
  readonly posted = output<Message>();

  protected readonly maxLength = MAX_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    text: ['', [Validators.required, Validators.maxLength(MAX_LENGTH)]],
    internal: [false],
  });
  /** resetForm() on the directive also clears "submitted", so the emptied field is not shown as an error. */
  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly sending = signal(false);
  protected readonly internal = toSignal(this.form.controls.internal.valueChanges, { initialValue: false });
  /** Problems the API found in fields other than the text (shown under the form). */
  protected readonly otherErrors = signal<readonly string[]>([]);
  /** One key per message being written: a retried send cannot post the message twice. */
  private idempotencyKey = crypto.randomUUID();

  protected async send(): Promise<void> {
    this.otherErrors.set([]);
    const text = this.form.controls.text;
    if (text.value.trim() === '') text.setValue('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.sending.set(true);
    const body = this.form.getRawValue();
    try {
      const { data, error } = await this.api.POST('/api/v1/appeals/{idOrNumber}/messages', {
        params: { path: { idOrNumber: this.appealRef() }, header: { 'Idempotency-Key': this.idempotencyKey } },
        body,
      });
      if (data) {
        this.posted.emit(data);
        this.notifier.info(data.internal ? 'thread.noteSaved' : 'thread.sent');
        this.idempotencyKey = crypto.randomUUID();
        this.formDirective()?.resetForm({ text: '', internal: body.internal });
        return;
      }
      const byField = fieldErrors(asProblem(error));
      const { text: textError, ...rest } = byField;
      if (textError) {
        text.setErrors({ server: textError });
        text.markAsTouched();
      }
      this.otherErrors.set(Object.entries(rest).map(([field, message]) => `${field}: ${message}`));
    } catch {
      // The problem middleware has already said that the server could not be reached.
    } finally {
      this.sending.set(false);
    }
  }
}

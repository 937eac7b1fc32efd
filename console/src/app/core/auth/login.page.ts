import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, input, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { fieldErrors, problemMessage, type Problem } from '../api/problem';
import { I18n, type MessageKey } from '../i18n/i18n.service';
import { LangSwitch } from '../../ui/lang-switch';
import { AuthService, type MfaChallenge, type TotpEnrolment } from './auth.service';
import { safeReturnUrl } from './auth.guards';

/**
 * Where the sign-in stands: the password; the second factor (whatever `methods` the API asked
 * for); for staff who must enrol one, the TOTP enrolment (QR + secret); then the backup codes,
 * shown once before going on.
 */
type Step =
  | { kind: 'password' }
  | { kind: 'code'; challenge: MfaChallenge; codeSentTo: string | null }
  | { kind: 'enrol'; enrolment: TotpEnrolment; secret: string }
  | { kind: 'backupCodes'; codes: string[] };

/** What the API says of a spent or expired sign-in step: start again from the password. */
const STEP_EXPIRED = 'mfa_token_invalid';

@Component({
  selector: 'ok-login-page',
  imports: [NgTemplateOutlet, ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, LangSwitch],
  templateUrl: './login.page.html',
  styleUrl: './login.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  /** Where to go after signing in (bound from the query string). */
  readonly returnUrl = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    login: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  /** The second-factor code, the e-mailed code, or the first code of a new authenticator app. */
  protected readonly codeForm = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.maxLength(32)]],
  });
  protected readonly step = signal<Step>({ kind: 'password' });
  protected readonly submitting = signal(false);
  /** The API's own message (wrong password, lockout…), shown above the form. */
  protected readonly failure = signal<string | null>(null);
  protected readonly serverFieldErrors = signal<Record<string, string>>({});

  protected readonly codeSentTo = computed(() => {
    const step = this.step();
    return step.kind === 'code' ? step.codeSentTo : null;
  });
  /** SMS is offered until a code went out (it may be sent again after a minute). */
  protected readonly offersSms = computed(() => {
    const step = this.step();
    return step.kind === 'code' && step.challenge.methods.includes('sms');
  });
  protected readonly enrolment = computed(() => {
    const step = this.step();
    return step.kind === 'enrol' ? step : null;
  });
  protected readonly backupCodes = computed(() => {
    const step = this.step();
    return step.kind === 'backupCodes' ? step.codes : [];
  });

  /** The code field of the current step: focused when a step shows it, so typing can start at once. */
  private readonly codeInput = viewChild<ElementRef<HTMLInputElement>>('codeInput');

  constructor() {
    effect(() => this.codeInput()?.nativeElement.focus());
  }

  /** The hint under the code field: which codes this account may enter. */
  protected readonly codeHint = computed<MessageKey | null>(() => {
    const step = this.step();
    if (step.kind !== 'code') return null;
    if (step.challenge.enrolment) return 'mfa.hint.enrolEmail';
    const methods = step.challenge.methods;
    if (methods.includes('totp')) return methods.includes('backup_code') ? 'mfa.hint.totpOrBackup' : 'mfa.hint.totp';
    if (methods.includes('sms')) return methods.includes('backup_code') ? 'mfa.hint.smsOrBackup' : 'mfa.hint.sms';
    return 'mfa.hint.email';
  });

  protected async submit(): Promise<void> {
    this.resetMessages();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { login, password } = this.form.getRawValue();
    await this.busy(async () => {
      const result = await this.auth.login(login.trim(), password);
      if (result.ok) return this.proceed();
      if (result.mfa) return this.toCodeStep(result.mfa);
      this.fail(result.problem, 'login.failed');
    });
  }

  /** The code step: a sign-in code, or (enrolment) the e-mailed code, then the app's first code. */
  protected async submitCode(): Promise<void> {
    this.resetMessages();
    if (this.codeForm.invalid) {
      this.codeForm.markAllAsTouched();
      return;
    }
    const code = this.codeForm.getRawValue().code.trim();
    const step = this.step();
    await this.busy(async () => {
      if (step.kind === 'code' && step.challenge.enrolment) {
        const begun = await this.auth.beginEnrolment(step.challenge.mfaToken, code);
        if (!begun.ok) return this.failStep(begun.problem);
        this.codeForm.reset();
        this.step.set({ kind: 'enrol', enrolment: begun.value, secret: secretOf(begun.value.otpauthUri) });
        return;
      }
      if (step.kind === 'code') {
        const result = await this.auth.verifyMfa(step.challenge.mfaToken, code);
        if (result.ok) return this.proceed();
        return this.failStep(result.problem);
      }
      if (step.kind === 'enrol') {
        const confirmed = await this.auth.confirmEnrolment(step.enrolment.enrolmentToken, code);
        if (!confirmed.ok) return this.failStep(confirmed.problem);
        this.step.set({ kind: 'backupCodes', codes: confirmed.value.backupCodes });
      }
    });
  }

  protected async sendSms(): Promise<void> {
    const step = this.step();
    if (step.kind !== 'code') return;
    this.resetMessages();
    await this.busy(async () => {
      const sent = await this.auth.sendMfaSms(step.challenge.mfaToken);
      if (!sent.ok) return this.failStep(sent.problem);
      this.step.set({ ...step, codeSentTo: sent.value });
    });
  }

  /** Back to the password (a new sign-in: the step tokens are single-use and short-lived). */
  protected restart(): void {
    this.resetMessages();
    this.codeForm.reset();
    this.form.controls.password.reset();
    this.step.set({ kind: 'password' });
  }

  /** After the backup codes are noted: on to where the user was going. */
  protected async proceed(): Promise<void> {
    await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
  }

  private toCodeStep(challenge: MfaChallenge): void {
    this.codeForm.reset();
    this.step.set({ kind: 'code', challenge, codeSentTo: challenge.codeSentTo });
  }

  private failStep(problem: Problem | null): void {
    if (problem?.code === STEP_EXPIRED) {
      this.restart();
      this.failure.set(problemMessage(problem));
      return;
    }
    this.fail(problem, 'mfa.failed');
  }

  private fail(problem: Problem | null, fallback: MessageKey): void {
    this.failure.set(problem ? problemMessage(problem) : this.t(fallback));
    this.serverFieldErrors.set(fieldErrors(problem));
  }

  private resetMessages(): void {
    this.failure.set(null);
    this.serverFieldErrors.set({});
  }

  private async busy(work: () => Promise<void>): Promise<void> {
    this.submitting.set(true);
    try {
      await work();
    } catch {
      this.failure.set(this.t('net.offline'));
    } finally {
      this.submitting.set(false);
    }
  }
}

/** The base32 secret of an otpauth URI, for typing into an app that cannot scan the QR code. */
function secretOf(otpauthUri: string): string {
  const secret = /[?&]secret=([A-Z2-7]+)/i.exec(otpauthUri)?.[1] ?? '';
  return secret.toUpperCase().replace(/(.{4})(?=.)/g, '$1 ');
}

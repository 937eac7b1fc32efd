import { ChangeDetectionStrategy, Component, ElementRef, effect, inject, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import type { Schemas } from '@otklik/shared/api/client';
import { fieldErrors, problemMessage, type Problem } from '../api/problem';
import { I18n } from '../i18n/i18n.service';
import { LangSwitch } from '../../ui/lang-switch';
import { AuthService } from './auth.service';

type Enrolment = NonNullable<Schemas['AccountLinkAcceptedDto']['enrolment']>;

/** Where the invitee stands: the new password; the TOTP enrolment (QR + secret); the backup codes; done (sign in). */
type Step =
  | { kind: 'password' }
  | { kind: 'enrol'; enrolment: Enrolment; secret: string }
  | { kind: 'backupCodes'; codes: string[] }
  | { kind: 'done' };

/**
 * The page an e-mailed one-time link opens (`/account-link#<token>`; the token stays in the
 * fragment, so it reaches no server log): an invitee or a staff member an admin sent a reset sets
 * the password, enrols TOTP when the account has no second factor, notes the backup codes, and is
 * signed in.
 */
@Component({
  selector: 'ok-account-link-page',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, LangSwitch, RouterLink],
  templateUrl: './account-link.page.html',
  styleUrl: './login.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountLinkPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  private readonly token = (typeof location === 'undefined' ? '' : location.hash).replace(/^#/, '');
  protected readonly hasToken = this.token.length >= 20;
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', [Validators.required, Validators.maxLength(256)]],
    repeat: ['', Validators.required],
  });
  protected readonly codeForm = inject(NonNullableFormBuilder).group({ code: ['', [Validators.required, Validators.pattern(/^\s*\d{6}\s*$/)]] });
  protected readonly step = signal<Step>({ kind: 'password' });
  protected readonly email = signal<string | null>(null);
  protected readonly submitting = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly mismatch = signal(false);
  protected readonly serverFieldErrors = signal<Record<string, string>>({});
  private readonly codeInput = viewChild<ElementRef<HTMLInputElement>>('codeInput');

  constructor() {
    effect(() => this.codeInput()?.nativeElement.focus());
  }

  protected enrolment(): Extract<Step, { kind: 'enrol' }> | null {
    const step = this.step();
    return step.kind === 'enrol' ? step : null;
  }

  protected backupCodes(): string[] {
    const step = this.step();
    return step.kind === 'backupCodes' ? step.codes : [];
  }

  protected async submitPassword(): Promise<void> {
    this.reset();
    const { password, repeat } = this.form.getRawValue();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    if (password !== repeat) {
      this.mismatch.set(true);
      return;
    }
    await this.busy(async () => {
      const accepted = await this.auth.acceptAccountLink(this.token, password);
      if (!accepted.ok) return this.fail(accepted.problem);
      this.email.set(accepted.value.email);
      const enrolment = accepted.value.enrolment;
      this.step.set(enrolment ? { kind: 'enrol', enrolment, secret: secretOf(enrolment.otpauthUri) } : { kind: 'done' });
    });
  }

  protected async submitCode(): Promise<void> {
    this.reset();
    const step = this.step();
    if (step.kind !== 'enrol') return;
    if (this.codeForm.invalid) {
      this.codeForm.markAllAsTouched();
      return;
    }
    await this.busy(async () => {
      const confirmed = await this.auth.confirmEnrolment(step.enrolment.enrolmentToken, this.codeForm.getRawValue().code.trim());
      if (!confirmed.ok) return this.fail(confirmed.problem);
      this.step.set({ kind: 'backupCodes', codes: confirmed.value.backupCodes });
    });
  }

  protected async proceed(): Promise<void> {
    await this.router.navigateByUrl('/');
  }

  private fail(problem: Problem | null): void {
    this.failure.set(problem ? problemMessage(problem) : this.t('net.offline'));
    this.serverFieldErrors.set(fieldErrors(problem));
  }

  private reset(): void {
    this.failure.set(null);
    this.mismatch.set(false);
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

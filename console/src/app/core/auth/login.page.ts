import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import { fieldErrors, problemMessage } from '../api/problem';
import { I18n } from '../i18n/i18n.service';
import { LangSwitch } from '../../ui/lang-switch';
import { AuthService } from './auth.service';
import { safeReturnUrl } from './auth.guards';

@Component({
  selector: 'ok-login-page',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, LangSwitch],
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
  protected readonly submitting = signal(false);
  /** The API's own message (wrong password, lockout…), shown above the form. */
  protected readonly failure = signal<string | null>(null);
  protected readonly serverFieldErrors = signal<Record<string, string>>({});

  protected async submit(): Promise<void> {
    this.failure.set(null);
    this.serverFieldErrors.set({});
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    const { login, password } = this.form.getRawValue();
    try {
      const result = await this.auth.login(login.trim(), password);
      if (result.ok) {
        await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
        return;
      }
      if (result.mfaRequired) this.failure.set(this.t('login.mfaUnsupported'));
      else this.failure.set(result.problem ? problemMessage(result.problem) : this.t('login.failed'));
      this.serverFieldErrors.set(fieldErrors(result.problem));
    } catch {
      this.failure.set(this.t('net.offline'));
    } finally {
      this.submitting.set(false);
    }
  }
}

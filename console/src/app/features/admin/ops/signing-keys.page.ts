import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import type { Schemas } from '@otklik/shared/api/client';
import { firstValueFrom } from 'rxjs';
import { API } from '../../../core/api/api-client';
import { asProblem, problemMessage } from '../../../core/api/problem';
import { AuthService } from '../../../core/auth/auth.service';
import { I18n } from '../../../core/i18n/i18n.service';
import { ConfirmDialog, type ConfirmData } from './confirm-dialog';

type SigningKey = Schemas['SigningKeyDto'];

/**
 * Keys of signed answers (admins change, auditors read): the active key and the retired ones
 * that still verify, with fingerprints to compare out of band; an admin rotates after a confirmation.
 */
@Component({
  selector: 'ok-signing-keys-page',
  imports: [MatButtonModule],
  template: `
    <section class="page">
      <header class="head">
        <h1 class="page-title">{{ t('signingKeys.heading') }}</h1>
        <span class="spacer"></span>
        @if (isAdmin()) {
          <button mat-flat-button type="button" [disabled]="busy()" (click)="rotate()" data-testid="rotate-key">{{ t('signingKeys.rotate') }}</button>
        }
      </header>
      <p class="muted">{{ t('signingKeys.intro') }}</p>
      <p class="visually-hidden" role="status" aria-live="polite">{{ notice() ?? '' }}</p>
      @if (notice(); as message) {
        <div class="panel">{{ message }}</div>
      }
      @if (failure(); as message) {
        <div class="panel error-text" role="alert">{{ message }}</div>
      }
      <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="t('signingKeys.heading')">
        <table class="data-table" data-testid="signing-keys">
          <thead>
            <tr>
              <th scope="col">{{ t('signingKeys.kid') }}</th>
              <th scope="col">{{ t('signingKeys.state') }}</th>
              <th scope="col">{{ t('signingKeys.algorithm') }}</th>
              <th scope="col">{{ t('signingKeys.source') }}</th>
              <th scope="col">{{ t('signingKeys.created') }}</th>
              <th scope="col">{{ t('signingKeys.activated') }}</th>
              <th scope="col">{{ t('signingKeys.retired') }}</th>
              <th scope="col">{{ t('signingKeys.fingerprint') }}</th>
            </tr>
          </thead>
          <tbody>
            @for (k of keys(); track k.kid) {
              <tr [attr.data-kid]="k.kid" [attr.data-state]="k.state">
                <td class="mono">{{ k.kid }}</td>
                <td>{{ t(k.state === 'active' ? 'signingKeys.active' : 'signingKeys.retiredState') }}</td>
                <td>{{ k.algorithm }}</td>
                <td>{{ t(k.source === 'generated' ? 'signingKeys.generated' : 'signingKeys.configuration') }}</td>
                <td>{{ i18n.dateTime(k.createdAt) }}</td>
                <td>{{ i18n.dateTime(k.activatedAt) }}</td>
                <td>{{ i18n.dateTime(k.retiredAt) }}</td>
                <td class="mono">{{ k.fingerprint }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </section>
  `,
  styleUrl: '../admin-pages.scss',
  styles: `
    .data-table { border-collapse: collapse; width: 100%; }
    .data-table th, .data-table td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); vertical-align: top; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SigningKeysPage {
  private readonly api = inject(API);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly isAdmin = computed(() => this.auth.user()?.role === 'admin');
  protected readonly keys = signal<SigningKey[]>([]);
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly failure = signal<string | null>(null);

  constructor() {
    void this.load();
  }

  protected async rotate(): Promise<void> {
    const active = this.keys().find((k) => k.state === 'active');
    const data: ConfirmData = { title: 'signingKeys.confirmTitle', text: this.t('signingKeys.confirmText', { kid: active?.kid ?? '—' }), confirm: 'signingKeys.rotate' };
    const ok = await firstValueFrom(this.dialog.open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, { data, width: '480px' }).afterClosed());
    if (ok !== true) return;
    this.busy.set(true);
    this.failure.set(null);
    try {
      const { data: created, error } = await this.api.POST('/api/v1/admin/signing-keys/rotate');
      if (!created) {
        const problem = asProblem(error);
        this.failure.set(problem ? problemMessage(problem) : this.t('signingKeys.failed'));
        return;
      }
      this.notice.set(this.t('signingKeys.rotated', { kid: created.kid }));
      await this.load();
    } finally {
      this.busy.set(false);
    }
  }

  private async load(): Promise<void> {
    const { data } = await this.api.GET('/api/v1/admin/signing-keys');
    if (data) this.keys.set(data);
    else this.failure.set(this.t('signingKeys.failed'));
  }
}

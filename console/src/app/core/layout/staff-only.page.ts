import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { AuthService } from '../auth/auth.service';
import { I18n } from '../i18n/i18n.service';

/** What a citizen or an admin sees after signing in: the console is not for them. */
@Component({
  selector: 'ok-staff-only-page',
  imports: [MatButtonModule, RouterLink],
  template: `
    <section class="page">
      <div class="panel notice">
        <h1 class="page-title">{{ t('staffOnly.heading') }}</h1>
        <p>{{ t('staffOnly.body', { role: role() }) }}</p>
        @if (isCitizen()) {
          <p class="muted">{{ t('staffOnly.citizenHint') }}</p>
        }
        @if (readsAudit()) {
          <p>{{ t('staffOnly.auditHint') }} <a routerLink="/audit/alerts">{{ t('staffOnly.alerts') }}</a> ·
            <a routerLink="/audit/personal-data-access">{{ t('title.pdAccess') }}</a> ·
            <a routerLink="/audit/log">{{ t('title.auditLog') }}</a></p>
        }
        @if (isAdmin()) {
          <p>{{ t('staffOnly.adminHint') }} <a routerLink="/admin/staff">{{ t('title.staff') }}</a> ·
            <a routerLink="/admin/departments">{{ t('title.departments') }}</a> ·
            <a routerLink="/admin/webhooks">{{ t('title.webhooks') }}</a> ·
            <a routerLink="/admin/categories">{{ t('title.adminCategories') }}</a> ·
            <a routerLink="/admin/routing">{{ t('title.adminRouting') }}</a> · <a routerLink="/admin/calendar">{{ t('title.adminCalendar') }}</a> ·
            <a routerLink="/admin/snippets">{{ t('title.snippets') }}</a> ·
            <a routerLink="/admin/notification-templates">{{ t('title.noticeTemplates') }}</a> ·
            <a routerLink="/admin/macros">{{ t('title.macros') }}</a></p>
        }
        <button mat-flat-button type="button" (click)="logout()">{{ t('staffOnly.logout') }}</button>
      </div>
    </section>
  `,
  styles: `
    .notice {
      max-width: 640px;
      margin: 6vh auto 0;
      padding: 28px 32px;
    }
    p {
      margin: 0 0 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffOnlyPage {
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly role = computed(() => this.i18n.role(this.auth.user()?.role ?? '').toLowerCase());
  protected readonly isCitizen = computed(() => this.auth.user()?.role === 'citizen');
  protected readonly isAdmin = computed(() => this.auth.user()?.role === 'admin');
  protected readonly readsAudit = computed(() => ['admin', 'auditor'].includes(this.auth.user()?.role ?? ''));

  protected logout(): void {
    void this.auth.logout();
  }
}

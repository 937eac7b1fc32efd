import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { LangSwitch } from '../../ui/lang-switch';
import { AuthService } from '../auth/auth.service';
import { I18n } from '../i18n/i18n.service';
import { NotificationBell } from '../notifications/notification-bell';

/** The frame of every signed-in page: product name, who is signed in, notifications, language, sign-out. */
@Component({
  selector: 'ok-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatToolbarModule, MatButtonModule, LangSwitch, NotificationBell],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;
  protected readonly user = this.auth.user;
  protected readonly isConsoleUser = this.auth.isConsoleUser;
  /** Operators are not shown the reports (the API refuses them anyway). */
  protected readonly canSeeReports = computed(() => ['supervisor', 'admin'].includes(this.user()?.role ?? ''));
  /** Admins administer staff, departments and webhooks; admins and auditors read the audit log. */
  protected readonly isAdmin = computed(() => this.user()?.role === 'admin');
  protected readonly readsAudit = computed(() => ['admin', 'auditor'].includes(this.user()?.role ?? ''));
  protected readonly userLine = computed(() => {
    const user = this.user();
    if (!user) return '';
    const department = this.i18n.name(user.department);
    return [this.i18n.role(user.role), department].filter(Boolean).join(' · ');
  });

  protected skipToMain(event: Event, main: HTMLElement): void {
    event.preventDefault();
    main.focus();
  }

  protected logout(): void {
    void this.auth.logout();
  }
}

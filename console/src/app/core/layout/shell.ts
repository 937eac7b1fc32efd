import { ChangeDetectionStrategy, Component, DestroyRef, Injector, afterNextRender, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { PresenceBoard } from '../presence/presence-board';
import { DEFAULT_VIEW, QUEUE_VIEWS, QueueViews } from '../queue/queue-views';
import { ThemeSwitch } from '../theme/theme';
import { LangSwitch } from '../../ui/lang-switch';
import { AuthService } from '../auth/auth.service';
import { I18n } from '../i18n/i18n.service';
import { NotificationBell } from '../notifications/notification-bell';

/** The frame of every signed-in page: product name, who is signed in, notifications, language, sign-out. */
@Component({
  selector: 'ok-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatToolbarModule, MatButtonModule, LangSwitch, NotificationBell, ThemeSwitch],
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

  protected readonly views = inject(QueueViews);
  /** From sign-in on: the stream's first list of who is on which card comes as it connects. */
  private readonly presence = inject(PresenceBoard);
  protected readonly defaultView = DEFAULT_VIEW;
  private readonly router = inject(Router);
  private readonly url = toSignal(
    this.router.events.pipe(
      filter((e): e is NavigationEnd => e instanceof NavigationEnd),
      map((e) => e.urlAfterRedirects),
    ),
    { initialValue: this.router.url },
  );
  /** The queue view on screen (none off the queue), for the rail's current link. */
  protected readonly activeView = computed(() => {
    const url = this.router.parseUrl(this.url());
    if (url.root.children['primary']?.segments[0]?.path !== 'queue') return null;
    const view = url.queryParamMap.get('view');
    return QUEUE_VIEWS.some((v) => v.view === view) ? view : DEFAULT_VIEW;
  });

  constructor() {
    // A new page (not a new query on the same one, e.g. the queue's filters) moves focus to its
    // main heading, so a screen reader announces it and the keyboard starts from there.
    const injector = inject(Injector);
    let lastPath: string | null = null;
    const sub = this.router.events.pipe(filter((e): e is NavigationEnd => e instanceof NavigationEnd)).subscribe((e) => {
      const path = e.urlAfterRedirects.split(/[?#]/)[0];
      const first = lastPath === null;
      if (path === lastPath) return;
      lastPath = path;
      if (first) return;
      afterNextRender({ write: () => focusHeading(0) }, { injector });
    });
    inject(DestroyRef).onDestroy(() => sub.unsubscribe());
  }

  protected skipToMain(event: Event, main: HTMLElement): void {
    event.preventDefault();
    main.focus();
  }

  protected logout(): void {
    void this.auth.logout();
  }
}

/** Focuses the page's h1 once a lazy page has rendered it (a few frames at most). */
function focusHeading(attempt: number): void {
  const heading = document.querySelector<HTMLElement>('main h1');
  if (heading) {
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: false });
    return;
  }
  if (attempt < 20) setTimeout(() => focusHeading(attempt + 1), 50);
}

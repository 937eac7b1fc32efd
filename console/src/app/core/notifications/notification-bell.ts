import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject } from '@angular/core';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatMenuModule } from '@angular/material/menu';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { I18n } from '../i18n/i18n.service';
import { NotificationCenter, type NotificationItem } from './notification-center';

/** The console route of an item's appeal (the item's `link` is absolute, for e-mail). */
export function appealRoute(item: Pick<NotificationItem, 'appealNumber' | 'appealId'>): string[] | null {
  const ref = item.appealNumber ?? item.appealId;
  return ref === null ? null : ['/appeals', String(ref)];
}

/**
 * The toolbar's bell: the unread count as a badge, live over the notification stream, and a menu
 * of the newest items. It also tells the operator, with a snackbar, when a new appeal lands in the
 * department's queue.
 */
@Component({
  selector: 'ok-notification-bell',
  imports: [RouterLink, MatBadgeModule, MatButtonModule, MatDividerModule, MatMenuModule],
  templateUrl: './notification-bell.html',
  styleUrl: './notification-bell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationBell {
  private readonly center = inject(NotificationCenter);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly unread = this.center.unread;
  protected readonly latest = this.center.latest;
  protected readonly connected = this.center.connected;
  protected readonly badge = computed(() => (this.unread() > 99 ? '99+' : String(this.unread())));
  /** The name says what the badge shows («99+» past 99), so the visible text stays part of the name (axe label-content-name-mismatch). */
  protected readonly label = computed(() => (this.unread() > 0 ? this.t('bell.labelUnread', { count: this.badge() }) : this.t('bell.label')));

  constructor() {
    const stop = this.center.onArrival((item) => this.toast(item));
    inject(DestroyRef).onDestroy(stop);
  }

  protected async open(item: NotificationItem): Promise<void> {
    if (!item.readAt) void this.center.markRead([item.id]);
    await this.router.navigate(appealRoute(item) ?? ['/notifications']);
  }

  protected markAll(): void {
    void this.center.markAllRead();
  }

  /**
   * «Новое обращение № … в очереди», with «Открыть» to go to its card. Only one snackbar shows at a
   * time and a new one replaces the open one: a message already on screen (an error the operator must
   * read) is left alone, the bell's badge still counts the appeal.
   */
  private toast(item: NotificationItem): void {
    if (item.kind !== 'queue_new' || item.readAt) return;
    if (this.snackBar._openedSnackBarRef) return;
    const route = appealRoute(item);
    const ref = this.snackBar.open(this.t('toast.queueNew', { number: item.appealNumber ?? '' }), this.t('toast.open'), {
      duration: 10_000,
      politeness: 'polite',
      // snack-notification: tests (and styles) tell a live notice from the API's messages.
      panelClass: ['snack-info', 'snack-notification'],
    });
    ref.onAction().subscribe(() => {
      void this.center.markRead([item.id]);
      if (route) void this.router.navigate(route);
    });
  }
}

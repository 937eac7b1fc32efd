import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { API } from '../../core/api/api-client';
import { I18n } from '../../core/i18n/i18n.service';
import { appealRoute } from '../../core/notifications/notification-bell';
import { NotificationCenter, type NotificationItem } from '../../core/notifications/notification-center';

const PAGE_SIZE = 20;

/** The whole feed, newest first, a page at a time (by cursor), with «только непрочитанные». */
@Component({
  selector: 'ok-notifications-page',
  imports: [RouterLink, MatButtonModule, MatSlideToggleModule],
  templateUrl: './notifications.page.html',
  styleUrl: './notifications.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationsPage {
  private readonly api = inject(API);
  private readonly center = inject(NotificationCenter);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly items = signal<NotificationItem[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly onlyUnread = signal(false);
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);
  protected readonly unread = this.center.unread;
  protected readonly appealRoute = appealRoute;

  private loadSeq = 0;

  constructor() {
    void this.load(true);
    // What arrives live goes on top; the filter keeps only unread ones anyway (new items are).
    const stop = this.center.onArrival((item) => this.items.update((items) => (items.some((i) => i.id === item.id) ? items : [item, ...items])));
    inject(DestroyRef).onDestroy(stop);
  }

  protected setOnlyUnread(only: boolean): void {
    this.onlyUnread.set(only);
    void this.load(true);
  }

  protected more(): void {
    void this.load(false);
  }

  protected async markRead(item: NotificationItem): Promise<void> {
    if (await this.center.markRead([item.id])) this.markLocally([item.id]);
  }

  protected async markAll(): Promise<void> {
    if (await this.center.markAllRead()) this.markLocally(this.items().map((item) => item.id));
  }

  /** Opening an item's appeal reads it. */
  protected opened(item: NotificationItem): void {
    if (!item.readAt) void this.markRead(item);
  }

  private markLocally(ids: string[]): void {
    const now = new Date().toISOString();
    this.items.update((items) => items.map((item) => (ids.includes(item.id) && !item.readAt ? { ...item, readAt: now } : item)));
  }

  private async load(reset: boolean): Promise<void> {
    const seq = ++this.loadSeq;
    this.loading.set(true);
    this.failed.set(false);
    try {
      const cursor = reset ? undefined : (this.nextCursor() ?? undefined);
      const { data } = await this.api.GET('/api/v1/me/notifications', {
        params: { query: { limit: PAGE_SIZE, cursor, unread: this.onlyUnread() || undefined } },
      });
      if (seq !== this.loadSeq) return;
      if (!data) {
        this.failed.set(true);
        return;
      }
      this.items.update((items) => (reset ? data.items : [...items, ...data.items.filter((item) => !items.some((known) => known.id === item.id))]));
      this.nextCursor.set(data.nextCursor);
      this.center.setUnread(data.unread);
    } catch {
      if (seq === this.loadSeq) this.failed.set(true);
    } finally {
      if (seq === this.loadSeq) this.loading.set(false);
    }
  }
}

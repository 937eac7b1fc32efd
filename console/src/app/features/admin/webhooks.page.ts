import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../core/api/api-client';
import { I18n } from '../../core/i18n/i18n.service';

type Subscription = Schemas['WebhookSubscriptionDto'];
type Delivery = Schemas['WebhookDeliveryDto'];

const PAGE_SIZE = 50;

/**
 * Webhook subscriptions (admins): each with its state and run of failures; the one chosen shows
 * its delivery log, newest first, a page at a time, with a replay per delivery and a test event.
 * Subscriptions are created and changed through the API (the secret is shown once there).
 */
@Component({
  selector: 'ok-webhooks-page',
  imports: [MatButtonModule, MatTableModule],
  templateUrl: './webhooks.page.html',
  styleUrl: './webhooks.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WebhooksPage {
  private readonly api = inject(API);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly subscriptionColumns = ['name', 'url', 'events', 'state', 'failures', 'actions'];
  protected readonly deliveryColumns = ['createdAt', 'eventType', 'status', 'attempts', 'code', 'duration', 'error', 'actions'];
  protected readonly subscriptions = signal<Subscription[]>([]);
  protected readonly selected = signal<Subscription | null>(null);
  protected readonly deliveries = signal<Delivery[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);
  protected readonly busy = signal<string | null>(null);

  private loadSeq = 0;

  constructor() {
    void this.loadSubscriptions();
  }

  protected async loadSubscriptions(): Promise<void> {
    this.failed.set(false);
    try {
      const { data } = await this.api.GET('/api/v1/admin/webhooks');
      if (!data) {
        this.failed.set(true);
        return;
      }
      this.subscriptions.set(data.items);
      const current = this.selected();
      if (current) this.selected.set(data.items.find((s) => s.id === current.id) ?? null);
    } catch {
      this.failed.set(true);
    }
  }

  protected select(subscription: Subscription): void {
    this.selected.set(subscription);
    void this.loadLog(true);
  }

  protected more(): void {
    void this.loadLog(false);
  }

  protected async replay(delivery: Delivery): Promise<void> {
    const subscription = this.selected();
    if (!subscription) return;
    this.busy.set(delivery.id);
    try {
      await this.api.POST('/api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/replay', { params: { path: { id: subscription.id, deliveryId: delivery.id } } });
      await this.loadLog(true);
    } finally {
      this.busy.set(null);
    }
  }

  protected async sendTest(subscription: Subscription): Promise<void> {
    this.busy.set(subscription.id);
    try {
      await this.api.POST('/api/v1/admin/webhooks/{id}/test', { params: { path: { id: subscription.id } } });
      if (this.selected()?.id === subscription.id) await this.loadLog(true);
    } finally {
      this.busy.set(null);
    }
  }

  protected async setEnabled(subscription: Subscription, enabled: boolean): Promise<void> {
    this.busy.set(subscription.id);
    try {
      await this.api.PATCH('/api/v1/admin/webhooks/{id}', { params: { path: { id: subscription.id } }, body: { enabled } });
      await this.loadSubscriptions();
    } finally {
      this.busy.set(null);
    }
  }

  private async loadLog(reset: boolean): Promise<void> {
    const subscription = this.selected();
    if (!subscription) return;
    const seq = ++this.loadSeq;
    this.loading.set(true);
    try {
      const cursor = reset ? undefined : (this.nextCursor() ?? undefined);
      const { data } = await this.api.GET('/api/v1/admin/webhooks/{id}/deliveries', { params: { path: { id: subscription.id }, query: { limit: PAGE_SIZE, cursor } } });
      if (seq !== this.loadSeq || !data) return;
      this.deliveries.update((all) => (reset ? data.items : [...all, ...data.items]));
      this.nextCursor.set(data.nextCursor);
    } finally {
      if (seq === this.loadSeq) this.loading.set(false);
    }
  }
}

import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../core/api/api-client';
import { I18n } from '../../core/i18n/i18n.service';

type Delivery = Schemas['NotificationDeliveryDto'];
type DeliveryStatus = Delivery['status'];

/** Colour family of a delivery's status (the palette the status chips share); exhaustive. */
export function deliveryTone(status: DeliveryStatus): string {
  switch (status) {
    case 'pending':
    case 'held':
    case 'digest':
      return 'tone-wait';
    case 'sent':
      return 'tone-info';
    case 'delivered':
      return 'tone-done';
    case 'failed':
      return 'tone-progress';
    case 'dead':
      return 'tone-bad';
  }
}

/**
 * The card's «Уведомления»: every notice the appeal caused, to whom, by which channel, where it
 * stands and what the provider's receipt said; the last error is there for staff to act on.
 */
@Component({
  selector: 'ok-appeal-notifications',
  imports: [MatButtonModule],
  template: `
    <section class="panel block" aria-labelledby="deliveries-heading" data-testid="appeal-notifications">
      <div class="head">
        <h2 id="deliveries-heading" class="section-title">{{ t('delivery.heading') }}</h2>
        <button mat-button type="button" (click)="load()">{{ t('common.refresh') }}</button>
      </div>
      @if (failed()) {
        <p class="error-text" role="alert">{{ t('delivery.loadFailed') }}</p>
      } @else if (deliveries(); as list) {
        @if (list.length) {
          <!-- A region that scrolls sideways is reachable from the keyboard (axe scrollable-region-focusable). -->
          <div class="scroll" tabindex="0" role="region" [attr.aria-label]="t('delivery.heading')">
            <table class="deliveries">
              <thead>
                <tr>
                  <th scope="col">{{ t('delivery.kind') }}</th>
                  <th scope="col">{{ t('delivery.channel') }}</th>
                  <th scope="col">{{ t('delivery.recipient') }}</th>
                  <th scope="col">{{ t('delivery.status') }}</th>
                  <th scope="col">{{ t('delivery.address') }}</th>
                  <th scope="col">{{ t('delivery.when') }}</th>
                  <th scope="col">{{ t('delivery.receipt') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (d of list; track d.id) {
                  <tr data-testid="delivery-row" [attr.data-kind]="d.kind" [attr.data-channel]="d.channel" [attr.data-status]="d.status">
                    <td>{{ i18n.noticeKind(d.kind) }}</td>
                    <td>{{ i18n.channel(d.channel) }}</td>
                    <td>{{ t(d.recipient === 'citizen' ? 'delivery.recipient.citizen' : 'delivery.recipient.staff') }}</td>
                    <td>
                      <span [class]="['chip', tone(d.status)]">{{ i18n.deliveryStatus(d.status) }}</span>&ngsp;
                      @if (d.attempts > 1) {
                        <span class="muted small">{{ t('delivery.attempts', { count: d.attempts }) }}</span>
                      }
                    </td>
                    <td class="masked">{{ d.address ?? t('common.none') }}</td>
                    <td>
                      @if (d.sentAt) {
                        {{ i18n.dateTime(d.sentAt) }}
                      } @else if (d.scheduledFor) {
                        {{ t('delivery.scheduledFor', { at: i18n.dateTime(d.scheduledFor) }) }}
                      } @else {
                        {{ i18n.dateTime(d.createdAt) }}
                      }
                    </td>
                    <td>
                      @if (d.receiptStatus) {
                        {{ d.receiptStatus }}&ngsp;
                        @if (d.receiptAt) {
                          <span class="muted small">{{ i18n.dateTime(d.receiptAt) }}</span>
                        }
                      } @else {
                        {{ t('common.none') }}
                      }
                      &ngsp;
                      @if (d.lastError) {
                        <span class="error-text small" data-testid="delivery-error">{{ t('delivery.error') }}: {{ d.lastError }}</span>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          <p class="muted small">{{ t('common.msk') }}</p>
        } @else {
          <p class="muted">{{ t('delivery.empty') }}</p>
        }
      } @else {
        <p class="muted" role="status">{{ t('common.loading') }}</p>
      }
    </section>
  `,
  styles: `
    .block {
      padding: 16px 20px;
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
    }
    .section-title {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .scroll {
      overflow-x: auto;
    }
    .deliveries {
      width: 100%;
      border-collapse: collapse;
      font-size: 13px;
    }
    th,
    td {
      padding: 6px 8px;
      text-align: left;
      vertical-align: top;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    th {
      font-weight: 500;
      color: var(--mat-sys-on-surface-variant);
    }
    .chip {
      display: inline-block;
      padding: 2px 10px;
      border-radius: 999px;
      font-size: 12px;
      font-weight: 500;
      line-height: 20px;
      white-space: nowrap;
      background: var(--tone-bg);
      color: var(--tone-fg);
    }
    .small {
      display: block;
      font-size: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppealNotifications {
  private readonly api = inject(API);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  /** The appeal's id (or number). */
  readonly appealRef = input.required<string>();

  protected readonly deliveries = signal<Delivery[] | null>(null);
  protected readonly failed = signal(false);
  protected readonly tone = (status: DeliveryStatus): string => deliveryTone(status) ?? 'tone-neutral';

  private seq = 0;

  constructor() {
    effect(() => {
      this.appealRef();
      untracked(() => void this.load());
    });
  }

  protected async load(): Promise<void> {
    const seq = ++this.seq;
    this.failed.set(false);
    try {
      const { data } = await this.api.GET('/api/v1/appeals/{idOrNumber}/notifications', { params: { path: { idOrNumber: this.appealRef() } } });
      if (seq !== this.seq) return;
      if (data) this.deliveries.set(data);
      else this.failed.set(true);
    } catch {
      if (seq === this.seq) this.failed.set(true);
    }
  }
}

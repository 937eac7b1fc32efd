import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import type { Schemas } from '@otklik/shared/api/client';
import { firstValueFrom } from 'rxjs';
import { API } from '../../../core/api/api-client';
import { asProblem, problemMessage } from '../../../core/api/problem';
import { I18n } from '../../../core/i18n/i18n.service';
import { ConfirmDialog, type ConfirmData } from './confirm-dialog';

type Delivery = Schemas['EventDeliveryDto'];
type Status = Schemas['EventDeliveryStatus'];

/**
 * Dead letters of the event consumers (admins): retry one (a fresh budget of attempts, run now)
 * or discard it after a confirmation (kept as discarded, never run again). Both are audited.
 */
@Component({
  selector: 'ok-queues-page',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatSelectModule],
  template: `
    <section class="page">
      <h1 class="page-title">{{ t('queues.heading') }}</h1>
      <p class="muted">{{ t('queues.intro') }}</p>
      <p class="visually-hidden" role="status" aria-live="polite">{{ notice() ?? '' }}</p>
      @if (notice(); as message) {
        <div class="panel">{{ message }}</div>
      }
      @if (failure(); as message) {
        <div class="panel error-text" role="alert">{{ message }}</div>
      }
      <div class="form-row">
        <mat-form-field appearance="outline">
          <mat-label>{{ t('queues.status') }}</mat-label>
          <mat-select [ngModel]="status()" (ngModelChange)="show($event)" data-testid="queues-status">
            <mat-option value="dead">{{ t('queues.status.dead') }}</mat-option>
            <mat-option value="discarded">{{ t('queues.status.discarded') }}</mat-option>
          </mat-select>
        </mat-form-field>
      </div>
      @if (items().length === 0) {
        <p class="muted" data-testid="queues-empty">{{ t(status() === 'dead' ? 'queues.noneDead' : 'queues.noneDiscarded') }}</p>
      } @else {
        <div class="table-wrap" tabindex="0" role="region" [attr.aria-label]="t('queues.heading')">
          <table class="data-table" data-testid="dead-letters">
            <thead>
              <tr>
                <th scope="col">{{ t('queues.event') }}</th>
                <th scope="col">{{ t('queues.consumer') }}</th>
                <th scope="col">{{ t('queues.attempts') }}</th>
                <th scope="col">{{ t('queues.error') }}</th>
                <th scope="col">{{ t('queues.created') }}</th>
                @if (status() === 'dead') {
                  <th scope="col">{{ t('queues.actions') }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (d of items(); track d.eventId + d.consumer) {
                <tr [attr.data-event]="d.eventId">
                  <td><span class="mono">{{ d.eventId }}</span> · {{ d.eventType }}</td>
                  <td class="mono">{{ d.consumer }}</td>
                  <td>{{ d.attempts }}</td>
                  <td class="error-cell">{{ d.lastError ?? '—' }}</td>
                  <td>{{ i18n.dateTime(d.createdAt) }}</td>
                  @if (status() === 'dead') {
                    <td class="row-actions">
                      <button mat-stroked-button type="button" [disabled]="busy()" (click)="retry(d)" [attr.aria-label]="t('queues.retryNamed', { id: d.eventId, consumer: d.consumer })">{{ t('queues.retry') }}</button>
                      <button mat-button type="button" [disabled]="busy()" (click)="discard(d)" [attr.aria-label]="t('queues.discardNamed', { id: d.eventId, consumer: d.consumer })">{{ t('queues.discard') }}</button>
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
      <section class="panel" aria-labelledby="queues-board-heading">
        <h2 id="queues-board-heading" class="section-title">{{ t('queues.board') }}</h2>
        @if (board(); as b) {
          @if (b.available) {
            <p class="muted">{{ t('queues.boardIntro') }}</p>
            <button mat-stroked-button type="button" [disabled]="busy()" (click)="openBoard()" data-testid="queues-board-open">{{ t('queues.boardOpen') }}</button>
          } @else {
            <p class="muted" data-testid="queues-board">{{ t('queues.boardAbsent') }}</p>
          }
        }
      </section>
    </section>
  `,
  styleUrl: '../admin-pages.scss',
  styles: `
    .data-table { border-collapse: collapse; width: 100%; }
    .data-table th, .data-table td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); vertical-align: top; }
    .error-cell { max-width: 360px; overflow-wrap: anywhere; }
    .row-actions { display: flex; gap: 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QueuesPage {
  private readonly api = inject(API);
  private readonly dialog = inject(MatDialog);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly status = signal<Status>('dead');
  protected readonly board = signal<Schemas['QueueBoardDto'] | null>(null);
  protected readonly items = signal<Delivery[]>([]);
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly failure = signal<string | null>(null);

  constructor() {
    void this.load();
    void this.api.GET('/api/v1/admin/queues/board').then(({ data }) => this.board.set(data ?? null));
  }

  /** The board's pages cannot carry the bearer token: a short-lived cookie for them first, then the board in a new tab. */
  protected async openBoard(): Promise<void> {
    const tab = window.open('', '_blank');
    const { data, error } = await this.api.POST('/api/v1/admin/queues/board/session');
    if (!data) {
      tab?.close();
      return this.fail(error);
    }
    if (tab) tab.location.href = data.url;
    else window.location.href = data.url;
  }

  protected show(status: Status): void {
    this.status.set(status);
    void this.load();
  }

  protected async retry(d: Delivery): Promise<void> {
    await this.run(async () => {
      const { data, error } = await this.api.POST('/api/v1/admin/event-deliveries/retry', { body: { eventIds: [d.eventId], consumer: d.consumer } });
      if (!data) return this.fail(error);
      this.notice.set(this.t('queues.retried', { count: data.retried }));
    });
  }

  protected async discard(d: Delivery): Promise<void> {
    const data: ConfirmData = { title: 'queues.confirmTitle', text: this.t('queues.confirmText', { id: d.eventId, consumer: d.consumer }), confirm: 'queues.discard' };
    const ok = await firstValueFrom(this.dialog.open<ConfirmDialog, ConfirmData, boolean>(ConfirmDialog, { data, width: '480px' }).afterClosed());
    if (ok !== true) return;
    await this.run(async () => {
      const { data: result, error } = await this.api.POST('/api/v1/admin/event-deliveries/discard', { body: { eventIds: [d.eventId], consumer: d.consumer } });
      if (!result) return this.fail(error);
      this.notice.set(this.t('queues.discarded', { count: result.discarded }));
    });
  }

  private fail(error: unknown): void {
    const problem = asProblem(error);
    this.failure.set(problem ? problemMessage(problem) : this.t('queues.failed'));
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.failure.set(null);
    try {
      await work();
      await this.load();
    } finally {
      this.busy.set(false);
    }
  }

  private async load(): Promise<void> {
    const { data } = await this.api.GET('/api/v1/admin/event-deliveries', { params: { query: { status: this.status(), limit: 100 } } });
    if (data) this.items.set(data.items);
    else this.failure.set(this.t('queues.failed'));
  }
}

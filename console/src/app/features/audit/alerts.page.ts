import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatTableModule } from '@angular/material/table';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../core/api/api-client';
import { AuthService } from '../../core/auth/auth.service';
import { I18n } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages.ru';

type Alert = Schemas['AuditAlertDto'];
type Status = 'open' | 'resolved';
type Resolution = Schemas['AuditAlertResolution'];

const PAGE_SIZE = 50;
const KIND_KEYS: Record<Alert['kind'], MessageKey> = {
  failed_sign_ins: 'alerts.kind.failed_sign_ins',
  new_network: 'alerts.kind.new_network',
  mass_reveal: 'alerts.kind.mass_reveal',
  bulk_export: 'alerts.kind.bulk_export',
  off_hours: 'alerts.kind.off_hours',
};

/**
 * Security alerts of the audit signals (admins and auditors): open or resolved, newest first, a
 * page at a time; an open alert is resolved as confirmed or a false positive, and an admin may
 * unlock the account the alert locked.
 */
@Component({
  selector: 'ok-audit-alerts-page',
  imports: [MatButtonModule, MatButtonToggleModule, MatCheckboxModule, MatTableModule],
  templateUrl: './alerts.page.html',
  styleUrl: './alerts.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditAlertsPage {
  private readonly api = inject(API);
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly columns = ['raisedAt', 'kind', 'subject', 'occurrences', 'state', 'actions'];
  protected readonly status = signal<Status>('open');
  protected readonly alerts = signal<Alert[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);
  protected readonly busy = signal<string | null>(null);
  protected readonly unlock = signal(true);
  protected readonly isAdmin = computed(() => this.auth.user()?.role === 'admin');

  private loadSeq = 0;

  constructor() {
    void this.load(true);
  }

  protected kind(alert: Alert): string {
    return this.t(KIND_KEYS[alert.kind]);
  }

  protected setStatus(status: Status): void {
    this.status.set(status);
    void this.load(true);
  }

  protected more(): void {
    void this.load(false);
  }

  protected async resolve(alert: Alert, resolution: Resolution): Promise<void> {
    this.busy.set(alert.id);
    try {
      const unlock = this.isAdmin() && alert.accountLocked && this.unlock();
      const { data } = await this.api.POST('/api/v1/audit/alerts/{id}/resolve', {
        params: { path: { id: alert.id } },
        body: { resolution, ...(unlock ? { unlock: true } : {}) },
      });
      // Resolved (or resolved meanwhile by someone else): it leaves the open list either way.
      if (data || this.status() === 'open') this.alerts.update((all) => all.filter((a) => a.id !== alert.id));
    } finally {
      this.busy.set(null);
    }
  }

  private async load(reset: boolean): Promise<void> {
    const seq = ++this.loadSeq;
    this.loading.set(true);
    this.failed.set(false);
    try {
      const cursor = reset ? undefined : (this.nextCursor() ?? undefined);
      const { data } = await this.api.GET('/api/v1/audit/alerts', { params: { query: { status: this.status(), limit: PAGE_SIZE, cursor } } });
      if (seq !== this.loadSeq) return;
      if (!data) {
        this.failed.set(true);
        return;
      }
      this.alerts.update((all) => (reset ? data.items : [...all, ...data.items]));
      this.nextCursor.set(data.nextCursor);
    } catch {
      if (seq === this.loadSeq) this.failed.set(true);
    } finally {
      if (seq === this.loadSeq) this.loading.set(false);
    }
  }
}

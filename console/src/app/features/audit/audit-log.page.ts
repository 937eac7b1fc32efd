import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../core/api/api-client';
import { asProblem, fieldErrors } from '../../core/api/problem';
import { I18n } from '../../core/i18n/i18n.service';

type Entry = Schemas['AuditEntryDto'];
type Verify = Schemas['VerifyReportDto'];
type Change = { field: string; from: string; to: string };

const PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const show = (v: unknown): string => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** A row's `changes` as field: before → after lines. */
export function changeLines(changes: Entry['changes']): Change[] {
  if (!changes) return [];
  return Object.entries(changes).map(([field, change]) => {
    const c = (change ?? {}) as { from?: unknown; to?: unknown };
    return { field, from: show(c.from), to: show(c.to) };
  });
}

/**
 * The audit log for auditors and admins: filters (actor, entity, action, time, IP), each entry
 * with what changed before → after, the hash chain's status (GET /audit/verify) and exports of the
 * filtered trail as CSV or PDF (server-side).
 */
@Component({
  selector: 'ok-audit-log-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatTableModule],
  templateUrl: './audit-log.page.html',
  styleUrl: '../admin/admin-pages.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditLogPage {
  private readonly api = inject(API);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly columns = ['occurredAt', 'actor', 'action', 'entity', 'ip', 'changes'];
  protected readonly filters = inject(NonNullableFormBuilder).group({
    actorId: ['', Validators.pattern(UUID)],
    entityType: ['', Validators.maxLength(50)],
    entityId: ['', Validators.maxLength(100)],
    action: ['', Validators.maxLength(100)],
    from: [''],
    to: [''],
    ip: ['', Validators.maxLength(45)],
  });
  protected readonly entries = signal<Entry[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly chain = signal<Verify | null>(null);
  protected readonly chainFailed = signal(false);
  protected readonly checking = signal(false);
  protected readonly changeLines = changeLines;

  private loadSeq = 0;

  constructor() {
    void this.load(true);
    void this.verify();
  }

  protected search(): void {
    if (this.filters.invalid) {
      this.filters.markAllAsTouched();
      return;
    }
    void this.load(true);
  }

  protected clear(): void {
    this.filters.reset();
    void this.load(true);
  }

  protected more(): void {
    void this.load(false);
  }

  protected async verify(): Promise<void> {
    this.checking.set(true);
    this.chainFailed.set(false);
    try {
      const { data } = await this.api.GET('/api/v1/audit/verify', {});
      this.chain.set(data ?? null);
      if (!data) this.chainFailed.set(true);
    } catch {
      this.chainFailed.set(true);
    } finally {
      this.checking.set(false);
    }
  }

  protected async export(format: 'csv' | 'pdf'): Promise<void> {
    const { data } = await this.api.GET('/api/v1/audit/export', { params: { query: { ...this.query(), format } }, parseAs: 'blob' });
    if (!data) return;
    const url = URL.createObjectURL(data);
    const a = document.createElement('a');
    a.href = url;
    a.download = `audit-${new Date().toISOString().slice(0, 10)}.${format}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  private query() {
    const f = this.filters.getRawValue();
    const instant = (v: string) => (v ? new Date(v).toISOString() : undefined);
    return {
      actorId: f.actorId.trim() || undefined,
      entityType: f.entityType.trim() || undefined,
      entityId: f.entityId.trim() || undefined,
      action: f.action.trim() || undefined,
      from: instant(f.from),
      to: instant(f.to),
      ip: f.ip.trim() || undefined,
    };
  }

  private async load(reset: boolean): Promise<void> {
    const seq = ++this.loadSeq;
    this.loading.set(true);
    this.failed.set(false);
    this.errors.set({});
    try {
      const cursor = reset ? undefined : (this.nextCursor() ?? undefined);
      const { data, error } = await this.api.GET('/api/v1/audit', { params: { query: { ...this.query(), limit: PAGE_SIZE, cursor } } });
      if (seq !== this.loadSeq) return;
      if (!data) {
        const problem = asProblem(error);
        if (problem?.errors?.length) this.errors.set(fieldErrors(problem));
        else this.failed.set(true);
        return;
      }
      this.entries.update((all) => (reset ? data.items : [...all, ...data.items]));
      this.nextCursor.set(data.nextCursor);
    } catch {
      if (seq === this.loadSeq) this.failed.set(true);
    } finally {
      if (seq === this.loadSeq) this.loading.set(false);
    }
  }
}

import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../../core/api/api-client';
import { I18n } from '../../core/i18n/i18n.service';
import { drillFromQuery, type DrillQuery } from './report-filters';

const PAGE_SIZE = 50;

/**
 * The appeals behind a report's number: the staff list (GET /staff/appeals) with the report's
 * drill-down query and `withTotal`, so the count on top is the list's own count — the number the
 * report showed. Pages of 50 with «more»; each number opens the appeal's card.
 */
@Component({
  selector: 'ok-report-appeals-page',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, MatTableModule],
  template: `
    <a mat-button routerLink="/reports" [queryParams]="back()">← {{ t('reports.back') }}</a>
    <h1>{{ t('reports.drill.heading') }}</h1>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="t('reports.loading')" />
    }
    @if (failed()) {
      <p role="alert">{{ t('reports.loadFailed') }}</p>
    }
    @if (total() !== null) {
      <p aria-live="polite">{{ t('reports.drill.total') }} <strong data-testid="drill-total">{{ total() }}</strong></p>
    }
    <table mat-table [dataSource]="items()" class="drill-table" [attr.aria-label]="t('reports.drill.heading')">
      <ng-container matColumnDef="number">
        <th mat-header-cell *matHeaderCellDef>№</th>
        <td mat-cell *matCellDef="let a"><a [routerLink]="['/appeals', a.number]">{{ a.number }}</a></td>
      </ng-container>
      <ng-container matColumnDef="subject">
        <th mat-header-cell *matHeaderCellDef>{{ t('queue.col.subject') }}</th>
        <td mat-cell *matCellDef="let a">{{ a.subject }}</td>
      </ng-container>
      <ng-container matColumnDef="status">
        <th mat-header-cell *matHeaderCellDef>{{ t('queue.col.status') }}</th>
        <td mat-cell *matCellDef="let a">{{ i18n.status(a.status) }}</td>
      </ng-container>
      <ng-container matColumnDef="registered">
        <th mat-header-cell *matHeaderCellDef>{{ t('queue.col.registered') }}</th>
        <td mat-cell *matCellDef="let a">{{ i18n.dateTime(a.registeredAt) }}</td>
      </ng-container>
      <ng-container matColumnDef="due">
        <th mat-header-cell *matHeaderCellDef>{{ t('queue.col.due') }}</th>
        <td mat-cell *matCellDef="let a">{{ i18n.dateTime(a.dueAt) }}</td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns" class="drill-row"></tr>
    </table>
    @if (nextCursor()) {
      <button mat-stroked-button type="button" (click)="more()">{{ t('reports.drill.more') }}</button>
    }
  `,
  styles: `
    :host {
      display: block;
      padding: 16px 24px 48px;
    }
    .drill-table {
      margin: 12px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportAppealsPage {
  private readonly api = inject(API);
  private readonly route = inject(ActivatedRoute);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly columns = ['number', 'subject', 'status', 'registered', 'due'];
  protected readonly items = signal<Schemas['AppealSummaryDto'][]>([]);
  protected readonly total = signal<number | null>(null);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);
  protected readonly back = signal<Record<string, string>>({});
  private query: DrillQuery = {};

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      this.query = drillFromQuery((name) => params.get(name));
      // Back to the dashboard with the filters that are also the dashboard's.
      const back: Record<string, string> = {};
      for (const name of ['departmentId', 'categoryId', 'type', 'channel'] as const) {
        const value = this.query[name];
        if (value) back[name] = value;
      }
      this.back.set(back);
      void this.load(true);
    });
  }

  protected more(): void {
    void this.load(false);
  }

  private async load(reset: boolean): Promise<void> {
    this.loading.set(true);
    this.failed.set(false);
    const q = this.query;
    const flag = (v: string | undefined) => (v === undefined ? undefined : v === 'true');
    try {
      const { data } = await this.api.GET('/api/v1/staff/appeals', {
        params: {
          query: {
            departmentId: q.departmentId,
            includeSubdepartments: flag(q.includeSubdepartments),
            categoryId: q.categoryId,
            type: q.type as Schemas['AppealType'] | undefined,
            channel: q.channel as Schemas['AppealChannel'] | undefined,
            region: q.region,
            dateField: q.dateField as Schemas['AppealDateField'] | undefined,
            from: q.from,
            to: q.to,
            statuses: q.statuses,
            overdue: flag(q.overdue),
            assigneeId: q.assigneeId,
            answeredOnTime: flag(q.answeredOnTime),
            rereview: flag(q.rereview),
            withTotal: true,
            limit: PAGE_SIZE,
            cursor: reset ? undefined : (this.nextCursor() ?? undefined),
          },
        },
      });
      if (!data) {
        this.failed.set(true);
        return;
      }
      this.items.update((all) => (reset ? data.items : [...all, ...data.items]));
      this.nextCursor.set(data.nextCursor);
      if (reset) this.total.set(data.total ?? null);
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }
}

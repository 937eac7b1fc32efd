import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { Schemas } from '@otklik/shared/api/client';
import { APPEAL_STATUSES, APPEAL_TYPES } from '@otklik/shared/domain';
import type { EChartsCoreOption } from 'echarts/core';
import { API } from '../../core/api/api-client';
import { AuthService } from '../../core/auth/auth.service';
import { CatalogService, type Category } from '../../core/catalog/catalog.service';
import { I18n } from '../../core/i18n/i18n.service';
import { ReportChart } from './report-chart';
import {
  CHANNELS,
  PERIODS,
  drillQuery,
  reportApiQuery,
  reportFiltersFromQuery,
  reportFiltersToQuery,
  type DrillQuery,
  type ReportFilters,
  type ReportName,
} from './report-filters';

/** Live refresh: the API's figures for today trail the events by seconds; a minute is plenty. */
export const REFRESH_MS = 60_000;
const AGE_BUCKETS: readonly Schemas['AgeBucket'][] = ['0-1', '2-5', '6-10', '11-30', '31+'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const HOURS = Array.from({ length: 24 }, (_, h) => h);

interface Reports {
  volume: Schemas['VolumeReportDto'];
  sla: Schemas['SlaReportDto'];
  backlog: Schemas['BacklogReportDto'];
  quality: Schemas['QualityReportDto'];
  gratitude: Schemas['GratitudeReportDto'];
  operators: Schemas['OperatorsReportDto'];
}
type Department = Schemas['DepartmentDto'];

/**
 * The supervisor dashboard (supervisors: their subtree; admins: everything): volume against the
 * previous period, SLA by department with the overdue drill-down, backlog ageing, ratings and the
 * re-review list, gratitude, the operators and the intake heat map. The filters live in the URL;
 * every chart has its figures in a table beside it and exports through the API. Only what the
 * reports API returns is shown.
 */
@Component({
  selector: 'ok-reports-page',
  imports: [
    NgTemplateOutlet,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ReportChart,
  ],
  templateUrl: './reports.page.html',
  styleUrl: './reports.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPage {
  private readonly api = inject(API);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthService);
  private readonly catalog = inject(CatalogService);
  protected readonly i18n = inject(I18n);
  protected readonly t = this.i18n.t;

  protected readonly periods = PERIODS;
  protected readonly types = APPEAL_TYPES;
  protected readonly channels = CHANNELS;
  protected readonly statuses = APPEAL_STATUSES;
  protected readonly buckets = AGE_BUCKETS;
  protected readonly weekdays = WEEKDAYS;
  protected readonly hours = HOURS;
  protected readonly volumeMetrics = ['received', 'answered', 'closed'] as const;

  protected readonly filters = signal<ReportFilters>(reportFiltersFromQuery(() => null, APPEAL_TYPES));
  protected readonly reports = signal<Reports | null>(null);
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);
  protected readonly departments = signal<readonly Department[]>([]);
  protected readonly categories = signal<readonly Category[]>([]);
  protected readonly updatedAt = signal<string | null>(null);
  /** Admins have no staff list: their numbers are plain, the drill-down is the appeals CSV. */
  protected readonly canDrill = computed(() => this.auth.user()?.role === 'supervisor');

  private readonly departmentNames = computed(() => new Map(this.departments().map((d) => [d.id, this.i18n.name(d)])));
  private readonly operatorNames = computed(
    () => new Map((this.reports()?.operators.items ?? []).map((o) => [o.assigneeId, o.name ?? o.assigneeId])),
  );
  private loadSeq = 0;

  constructor() {
    this.route.queryParamMap.pipe(takeUntilDestroyed()).subscribe((params) => {
      this.filters.set(reportFiltersFromQuery((name) => params.get(name), APPEAL_TYPES));
      void this.load();
    });
    const timer = setInterval(() => void this.load(true), REFRESH_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
    void this.loadDirectories();
  }

  // ---- filters ----

  protected update(patch: Partial<ReportFilters>): void {
    const next = { ...this.filters(), ...patch };
    if (next.period === 'custom' && (!next.from || !next.to)) {
      // A custom period starts as the period on screen, so the figures do not jump.
      const period = this.reports()?.volume.period;
      next.from ??= period?.from ?? null;
      next.to ??= period?.to ?? null;
    }
    void this.router.navigate([], { relativeTo: this.route, queryParams: reportFiltersToQuery(next), queryParamsHandling: 'merge' });
  }

  protected dateValue(event: Event): string | null {
    const value = (event.target as HTMLInputElement).value;
    return value || null;
  }

  // ---- names ----

  protected department(id: string | null): string {
    return id ? (this.departmentNames().get(id) ?? id) : this.t('common.none');
  }

  protected categoryName(id: string | null): string {
    return id ? this.i18n.name(this.catalog.category(id)) || id : this.t('common.none');
  }

  protected operator(id: string | null): string {
    return id ? (this.operatorNames().get(id) ?? id) : this.t('reports.unassigned');
  }

  protected percent(share: number | null): string {
    return share === null ? this.t('common.none') : `${(share * 100).toFixed(1)} %`;
  }

  protected decimal(value: number | null): string {
    return value === null ? this.t('common.none') : value.toFixed(2);
  }

  // ---- drill-down ----

  protected drill(link: string, patch: DrillQuery = {}): DrillQuery {
    return drillQuery(link, patch);
  }

  /** Overdue now in one department (its own appeals, not those below it, as the figure counts). */
  protected overdueOf(link: string, departmentId: string | null): DrillQuery {
    return departmentId ? drillQuery(link, { departmentId, includeSubdepartments: undefined }) : drillQuery(link);
  }

  /** A department's row: the whole dashboard filtered to it (its operators, its figures). */
  protected focusDepartment(departmentId: string | null): void {
    if (departmentId) this.update({ departmentId });
  }

  // ---- export ----

  protected async export(report: ReportName, format: 'csv' | 'xlsx' | 'pdf'): Promise<void> {
    const { data } = await this.api.GET('/api/v1/reports/{report}/export', {
      params: { path: { report }, query: { ...reportApiQuery(this.filters()), format } },
      parseAs: 'blob',
    });
    if (data) saveBlob(data, `report-${report}.${format}`);
  }

  // ---- tables derived from the reports ----

  protected readonly volumeDays = computed(() => {
    const volume = this.reports()?.volume;
    if (!volume) return [];
    return volume.byDay.map((row, i) => ({ ...row, previous: volume.previousByDay.at(i) ?? null }));
  });

  protected readonly backlogRows = computed(() => {
    const backlog = this.reports()?.backlog;
    if (!backlog) return [];
    const byStatus = new Map<string, Partial<Record<Schemas['AgeBucket'], number>>>();
    for (const cell of backlog.byStatusAndAge) {
      const row = byStatus.get(cell.status) ?? {};
      row[cell.ageBucket] = (row[cell.ageBucket] ?? 0) + cell.count;
      byStatus.set(cell.status, row);
    }
    return [...byStatus.entries()].map(([status, counts]) => ({ status, counts }));
  });

  protected readonly heatRows = computed(() => {
    const cells = this.reports()?.volume.heatMap ?? [];
    const grid = new Map(cells.map((c) => [`${c.weekday}:${c.hour}`, c.count]));
    return WEEKDAYS.map((weekday) => ({ weekday, counts: HOURS.map((hour) => grid.get(`${weekday}:${hour}`) ?? 0) }));
  });

  protected readonly operatorRows = computed(() => {
    const reports = this.reports();
    if (!reports) return [];
    const ratings = new Map(reports.quality.byOperator.map((r) => [r.key, r]));
    return reports.operators.items.map((o) => ({ ...o, rating: ratings.get(o.assigneeId) ?? null }));
  });

  // ---- charts (the same figures as the tables) ----

  protected readonly volumeChart = computed<EChartsCoreOption>(() => {
    const days = this.volumeDays();
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [this.t('reports.current'), this.t('reports.previous')] },
      grid: { left: 40, right: 16, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: days.map((d) => this.i18n.date(d.key)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: this.t('reports.current'), type: 'line', data: days.map((d) => d.received) },
        { name: this.t('reports.previous'), type: 'line', lineStyle: { type: 'dashed' }, data: days.map((d) => d.previous?.received ?? null) },
      ],
    };
  });

  protected readonly slaChart = computed<EChartsCoreOption>(() => {
    const sla = this.reports()?.sla;
    const rows = sla?.byDepartment ?? [];
    const overdue = new Map((sla?.overdueNow.byDepartment ?? []).map((r) => [r.key, r.count]));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [this.t('reports.sla.onTimeShare'), this.t('reports.sla.overdueNow')] },
      grid: { left: 40, right: 40, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: rows.map((r) => this.department(r.key)) },
      yAxis: [
        { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
        { type: 'value', minInterval: 1 },
      ],
      series: [
        { name: this.t('reports.sla.onTimeShare'), type: 'bar', data: rows.map((r) => (r.answeredOnTimeShare === null ? null : Math.round(r.answeredOnTimeShare * 1000) / 10)) },
        { name: this.t('reports.sla.overdueNow'), type: 'bar', yAxisIndex: 1, data: rows.map((r) => overdue.get(r.key) ?? 0) },
      ],
    };
  });

  protected readonly backlogChart = computed<EChartsCoreOption>(() => {
    const rows = this.backlogRows();
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 24 },
      xAxis: { type: 'category', data: [...AGE_BUCKETS] },
      yAxis: { type: 'value', minInterval: 1 },
      series: rows.map((row) => ({ name: this.i18n.status(row.status), type: 'bar', stack: 'age', data: AGE_BUCKETS.map((b) => row.counts[b] ?? 0) })),
    };
  });

  protected readonly ratingsChart = computed<EChartsCoreOption>(() => {
    const distribution = this.reports()?.quality.distribution ?? [];
    return {
      tooltip: {},
      grid: { left: 40, right: 16, top: 16, bottom: 24 },
      xAxis: { type: 'category', data: distribution.map((d) => String(d.score)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: distribution.map((d) => d.count) }],
    };
  });

  protected readonly gratitudeChart = computed<EChartsCoreOption>(() => {
    const rows = this.reports()?.gratitude.byCategory ?? [];
    return {
      tooltip: {},
      grid: { left: 40, right: 16, top: 16, bottom: 24 },
      xAxis: { type: 'category', data: rows.map((r) => this.categoryName(r.key)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: rows.map((r) => r.count) }],
    };
  });

  protected readonly heatChart = computed<EChartsCoreOption>(() => {
    const cells = this.reports()?.volume.heatMap ?? [];
    const max = Math.max(1, ...cells.map((c) => c.count));
    return {
      tooltip: {},
      grid: { left: 48, right: 16, top: 16, bottom: 64 },
      xAxis: { type: 'category', data: HOURS.map(String) },
      yAxis: { type: 'category', data: WEEKDAYS.map((d) => this.t(`reports.weekday.${d}` as const)) },
      visualMap: { min: 0, max, orient: 'horizontal', left: 'center', bottom: 0, calculable: true },
      series: [{ type: 'heatmap', data: cells.map((c) => [c.hour, c.weekday - 1, c.count]) }],
    };
  });

  protected departmentPicked(index: number): void {
    this.focusDepartment(this.reports()?.sla.byDepartment[index]?.key ?? null);
  }

  // ---- loading ----

  private async loadDirectories(): Promise<void> {
    await this.catalog.load();
    const { data: categories } = await this.api.GET('/api/v1/catalog/categories');
    if (categories) this.categories.set(categories);
    const admin = this.auth.user()?.role === 'admin';
    const { data } = admin ? await this.api.GET('/api/v1/admin/departments') : await this.api.GET('/api/v1/staff/departments');
    if (data) this.departments.set(data);
  }

  private async load(quiet = false): Promise<void> {
    const seq = ++this.loadSeq;
    if (!quiet) this.loading.set(true);
    const query = reportApiQuery(this.filters());
    const params = { params: { query } };
    try {
      const [volume, sla, backlog, quality, gratitude, operators] = await Promise.all([
        this.api.GET('/api/v1/reports/volume', params),
        this.api.GET('/api/v1/reports/sla', params),
        this.api.GET('/api/v1/reports/backlog', params),
        this.api.GET('/api/v1/reports/quality', params),
        this.api.GET('/api/v1/reports/gratitude', params),
        this.api.GET('/api/v1/reports/operators', params),
      ]);
      if (seq !== this.loadSeq) return;
      if (!volume.data || !sla.data || !backlog.data || !quality.data || !gratitude.data || !operators.data) {
        this.failed.set(true);
        return;
      }
      this.failed.set(false);
      this.reports.set({ volume: volume.data, sla: sla.data, backlog: backlog.data, quality: quality.data, gratitude: gratitude.data, operators: operators.data });
      this.updatedAt.set(new Date().toISOString());
    } catch {
      if (seq === this.loadSeq) this.failed.set(true);
    } finally {
      if (seq === this.loadSeq) this.loading.set(false);
    }
  }
}

function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

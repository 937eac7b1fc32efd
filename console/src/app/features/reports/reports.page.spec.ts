import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { Schemas } from '@otklik/shared/api/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aUser } from '../../../testing/builders';
import { setUpConsole, signIn } from '../../../testing/console-test-bed';
import { eventually, type FakeApi } from '../../../testing/fake-api';
import { ReportChart } from './report-chart';
import { ReportsPage } from './reports.page';
import { RU } from '../../core/i18n/messages.ru';

const TECH = 'd0000000-0000-4000-8000-000000000002';
const FIN = 'd0000000-0000-4000-8000-000000000003';
const OP = 'a0000000-0000-4000-8000-000000000007';
const PERIOD = { from: '2026-12-01', to: '2026-12-31' };
const PREVIOUS = { from: '2026-11-01', to: '2026-11-30' };
const OVERDUE_LINK = '/api/v1/staff/appeals?departmentId=d0&includeSubdepartments=true&overdue=true&withTotal=true';

/** echarts draws on a canvas jsdom has not: the page's charts are replaced, their tables are real. */
@Component({ selector: 'ok-report-chart', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class NoChart {
  readonly options = input<unknown>();
  readonly picked = output<number>();
}

const counts = (received: number, answered: number, closed: number) => ({ received, registered: received, answered, closed });
const sla = (answered: number, onTime: number): Schemas['SlaFiguresDto'] => ({
  answered,
  answeredOnTime: onTime,
  answeredOnTimeShare: answered ? onTime / answered : null,
  reacted: answered,
  reactedOnTime: answered,
  reactedOnTimeShare: answered ? 1 : null,
  meanAnswerWorkingDays: 2.5,
  medianAnswerWorkingDays: 2,
  meanReactionWorkingDays: 0.5,
  medianReactionWorkingDays: 0,
  extended: 1,
  redirected: 0,
  redirects: 0,
});

function stubReports(api: FakeApi): void {
  api.on('GET', '/api/v1/catalog/categories', { body: [] });
  api.on('GET', '/api/v1/staff/departments', {
    body: [
      { id: TECH, code: 'tech-support', nameRu: 'Техподдержка', nameEn: 'Tech support', parentId: null, isGeneralPool: false },
      { id: FIN, code: 'finance', nameRu: 'Финансы', nameEn: 'Finance', parentId: null, isGeneralPool: false },
    ],
  });
  api.on('GET', '/api/v1/reports/volume', {
    body: {
      period: PERIOD,
      previousPeriod: PREVIOUS,
      totals: counts(12, 7, 3),
      previousTotals: counts(9, 8, 4),
      byDay: [{ key: '2026-12-01', ...counts(5, 2, 1) }, { key: '2026-12-02', ...counts(7, 5, 2) }],
      previousByDay: [{ key: '2026-11-01', ...counts(4, 4, 2) }],
      byCategory: [],
      byType: [],
      byDepartment: [],
      byChannel: [],
      heatMap: [{ weekday: 2, hour: 10, count: 4 }],
      links: { received: '/api/v1/staff/appeals?dateField=registeredAt&from=2026-12-01&to=2026-12-31&withTotal=true', answered: '/x', closed: '/y' },
    } satisfies Schemas['VolumeReportDto'],
  });
  api.on('GET', '/api/v1/reports/sla', {
    body: {
      period: PERIOD,
      previousPeriod: PREVIOUS,
      totals: sla(7, 6),
      previousTotals: sla(8, 8),
      byDepartment: [
        { key: TECH, answered: 4, answeredOnTime: 3, answeredOnTimeShare: 0.75, reacted: 4, reactedOnTime: 4, meanAnswerWorkingDays: 3 },
        { key: FIN, answered: 3, answeredOnTime: 3, answeredOnTimeShare: 1, reacted: 3, reactedOnTime: 3, meanAnswerWorkingDays: 1.5 },
      ],
      overdueNow: { total: 5, byDepartment: [{ key: TECH, count: 3 }, { key: FIN, count: 2 }], byOperator: [{ key: OP, count: 2 }, { key: null, count: 3 }], link: OVERDUE_LINK },
    } satisfies Schemas['SlaReportDto'],
  });
  api.on('GET', '/api/v1/reports/backlog', {
    body: {
      open: 9,
      overdue: 5,
      pool: 1,
      escalated: 2,
      byStatusAndAge: [
        { status: 'registered', ageBucket: '0-1', count: 4 },
        { status: 'in_progress', ageBucket: '31+', count: 5 },
      ],
      oldest: [],
      link: '/api/v1/staff/appeals?withTotal=true',
    } satisfies Schemas['BacklogReportDto'],
  });
  api.on('GET', '/api/v1/reports/quality', {
    body: {
      period: PERIOD,
      rated: 3,
      average: 3.67,
      previousAverage: null,
      distribution: [1, 2, 3, 4, 5].map((score) => ({ score, count: score === 2 ? 1 : score === 5 ? 2 : 0 })),
      byDepartment: [],
      byCategory: [],
      byOperator: [{ key: OP, rated: 3, average: 4 }],
      rereview: { total: 1, items: [{ id: 'r1', number: 4711, departmentId: TECH, assigneeId: OP, categoryId: 'c1', rating: 2, ratingComment: 'Ответ не помог', ratedAt: null, status: 'resolved' }] },
      reviews: [{ key: 'upheld', count: 2 }, { key: 'reopened', count: 1 }],
      disputes: [],
      repeats: 0,
    } satisfies Schemas['QualityReportDto'],
  });
  api.on('GET', '/api/v1/reports/gratitude', { body: { period: PERIOD, total: 2, previousTotal: 1, byCategory: [], byDepartment: [{ key: TECH, count: 2 }], byEmployee: [] } satisfies Schemas['GratitudeReportDto'] });
  api.on('GET', '/api/v1/reports/operators', {
    body: { period: PERIOD, items: [{ assigneeId: OP, name: 'Сидоров Пётр', assigned: 6, answered: 4, meanHandlingWorkingDays: 2, openNow: 2, overdueNow: 2, gratitudes: 0 }] } satisfies Schemas['OperatorsReportDto'],
  });
}

/** The text of each body row's cells in the table `testId`, header cell first. */
function tableRows(fixture: ComponentFixture<ReportsPage>, testId: string): string[][] {
  const table = (fixture.nativeElement as HTMLElement).querySelector(`[data-testid="${testId}"]`);
  if (!table) throw new Error(`no table ${testId}`);
  return [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim()));
}

describe('ReportsPage (the supervisor dashboard)', () => {
  let api: FakeApi;
  let fixture: ComponentFixture<ReportsPage>;

  beforeEach(async () => {
    api = setUpConsole();
    TestBed.overrideComponent(ReportsPage, { remove: { imports: [ReportChart] }, add: { imports: [NoChart] } });
    stubReports(api);
    await signIn(api, aUser({ role: 'supervisor' }));
  });

  afterEach(() => {
    fixture?.destroy();
    api.verify();
    vi.restoreAllMocks();
  });

  async function open(url = '/'): Promise<void> {
    await TestBed.inject(Router).navigateByUrl(url);
    fixture = TestBed.createComponent(ReportsPage);
    await fixture.whenStable();
    await eventually(() => expect(api.sent('GET', '/api/v1/reports/operators').length).toBeGreaterThan(0));
    await fixture.whenStable();
  }

  it('shows the API’s figures in the table views', async () => {
    await open();

    expect(tableRows(fixture, 'volume-totals')).toEqual([
      ['Поступило', '12', '9'],
      ['Отвечено', '7', '8'],
      ['Закрыто', '3', '4'],
    ]);
    expect(tableRows(fixture, 'volume-days')).toEqual([
      ['01.12.2026', '5', '2', '1', '4'],
      ['02.12.2026', '7', '5', '2', '—'],
    ]);
    expect(tableRows(fixture, 'sla-departments')).toEqual([
      ['Техподдержка', '4', '3', '75.0 %', '3.00'],
      ['Финансы', '3', '3', '100.0 %', '1.50'],
    ]);
    expect(tableRows(fixture, 'overdue-departments')).toEqual([
      ['Техподдержка', '3'],
      ['Финансы', '2'],
    ]);
    expect(tableRows(fixture, 'overdue-operators')).toEqual([
      ['Сидоров Пётр', '2'],
      ['Не назначено', '3'],
    ]);
    expect(tableRows(fixture, 'backlog-ages')).toEqual([
      ['Принято', '4', '0', '0', '0', '0'],
      ['В работе', '0', '0', '0', '0', '5'],
    ]);
    expect(tableRows(fixture, 'quality-distribution').map((r) => r[1])).toEqual(['0', '1', '0', '0', '2']);
    expect(tableRows(fixture, 'quality-rereview')).toEqual([['4711', '2', 'Ответ не помог', 'Техподдержка', expect.any(String)]]);
    const outcomes = [...(fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="quality-review-outcome"]')].map((e) => [
      e.querySelector('dt')!.textContent.trim(),
      e.querySelector('dd')!.textContent.trim(),
    ]);
    expect(outcomes).toEqual([
      [RU['reports.quality.reviewUpheld'], '2'],
      [RU['reports.quality.reviewReopened'], '1'],
    ]);
    expect(tableRows(fixture, 'operators-table')).toEqual([['Сидоров Пётр', '6', '4', '2.00', '2', '2', '4.00 (3)']]);
    expect(tableRows(fixture, 'heat-table')[1][11]).toBe('4');
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="sla-overdue-total"]')?.textContent?.trim()).toBe('5');
    // The first load asks for the default period (the month) with no other filter.
    expect(Object.fromEntries(api.sent('GET', '/api/v1/reports/sla')[0].query)).toEqual({ period: 'month' });
  });

  it('drill-down links carry the report’s staff-list query (one department: its own overdue appeals)', async () => {
    await open();
    const el = fixture.nativeElement as HTMLElement;
    const total = el.querySelector<HTMLAnchorElement>('[data-testid="sla-overdue-total"]')!;
    expect(new URL(total.href).pathname).toBe('/appeals');
    expect(Object.fromEntries(new URL(total.href).searchParams)).toEqual({ departmentId: 'd0', includeSubdepartments: 'true', overdue: 'true' });
    const tech = el.querySelector<HTMLAnchorElement>('[data-testid="overdue-departments"] tbody tr a')!;
    expect(Object.fromEntries(new URL(tech.href).searchParams)).toEqual({ departmentId: TECH, overdue: 'true' });
  });

  it('filters go to the URL and to every report request', async () => {
    await open('/?period=week&at=2026-12-02&departmentId=' + TECH + '&type=complaint&channel=anonymous&bogus=1');
    const [first] = api.sent('GET', '/api/v1/reports/volume');
    expect(Object.fromEntries(first.query)).toEqual({ period: 'week', at: '2026-12-02', departmentId: TECH, type: 'complaint', channel: 'anonymous' });

    // Clicking a department in the SLA table filters the whole dashboard to it.
    const fin = [...(fixture.nativeElement as HTMLElement).querySelectorAll<HTMLButtonElement>('[data-testid="sla-departments"] tbody button')][1];
    fin.click();
    await eventually(() => expect(TestBed.inject(Router).url).toContain(`departmentId=${FIN}`));
    const router = TestBed.inject(Router);
    const params = router.parseUrl(router.url).queryParams;
    expect(params).toMatchObject({ period: 'week', at: '2026-12-02', departmentId: FIN, type: 'complaint', channel: 'anonymous' });
    await eventually(() => expect(api.sent('GET', '/api/v1/reports/sla').at(-1)?.query.get('departmentId')).toBe(FIN));
  });

  it('export buttons download the report through the API with the same filters', async () => {
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    URL.createObjectURL = vi.fn(() => 'blob:report');
    URL.revokeObjectURL = vi.fn();
    api.on('GET', '/api/v1/reports/sla/export', { body: {} });
    api.on('GET', '/api/v1/reports/volume/export', { body: {} });
    await open('/?departmentId=' + TECH);

    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="export-sla-csv"]')!.click();
    await eventually(() => expect(saved).toEqual(['report-sla.csv']));
    expect(Object.fromEntries(api.sent('GET', '/api/v1/reports/sla/export')[0].query)).toEqual({ period: 'month', departmentId: TECH, format: 'csv' });

    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="export-volume-xlsx"]')!.click();
    await eventually(() => expect(saved).toEqual(['report-sla.csv', 'report-volume.xlsx']));
    expect(api.sent('GET', '/api/v1/reports/volume/export')[0].query.get('format')).toBe('xlsx');

    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="export-sla-pdf"]')!.click();
    await eventually(() => expect(saved).toEqual(['report-sla.csv', 'report-volume.xlsx', 'report-sla.pdf']));
    expect(Object.fromEntries(api.sent('GET', '/api/v1/reports/sla/export')[1].query)).toEqual({ period: 'month', departmentId: TECH, format: 'pdf' });
  });

  it('refreshes every minute', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      await open();
      const before = api.sent('GET', '/api/v1/reports/sla').length;
      vi.advanceTimersByTime(60_000);
      await eventually(() => expect(api.sent('GET', '/api/v1/reports/sla').length).toBe(before + 1));
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('ReportsPage for an admin', () => {
  it('shows every department’s figures with plain numbers (admins have no staff list to drill into)', async () => {
    const api = setUpConsole();
    TestBed.overrideComponent(ReportsPage, { remove: { imports: [ReportChart] }, add: { imports: [NoChart] } });
    stubReports(api);
    api.on('GET', '/api/v1/admin/departments', {
      body: [{ id: TECH, code: 'tech-support', nameRu: 'Техподдержка', nameEn: 'Tech support', parentId: null, isGeneralPool: false, active: true }],
    });
    await signIn(api, aUser({ role: 'admin', department: null }));
    await TestBed.inject(Router).navigateByUrl('/');
    const fixture = TestBed.createComponent(ReportsPage);
    await eventually(() => expect(api.sent('GET', '/api/v1/admin/departments')).toHaveLength(1));
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    await eventually(() => expect(el.querySelector('[data-testid="sla-overdue-total"]')?.textContent?.trim()).toBe('5'));
    expect(el.querySelector('[data-testid="sla-overdue-total"]')?.tagName).toBe('SPAN');
    expect(el.querySelectorAll('[data-testid="report-sla"] a')).toHaveLength(0);
    expect(api.sent('GET', '/api/v1/staff/departments')).toHaveLength(0);
    fixture.destroy();
    api.verify();
  });
});

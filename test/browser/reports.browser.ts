import type { Schemas } from '../../shared/api/client';
import { DEMO } from '../e2e/support/api';
import { call } from '../e2e/support/identity';
import { startServer, stopRunning, type RunningServer } from '../e2e/support/server';
import { waitForPath } from './support/browser';
import { useConsole } from './support/console';

/**
 * The supervisor dashboard (issue 14) on a dedicated server whose clock the test moves: appeals
 * filed two months ago in technical support and in finance are overdue now. The supervisor opens
 * the reports, filters to technical support, reads the SLA figures (the table view equals the
 * API's for the same filters), drills into the overdue number and lands on exactly those appeals.
 */
describe('console reports', () => {
  const chromium = useConsole(120_000);
  let server: RunningServer;
  const ok = async <T = any>(method: string, path: string, body?: unknown, token?: string): Promise<T> => {
    const res = await call(server.baseUrl, method, path, body, token);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  };
  const login = async (who: { login: string; password: string }) => (await ok<{ accessToken: string }>('POST', '/api/v1/auth/login', who)).accessToken;
  const filed: Record<string, number> = {};
  let tech: Schemas['DepartmentDto'];
  let supervisor: string;

  beforeAll(async () => {
    server = await startServer({ CLOCK_CONTROL: 'true', SLA_TICK_SECONDS: '1' });
    const tree = await ok<Schemas['CategoryDto'][]>('GET', '/api/v1/catalog/categories');
    const categories = Object.fromEntries(tree.flatMap((c) => [c, ...c.children]).map((c) => [c.code, c.id]));
    // Sixty days ago: far past any deadline of a question, so the SLA tick marks them overdue.
    await ok('PUT', '/api/v1/test/clock', { offsetMs: -60 * 86_400_000 });
    const citizen = await login(DEMO.citizen);
    for (const [key, category] of [['tech1', 'tech'], ['tech2', 'tech'], ['finance', 'finance']] as const) {
      const appeal = await ok<Schemas['AppealSummaryDto']>('POST', '/api/v1/appeals', { type: 'question', categoryId: categories[category], subject: `Отчёт ${key}`, text: 'Прошу рассмотреть обращение.' }, citizen);
      filed[key] = appeal.number!;
    }
    await ok('PUT', '/api/v1/test/clock', { offsetMs: 0 });
    supervisor = await login(DEMO.supervisor);
    const departments = await ok<Schemas['DepartmentDto'][]>('GET', '/api/v1/staff/departments', undefined, supervisor);
    tech = departments.find((d) => d.code === 'tech-support')!;
    // The scheduler (every second) marks the three overdue.
    let overdue = 0;
    const deadline = Date.now() + 30_000;
    while (overdue < 3) {
      if (Date.now() > deadline) throw new Error(`only ${overdue} overdue`);
      await new Promise((r) => setTimeout(r, 250));
      const list = await ok<Schemas['AppealListDto']>('GET', '/api/v1/staff/appeals?overdue=true&withTotal=true&limit=100', undefined, supervisor);
      overdue = list.items.filter((a) => Object.values(filed).includes(a.number!)).length;
    }
  }, 120_000);

  afterAll(async () => {
    if (server) await stopRunning(server);
  });

  it('a supervisor filters the SLA dashboard to one department, drills into the overdue number and lands on exactly those appeals', async () => {
    const { page, context, errors } = await chromium.signedIn(DEMO.supervisor, { baseUrl: server.baseUrl });
    await page.getByRole('navigation').getByRole('link', { name: 'Отчёты' }).click();
    await waitForPath(page, '/reports');
    await page.getByTestId('sla-overdue-total').waitFor();

    // One department (with those below it): the filter goes to the URL.
    await page.getByRole('combobox', { name: 'Подразделение (с подчинёнными)' }).click();
    await page.getByRole('option', { name: tech.nameRu, exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('departmentId') === tech.id);

    // The figures on screen equal the API's for the same filters.
    const sla = await ok<Schemas['SlaReportDto']>('GET', `/api/v1/reports/sla?period=month&departmentId=${tech.id}`, undefined, supervisor);
    expect(sla.overdueNow.total).toBeGreaterThanOrEqual(2);
    const total = page.getByTestId('sla-overdue-total');
    await page.waitForFunction(
      (want) => document.querySelector('[data-testid="sla-overdue-total"]')?.textContent?.trim() === want,
      String(sla.overdueNow.total),
    );
    const names = Object.fromEntries((await ok<Schemas['DepartmentDto'][]>('GET', '/api/v1/staff/departments', undefined, supervisor)).map((d) => [d.id, d.nameRu]));
    const cells = async (testId: string) =>
      page.getByTestId(testId).locator('tbody tr').evaluateAll((rows) => rows.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
    expect(await cells('overdue-departments')).toEqual(sla.overdueNow.byDepartment.map((d) => [names[d.key!] ?? d.key, String(d.count)]));
    expect(await cells('sla-departments')).toEqual(
      sla.byDepartment.map((d) => [names[d.key!] ?? d.key, String(d.answered), String(d.answeredOnTime), expect.any(String), expect.any(String)]),
    );
    const backlog = await ok<Schemas['BacklogReportDto']>('GET', `/api/v1/reports/backlog?period=month&departmentId=${tech.id}`, undefined, supervisor);
    expect((await page.getByTestId('backlog-totals').locator('dd').first().textContent())?.trim()).toBe(String(backlog.open));

    // The charts are drawn (echarts, loaded with the route) beside their tables.
    await page.locator('[data-testid="report-sla"] ok-report-chart canvas').waitFor();
    await page.screenshot({ path: '/tmp/otklik-reports.png', fullPage: true, animations: 'disabled' });

    // Drill into the overdue number: the list behind it has exactly that many appeals, ours among them.
    const shown = Number((await total.textContent())?.trim());
    await total.click();
    await waitForPath(page, '/reports/appeals');
    await page.waitForFunction((want) => document.querySelector('[data-testid="drill-total"]')?.textContent?.trim() === want, String(shown));
    await page.locator('tr.drill-row').nth(shown - 1).waitFor();
    const numbers = (await page.locator('tr.drill-row td:first-child').allTextContents()).map((n) => Number(n.trim()));
    expect(numbers).toHaveLength(shown);
    expect(numbers).toEqual(expect.arrayContaining([filed.tech1, filed.tech2]));
    expect(numbers).not.toContain(filed.finance);
    const behind = await ok<Schemas['AppealListDto']>('GET', `${sla.overdueNow.link}&limit=100`, undefined, supervisor);
    expect(new Set(numbers)).toEqual(new Set(behind.items.map((a) => a.number)));

    expect(errors).toEqual([]);
    await context.close();
  });
});

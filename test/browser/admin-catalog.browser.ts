import { BASE_URL, DEMO } from '../e2e/support/api';
import { call } from '../e2e/support/identity';
import { signIn, waitForPath } from './support/browser';
import { useConsole } from './support/console';
import { axe } from './support/axe';



/**
 * Issue 16, part A, through the console: an admin builds a category's form (one required field,
 * one optional), replays a routing rule for it over past appeals and saves it; appeals filed with
 * the fields arrive in that department's queue with them, and one without the required field is
 * refused naming it. Then a calendar year is imported from an xmlcalendar file with a shortened
 * pre-holiday day, and the deadline preview moves.
 */
describe('console administration: categories, routing, calendar', () => {
  const chromium = useConsole(180_000);
  const code = `plots-${Date.now().toString(36)}`;
  const ok = async <T = any>(method: string, path: string, body?: unknown, token?: string): Promise<T> => {
    const res = await call(BASE_URL(), method, path, body, token);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  };
  const login = async (who: { login: string; password: string }) => (await ok<{ accessToken: string }>('POST', '/api/v1/auth/login', who)).accessToken;

  it('an admin builds a form, replays and saves a routing rule; filed appeals land in the department with their fields', async () => {
    const { page, context, errors } = await chromium.open('/');
    await signIn(page, DEMO.admin);
    await waitForPath(page, '/staff-only');
    await page.getByRole('navigation').getByRole('link', { name: 'Категории' }).click();
    await waitForPath(page, '/admin/categories');
    await page.getByRole('heading', { name: 'Категории обращений' }).waitFor();

    await page.getByTestId('new-category').click();
    const form = page.getByTestId('category-form');
    await form.getByLabel('Код', { exact: true }).fill(code);
    await form.getByLabel('Название (рус.)').fill('Земельные участки');
    await form.getByLabel('Название (англ.)').fill('Land plots');
    await form.getByTestId('add-field').click();
    await form.getByTestId('add-field').click();
    const first = form.getByRole('group', { name: 'Поле 1' });
    await first.getByLabel('Имя поля (латиницей)').fill('plotNumber');
    await first.getByLabel('Подпись').fill('Номер участка');
    await first.getByLabel('Подсказка').fill('Как в выписке ЕГРН');
    await first.getByLabel('обязательное').check();
    const second = form.getByRole('group', { name: 'Поле 2' });
    await second.getByLabel('Имя поля (латиницей)').fill('area');
    await second.getByLabel('Вид').selectOption('number');
    await second.getByLabel('Подпись').fill('Площадь, м²');
    // The live preview: the form a citizen app renders from the schema.
    const preview = page.getByTestId('form-preview');
    await preview.getByRole('textbox', { name: /Номер участка/ }).waitFor();
    await preview.getByRole('spinbutton', { name: 'Площадь, м²' }).waitFor();
    await preview.getByText('Как в выписке ЕГРН').waitFor();
    expect(await axe(page, '#main')).toEqual([]);
    await form.getByTestId('save-category').click();
    await form.getByTestId('form-saved').filter({ hasText: 'версия формы: 1' }).waitFor();
    await page.getByRole('row').filter({ hasText: code }).waitFor();

    const admin = await login(DEMO.admin);
    const category = (await ok<any[]>('GET', '/api/v1/admin/categories', undefined, admin)).find((c) => c.code === code);
    expect(category).toMatchObject({
      schemaVersion: 1,
      extraFieldsSchema: { type: 'object', required: ['plotNumber'], properties: { plotNumber: { type: 'string', title: 'Номер участка' }, area: { type: 'number' } } },
    });
    const citizen = await login(DEMO.citizen);
    const file = (extraFields: Record<string, unknown>) =>
      call(BASE_URL(), 'POST', '/api/v1/appeals', { type: 'complaint', categoryId: category.id, subject: 'Границы участка', text: 'Сосед занял часть участка.', extraFields }, citizen);
    // An appeal filed before the rule: routed to the general pool.
    const past = await file({ plotNumber: '77:01:0004012:1', area: 600 });
    expect(past.status).toBe(201);

    await page.getByRole('navigation').getByRole('link', { name: 'Маршрутизация' }).click();
    await waitForPath(page, '/admin/routing');
    const ruleForm = page.getByTestId('rule-form');
    await ruleForm.getByLabel('Название').fill(`Участки ${code}`);
    await ruleForm.getByLabel('Порядок').fill('400');
    await ruleForm.getByLabel('Категория').selectOption({ label: `Земельные участки (${code})` });
    await ruleForm.getByLabel('Подразделение').selectOption({ label: 'Отдел технической поддержки' });
    await ruleForm.getByLabel('Проверить на обращениях за дней').fill('1');
    await ruleForm.getByTestId('replay').click();
    const report = page.getByTestId('replay-report');
    await report.getByTestId('moves-table').getByRole('row').filter({ hasText: 'Отдел технической поддержки' }).waitFor();
    const move = await report.getByTestId('moves-table').locator('tbody tr').first().textContent();
    expect(move).toContain('Общий пул');
    expect(move).toContain('Отдел технической поддержки');
    expect(move).toMatch(/1\s*$/);
    expect(await report.getByTestId('examples-table').textContent()).toContain(String(past.body.number));
    expect(await report.getByTestId('replay-summary').textContent()).toContain('попали бы 1');
    expect(await axe(page, '#main')).toEqual([]);
    await ruleForm.getByTestId('save-rule').click();
    await page.getByTestId('rules-table').getByRole('row').filter({ hasText: `Участки ${code}` }).waitFor();

    // Filed now: the rule sends it to technical support, whose operator sees it with its fields.
    const filed = await file({ plotNumber: '77:01:0004012:2', area: 15 });
    expect(filed.status).toBe(201);
    const operator = await login(DEMO.operator);
    const queue = await ok<any>('GET', `/api/v1/staff/appeals?categoryId=${category.id}`, undefined, operator);
    expect(queue.items.map((a: any) => a.id)).toContain(filed.body.id);
    expect(await ok('GET', `/api/v1/staff/appeals/${filed.body.id}`, undefined, operator)).toMatchObject({ extraFields: { plotNumber: '77:01:0004012:2', area: 15 }, extraFieldsSchemaVersion: 1 });
    // Without the required field: a 422 naming it.
    const refused = await file({ area: 15 });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'extraFields.plotNumber' })]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an admin imports a year from an xmlcalendar file with a shortened pre-holiday day, and the deadline preview moves', async () => {
    // July 2142 has no public holidays; its first Monday and the days after it.
    const year = 2142;
    const firstOfJuly = new Date(Date.UTC(year, 6, 1));
    const monday = new Date(firstOfJuly.getTime() + ((8 - firstOfJuly.getUTCDay()) % 7) * 86_400_000);
    const day = (n: number) => new Date(monday.getTime() + n * 86_400_000).toISOString().slice(0, 10);
    const ru = (n: number) => day(n).split('-').reverse().join('.');
    const dm = (n: number) => `${day(n).slice(5, 7)}.${day(n).slice(8, 10)}`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<calendar year="${year}" lang="ru"><holidays><holiday id="1" title="Праздник"/></holidays>
<days><day d="${dm(1)}" t="2"/><day d="${dm(2)}" t="1" h="1"/><day d="${dm(3)}" t="1"/></days></calendar>`;

    const { page, context, errors } = await chromium.open('/');
    await signIn(page, DEMO.admin);
    await waitForPath(page, '/staff-only');
    await page.getByRole('navigation').getByRole('link', { name: 'Календарь' }).click();
    await waitForPath(page, '/admin/calendar');
    await page.getByTestId('calendar-year').fill(String(year));
    await page.getByTestId('calendar-year').press('Enter');
    await page.getByTestId('calendar-year').blur();
    await page.locator(`[data-date="${day(1)}"]`).waitFor();
    expect(await page.getByTestId('calendar-summary').textContent()).toContain('статье 112');

    // A question (5 working days) registered on Monday 10:00: due next Monday.
    const previewForm = page.getByTestId('deadline-preview');
    await previewForm.getByLabel('Дата и время регистрации (МСК)').fill(`${day(0)}T10:00`);
    await previewForm.getByLabel('Тип обращения').selectOption('question');
    await previewForm.getByTestId('preview-run').click();
    await previewForm.getByTestId('preview-due').filter({ hasText: ru(7) }).waitFor();

    await page.getByTestId('calendar-import').setInputFiles({ name: `${year}.xml`, mimeType: 'application/xml', buffer: Buffer.from(xml) });
    await page.getByTestId('calendar-status').filter({ hasText: 'сокращённых дней: 1' }).waitFor();
    expect(await page.locator(`[data-date="${day(1)}"]`).getAttribute('data-state')).toBe('short');
    expect(await page.locator(`[data-date="${day(2)}"]`).getAttribute('data-state')).toBe('holiday');
    expect(await page.locator(`[data-date="${day(3)}"]`).getAttribute('data-state')).toBe('off');
    expect(await page.getByTestId('calendar-summary').textContent()).toContain('официальный');

    // Two days off more: due on Wednesday a week later.
    await previewForm.getByTestId('preview-run').click();
    await previewForm.getByTestId('preview-due').filter({ hasText: ru(9) }).waitFor();
    expect(await previewForm.getByTestId('preview-result').textContent()).toContain(day(2));

    // A click cycles a day's kind: working → shortened.
    const friday = page.locator(`[data-date="${day(4)}"]`);
    expect(await friday.getAttribute('data-state')).toBe('working');
    await friday.click();
    // The grid re-renders after the click (a signal's change, drawn on the next frame).
    await page.locator(`[data-date="${day(4)}"][data-state="short"]`).waitFor();
    expect(await axe(page, '#main')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
  it('an auditor finds each of those changes in the audit log, before → after', async () => {
    const { page, context, errors } = await chromium.open('/');
    await signIn(page, DEMO.auditor);
    await waitForPath(page, '/staff-only');
    await page.getByRole('navigation').getByRole('link', { name: 'Журнал аудита' }).click();
    await waitForPath(page, '/audit/log');
    const entries = page.getByTestId('audit-entries');
    const entry = async (action: string, hasText: string) => {
      await page.getByLabel('Действие').fill(action);
      await page.getByRole('button', { name: 'Применить' }).click();
      const row = entries.locator('tr', { hasText: action }).filter({ hasText });
      await row.first().waitFor();
      return (await row.first().textContent()) ?? '';
    };
    // The category with its form, the routing rule, the imported year: each by the admin, what it set.
    const category = await entry('category.create', code);
    expect(category).toContain(`code: — → ${code}`);
    expect(category).toContain('schemaVersion: — → 1');
    expect(category).toContain('Администратор системы');
    const rule = await entry('routing_rule.create', `Участки ${code}`);
    expect(rule).toContain(`name: — → Участки ${code}`);
    const year = await entry('calendar.imported', '2142');
    expect(year).toMatch(/shortened: .* → \["2142-07-\d\d"\]/);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  // Which rules a supervisor reads (their subtree's) is the API's part (workflow e2e); here, the screens are read-only.
  it('a supervisor reads the routing rules and the categories, read-only, from the navigation (axe in both themes)', async () => {
    const admin = await login(DEMO.admin);
    const departments = await ok<{ id: string; code: string }[]>('GET', '/api/v1/admin/departments', undefined, admin);
    const tech = departments.find((d) => d.code === 'tech-support')!;
    const tag = Date.now().toString(36);
    const own = await ok<{ id: string }>('POST', '/api/v1/admin/routing-rules', { position: 900, name: `Своё ${tag}`, keywords: [`своё${tag}`], departmentId: tech.id }, admin);
    try {
      const { page, context, errors } = await chromium.signedIn(DEMO.supervisor);
      const bothThemes = async (what: string) => {
        for (const theme of ['light', 'dark'] as const) {
          const dark = await page.evaluate(() => document.documentElement.classList.contains('theme-dark'));
          if ((theme === 'dark') !== dark) {
            await page.getByTestId('theme-switch').click();
            await page.waitForFunction((want) => document.documentElement.classList.contains('theme-dark') === want, theme === 'dark');
          }
          expect({ what, theme, violations: await axe(page, '#main') }).toEqual({ what, theme, violations: [] });
        }
      };

      await page.getByRole('navigation').getByRole('link', { name: 'Маршрутизация' }).click();
      await waitForPath(page, '/admin/routing');
      await page.getByRole('heading', { name: 'Правила маршрутизации' }).waitFor();
      const rules = page.getByTestId('rules-table');
      await rules.getByRole('row').filter({ hasText: `Своё ${tag}` }).waitFor();
      // Nothing to change: no new-rule form, no delete buttons; a note says why.
      await page.getByTestId('read-only').waitFor();
      expect(await page.getByTestId('rule-form').count()).toBe(0);
      expect(await rules.getByRole('button').count()).toBe(0);
      await bothThemes('routing');

      await page.getByRole('navigation').getByRole('link', { name: 'Категории' }).click();
      await waitForPath(page, '/admin/categories');
      await page.getByRole('heading', { name: 'Категории обращений' }).waitFor();
      await page.getByTestId('read-only').waitFor();
      expect(await page.getByTestId('new-category').count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Изменить / }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Вывести из употребления / }).count()).toBe(0);
      // Viewing a category: the form is there, every control disabled, nothing to save.
      await page.getByRole('button', { name: 'Просмотр tech', exact: true }).click();
      const form = page.getByTestId('category-form');
      await form.waitFor();
      expect(await form.getByLabel('Название (рус.)').isDisabled()).toBe(true);
      expect(await form.getByTestId('save-category').count()).toBe(0);
      await bothThemes('categories');
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await ok('DELETE', `/api/v1/admin/routing-rules/${own.id}`, undefined, admin);
    }
  });
});

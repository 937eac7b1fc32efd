import type { Page } from 'playwright-core';
import { DEMO } from '../e2e/support/api';
import { call } from '../e2e/support/identity';
import { startServer, stopRunning, type RunningServer } from '../e2e/support/server';
import { signIn, waitForPath } from './support/browser';
import { useConsole } from './support/console';

/**
 * The audit console (admins and auditors): the security alerts, resolved from the list, and one
 * citizen's personal-data access log. On a server of its own where a single reveal of contact
 * details is «mass» (AUDIT_REVEALS_ALERT=1), so an alert exists without fifty reveals, and the
 * shared server's alerts stay untouched.
 */
describe('console: audit alerts and the personal-data access log', () => {
  const chromium = useConsole(120_000);
  let server: RunningServer;
  let base: string;
  const token = async (who: { login: string; password: string }) => {
    const res = await call(base, 'POST', '/api/v1/auth/login', who);
    if (res.status !== 200) throw new Error(`login ${who.login}: ${res.status}`);
    return res.body.accessToken as string;
  };
  let citizenId: string;
  let citizenName: string;
  let operatorId: string;
  let appealNumber: string;

  beforeAll(async () => {
    server = await startServer({ AUDIT_REVEALS_ALERT: '1' });
    base = server.baseUrl;
    const citizen = await token(DEMO.citizen);
    const operator = await token(DEMO.operator);
    const me = (await call(base, 'GET', '/api/v1/me', undefined, citizen)).body;
    citizenId = me.id;
    citizenName = me.fullName;
    operatorId = (await call(base, 'GET', '/api/v1/me', undefined, operator)).body.id;
    const categories = (await call(base, 'GET', '/api/v1/catalog/categories')).body as { code: string; id: string }[];
    const tech = categories.find((c) => c.code === 'tech')!;
    const filed = await call(base, 'POST', '/api/v1/appeals', { type: 'question', categoryId: tech.id, subject: 'Журнал доступа', text: 'Прошу перезвонить.', contact: { phone: '+79990007788' } }, citizen);
    if (filed.status !== 201) throw new Error(`file: ${filed.status}`);
    appealNumber = String(filed.body.number);
    // The operator opens the card (a view) and reveals the phone (a reveal): the reveal raises the alert.
    expect((await call(base, 'GET', `/api/v1/staff/appeals/${filed.body.id}`, undefined, operator)).status).toBe(200);
    expect((await call(base, 'POST', `/api/v1/staff/appeals/${filed.body.id}/reveal-contact`, { reason: 'Звонок заявителю' }, operator)).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    if (server) await stopRunning(server);
  });

  /** `who` signed in: admins and auditors land on the staff-only page, which links to the audit pages. */
  const signedIn = async (who: { login: string; password: string }) => {
    const opened = await chromium.open('/', base);
    await signIn(opened.page, who);
    await waitForPath(opened.page, '/staff-only');
    return opened;
  };
  const rowOf = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });

  it('an auditor finds the open alert, confirms it, and finds it among the resolved ones', async () => {
    const { page, context, errors } = await signedIn(DEMO.auditor);
    await page.getByRole('link', { name: 'Оповещения безопасности' }).click();
    await waitForPath(page, '/audit/alerts');
    await page.getByRole('heading', { name: 'Оповещения безопасности' }).waitFor();

    const row = rowOf(page, 'Массовый просмотр персональных данных');
    await row.waitFor();
    expect(await row.textContent()).toContain(operatorId);
    // An auditor reviews; unlocking accounts is the admins' (no checkbox here).
    expect(await page.getByRole('checkbox', { name: 'При закрытии разблокировать учётную запись' }).count()).toBe(0);
    await row.getByRole('button', { name: 'Подтвердить' }).click();
    await row.waitFor({ state: 'detached' });
    await page.getByText('Оповещений нет').waitFor();

    await page.getByRole('radio', { name: 'Закрытые' }).or(page.getByRole('button', { name: 'Закрытые' })).click();
    const resolved = rowOf(page, 'Массовый просмотр персональных данных');
    await resolved.waitFor();
    expect(await resolved.textContent()).toContain('Подтверждено');
    expect(await resolved.getByRole('button', { name: 'Подтвердить' }).count()).toBe(0);

    // What the API says now: resolved by the auditor.
    const api = (await call(base, 'GET', '/api/v1/audit/alerts?kind=mass_reveal', undefined, await token(DEMO.auditor))).body.items;
    expect(api[0]).toMatchObject({ status: 'resolved', resolution: 'confirmed', subjectUserId: operatorId });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("an admin reads one citizen's access log: found by name: the card opened and the contact revealed, by whom and why", async () => {
    const { page, context, errors } = await signedIn(DEMO.admin);
    await page.getByRole('link', { name: 'Доступ к персональным данным' }).click();
    await waitForPath(page, '/audit/personal-data-access');
    await page.getByRole('heading', { name: 'Кто обращался к персональным данным гражданина' }).waitFor();

    await findCitizen(page, citizenName, citizenId);
    const reveal = rowOf(page, 'Просмотр контактов');
    await reveal.waitFor();
    expect(await reveal.textContent()).toContain('(phone)');
    expect(await reveal.textContent()).toContain('Звонок заявителю');
    expect(await reveal.textContent()).toContain(appealNumber);
    expect(await reveal.textContent()).toContain('Специалист');
    const view = rowOf(page, 'Открытие карточки обращения');
    await view.waitFor();
    expect(await view.textContent()).toContain(appealNumber);
    // Newest first: the reveal came after the card was opened.
    const rows = await page.getByRole('row').allTextContents();
    expect(rows.findIndex((r) => r.includes('Просмотр контактов'))).toBeLessThan(rows.findIndex((r) => r.includes('Открытие карточки обращения')));
    await page.screenshot({ path: '/tmp/otklik-pd-access.png', fullPage: true, animations: 'disabled' });
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** The access-log page's way to the citizen: a part of the name, then the one found. */
async function findCitizen(page: Page, name: string, id: string): Promise<void> {
  await page.getByLabel('Гражданин: ФИО, e-mail, телефон или идентификатор').fill(name.split(' ')[0]);
  await page.getByRole('button', { name: 'Найти' }).click();
  const matches = page.getByTestId('citizen-matches');
  await matches.waitFor();
  const found = matches.getByRole('button', { name: name });
  expect(await found.count()).toBe(1);
  await found.click();
  await page.getByRole('heading', { name }).waitFor();
  // The id works as well, straight to the log.
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
}

import { Secret, TOTP } from 'otpauth';
import { DEMO } from '../e2e/support/api';
import { call, eventually, startSmtp, STRONG_PASSWORD } from '../e2e/support/identity';
import { startServer, stopRunning, type RunningServer } from '../e2e/support/server';
import { signIn, waitForPath } from './support/browser';
import { useConsole } from './support/console';
import { axe } from './support/axe';



/**
 * Staff administration end to end (issue 16, part B), on a server of its own with a real SMTP
 * server: an admin invites an operator from the console; the operator opens the link of the
 * e-mail, sets the password and enrols TOTP (the code computed here with otpauth, as the backend
 * checks it) and works in the queue; the admin locks the account and the operator's open session
 * ends at once (the next action is refused and the sign-in page shows); an auditor then reads those
 * changes, before → after, in the audit log. axe finds nothing serious on the pages on the way.
 */
describe('console: staff administration, invitation to lock, and the audit log', () => {
  const chromium = useConsole(180_000);
  let server: RunningServer;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startServer({ SMTP_URL: smtp.url });
  }, 120_000);

  afterAll(async () => {
    if (server) await stopRunning(server);
    await smtp?.close();
  });

  it('invites, the operator enrols and works, the lock ends the session at once, the auditor sees it', async () => {
    const email = `new.operator.${Date.now()}@body.example.ru`;

    // The admin invites an operator of technical support.
    const admin = await chromium.open('/login', server.baseUrl);
    await signIn(admin.page, DEMO.admin);
    await waitForPath(admin.page, '/staff-only');
    await admin.page.getByRole('navigation').getByRole('link', { name: 'Сотрудники' }).click();
    await waitForPath(admin.page, '/admin/staff');
    await admin.page.getByRole('cell', { name: 'Сидоров Пётр Алексеевич operator@demo.otklik.local' }).waitFor();
    expect(await axe(admin.page)).toEqual([]);
    await admin.page.getByRole('button', { name: 'Пригласить сотрудника' }).click();
    const form = admin.page.getByRole('form', { name: 'Новый сотрудник' });
    await form.getByLabel('Электронная почта').fill(email);
    await form.getByLabel('ФИО').fill('Белова Ирина Петровна');
    await form.getByLabel('Должность').fill('Специалист');
    await form.getByRole('combobox', { name: 'Подразделение' }).click();
    await admin.page.getByRole('option', { name: 'Отдел технической поддержки' }).click();
    expect(await axe(admin.page)).toEqual([]);
    await form.getByRole('button', { name: 'Отправить приглашение' }).click();
    await admin.page.getByTestId('staff-notice').getByText(`Приглашение отправлено на ${email}`).waitFor();
    expect(await admin.page.getByTestId('staff-status').textContent()).toContain('Приглашён');

    // The operator opens the link from the e-mail (the token is in its fragment).
    const mail = await eventually(() => smtp.mails.find((m) => m.to.includes(email) && /Приглашение/.test(m.subject)));
    const link = new URL(/https?:\/\/\S+\/account-link#\S+/.exec(mail.text)![0]);
    const operator = await chromium.open(`${link.pathname}${link.hash}`, server.baseUrl);
    await operator.page.getByRole('heading', { name: 'Задайте пароль' }).waitFor();
    expect(await axe(operator.page)).toEqual([]);
    await operator.page.getByLabel('Новый пароль').fill(STRONG_PASSWORD);
    await operator.page.getByLabel('Повторите пароль').fill(STRONG_PASSWORD);
    await operator.page.getByRole('button', { name: 'Задать пароль' }).click();
    await operator.page.getByRole('heading', { name: 'Подключите приложение-аутентификатор' }).waitFor();
    expect(await axe(operator.page)).toEqual([]);
    const secret = (await operator.page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    const totp = new TOTP({ issuer: 'Otklik', label: email, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
    await operator.page.getByLabel('Код из приложения').fill(totp.generate());
    await operator.page.getByRole('button', { name: 'Подключить и войти' }).click();
    await operator.page.getByRole('heading', { name: 'Резервные коды' }).waitFor();
    expect(await operator.page.getByTestId('backup-codes').locator('li').count()).toBe(10);
    await operator.page.getByRole('button', { name: 'Я сохранил коды, продолжить' }).click();
    await waitForPath(operator.page, '/queue');
    await operator.page.getByRole('table').first().waitFor();
    expect(await operator.page.getByTestId('current-user').textContent()).toContain('Белова Ирина Петровна');
    // The link is single-use.
    const reused = await call(server.baseUrl, 'POST', '/api/v1/auth/account-link', { token: link.hash.slice(1), newPassword: STRONG_PASSWORD });
    expect(reused.status).toBe(410);

    // The admin finds the operator, now active with a second factor and a session, and locks the account.
    await admin.page.getByLabel('Имя или адрес').fill(email);
    await admin.page.getByRole('button', { name: 'Найти' }).click();
    await admin.page.getByRole('button', { name: 'Подробнее: Белова Ирина Петровна' }).click();
    const detail = admin.page.getByTestId('staff-detail');
    await detail.getByTestId('staff-status').getByText('Активен').waitFor();
    expect(await detail.getByRole('table', { name: 'Активные сеансы' }).locator('tbody tr').count()).toBe(1);
    await detail.getByRole('button', { name: 'Заблокировать' }).click();
    await detail.getByTestId('staff-status').getByText('Заблокирован').waitFor();
    expect(await detail.getByText('Активных сеансов нет').count()).toBe(1);

    // The operator's next action is refused: the console shows the sign-in page. (It may be there
    // already: the live stream of a revoked session is cut, and its reconnection refused.)
    if (!new URL(operator.page.url()).pathname.startsWith('/login')) {
      await operator.page.getByRole('button', { name: 'Обновить' }).first().click({ timeout: 5_000 }).catch(() => undefined);
    }
    await waitForPath(operator.page, '/login');
    await operator.page.getByRole('heading', { name: 'Вход для сотрудников' }).waitFor();
    // …and signing in again is refused too.
    await signIn(operator.page, { login: email, password: STRONG_PASSWORD });
    await operator.page.getByTestId('login-error').waitFor();
    expect(operator.errors).toEqual([]);
    await operator.context.close();

    // The department tree is there for the admin, too.
    await admin.page.getByRole('navigation').getByRole('link', { name: 'Подразделения' }).click();
    await waitForPath(admin.page, '/admin/departments');
    await admin.page.getByRole('treeitem').first().waitFor();
    // The administration's head: chosen among its supervisors, saved, and what the API answers.
    await admin.page.getByRole('button', { name: 'Изменить: Администрация' }).click();
    await admin.page.getByTestId('department-head').click();
    await admin.page.getByRole('option', { name: 'Смирнова Елена Викторовна' }).click();
    await admin.page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await admin.page.getByRole('status').filter({ hasText: 'Подразделение «Администрация» сохранено' }).waitFor({ state: 'attached' });
    const adminToken = (await call(server.baseUrl, 'POST', '/api/v1/auth/login', DEMO.admin)).body.accessToken as string;
    const supervisorId = (await call(server.baseUrl, 'GET', '/api/v1/me', undefined, (await call(server.baseUrl, 'POST', '/api/v1/auth/login', DEMO.supervisor)).body.accessToken)).body.id;
    const tree = (await call(server.baseUrl, 'GET', '/api/v1/admin/departments', undefined, adminToken)).body as { code: string; headId: string | null }[];
    expect(tree.find((d) => d.code === 'administration')!.headId).toBe(supervisorId);
    expect(await axe(admin.page)).toEqual([]);
    expect(admin.errors).toEqual([]);
    await admin.context.close();

    // The auditor reads the changes, before → after, and the chain's status.
    const auditor = await chromium.open('/login', server.baseUrl);
    await signIn(auditor.page, DEMO.auditor);
    await waitForPath(auditor.page, '/staff-only');
    await auditor.page.getByRole('navigation').getByRole('link', { name: 'Журнал аудита' }).click();
    await waitForPath(auditor.page, '/audit/log');
    await auditor.page.getByTestId('chain-status').getByText(/Цепочка цела/).waitFor();
    await auditor.page.getByLabel('Действие').fill('staff.');
    await auditor.page.getByRole('button', { name: 'Применить' }).click();
    const entries = auditor.page.getByTestId('audit-entries');
    const lock = entries.locator('tr', { hasText: 'staff.lock' });
    await lock.waitFor();
    expect(await lock.textContent()).toMatch(/lockedAt: — → \d{4}-\d{2}-\d{2}T/);
    expect(await lock.textContent()).toContain('lockReason: — → admin');
    expect(await lock.textContent()).toContain('Администратор системы');
    const created = entries.locator('tr', { hasText: 'staff.create' });
    expect(await created.textContent()).toContain('role: — → operator');
    expect(await axe(auditor.page)).toEqual([]);
    expect(auditor.errors).toEqual([]);
    await auditor.context.close();
  });
});

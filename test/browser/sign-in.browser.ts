import { DEMO, anonymous } from '../e2e/support/api';
import { SESSION_KEY, signIn, waitForPath } from './support/browser';
import { useConsole } from './support/console';

describe('console sign-in', () => {
  const chromium = useConsole();

  it("shows the API's own message for a wrong password and stays on the sign-in page", async () => {
    const { error } = await anonymous({ 'Accept-Language': 'ru' }).POST('/api/v1/auth/login', {
      body: { login: DEMO.operator.login, password: 'not-the-password' },
    });
    const apiTitle = (error as { title?: string } | undefined)?.title;
    expect(apiTitle).toBeTruthy();

    const { page, context, errors } = await chromium.open();
    await waitForPath(page, '/login');
    await signIn(page, { login: DEMO.operator.login, password: 'not-the-password' });

    const alert = page.getByTestId('login-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(apiTitle);
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.evaluate((k) => [sessionStorage.length, localStorage.getItem(k)], SESSION_KEY)).toEqual([0, null]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a citizen who signs in sees the staff-only notice, also when opening the queue directly', async () => {
    const { page, context, errors } = await chromium.open('/queue');
    await waitForPath(page, '/login');
    await signIn(page, DEMO.citizen);

    await waitForPath(page, '/staff-only');
    await page.getByRole('heading', { name: 'Консоль предназначена для сотрудников' }).waitFor();
    expect(await page.locator('mat-toolbar').textContent()).toContain('Иванов Иван Иванович');
    expect(await page.locator('table').count()).toBe(0);

    await page.goto(page.url().replace('/staff-only', '/queue'));
    await waitForPath(page, '/staff-only');

    // Signing out revokes the session on the server, not only in the tab.
    const { refreshToken } = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{}'), SESSION_KEY);
    await page.getByRole('button', { name: 'Выйти и войти под другой учётной записью' }).click();
    await waitForPath(page, '/login');
    expect(await page.evaluate((k) => [sessionStorage.length, localStorage.getItem(k)], SESSION_KEY)).toEqual([0, null]);
    const { response } = await anonymous().POST('/api/v1/auth/refresh', { body: { refreshToken } });
    expect(response.status).toBe(401);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refreshes a rejected access token once and keeps the operator signed in', async () => {
    const { page, context, errors } = await chromium.signedIn(DEMO.operator);
    await page.getByRole('table').waitFor();

    const key = SESSION_KEY;
    const before = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), key);
    expect(before?.refreshToken).toBeTruthy();
    // An access token the API rejects, but not yet "expired" from the console's point of view.
    await page.evaluate(
      ([k, session]) => localStorage.setItem(k, JSON.stringify({ ...session, accessToken: 'rejected.token.value', expiresAt: Date.now() + 600_000 })),
      [key, before] as const,
    );
    await page.reload();

    await page.getByRole('table').waitFor();
    expect(new URL(page.url()).pathname).toBe('/queue');
    const after = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null'), key);
    expect(after.accessToken).not.toBe('rejected.token.value');
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a session that cannot be refreshed goes back to the sign-in page', async () => {
    const { page, context } = await chromium.signedIn(DEMO.operator);
    await page.evaluate((k) =>
      localStorage.setItem(k, JSON.stringify({ accessToken: 'rejected', refreshToken: 'also-rejected', expiresAt: Date.now() + 600_000 })),
    SESSION_KEY);
    await page.reload();
    await waitForPath(page, '/login');
    expect(new URL(page.url()).searchParams.get('returnUrl')).toBe('/queue');
    await context.close();
  });
});

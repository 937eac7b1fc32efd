import { BASE_URL } from '../e2e/support/api';
import { useConsole } from './support/console';

/**
 * The embedded IdP's sign-in page in a real browser, used with the keyboard only. The server's
 * PUBLIC_URL is http://localhost:<port> (its default), so the flow starts there: the login
 * state cookie must be on the host the IdP redirects back to.
 */
describe('ESIA sign-in page (embedded IdP)', () => {
  const chromium = useConsole();
  const publicBase = () => BASE_URL().replace('127.0.0.1', 'localhost');

  it('is in Russian, names every choice, and signs in from the keyboard', async () => {
    const { page, context } = await chromium.open('/api/v1/auth/esia/login', publicBase());
    await page.getByRole('heading', { level: 1, name: 'Вход через демонстрационную ЕСИА' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    for (const name of ['Иванов Иван Иванович', 'Петрова Мария Сергеевна', 'Сидоров Пётр Алексеевич']) {
      await page.getByRole('button', { name: `Войти как ${name}` }).waitFor();
    }
    const target = page.getByRole('button', { name: 'Войти как Петрова Мария Сергеевна' });
    for (let i = 0; i < 20 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await target.evaluate((el) => el === document.activeElement)).toBe(true);
    // The tokens arrive in the fragment of /auth/esia/done; the console app served there may move
    // on (to /login) before the test looks, so the URL is taken as the page navigates to it.
    const done = new Promise<URL>((resolveDone) => {
      page.on('framenavigated', (frame) => {
        const url = new URL(frame.url());
        if (frame === page.mainFrame() && url.pathname === '/auth/esia/done' && url.hash) resolveDone(url);
      });
    });
    await page.keyboard.press('Enter');
    const fragment = new URLSearchParams((await done).hash.slice(1));
    const res = await fetch(`${BASE_URL()}/api/v1/me`, { headers: { authorization: `Bearer ${fragment.get('accessToken')}` } });
    expect(await res.json()).toMatchObject({ fullName: 'Петрова Мария Сергеевна', trustLevel: 'standard' });
    await context.close();
  });

  it('switches to English', async () => {
    const { page, context } = await chromium.open('/api/v1/auth/esia/login', publicBase());
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in with the demo ESIA' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await context.close();
  });
});

import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { DEMO, signedIn } from '../e2e/support/api';
import { fileTechAppeal } from './support/appeals';
import { SESSION_KEY, signIn, waitForPath } from './support/browser';
import { fillAnswer, takeOnCard, useConsole } from './support/console';

/** The session outlives a tab and an access token: new tabs, lapsed tokens, a half-typed answer. */
describe('console session', () => {
  const chromium = useConsole();

  it("a card's link opened in a new tab stays signed in, also after the access token lapsed (the tabs refresh once, together)", async () => {
    const filed = await fileTechAppeal(`Новая вкладка ${randomUUID().slice(0, 8)}`);
    const { page, context, errors } = await chromium.signedIn(DEMO.operator);
    await page.getByRole('table').waitFor();
    const cardUrl = page.url().replace('/queue', `/appeals/${filed.number}`);

    const tab = await context.newPage();
    await tab.goto(cardUrl);
    await tab.getByRole('heading', { name: `Обращение № ${filed.number}` }).waitFor();
    expect(new URL(tab.url()).pathname).toBe(`/appeals/${filed.number}`);
    await tab.close();

    // The access token lapsed while no tab was open: two tabs opened at once both refresh first
    // (the guard tries that before the sign-in page), one after the other, and keep one session.
    const before = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!), SESSION_KEY);
    await page.evaluate(([k, s]) => localStorage.setItem(k, JSON.stringify({ ...s, expiresAt: Date.now() - 1000 })), [SESSION_KEY, before] as const);
    await page.close();
    const tabs = await Promise.all([context.newPage(), context.newPage()]);
    await Promise.all(tabs.map((t) => t.goto(cardUrl)));
    for (const t of tabs) {
      await t.getByRole('heading', { name: `Обращение № ${filed.number}` }).waitFor();
      expect(new URL(t.url()).pathname).toBe(`/appeals/${filed.number}`);
    }
    const after = await tabs[0].evaluate((k) => JSON.parse(localStorage.getItem(k)!), SESSION_KEY);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    // Had both tabs refreshed with the same token, the API would have revoked the session: it is alive.
    await tabs[1].reload();
    await tabs[1].getByRole('heading', { name: `Обращение № ${filed.number}` }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('five tabs whose session lapsed refresh one after another and all keep the one session', async () => {
    // Each lock holder must see the token the one before it rotated; a tab that presented a spent
    // token would make the API revoke the session for every tab.
    const filed = await fileTechAppeal(`Пять вкладок ${randomUUID().slice(0, 8)}`);
    const { page, context, errors } = await chromium.signedIn(DEMO.operator);
    await page.getByRole('table').waitFor();
    const cardUrl = page.url().replace('/queue', `/appeals/${filed.number}`);
    const stored = (p: Page) => p.evaluate((k) => JSON.parse(localStorage.getItem(k)!) as { refreshToken: string; expiresAt: number }, SESSION_KEY);
    for (let round = 0; round < 3; round++) {
      const lapsed = { ...(await stored(page)), expiresAt: Date.now() - 1000 };
      await page.evaluate(([k, s]) => localStorage.setItem(k, JSON.stringify(s)), [SESSION_KEY, lapsed] as const);
      const five = await Promise.all(Array.from({ length: 5 }, () => context.newPage()));
      await Promise.all(five.map((t) => t.goto(cardUrl)));
      const landedOn = await Promise.all(
        five.map(async (t) => {
          await t.getByRole('heading', { name: `Обращение № ${filed.number}` }).waitFor();
          return new URL(t.url()).pathname;
        }),
      );
      expect(landedOn).toEqual(Array(5).fill(`/appeals/${filed.number}`));
      expect((await stored(five[0])).refreshToken).not.toBe(lapsed.refreshToken);
      await Promise.all(five.map((t) => t.close()));
    }
    // The session is alive: a reload in the first tab still reaches the API as the operator.
    await page.reload();
    await page.getByRole('table').waitFor();
    expect(new URL(page.url()).pathname).toBe('/queue');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('signing out in one tab signs out the others at once', async () => {
    const { page, context, errors } = await chromium.signedIn(DEMO.operator);
    await page.getByRole('table').waitFor();
    const other = await context.newPage();
    await other.goto(page.url());
    await other.getByRole('table').waitFor();
    await page.getByRole('button', { name: 'Выйти' }).click();
    await waitForPath(page, '/login');
    await waitForPath(other, '/login');
    expect(await other.evaluate((k) => localStorage.getItem(k), SESSION_KEY)).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('signing in from a card link comes back to the card', async () => {
    const filed = await fileTechAppeal(`Ссылка до входа ${randomUUID().slice(0, 8)}`);
    const { page, context } = await chromium.open(`/appeals/${filed.number}`);
    await waitForPath(page, '/login');
    expect(new URL(page.url()).searchParams.get('returnUrl')).toBe(`/appeals/${filed.number}`);
    await signIn(page, DEMO.operator);
    await waitForPath(page, `/appeals/${filed.number}`);
    await page.getByRole('heading', { name: `Обращение № ${filed.number}` }).waitFor();
    await context.close();
  });

  it('an answer sent after the access token was refused is sent after a silent refresh, nothing typed is lost', async () => {
    const filed = await fileTechAppeal(`Ответ после истечения сессии ${randomUUID().slice(0, 8)}`);
    const ref = String(filed.number);
    const { page, context, errors } = await chromium.card(DEMO.operator, ref);
    await takeOnCard(page);

        const text = `Ответ набран до истечения сессии ${randomUUID().slice(0, 8)}.`;
    const form = await fillAnswer(page, text);

    // While the operator typed, the access token lapsed: the API refuses the first send with 401,
    // as it does an expired token. The console refreshes once and sends the same answer again.
    const before = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!), SESSION_KEY);
    const answers: string[] = [];
    await page.route('**/api/v1/staff/appeals/*/answer', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      answers.push(route.request().headers().authorization ?? '');
      if (answers.length === 1) {
        return route.fulfill({
          status: 401,
          contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'about:blank', title: 'Требуется вход в систему', status: 401, detail: '', instance: '', code: 'unauthorized' }),
        });
      }
      return route.fallback();
    });
    await form.getByRole('button', { name: 'Подписать и отправить ответ' }).click();
    await page.locator('ok-status-chip').filter({ hasText: 'Решено' }).waitFor();
    await page.getByTestId('appeal-answer').waitFor();
    expect(answers).toHaveLength(2);
    expect(answers[1]).not.toBe(answers[0]);
    expect(new URL(page.url()).pathname).toBe(`/appeals/${ref}`);
    const after = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!), SESSION_KEY);
    expect(after.refreshToken).not.toBe(before.refreshToken);

    const operator = await signedIn(DEMO.operator);
    const { data: card } = await operator.GET('/api/v1/staff/appeals/{idOrNumber}', { params: { path: { idOrNumber: ref } } });
    expect(card!.status).toBe('resolved');
    expect(card!.answer?.text).toBe(text);
    expect(errors).toEqual([]);
    await context.close();
  });
});

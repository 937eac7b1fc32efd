import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { DEMO, signedIn } from '../e2e/support/api';
import { fileTechAppeal } from './support/appeals';
import { waitForPath } from './support/browser';
import { useConsole } from './support/console';

/** The bell's accessible name carries the count: «Уведомления, непрочитанных: N», or «Уведомления» at 0. */
async function unreadOnBell(page: Page): Promise<number> {
  const label = (await page.getByTestId('notification-bell').getAttribute('aria-label')) ?? '';
  return Number(/: (\d+)$/.exec(label)?.[1] ?? 0);
}

async function waitForUnread(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const label = document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') ?? '';
      return Number(/: (\d+)$/.exec(label)?.[1] ?? 0) === expected;
    },
    count,
  );
}

describe('console notifications', () => {
  const chromium = useConsole();

  it('a new appeal in the department raises the bell live and pops a toast; its item opens the card, which lists the deliveries', async () => {
    // A known starting point: the operator's feed all read (texts are placeholders: only numbers and kinds are checked).
    const operator = await signedIn(DEMO.operator);
    await operator.POST('/api/v1/me/notifications/read-all');

    const streams: string[] = [];
    const { page, context, errors } = await chromium.signedIn(DEMO.operator, {
      beforeSignIn: (p) => p.context().on('request', (r) => void (r.url().includes('/notifications/stream') && streams.push(r.url()))),
    });
    const bell = page.getByTestId('notification-bell');
    await bell.waitFor();
    expect(await unreadOnBell(page)).toBe(0);
    // A second tab of the console: it follows the first tab's stream instead of opening its own.
    const other = await context.newPage();
    await other.goto(page.url());
    for (const tab of [page, other]) await tab.locator('[data-testid="notification-bell"][data-live="true"]').waitFor();

    const filed = await fileTechAppeal(`Уведомление в консоли ${randomUUID().slice(0, 8)}`);
    const number = String(filed.number);

    // Live, without a reload, in both tabs: the badge and the toast.
    await waitForUnread(page, 1);
    await waitForUnread(other, 1);
    expect(streams).toHaveLength(1);
    await other.close();
    expect((await page.locator('.mat-badge-content').textContent())?.trim()).toBe('1');
    const toast = page.locator('mat-snack-bar-container').filter({ hasText: `Новое обращение № ${number} в очереди` });
    await toast.waitFor();
    await toast.getByRole('button', { name: 'Открыть' }).waitFor();
    await page.screenshot({ path: '/tmp/otklik-notifications-toast.png', animations: 'disabled' });

    // The bell's menu, by keyboard: the item is marked unread and opens the card.
    await bell.focus();
    await page.keyboard.press('Enter');
    const item = page.locator(`[data-testid="notification-item"][data-appeal="${number}"][data-kind="queue_new"]`);
    await item.waitFor();
    expect(await item.getAttribute('class')).toContain('unread');
    await page.screenshot({ path: '/tmp/otklik-notifications-menu.png', animations: 'disabled' });
    await item.click();
    await waitForPath(page, `/appeals/${number}`);
    await page.getByRole('heading', { name: `Обращение № ${number}` }).waitFor();
    await waitForUnread(page, 0);

    // The card's «Уведомления»: the staff notice in the console and the citizen's registration notice.
    const deliveries = page.getByTestId('appeal-notifications');
    await deliveries.getByRole('heading', { name: 'Уведомления' }).waitFor();
    await deliveries.locator('[data-testid="delivery-row"][data-kind="queue_new"][data-channel="in_app"]').first().waitFor();
    await deliveries.locator('[data-testid="delivery-row"][data-kind="registered"]').first().waitFor();
    await page.screenshot({ path: '/tmp/otklik-notifications-card.png', fullPage: true, animations: 'disabled' });

    // What the API stored: the item is read.
    const { data: feed } = await operator.GET('/api/v1/me/notifications', { params: { query: { kind: 'queue_new', appealId: filed.id } } });
    expect(feed?.items.map((i) => [i.appealNumber, Boolean(i.readAt)])).toEqual([[filed.number, true]]);
    expect(errors).toEqual([]);
    await context.close();
  });
  it('the preferences page saves a change and shows the API\'s field error under the time zone', async () => {
    const { page, context, errors } = await chromium.signedIn(DEMO.operator);
    await page.getByTestId('notification-bell').click();
    await page.getByRole('menuitem', { name: 'Настройки' }).click();
    await waitForPath(page, '/settings/notifications');
    const form = page.getByRole('form', { name: 'Настройки уведомлений' });
    const email = form.getByRole('checkbox', { name: 'Новое обращение в очереди: Эл. почта' });
    await email.waitFor();
    const wasOn = await email.isChecked();
    await email.click();
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await page.locator('mat-snack-bar-container').filter({ hasText: 'Настройки уведомлений сохранены' }).waitFor();
    const operator = await signedIn(DEMO.operator);
    const { data: saved } = await operator.GET('/api/v1/me/notification-preferences');
    expect(saved?.kinds.find((k) => k.kind === 'queue_new')?.channels.email).toBe(!wasOn);

    await form.getByLabel('Часовой пояс').fill('Mars/Olympus');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await page.locator('mat-error').filter({ hasText: /./ }).first().waitFor();
    expect(await form.getByTestId('time-zone-error').count()).toBe(1);
    await page.screenshot({ path: '/tmp/otklik-notification-settings.png', fullPage: true, animations: 'disabled' });

    // The push worker is served from the site's root, as a script.
    const worker = await page.request.get(new URL('/push-sw.js', page.url()).href);
    expect(worker.ok()).toBe(true);
    expect(worker.headers()['content-type']).toContain('javascript');

    // Put the operator's switch back for other tests.
    await operator.PUT('/api/v1/me/notification-preferences', { body: { kinds: [{ kind: 'queue_new', channels: { email: wasOn } }] } });
    expect(errors).toEqual([]);
    await context.close();
  });
});

import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { DEMO } from '../e2e/support/api';
import { call } from '../e2e/support/identity';
import { startServer, stopRunning, type RunningServer } from '../e2e/support/server';
import { signIn, waitForPath } from './support/browser';
import { useConsole } from './support/console';
import { axe } from './support/axe';

/**
 * The operations screens of the admin console (issue 16) on a server of its own: the admin rotates
 * the answer-signing key after a confirmation, changes the retention rule, and discards a dead
 * letter after a confirmation, and (with Redis) opens Bull Board; axe finds nothing serious on the three screens and the dialogs, in
 * the light and the dark theme. An auditor reads keys and retention but gets no rotate button.
 */
describe('console: signing keys, retention, queues', () => {
  const chromium = useConsole(240_000);
  let server: RunningServer;
  let db: Client;

  beforeAll(async () => {
    server = await startServer();
    db = new Client({ connectionString: server.databaseUrl });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    if (server) await stopRunning(server);
  });

  /** A dead letter of a fresh appeal's reporting rollups delivery, as a failing consumer leaves it (every appeal event has one). */
  async function deadLetter(): Promise<string> {
    const citizen = (await call(server.baseUrl, 'POST', '/api/v1/auth/login', DEMO.citizen)).body.accessToken;
    const tree = (await call(server.baseUrl, 'GET', '/api/v1/catalog/categories')).body as { code: string; id: string }[];
    const filed = await call(server.baseUrl, 'POST', '/api/v1/appeals', { type: 'question', categoryId: tree.find((c) => c.code === 'general')!.id, subject: 'Очередь', text: 'Проверка очереди.' }, citizen);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const { rows } = await db.query<{ id: string }>(
        `UPDATE event_deliveries d SET status = 'dead', last_error = 'browser: consumer failed' FROM outbox o
          WHERE o.id = d.event_id AND o.aggregate_id = $1 AND d.consumer = 'reporting.rollups' AND d.status = 'done' RETURNING d.event_id::text AS id`,
        [filed.body.id],
      );
      if (rows[0]) return rows[0].id;
      if (Date.now() > deadline) throw new Error('no delivery to make dead');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const settled = async (page: Page) => {
    await page.waitForFunction(() => document.querySelector('.mat-mdc-dialog-container.mdc-dialog--opening') === null);
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  };

  it('the admin rotates the key, changes the retention rule and discards a dead letter; axe clean in both themes', async () => {
    const eventId = await deadLetter();
    const { page, context, errors } = await chromium.open('/login', server.baseUrl);
    await signIn(page, DEMO.admin);
    await waitForPath(page, '/staff-only');

    for (const theme of ['light', 'dark'] as const) {
      if (theme === 'dark') {
        await page.getByTestId('theme-switch').click();
        await page.waitForFunction(() => document.documentElement.classList.contains('theme-dark'));
      }
      // Signing keys, from the navigation.
      await page.getByRole('navigation').getByRole('link', { name: 'Ключи подписи' }).click();
      await waitForPath(page, '/admin/signing-keys');
      const rows = page.getByTestId('signing-keys').locator('tbody tr');
      await rows.first().waitFor();
      const before = await rows.count();
      expect(await page.locator('tr[data-state="active"]').count()).toBe(1);
      await settled(page);
      expect({ theme, keys: await axe(page) }).toEqual({ theme, keys: [] });
      await page.getByTestId('rotate-key').click();
      const dialog = page.getByRole('dialog', { name: 'Сменить ключ подписи?' });
      await dialog.waitFor();
      await settled(page);
      expect({ theme, rotateDialog: await axe(page) }).toEqual({ theme, rotateDialog: [] });
      await dialog.getByTestId('confirm').click();
      await page.getByText(/Новый активный ключ: rsa-/).first().waitFor();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="signing-keys"] tbody tr').length === n, before + 1);
      expect(await page.locator('tr[data-state="active"]').count()).toBe(1);
      expect(await page.locator('tr[data-state="retired"]').count()).toBe(before);

      // Retention: the rule (from the configuration at first), changed by the admin.
      await page.getByRole('navigation').getByRole('link', { name: 'Хранение' }).click();
      await waitForPath(page, '/admin/retention');
      await page.getByTestId('retention-rule').waitFor();
      await settled(page);
      expect({ theme, retention: await axe(page) }).toEqual({ theme, retention: [] });
      const years = theme === 'light' ? '10' : '11';
      await page.getByTestId('retention-years').fill(years);
      await page.getByTestId('retention-save').click();
      await page.waitForFunction((y) => document.querySelector('[data-testid="retention-rule"] dd')?.textContent?.trim() === y, years);
      expect(await page.getByTestId('retention-rule').textContent()).toContain('Задано администратором');

      // Queues: the dead letter, discarded after a confirmation (once), then listed as discarded.
      await page.getByRole('navigation').getByRole('link', { name: 'Очереди' }).click();
      await waitForPath(page, '/admin/queues');
      if (theme === 'light') {
        const row = page.locator(`tr[data-event="${eventId}"]`);
        await row.waitFor();
        await settled(page);
        expect({ theme, queues: await axe(page) }).toEqual({ theme, queues: [] });
        await row.getByRole('button', { name: `Отклонить событие ${eventId} для reporting.rollups` }).click();
        const confirm = page.getByRole('dialog', { name: 'Отклонить событие?' });
        await confirm.waitFor();
        await settled(page);
        expect({ theme, discardDialog: await axe(page) }).toEqual({ theme, discardDialog: [] });
        await confirm.getByTestId('confirm').click();
        await row.waitFor({ state: 'detached' });
        await page.getByText('Отклонено: 1').first().waitFor();
      }
      if (!process.env.REDIS_URL) {
        // The embedded mode has no BullMQ queues: the screen says so.
        await page.getByTestId('queues-board').getByText('Bull Board работает только с Redis').waitFor();
      } else if (theme === 'light') {
        // With Redis the admin opens Bull Board in a new tab (its session cookie first), and it lists the queues.
        const [board] = await Promise.all([context.waitForEvent('page'), page.getByTestId('queues-board-open').click()]);
        await board.waitForURL(/\/api\/v1\/admin\/queue-board\/$/);
        await board.waitForFunction(() => document.body.innerText.includes('domain-events'), undefined, { timeout: 30_000 });
        await board.close();
      }
      await page.getByTestId('queues-status').click();
      await page.getByRole('option', { name: 'Отклонённые' }).click();
      await page.locator(`tr[data-event="${eventId}"]`).waitFor();
      await settled(page);
      expect({ theme, discarded: await axe(page) }).toEqual({ theme, discarded: [] });
    }
    const { rows } = await db.query(`SELECT status FROM event_deliveries WHERE event_id = $1 AND consumer = 'reporting.rollups'`, [eventId]);
    expect(rows).toEqual([{ status: 'discarded' }]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an auditor reads the keys and the retention rule, with no rotate button and no form', async () => {
    const { page, context, errors } = await chromium.open('/login', server.baseUrl);
    await signIn(page, DEMO.auditor);
    await page.getByRole('navigation').getByRole('link', { name: 'Ключи подписи' }).click();
    await waitForPath(page, '/admin/signing-keys');
    await page.getByTestId('signing-keys').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('rotate-key').count()).toBe(0);
    await page.getByRole('navigation').getByRole('link', { name: 'Хранение' }).click();
    await page.getByTestId('retention-rule').waitFor();
    expect(await page.getByTestId('retention-save').count()).toBe(0);
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Очереди' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

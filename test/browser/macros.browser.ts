import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Schemas } from '../../shared/api/client';
import { DEMO } from '../e2e/support/api';
import { call } from '../e2e/support/identity';
import { startServer, stopRunning, type RunningServer } from '../e2e/support/server';
import { signIn, waitForPath } from './support/browser';
import { useConsole } from './support/console';
import { axe } from './support/axe';

/**
 * Macros (issue 15/16) in the console: an admin defines one on /admin/macros, an operator applies
 * it on a card with one click — the appeal is taken and gets the internal note — and the console
 * goes on to the next appeal of the queue view; axe on the admin page and the card's menu in both
 * themes.
 */
describe('console macros', () => {
  const chromium = useConsole(180_000);
  let server: RunningServer;
  const ok = async <T = any>(method: string, path: string, body?: unknown, token?: string): Promise<T> => {
    const res = await call(server.baseUrl, method, path, body, token);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  };
  const login = async (who: { login: string; password: string }) => (await ok<{ accessToken: string }>('POST', '/api/v1/auth/login', who)).accessToken;
  let citizen: string;
  let tech: string;
  const title = `Взять и отметить ${randomUUID().slice(0, 6)}`;

  const file = (subject: string) =>
    ok<Schemas['AppealSummaryDto']>('POST', '/api/v1/appeals', { type: 'question', categoryId: tech, subject, text: 'Прошу рассмотреть обращение.' }, citizen);

  /** Both themes: the light one first, then the switch to the dark one (measured once its transition is over). */
  const inBothThemes = async (page: Page, measure: (theme: 'light' | 'dark') => Promise<void>) => {
    for (const theme of ['light', 'dark'] as const) {
      if (theme === 'dark') {
        await page.getByTestId('theme-switch').click();
        await page.waitForFunction(() => document.documentElement.classList.contains('theme-dark'));
        await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      }
      await measure(theme);
    }
  };

  beforeAll(async () => {
    server = await startServer();
    const tree = await ok<Schemas['CategoryDto'][]>('GET', '/api/v1/catalog/categories');
    tech = tree.flatMap((c) => [c, ...c.children]).find((c) => c.code === 'tech')!.id;
    citizen = await login(DEMO.citizen);
  }, 120_000);

  afterAll(async () => {
    if (server) await stopRunning(server);
  });

  it('an admin defines a macro; axe finds nothing serious on the page in either theme', async () => {
    const admin = await chromium.open('/', server.baseUrl);
    await signIn(admin.page, DEMO.admin);
    await waitForPath(admin.page, '/staff-only');
    await admin.page.getByRole('navigation').getByRole('link', { name: 'Макросы' }).click();
    await waitForPath(admin.page, '/admin/macros');
    await admin.page.getByRole('heading', { name: 'Макросы', level: 1 }).waitFor();
    const form = admin.page.getByRole('form', { name: 'Новый макрос' });
    await form.getByTestId('macro-title').fill(title);
    await form.getByTestId('macro-steps').click();
    await admin.page.getByRole('option', { name: 'Взять в работу' }).click();
    await admin.page.keyboard.press('Escape');
    await form.getByTestId('macro-note').fill('Проверено макросом');
    await form.getByTestId('macro-save').click();
    const item = admin.page.locator(`li[data-macro="${title}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain('Взять в работу → заметка «Проверено макросом»');
    const macros = await ok<Schemas['AppealMacroDto'][]>('GET', '/api/v1/admin/macros', undefined, await login(DEMO.admin));
    expect(macros.find((m) => m.title === title)).toMatchObject({ steps: ['take'], note: 'Проверено макросом', departmentId: null, active: true });

    await inBothThemes(admin.page, async (theme) => {
      expect({ theme, page: await axe(admin.page) }).toEqual({ theme, page: [] });
    });
    expect(admin.errors).toEqual([]);
    await admin.context.close();
  });

  it('an operator applies it on the card with one click: the appeal is taken, the note added, and the console opens the next appeal of the view', async () => {
    const first = await file(`Макрос первое ${randomUUID().slice(0, 6)}`);
    const second = await file(`Макрос второе ${randomUUID().slice(0, 6)}`);
    const { page, context, errors } = await chromium.signedIn(DEMO.operator, { baseUrl: server.baseUrl });
    // Unassigned, newest first: the second appeal, then the first.
    await page.goto(`${server.baseUrl}/queue?view=unassigned&sort=registeredAt`);
    const rows = page.locator('tr.queue-row');
    await page.waitForFunction((n) => document.querySelector('tr.queue-row')?.getAttribute('data-number') === String(n), second.number);
    expect(await rows.nth(1).getAttribute('data-number')).toBe(String(first.number));
    await rows.first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Обращение № ${second.number}` }).waitFor();

    const menu = page.getByTestId('macros-menu');
    await menu.waitFor();
    await inBothThemes(page, async (theme) => {
      await menu.click();
      await page.getByRole('menuitem', { name: title }).waitFor();
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      expect({ theme, card: await axe(page) }).toEqual({ theme, card: [] });
      await page.keyboard.press('Escape');
      await page.getByRole('menuitem', { name: title }).waitFor({ state: 'detached' });
    });

    await menu.click();
    await page.getByRole('menuitem', { name: title }).click();
    // On to the next appeal of the view.
    await page.getByRole('heading', { name: `Обращение № ${first.number}` }).waitFor();
    const operator = await login(DEMO.operator);
    const applied = await ok<Schemas['AppealDto']>('GET', `/api/v1/staff/appeals/${second.id}`, undefined, operator);
    expect(applied.status).toBe('in_progress');
    expect(applied.assigneeName).toBe('Сидоров Пётр Алексеевич');
    expect(applied.messages).toContainEqual(expect.objectContaining({ text: 'Проверено макросом', internal: true }));
    const untouched = await ok<Schemas['AppealDto']>('GET', `/api/v1/staff/appeals/${first.id}`, undefined, operator);
    expect(untouched.status).toBe('registered');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an operator changes the category and the priority from the card: the dialog (axe), then the card and its history show them; the status and term stay', async () => {
    const appeal = await file(`Переклассификация ${randomUUID().slice(0, 6)}`);
    const tree = await ok<Schemas['CategoryDto'][]>('GET', '/api/v1/catalog/categories');
    const knowledge = tree.find((c) => c.code === 'knowledge')!;
    const { page, context, errors } = await chromium.signedIn(DEMO.operator, { baseUrl: server.baseUrl });
    await page.goto(`${server.baseUrl}/appeals/${appeal.number}`);
    await page.getByRole('heading', { name: `Обращение № ${appeal.number}` }).waitFor();

    await page.getByTestId('appeal-actions').getByRole('button', { name: 'Категория и приоритет' }).click();
    const dialog = page.getByRole('dialog', { name: 'Изменить категорию или приоритет' });
    await dialog.waitFor();
    await dialog.getByTestId('reclassify-category').click();
    await page.getByRole('option', { name: 'База знаний' }).click();
    await dialog.getByTestId('reclassify-priority').click();
    await page.getByRole('option', { name: 'Высокий' }).click();
    await dialog.getByTestId('reclassify-comment').fill('Ответ есть в базе знаний');
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    expect(await axe(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Категория и приоритет сохранены').waitFor();

    const after = await ok<Schemas['AppealDto']>('GET', `/api/v1/staff/appeals/${appeal.id}`, undefined, await login(DEMO.operator));
    expect(after).toMatchObject({ status: 'registered', categoryId: knowledge.id, priority: 'high', dueAt: appeal.dueAt, departmentId: appeal.departmentId });
    expect(after.history.find((h) => h.event === 'reclassified')).toMatchObject({ comment: 'Ответ есть в базе знаний' });
    // The card shows the new values.
    const facts = page.locator('dl');
    await facts.getByText('Высокий', { exact: true }).first().waitFor();
    await facts.getByText('База знаний', { exact: true }).first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

import { randomUUID } from 'node:crypto';
import type { Schemas } from '../../shared/api/client';
import { DEMO } from '../e2e/support/api';
import { call } from '../e2e/support/identity';
import { startServer, stopRunning, type RunningServer } from '../e2e/support/server';
import { useConsole } from './support/console';
import { axe } from './support/axe';

/** The second operator of tech-support (seeded with the demo data, not in DEMO). */
const OPERATOR2 = { login: 'operator2@demo.otklik.local', password: 'Operator#Demo2026' } as const;


/**
 * The operator console's queue (issue 15) on a dedicated server whose clock the test moves (one
 * appeal filed two months ago is overdue): finding an appeal by number and taking it with the
 * keyboard only, a colleague's take showing live in another browser, the overdue view with its
 * count, and axe on the queue and its cheat sheet in both themes.
 */
describe('console queue', () => {
  const chromium = useConsole(120_000);
  let server: RunningServer;
  const ok = async <T = any>(method: string, path: string, body?: unknown, token?: string): Promise<T> => {
    const res = await call(server.baseUrl, method, path, body, token);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  };
  const login = async (who: { login: string; password: string }) => (await ok<{ accessToken: string }>('POST', '/api/v1/auth/login', who)).accessToken;
  let citizen: string;
  let operator: string;
  let tech: string;
  let old: Schemas['AppealSummaryDto'];

  const file = (subject: string) =>
    ok<Schemas['AppealSummaryDto']>('POST', '/api/v1/appeals', { type: 'question', categoryId: tech, subject, text: 'Прошу рассмотреть обращение.' }, citizen);

  beforeAll(async () => {
    server = await startServer({ CLOCK_CONTROL: 'true', SLA_TICK_SECONDS: '1' });
    const tree = await ok<Schemas['CategoryDto'][]>('GET', '/api/v1/catalog/categories');
    tech = tree.flatMap((c) => [c, ...c.children]).find((c) => c.code === 'tech')!.id;
    citizen = await login(DEMO.citizen);
    // Sixty days ago: far past any deadline of a question, so the SLA tick marks it overdue.
    await ok('PUT', '/api/v1/test/clock', { offsetMs: -60 * 86_400_000 });
    old = await file(`Давнее обращение ${randomUUID().slice(0, 6)}`);
    await ok('PUT', '/api/v1/test/clock', { offsetMs: 0 });
    operator = await login(DEMO.operator);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const card = await ok<Schemas['AppealDto']>('GET', `/api/v1/staff/appeals/${old.id}`, undefined, operator);
      if (card.overdue) break;
      if (Date.now() > deadline) throw new Error('the old appeal was not marked overdue');
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 120_000);

  afterAll(async () => {
    if (server) await stopRunning(server);
  });

  it('finds an appeal filed through the API by its number and takes it with the keyboard only', async () => {
    const filed = await file(`Клавиатура ${randomUUID().slice(0, 6)}`);
    const { page, context, errors } = await chromium.signedIn(DEMO.operator, { baseUrl: server.baseUrl });
    await page.locator('tr.queue-row').first().waitFor();

    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('filter-search');
    await page.keyboard.type(String(filed.number));
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelector('tr.queue-row')?.getAttribute('data-number') === String(n), filed.number);
    // Escape leaves the search box for the first row: the number's appeal.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.matches('tr.queue-row'));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-number'))).toBe(String(filed.number));
    await page.keyboard.press('a');

    const row = page.locator(`tr.queue-row[data-number="${filed.number}"]`);
    await row.locator('.cell-assignee', { hasText: 'Сидоров Пётр Алексеевич' }).waitFor();
    await row.locator('ok-status-chip', { hasText: 'В работе' }).waitFor();
    const card = await ok<Schemas['AppealDto']>('GET', `/api/v1/staff/appeals/${filed.id}`, undefined, operator);
    expect(card.status).toBe('in_progress');
    expect(card.assigneeName).toBe('Сидоров Пётр Алексеевич');
    // The first reaction happened: its column is empty now.
    expect((await row.locator('.mat-column-firstResponseDueAt').textContent())?.trim()).toBe('—');

    // Enter opens the card of the focused row.
    await row.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Обращение № ${filed.number}` }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a new appeal and a colleague's take in another browser show in the first operator's queue within 2 s", async () => {
    const first = await chromium.signedIn(DEMO.operator, { baseUrl: server.baseUrl });
    const second = await chromium.signedIn(OPERATOR2, { baseUrl: server.baseUrl });
    // The first operator looks at the unassigned appeals, newest first.
    await first.page.getByTestId('queue-rail').getByRole('link', { name: /Не назначенные/ }).click();
    await first.page.waitForURL((url) => url.searchParams.get('view') === 'unassigned');
    const registered = first.page.locator('th[mat-sort-header]').filter({ hasText: 'Зарегистрировано' });
    await registered.locator('[role="button"]').click();
    await first.page.waitForFunction(() => document.querySelector('th.mat-column-registeredAt')?.getAttribute('aria-sort') === 'descending');
    await first.page.locator('tr.queue-row').first().waitFor();
    // Both streams are connected before anything happens.
    await first.page.waitForFunction(() => document.querySelector('[data-testid="queue-rail"] .rail-count') !== null);
    await new Promise((r) => setTimeout(r, 1000));

    // A new appeal arrives by itself (no «Обновить»), at the top.
    const filed = await file(`Живая очередь ${randomUUID().slice(0, 6)}`);
    const row = first.page.locator(`tr.queue-row[data-number="${filed.number}"]`);
    await row.waitFor({ timeout: 5_000 });

    // The colleague takes it in their own browser, with the keyboard.
    await second.page.keyboard.press('/');
    await second.page.keyboard.type(String(filed.number));
    await second.page.keyboard.press('Enter');
    await second.page.waitForFunction((n) => document.querySelector('tr.queue-row')?.getAttribute('data-number') === String(n), filed.number);
    await second.page.keyboard.press('Escape');
    await second.page.waitForFunction((n) => document.activeElement?.getAttribute('data-number') === String(n), filed.number);
    const unassignedBefore = Number(await first.page.locator('[data-view="unassigned"] .rail-count').textContent());
    const started = Date.now();
    await second.page.keyboard.press('a');
    // Gone from the first operator's «unassigned» view, and its count one less.
    await row.waitFor({ state: 'detached', timeout: 2_000 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(2_000);
    await first.page.waitForFunction(
      (n) => Number(document.querySelector('[data-view="unassigned"] .rail-count')?.textContent) === n,
      unassignedBefore - 1,
      { timeout: 2_000 },
    );
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
    await first.context.close();
    await second.context.close();
  });

  it('a colleague on a card shows on the queue row within 2 s, viewing then replying; the card says who is here; leaving clears it', async () => {
    const filed = await file(`Присутствие ${randomUUID().slice(0, 6)}`);
    const a = await chromium.signedIn(DEMO.operator, { baseUrl: server.baseUrl });
    const b = await chromium.signedIn(OPERATOR2, { baseUrl: server.baseUrl });
    // B watches the queue, the appeal's row on screen.
    await b.page.keyboard.press('/');
    await b.page.keyboard.type(String(filed.number));
    await b.page.keyboard.press('Enter');
    const row = b.page.locator(`tr.queue-row[data-number="${filed.number}"]`);
    await row.waitFor();
    const marker = row.getByTestId('presence-marker');
    expect(await marker.count()).toBe(0);

    // A opens the card: within 2 s B's row shows A viewing it.
    await a.page.goto(`${server.baseUrl}/appeals/${filed.number}`);
    await a.page.getByRole('heading', { name: `Обращение № ${filed.number}` }).waitFor();
    let started = Date.now();
    await marker.waitFor({ timeout: 2_000 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await marker.getAttribute('aria-label')).toBe('Просматривает: Сидоров П. А.');
    expect((await marker.textContent())?.trim()).toBe('СП');
    await marker.hover();
    await b.page.locator('.mat-mdc-tooltip', { hasText: 'Просматривает: Сидоров П. А.' }).waitFor();
    await b.page.mouse.move(0, 0);
    // A writes in the thread: «Отвечает».
    await a.page.getByTestId('message-text').focus();
    await row.locator('[data-testid="presence-marker"][data-activity="replying"]').waitFor({ timeout: 2_000 });
    expect(await marker.getAttribute('aria-label')).toBe('Отвечает: Сидоров П. А.');
    // Nobody else on A's card yet; A never sees themselves.
    expect((await a.page.getByTestId('presence-here').textContent())?.trim()).toBe('');
    expect(await axe(b.page)).toEqual([]);

    // B opens the card too (another tab): each card names the other, never its own user.
    const bCard = await b.context.newPage();
    await bCard.goto(`${server.baseUrl}/appeals/${filed.number}`);
    await bCard.getByTestId('presence-here').filter({ hasText: 'Сейчас здесь: Сидоров П. А. (отвечает)' }).waitFor({ timeout: 2_000 });
    await a.page.getByTestId('presence-here').filter({ hasText: 'Сейчас здесь: Волков А. Н.' }).waitFor({ timeout: 2_000 });
    for (const theme of ['light', 'dark'] as const) {
      if (theme === 'dark') {
        await a.page.getByTestId('theme-switch').click();
        await a.page.waitForFunction(() => document.documentElement.classList.contains('theme-dark'));
        await a.page.waitForFunction(() => document.getAnimations().every((x) => x.playState !== 'running'));
      }
      expect({ theme, card: await axe(a.page) }).toEqual({ theme, card: [] });
    }
    // B goes back to the queue from that tab: A's card no longer names B.
    await bCard.getByRole('link', { name: /К очереди/ }).first().click();
    await bCard.locator('tr.queue-row').first().waitFor();
    await bCard.close();
    await a.page.getByTestId('presence-here').filter({ hasText: /^\s*$/ }).waitFor({ timeout: 2_000 });

    // A leaves the card: the marker goes from B's row within 2 s.
    await a.page.getByTestId('message-text').blur();
    await a.page.getByRole('link', { name: /К очереди/ }).first().click();
    await a.page.locator('tr.queue-row').first().waitFor();
    started = Date.now();
    await marker.waitFor({ state: 'detached', timeout: 2_000 });
    expect(Date.now() - started).toBeLessThan(2_000);
    // Back on the card, then the tab leaves the console altogether: gone too, not after the 40 s expiry.
    await a.page.goto(`${server.baseUrl}/appeals/${filed.number}`);
    await marker.waitFor({ timeout: 2_000 });
    await a.page.goto('about:blank');
    started = Date.now();
    await marker.waitFor({ state: 'detached', timeout: 2_000 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.context.close();
    await b.context.close();
  });

  it('the overdue view holds the overdue appeal, and its count in the rail is the API\'s', async () => {
    const { page, context, errors } = await chromium.signedIn(DEMO.operator, { baseUrl: server.baseUrl });
    const counts = await ok<Schemas['QueueCountsDto']>('GET', '/api/v1/staff/appeals/counts', undefined, operator);
    expect(counts.overdue).toBeGreaterThanOrEqual(1);
    const link = page.getByTestId('queue-rail').locator('[data-view="overdue"]');
    await page.waitForFunction((n) => document.querySelector('[data-view="overdue"] .rail-count')?.textContent?.trim() === String(n), counts.overdue);
    await link.click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'overdue');
    // A new page: the focus is on its heading.
    await page.getByRole('heading', { name: 'Очередь обращений: Просроченные' }).waitFor();
    const row = page.locator(`tr.queue-row[data-number="${old.number}"]`);
    await row.waitFor();
    expect(await row.getAttribute('class')).toContain('row-overdue');
    expect(await row.locator('[data-state]').first().getAttribute('data-state')).toBe('overdue');
    expect(await link.getAttribute('aria-current')).toBe('page');
    expect(await page.locator('tr.queue-row').count()).toBe(Math.min(counts.overdue, 20));
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a reload of a queue link asks for the link's rows once, from the start-up beside GET /me; the queue's code is preloaded only when signed in", async () => {
    const { page, context, errors } = await chromium.signedIn(DEMO.operator, { baseUrl: server.baseUrl });
    // The page the sign-in led to has its rows (its own requests are not this test's).
    await page.locator('tr.queue-row').first().waitFor();
    const lists: Record<string, string>[] = [];
    let meAnswered = false;
    let sentBeforeMe = false;
    let meAsked = 0;
    // Only the reloaded document's requests count: the page before it may still reload its own
    // rows (a live change from the stream) until the link's document commits.
    let reloaded = false;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && new URL(frame.url()).searchParams.get('view') === 'overdue') reloaded = true;
    });
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (reloaded && url.pathname === '/api/v1/me') meAsked++;
      if (!reloaded || url.pathname !== '/api/v1/staff/appeals') return;
      if (lists.length === 0) sentBeforeMe = !meAnswered;
      lists.push(Object.fromEntries(url.searchParams));
    });
    page.on('response', (response) => {
      if (reloaded && new URL(response.url()).pathname === '/api/v1/me') meAnswered = true;
    });
    await page.goto(`${server.baseUrl}/queue?view=overdue&limit=50`);
    await page.locator(`tr.queue-row[data-number="${old.number}"]`).waitFor();
    const sent = [...lists];
    // One request with the link's filters (the store took the start-up's answer), sent before
    // GET /me had answered: the start-up asks for both at once.
    expect(sent).toEqual([{ view: 'overdue', sort: 'dueAt', limit: '50' }]);
    expect(sentBeforeMe).toBe(true);
    // Both from index.html's early start (core/early-start.ts), taken by the app: GET /me once too.
    expect(meAsked).toBe(1);
    // The shell's and the queue's lazy files, asked for from index.html (scripts/console-preload.mjs).
    expect(await page.evaluate(() => document.head.querySelectorAll('link[rel="modulepreload"]').length)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();

    // Signed out (the sign-in page): none of it.
    const signedOut = await chromium.open('/', server.baseUrl);
    await signedOut.page.getByRole('heading', { name: 'Вход для сотрудников' }).waitFor();
    expect(await signedOut.page.evaluate(() => document.head.querySelectorAll('link[rel="modulepreload"]').length)).toBe(0);
    await signedOut.context.close();
  });

  it('a reload of the queue with a refused access token gives nothing up: the early requests fail quietly, the app refreshes and shows the rows', async () => {
    const { page, context, errors } = await chromium.signedIn(DEMO.operator, { baseUrl: server.baseUrl });
    await page.locator('tr.queue-row').first().waitFor();
    // The stored access token no longer valid (revoked, or signed with a rotated key) but not
    // expired: index.html's early start sends it; the refresh token is still good.
    await page.evaluate(() => {
      const key = 'otklik.console.session';
      const session = JSON.parse(localStorage.getItem(key)!) as { accessToken: string; expiresAt: number };
      localStorage.setItem(key, JSON.stringify({ ...session, accessToken: `${session.accessToken}x`, expiresAt: Date.now() + 10 * 60_000 }));
    });
    const refused: string[] = [];
    let refreshed = 0;
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (response.status() === 401) refused.push(path);
      if (path === '/api/v1/auth/refresh' && response.ok()) refreshed++;
    });
    await page.goto(`${server.baseUrl}/queue`);
    await page.locator('tr.queue-row').first().waitFor();
    // The early GET /me and rows were refused, then the app's own GET /me; one refresh, and the queue.
    expect(refused).toEqual(expect.arrayContaining(['/api/v1/me', '/api/v1/staff/appeals']));
    expect(refreshed).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/queue');
    expect(await page.locator('mat-snack-bar-container').count()).toBe(0);
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('otklik.console.session')!) !== null)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('«e» on a row escalates it to the parent department with a reason, from the keyboard; axe finds nothing serious on the dialog in either theme', async () => {
    const filed = await file(`Эскалация ${randomUUID().slice(0, 6)}`);
    const { page, context, errors } = await chromium.signedIn(DEMO.operator, { baseUrl: server.baseUrl });
    await page.locator('tr.queue-row').first().waitFor();
    const toRow = async () => {
      await page.keyboard.press('/');
      await page.keyboard.type(String(filed.number));
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelector('tr.queue-row')?.getAttribute('data-number') === String(n), filed.number);
      await page.keyboard.press('Escape');
      await page.waitForFunction((n) => document.activeElement?.getAttribute('data-number') === String(n), filed.number);
    };
    const dialog = page.getByRole('dialog', { name: 'Эскалировать в вышестоящее подразделение' });
    const reason = dialog.getByTestId('escalate-reason');
    for (const theme of ['light', 'dark'] as const) {
      if (theme === 'dark') {
        await page.getByTestId('theme-switch').click();
        await page.waitForFunction(() => document.documentElement.classList.contains('theme-dark'));
      }
      await toRow();
      await page.keyboard.press('e');
      await dialog.waitFor();
      // The reason's box has the focus: typing goes there.
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'escalate-reason');
      await page.waitForFunction(() => document.querySelector('.mat-mdc-dialog-container.mdc-dialog--open:not(.mdc-dialog--opening)') !== null);
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      expect({ theme, dialog: await axe(page) }).toEqual({ theme, dialog: [] });
      if (theme === 'light') {
        // Escape cancels: nothing sent, the focus back on the row.
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        expect((await ok<Schemas['AppealDto']>('GET', `/api/v1/staff/appeals/${filed.id}`, undefined, operator)).escalated).toBe(false);
      }
    }
    await page.keyboard.type('Нужна позиция руководства');
    expect(await reason.inputValue()).toBe('Нужна позиция руководства');
    // Tab to the dialog's «Эскалировать» and Enter.
    const submit = dialog.getByRole('button', { name: 'Эскалировать' });
    for (let i = 0; i < 5 && !(await submit.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    // The row says it is escalated; the API agrees, to the parent department.
    await page.locator(`tr.queue-row[data-number="${filed.number}"]`).getByTestId('escalated-badge').waitFor();
    const card = await ok<Schemas['AppealDto']>('GET', `/api/v1/staff/appeals/${filed.id}`, undefined, operator);
    expect(card).toMatchObject({ escalated: true, status: 'registered' });
    expect(card.allowedStaffActions).not.toContain('escalate');
    // Once: «e» again only says it cannot be escalated (no dialog).
    await toRow();
    await page.keyboard.press('e');
    await page.getByText(`Обращение № ${filed.number} нельзя эскалировать`).waitFor({ state: 'attached' });
    expect(await dialog.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('axe finds nothing serious on the queue and its cheat sheet, in the light and the dark theme', async () => {
    const { page, context, errors } = await chromium.signedIn(DEMO.supervisor, { baseUrl: server.baseUrl });
    await page.locator('tr.queue-row').first().waitFor();
    for (const theme of ['light', 'dark'] as const) {
      if (theme === 'dark') {
        await page.getByTestId('theme-switch').click();
        await page.waitForFunction(() => document.documentElement.classList.contains('theme-dark'));
        await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      }
      expect({ theme, queue: await axe(page) }).toEqual({ theme, queue: [] });
      // The cheat sheet: «?» opens it, Tab stays inside, Escape closes it and gives the focus back.
      await page.locator('tr.queue-row').first().focus();
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'Клавиши очереди' });
      await dialog.waitFor();
      // Measured once the opening animation is over (mid-fade, colours are not the final ones).
      await page.waitForFunction(() => document.querySelector('.mat-mdc-dialog-container.mdc-dialog--open:not(.mdc-dialog--opening)') !== null);
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      expect(await dialog.getByTestId('shortcuts').locator('tbody tr').count()).toBeGreaterThanOrEqual(10);
      expect({ theme, dialog: await axe(page) }).toEqual({ theme, dialog: [] });
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.activeElement?.matches('tr.queue-row'));
    }
    // The choice is remembered.
    await page.reload();
    await page.locator('tr.queue-row').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.classList.contains('theme-dark'))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Schemas } from '../../shared/api/client';
import { BASE_URL, DEMO } from '../e2e/support/api';
import { call, randomMobile } from '../e2e/support/identity';
import { axe } from './support/axe';
import { useConsole } from './support/console';

const DAY = 86_400_000;

/** «YYYY-MM-DDTHH:mm» in the browser's time zone (the test's), as a datetime-local input takes it. */
function localInput(at: Date): string {
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * The operator's side of issue 18 in the console: registering an appeal received by phone («n» from
 * the queue, then keyboard and mouse), its number announced and its card opened; a likely duplicate
 * shown on the card and merged after a confirmation; a postal answer found on the «to print» list,
 * printed from the signed PDF and marked printed, after which it leaves the list. axe on the new
 * screen and the merge dialog in both themes.
 */
describe('console: staff intake, duplicates, postal answers', () => {
  const chromium = useConsole(180_000);
  const ok = async <T = any>(method: string, path: string, body?: unknown, token?: string): Promise<T> => {
    const res = await call(BASE_URL(), method, path, body, token);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  };
  const login = async (who: { login: string; password: string }) => (await ok<{ accessToken: string }>('POST', '/api/v1/auth/login', who)).accessToken;
  let operator: string;
  let citizen: string;
  let knowledge: string;

  beforeAll(async () => {
    [operator, citizen] = await Promise.all([login(DEMO.operator), login(DEMO.citizen)]);
    const tree = await ok<Schemas['CategoryDto'][]>('GET', '/api/v1/catalog/categories');
    knowledge = tree.find((c) => c.code === 'knowledge')!.id;
  });

  /** Picks `option` of the mat-select labelled `label` with the mouse. */
  const choose = async (page: Page, label: string, option: string) => {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };

  it('an operator registers a phone appeal for a new applicant: «n», keyboard and mouse, a 422 on its field, one registration, the number, the card', async () => {
    const { page, context, errors } = await chromium.signedIn(DEMO.operator);
    await page.getByRole('heading', { level: 1, name: /^Очередь обращений/ }).waitFor();
    // «n» on the queue opens the form (the cheat sheet lists it); the rail links to it too.
    await page.keyboard.press('n');
    await page.waitForURL((url) => url.pathname === '/intake');
    const heading = page.getByRole('heading', { level: 1, name: 'Зарегистрировать обращение' });
    await heading.waitFor();
    expect(await page.getByTestId('rail-intake').getAttribute('aria-current')).toBe('page');

    const subject = `Звонок о справочнике ${randomUUID().slice(0, 8)}`;
    const phone = randomMobile();
    await choose(page, 'Канал поступления', 'Телефон');
    await choose(page, 'Категория', 'База знаний');
    await choose(page, 'Тип обращения', 'Жалоба');
    // The rest by keyboard: each field, then Tab on to the next.
    await page.getByTestId('intake-subject').focus();
    await page.keyboard.type(subject);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('intake-text');
    await page.keyboard.type('Заявитель сообщил по телефону, что справочник на сайте устарел.');
    await page.getByTestId('intake-full-name').focus();
    await page.keyboard.type('Петров Пётр Петрович');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('intake-phone');
    await page.keyboard.type(phone);

    // A date the API refuses (older than it accepts): its problem+json error shows under that field.
    const received = page.getByTestId('intake-received');
    await received.fill(localInput(new Date(Date.now() - 200 * DAY)));
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/v1/staff/appeals') && r.request().method() === 'POST');
    await page.getByTestId('intake-submit').click();
    expect((await refused).status()).toBe(422);
    await page.getByTestId('intake-received-error').waitFor();
    expect((await page.getByTestId('intake-received-error').textContent())?.trim()).toBe('Слишком давняя дата');
    expect(new URL(page.url()).pathname).toBe('/intake');

    // Corrected; a double click registers once (one Idempotency-Key per filled form, the button waits).
    await received.fill(localInput(new Date(Date.now() - 2 * DAY)));
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/v1/staff/appeals') && r.method() === 'POST') sent.push(r.headers()['idempotency-key'] ?? '');
    });
    await page.getByTestId('intake-submit').dblclick();
    await page.waitForURL((url) => /^\/appeals\/\d+$/.test(url.pathname));
    const number = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { name: `Обращение № ${number}` }).waitFor();
    await page.locator('.snack-info', { hasText: `Обращение № ${number} зарегистрировано` }).waitFor();
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(new Set(sent).size).toBe(1);
    expect(sent[0]).toMatch(/^[0-9a-f-]{36}$/);
    const found = await ok<Schemas['StaffAppealListDto']>('GET', `/api/v1/staff/appeals?q=${encodeURIComponent(subject)}&anyStatus=true`, undefined, operator);
    expect(found.items.map((a) => String(a.number))).toEqual([number]);
    const card = await ok<Schemas['AppealDto']>('GET', `/api/v1/staff/appeals/${number}`, undefined, operator);
    expect(card).toMatchObject({ subject, channel: 'phone', type: 'complaint', categoryId: knowledge });
    expect(Math.abs(Date.parse(card.receivedAt!) - (Date.now() - 2 * DAY))).toBeLessThan(2 * 60_000);
    expect(await page.getByTestId('appeal-subject').textContent()).toBe(subject);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an appeal the routing rules send outside the operator\'s departments is registered, and the form says where it went instead of opening a card the operator cannot read', async () => {
    const { page, context, errors } = await chromium.signedIn(DEMO.operator);
    await page.getByTestId('rail-intake').click();
    await page.getByRole('heading', { level: 1, name: 'Зарегистрировать обращение' }).waitFor();
    const subject = `Вопрос без отдела ${randomUUID().slice(0, 8)}`;
    await choose(page, 'Канал поступления', 'Личный приём');
    // «Общие вопросы» has no department: by the rules it goes to the general pool, not the operator's.
    await choose(page, 'Категория', 'Общие вопросы');
    await choose(page, 'Тип обращения', 'Вопрос / запрос информации');
    await page.getByTestId('intake-subject').fill(subject);
    await page.getByTestId('intake-text').fill('Заявитель на приёме спросил о часах работы.');
    await page.getByTestId('intake-full-name').fill('Сергеев Сергей Сергеевич');
    await page.getByTestId('intake-phone').fill(randomMobile());
    await page.getByTestId('intake-submit').click();

    const panel = page.getByTestId('intake-handed-over');
    await panel.waitFor();
    const found = await ok<Schemas['StaffAppealListDto']>('GET', `/api/v1/staff/appeals?q=${encodeURIComponent(subject)}&anyStatus=true`, undefined, await login(DEMO.poolOperator));
    expect(found.items).toHaveLength(1);
    const number = String(found.items[0].number);
    expect((await panel.textContent())?.trim()).toBe(`Обращение № ${number} зарегистрировано и передано: Общий пул. Оно вне ваших подразделений, поэтому его карточка вам недоступна.`);
    // Still on the form, emptied for the next applicant, the channel kept.
    expect(new URL(page.url()).pathname).toBe('/intake');
    expect(await page.getByTestId('intake-subject').inputValue()).toBe('');
    expect(await page.getByTestId('intake-full-name').inputValue()).toBe('');
    expect(await page.getByRole('combobox', { name: 'Канал поступления' }).textContent()).toContain('Личный приём');
    // Nothing said «not found».
    expect(await page.getByText('Обращение не найдено').count()).toBe(0);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('axe finds nothing serious on the registration form, in the light and the dark theme', async () => {
    const { page, context, errors } = await chromium.signedIn(DEMO.operator);
    await page.getByTestId('rail-intake').click();
    await page.getByRole('heading', { level: 1, name: 'Зарегистрировать обращение' }).waitFor();
    await page.getByTestId('intake-organisation').locator('input').check();
    // Errors shown too: the form as an operator sees it after a wrong submit.
    await page.getByTestId('intake-submit').click();
    await page.getByText('Укажите телефон, e-mail или почтовый адрес заявителя').waitFor();
    for (const theme of ['light', 'dark'] as const) {
      if (theme === 'dark') {
        await page.getByTestId('theme-switch').click();
        await page.waitForFunction(() => document.documentElement.classList.contains('theme-dark'));
      }
      expect({ theme, intake: await axe(page) }).toEqual({ theme, intake: [] });
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a similar appeal of the same citizen, filed through the API, shows as a likely duplicate; «Объединить» with the keyboard links it (axe on the dialog)", async () => {
    const tag = randomUUID().slice(0, 6);
    // Registered by the operator for the citizen found by e-mail, then the citizen files the same again.
    const main = await ok<Schemas['StaffAppealReceiptDto']>(
      'POST',
      '/api/v1/staff/appeals',
      {
        channel: 'phone',
        receivedAt: new Date(Date.now() - DAY).toISOString(),
        type: 'complaint',
        categoryId: knowledge,
        subject: `Поиск по базе знаний не работает ${tag}`,
        text: 'Поиск по базе знаний выдаёт пустую страницу при любом запросе, прошу исправить.',
        applicant: { fullName: 'Иванов Иван Иванович', email: DEMO.citizen.login },
      },
      operator,
    );
    expect(main.applicantKind).toBe('citizen');
    const repeat = await ok<Schemas['AppealSummaryDto']>(
      'POST',
      '/api/v1/appeals',
      { type: 'complaint', categoryId: knowledge, subject: `Не работает поиск по базе знаний ${tag}`, text: 'Поиск по базе знаний выдаёт пустую страницу при любом запросе. Прошу исправить поиск.' },
      citizen,
    );

    const { page, context, errors } = await chromium.card(DEMO.operator, String(main.number));
    const panel = page.getByTestId('duplicates');
    await panel.getByRole('heading', { name: 'Возможные дубликаты' }).waitFor();
    const item = panel.locator(`li[data-number="${repeat.number}"]`);
    await item.waitFor();
    expect(await item.getByRole('link').textContent()).toContain(String(repeat.number));
    expect(await item.textContent()).toContain(`Не работает поиск по базе знаний ${tag}`);
    expect(await item.locator('.similarity').textContent()).toMatch(/^\d{2,3}%$/);

    for (const theme of ['light', 'dark'] as const) {
      if (theme === 'dark') {
        await page.getByTestId('theme-switch').click();
        await page.waitForFunction(() => document.documentElement.classList.contains('theme-dark'));
      }
      // Keyboard: the button takes the focus, Enter opens the confirmation.
      await item.getByTestId('duplicate-merge').focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Объединить обращения?' });
      await dialog.waitFor();
      await page.waitForFunction(() => document.querySelector('.mat-mdc-dialog-container.mdc-dialog--open:not(.mdc-dialog--opening)') !== null);
      expect(await dialog.getByTestId('merge-question').textContent()).toContain(`№ ${repeat.number}`);
      expect({ theme, dialog: await axe(page) }).toEqual({ theme, dialog: [] });
      if (theme === 'light') {
        // Escape closes it without merging; the focus goes back to the button.
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'duplicate-merge');
        continue;
      }
      // The focus is in the dialog: Tab to «Объединить» and Enter.
      for (let i = 0; i < 4 && (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) !== 'action-dialog-submit'; i++) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('action-dialog-submit');
      const merged = page.waitForResponse((r) => r.url().endsWith(`/api/v1/staff/appeals/${main.id}/merge`));
      await page.keyboard.press('Enter');
      expect((await merged).status()).toBe(200);
      await dialog.waitFor({ state: 'detached' });
    }

    await item.getByTestId('duplicate-merged').waitFor();
    // The card's linked appeals name the merged duplicate.
    await page.getByTestId('related-linked').getByText(`№ ${repeat.number}`).waitFor();
    expect(await page.getByTestId('related-linked').textContent()).toContain('Объединённый дубликат');
    const duplicate = await ok<Schemas['AppealDto']>('GET', `/api/v1/staff/appeals/${repeat.id}`, undefined, operator);
    expect(duplicate.mergedIntoAppealId).toBe(main.id);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a postal answer is on the «to print» list; «Печать ответа» opens the signed PDF; marked printed, it leaves the list', async () => {
    const letter = await ok<Schemas['StaffAppealReceiptDto']>(
      'POST',
      '/api/v1/staff/appeals',
      {
        channel: 'post',
        receivedAt: new Date(Date.now() - DAY).toISOString(),
        type: 'question',
        categoryId: knowledge,
        subject: `Письмо о справочнике ${randomUUID().slice(0, 6)}`,
        text: 'Прошу сообщить, когда будет обновлён справочник.',
        answerChannel: 'post',
        applicant: { fullName: 'Кузнецова Мария Ивановна', address: '101000, г. Москва, ул. Мясницкая, д. 1, кв. 2' },
      },
      operator,
    );
    await ok('POST', `/api/v1/staff/appeals/${letter.id}/actions/take`, {}, operator);
    await ok('POST', `/api/v1/staff/appeals/${letter.id}/answer`, { result: 'done', resultCode: 1, text: 'Справочник обновлён.' }, operator);

    const { page, context, errors } = await chromium.signedIn(DEMO.operator);
    await page.getByRole('switch', { name: 'Ответ почтой: к печати' }).click();
    await page.waitForURL((url) => url.searchParams.get('toPrint') === 'true');
    const row = page.locator(`tr.queue-row[data-number="${letter.number}"]`);
    await row.waitFor();
    await row.getByRole('link').first().click();
    await page.getByRole('heading', { name: `Обращение № ${letter.number}` }).waitFor();
    await page.getByTestId('flag-postal').waitFor();

    const postal = page.getByTestId('postal-answer');
    const pdf = page.waitForResponse((r) => r.url().includes(`/appeals/${letter.id}/answer?format=pdf`));
    const opened = context.waitForEvent('page');
    await postal.getByTestId('print-answer').click();
    const response = await pdf;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    // The new tab shows the downloaded document (a blob of this console's origin).
    const tab = await opened;
    await tab.waitForURL((url) => url.protocol === 'blob:');
    expect(tab.url().startsWith(`blob:${new URL(page.url()).origin}/`)).toBe(true);
    await tab.close();
    // …the signed answer itself, as the API gives it to this operator.
    const signed = await fetch(`${BASE_URL()}/api/v1/appeals/${letter.id}/answer?format=pdf`, { headers: { authorization: `Bearer ${operator}` } });
    expect(Buffer.from(await signed.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

    await postal.getByTestId('mark-printed').click();
    await postal.getByTestId('answer-printed').waitFor();
    expect(await postal.getByTestId('answer-printed').textContent()).toMatch(/^Распечатан \d{2}\.\d{2}\.\d{4}/);
    await page.getByTestId('status-history').getByText('Ответ распечатан для отправки почтой').waitFor();

    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/queue' && url.searchParams.get('toPrint') === 'true');
    await row.waitFor({ state: 'detached' });
    const list = await ok<Schemas['StaffAppealListDto']>('GET', '/api/v1/staff/appeals?toPrint=true&limit=100', undefined, operator);
    expect(list.items.map((a) => a.id)).not.toContain(letter.id);
    expect(errors).toEqual([]);
    await context.close();
  });
});

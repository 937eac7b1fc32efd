import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { ApiClient } from '../../shared/api/client';
import { DEMO, signedIn, type Schemas } from '../e2e/support/api';
import { category, fileAppeal } from '../e2e/support/factories';
import { staffCard } from './support/appeals';
import type { ConsolePage } from './support/browser';
import { useConsole, type ConsoleTests } from './support/console';

type Summary = Schemas['AppealSummaryDto'];

/** A word no other test files: the queue is shared, so each test narrows it to its own appeals. */
function token(): string {
  return `bulk${randomUUID().slice(0, 8)}`;
}

/** Files an appeal as the demo citizen in a top-level category (tech → tech-support, finance → finance). */
async function fileIn(code: 'tech' | 'finance', subject: string, citizen: ApiClient): Promise<Summary> {
  const filed = await fileAppeal(citizen, { type: 'question', categoryId: (await category(code)).id, subject });
  expect(filed.number).not.toBeNull();
  return filed;
}

/** Signs `who` in and narrows the queue to the rows whose text holds `word`, waiting for `rows` of them. */
async function openQueue(chromium: ConsoleTests, who: { login: string; password: string }, word: string, rows: number): Promise<ConsolePage> {
  const opened = await chromium.signedIn(who);
  await opened.page.getByLabel('Поиск', { exact: true }).fill(word);
  // The search is debounced: wait until it is in the URL and its answer is on screen, so the
  // reload it causes (which clears any selection) cannot land in the middle of the test.
  await opened.page.waitForFunction(
    ([q, n]) =>
      new URL(location.href).searchParams.get('q') === q &&
      document.querySelector('table.queue-table')?.getAttribute('aria-busy') === 'false' &&
      document.querySelectorAll('tr.queue-row').length === n,
    [word, rows] as const,
  );
  return opened;
}

function rowCheckbox(page: Page, appeal: Summary) {
  return page.getByRole('checkbox', { name: `Выбрать обращение № ${appeal.number}`, exact: true });
}

function pageCheckbox(page: Page) {
  return page.getByRole('checkbox', { name: 'Выбрать все обращения на странице', exact: true });
}

async function pageCheckboxIndeterminate(page: Page): Promise<boolean> {
  return pageCheckbox(page).evaluate((input) => (input as HTMLInputElement).indeterminate);
}

async function departmentId(who: ApiClient, code: string): Promise<string> {
  const { data } = await who.GET('/api/v1/staff/departments');
  const found = data?.find((d) => d.code === code);
  if (!found) throw new Error(`no department ${code}`);
  return found.id;
}

describe('console queue: bulk actions', () => {
  const chromium = useConsole();
  let citizen: ApiClient;

  beforeAll(async () => {
    citizen = await signedIn(DEMO.citizen);
  });

  it('selects two appeals (keyboard, then the header checkbox) and assigns both to one colleague', async () => {
    const word = token();
    const first = await fileIn('tech', `Массовое назначение ${word} первое`, citizen);
    const second = await fileIn('tech', `Массовое назначение ${word} второе`, citizen);
    const operator = await signedIn(DEMO.operator);
    const { data: colleagues } = await operator.GET('/api/v1/staff/appeals/{idOrNumber}/assignees', { params: { path: { idOrNumber: first.id } } });
    const volkov = colleagues?.find((c) => c.fullName === 'Волков Андрей Николаевич');
    expect(volkov).toBeDefined();

    const { page, context, errors } = await openQueue(chromium, DEMO.operator, word, 2);
    const toolbar = page.getByTestId('bulk-toolbar');
    expect(await toolbar.count()).toBe(0);

    // A keyboard-only operator ticks a row with Space; the card does not open.
    await rowCheckbox(page, first).focus();
    await page.keyboard.press('Space');
    await toolbar.getByText('Выбрано: 1').waitFor();
    expect(await rowCheckbox(page, first).isChecked()).toBe(true);
    expect(await pageCheckbox(page).isChecked()).toBe(false);
    expect(await pageCheckboxIndeterminate(page)).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/queue');
    expect(await toolbar.textContent()).toContain('сбрасывается');

    // The header checkbox ticks the rest of the page.
    await pageCheckbox(page).click();
    await toolbar.getByText('Выбрано: 2').waitFor();
    expect(await rowCheckbox(page, second).isChecked()).toBe(true);
    expect(await pageCheckbox(page).isChecked()).toBe(true);
    expect(await pageCheckboxIndeterminate(page)).toBe(false);

    await toolbar.getByRole('button', { name: 'Назначить исполнителя' }).click();
    const dialog = page.getByRole('dialog', { name: 'Назначить исполнителя выбранным обращениям' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Выбрано обращений: 2');
    await dialog.getByRole('radio', { name: /Волков Андрей Николаевич/ }).check();
    await dialog.getByRole('button', { name: 'Назначить', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    const outcome = page.getByTestId('bulk-outcome');
    await outcome.waitFor();
    expect((await outcome.getByTestId('bulk-outcome-summary').textContent())?.trim()).toBe('Выполнено: 2 из 2');
    expect(await outcome.getByTestId('bulk-failure').count()).toBe(0);
    // The queue reloaded (assigned appeals are in work) and the selection is gone.
    await page.locator('tr.queue-row', { hasText: first.subject }).locator('ok-status-chip', { hasText: 'В работе' }).waitFor();
    await page.locator('tr.queue-row', { hasText: second.subject }).locator('ok-status-chip', { hasText: 'В работе' }).waitFor();
    expect(await toolbar.count()).toBe(0);
    expect(await rowCheckbox(page, first).isChecked()).toBe(false);
    expect(await rowCheckbox(page, second).isChecked()).toBe(false);

    for (const appeal of [first, second]) {
      expect(await staffCard(operator, appeal.id)).toMatchObject({ assigneeId: volkov!.id, status: 'in_progress' });
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('redirects a selection where one appeal has meanwhile left the department: 1 of 2 done, the other named with the reason', async () => {
    const word = token();
    const stays = await fileIn('tech', `Массовое перенаправление ${word} в финансы`, citizen);
    const gone = await fileIn('tech', `Массовое перенаправление ${word} уже ушло`, citizen);
    const operator = await signedIn(DEMO.operator);
    const finance = await departmentId(operator, 'finance');
    const regional = await departmentId(operator, 'regional-services');

    const { page, context, errors } = await openQueue(chromium, DEMO.operator, word, 2);
    await rowCheckbox(page, stays).check();
    await rowCheckbox(page, gone).check();
    const toolbar = page.getByTestId('bulk-toolbar');
    await toolbar.getByText('Выбрано: 2').waitFor();

    // After the page loaded, a colleague sends one of them elsewhere over the API.
    const { data: moved } = await operator.POST('/api/v1/staff/appeals/{idOrNumber}/actions/{action}', {
      params: { path: { idOrNumber: gone.id, action: 'redirect' } },
      body: { departmentId: regional, reason: 'Региональная услуга' },
    });
    expect(moved?.departmentId).toBe(regional);

    await toolbar.getByRole('button', { name: 'Перенаправить' }).click();
    const dialog = page.getByRole('dialog', { name: 'Перенаправить выбранные обращения' });
    await dialog.getByRole('combobox', { name: 'Подразделение' }).click();
    await page.getByRole('option', { name: 'Финансовый отдел' }).waitFor();
    // Both are in technical support: that is no target.
    expect(await page.getByRole('option', { name: 'Отдел технической поддержки' }).count()).toBe(0);
    await page.getByRole('option', { name: 'Финансовый отдел' }).click();

    // The reason is required: refused in the dialog, nothing sent.
    await dialog.getByRole('button', { name: 'Перенаправить' }).click();
    await dialog.getByTestId('bulk-redirect-reason-error').filter({ hasText: 'Заполните поле' }).waitFor();
    expect((await staffCard(operator, stays.id))?.departmentId).toBe(stays.departmentId);

    await dialog.getByLabel('Причина', { exact: true }).fill('Вопросы оплаты — компетенция финансового отдела');
    await dialog.getByRole('button', { name: 'Перенаправить' }).click();
    await dialog.waitFor({ state: 'detached' });

    const outcome = page.getByTestId('bulk-outcome');
    await outcome.waitFor();
    expect((await outcome.getByTestId('bulk-outcome-summary').textContent())?.trim()).toBe('Выполнено: 1 из 2');
    const failures = outcome.getByTestId('bulk-failure');
    expect(await failures.count()).toBe(1);
    const failure = (await failures.textContent()) ?? '';
    expect(failure).toContain(`Обращение № ${gone.number}`);
    expect(failure).toContain('больше не доступно вашему подразделению');
    expect(await outcome.textContent()).not.toContain(`№ ${stays.number}`);

    // The queue reloaded: neither is technical support's any more; the selection is gone.
    await page.getByText('Обращений, подходящих под фильтры, нет.').waitFor();
    expect(await page.getByTestId('bulk-toolbar').count()).toBe(0);
    const supervisor = await signedIn(DEMO.supervisor);
    expect((await staffCard(supervisor, stays.id))?.departmentId).toBe(finance);
    expect((await staffCard(supervisor, gone.id))?.departmentId).toBe(regional);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers bulk assign only for appeals of one department, and says why when it cannot', async () => {
    const word = token();
    const tech = await fileIn('tech', `Разные подразделения ${word} поддержка`, citizen);
    const finance = await fileIn('finance', `Разные подразделения ${word} финансы`, citizen);
    // The head of administration sees the queues of every department below it.
    const { page, context, errors } = await openQueue(chromium, DEMO.supervisor, word, 2);

    await rowCheckbox(page, tech).check();
    const toolbar = page.getByTestId('bulk-toolbar');
    const assign = toolbar.getByRole('button', { name: 'Назначить исполнителя' });
    await toolbar.getByText('Выбрано: 1').waitFor();
    expect(await assign.isEnabled()).toBe(true);

    await rowCheckbox(page, finance).check();
    await toolbar.getByText('Выбрано: 2').waitFor();
    expect(await assign.getAttribute('aria-disabled')).toBe('true');
    const why = 'Назначить исполнителя сразу нескольким обращениям можно, только если все они из одного подразделения.';
    expect((await toolbar.getByTestId('bulk-assign-blocked').textContent())?.trim()).toBe(why);
    // Disabled but still focusable and hoverable: the tooltip says why, and describes the button to screen readers.
    await assign.hover();
    await page.locator('.mat-mdc-tooltip-surface', { hasText: why }).waitFor();
    await page.waitForFunction(
      ([name, text]) => {
        const button = [...document.querySelectorAll('[data-testid="bulk-toolbar"] button')].find((b) => b.textContent?.trim() === name);
        const ids = button?.getAttribute('aria-describedby')?.split(' ') ?? [];
        return ids.some((id) => document.getElementById(id)?.textContent?.trim() === text);
      },
      ['Назначить исполнителя', why],
    );
    // Clicked anyway (it is not natively disabled): nothing opens.
    await assign.click({ force: true });
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await toolbar.getByRole('button', { name: 'Перенаправить' }).isEnabled()).toBe(true);

    // Unticking the finance appeal makes it possible again.
    await rowCheckbox(page, finance).uncheck();
    await toolbar.getByText('Выбрано: 1').waitFor();
    expect(await assign.getAttribute('aria-disabled')).toBeNull();

    // «Снять выбор» unticks everything; focus stays in the table, on the header checkbox.
    await toolbar.getByRole('button', { name: 'Снять выбор' }).click();
    await toolbar.waitFor({ state: 'detached' });
    expect(await rowCheckbox(page, tech).isChecked()).toBe(false);
    expect(await pageCheckbox(page).evaluate((input) => input === document.activeElement)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a refusal of the whole request (422) puts its field errors under the dialog fields and keeps the dialog open', async () => {
    const word = token();
    const filed = await fileIn('tech', `Ошибки полей ${word}`, citizen);
    const { page, context, errors } = await openQueue(chromium, DEMO.operator, word, 1);
    // The console never sends what the API would refuse as a whole, so the refusal is staged here.
    await page.route('**/api/v1/staff/appeals/bulk-actions', (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Запрос содержит ошибки',
          status: 422,
          detail: '',
          instance: '/api/v1/staff/appeals/bulk-actions',
          code: 'validation_failed',
          errors: [
            { field: 'reason', code: 'too_vague', message: 'Причина слишком общая' },
            { field: 'ids', code: 'array_max_size', message: 'Не более 100 обращений' },
          ],
        }),
      }),
    );
    await rowCheckbox(page, filed).check();
    await page.getByTestId('bulk-toolbar').getByRole('button', { name: 'Перенаправить' }).click();
    const dialog = page.getByRole('dialog', { name: 'Перенаправить выбранные обращения' });
    await dialog.getByRole('combobox', { name: 'Подразделение' }).click();
    await page.getByRole('option', { name: 'Финансовый отдел' }).click();
    await dialog.getByLabel('Причина', { exact: true }).fill('Так надо');
    await dialog.getByRole('button', { name: 'Перенаправить' }).click();

    const reasonError = dialog.getByTestId('bulk-redirect-reason-error');
    await reasonError.waitFor();
    expect((await reasonError.textContent())?.trim()).toBe('Причина слишком общая');
    await dialog.getByRole('alert').filter({ hasText: 'ids: Не более 100 обращений' }).waitFor();
    expect(await dialog.isVisible()).toBe(true);
    expect(await page.getByTestId('bulk-outcome').count()).toBe(0);
    const operator = await signedIn(DEMO.operator);
    expect((await staffCard(operator, filed.id))?.departmentId).toBe(filed.departmentId);
    expect(errors).toEqual([]);
    await context.close();
  });
});

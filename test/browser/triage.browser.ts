import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { ApiClient } from '../../shared/api/client';
import { moscowDate } from '../../shared/domain';
import { DEMO, signedIn, type Schemas } from '../e2e/support/api';
import { category } from '../e2e/support/factories';
import { fileTechAppeal, staffCard } from './support/appeals';
import { waitForPath } from './support/browser';
import { takeOnCard, useConsole } from './support/console';

/** Files a question as the demo citizen in «Вопросы по личному кабинету» (routed to tech-support). */
async function fileTechSupportQuestion(subject: string, citizen?: ApiClient): Promise<Schemas['AppealSummaryDto']> {
  return fileTechAppeal(subject, { citizen, subcategoryId: (await category('tech-cabinet')).id });
}

/** Newest first, so what a test has just filed is on the first page whatever else is queued. */
async function sortByRegistration(page: Page): Promise<void> {
  const header = page.locator('th[mat-sort-header]').filter({ hasText: 'Зарегистрировано' });
  await header.locator('[role="button"]').click();
  await page.waitForFunction(() => document.querySelector('th.mat-column-registeredAt')?.getAttribute('aria-sort') === 'descending');
}

/** The second operator of tech-support (seeded with the demo data, not in DEMO). */
const OPERATOR2 = { login: 'operator2@demo.otklik.local', password: 'Operator#Demo2026' } as const;

/** A Moscow calendar date `days` from today, as a date input takes it. */
function moscowDateIn(days: number): string {
  return moscowDate(new Date(Date.now() + days * 86_400_000));
}

/** Picks an option of a labelled select with the keyboard, as a keyboard-only operator would. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('console triage', () => {
  const chromium = useConsole();

  it('the operator finds a freshly filed appeal in the queue, opens it and adds an internal note', async () => {
    const subject = `Не открывается личный кабинет ${randomUUID().slice(0, 8)}`;
    const filed = await fileTechSupportQuestion(subject);
    expect(filed.number).not.toBeNull();

    const { page, context, errors } = await chromium.signedIn(DEMO.operator);
    expect(await page.locator('mat-toolbar').textContent()).toContain('Сидоров Пётр Алексеевич');
    await sortByRegistration(page);

    const row = page.locator('tr.queue-row', { hasText: subject });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    expect(cells.map((c) => c.trim())).toEqual(
      expect.arrayContaining([String(filed.number), subject, 'Вопрос / запрос информации', 'Принято', 'Обычный']),
    );
    await page.screenshot({ path: '/tmp/otklik-queue.png', animations: 'disabled' });

    // The subject is a real link: keyboard users reach the card with Tab + Enter.
    const link = row.getByRole('link', { name: subject });
    await link.focus();
    await page.keyboard.press('Enter');
    await waitForPath(page, `/appeals/${filed.number}`);

    await page.getByRole('heading', { name: `Обращение № ${filed.number}` }).waitFor();
    expect(await page.getByTestId('appeal-subject').textContent()).toBe(subject);
    const history = page.getByTestId('status-history');
    await history.getByText('Принято', { exact: true }).waitFor();
    expect(await page.getByText('Вопросы по личному кабинету').count()).toBe(1);

    const note = `Проверить журнал входа, заявка ${randomUUID().slice(0, 6)}`;
    await page.getByLabel('Текст сообщения').fill(note);
    await page.getByLabel('Внутренняя заметка (гражданин её не увидит)').check();
    await page.getByRole('button', { name: 'Сохранить заметку' }).click();

    const posted = page.getByTestId('message-thread').locator('li', { hasText: note });
    await posted.waitFor();
    expect(await posted.textContent()).toContain('Внутренняя заметка');
    expect(await page.getByLabel('Текст сообщения').inputValue()).toBe('');
    expect(await page.locator('mat-form-field.mat-form-field-invalid').count()).toBe(0);
    await page.screenshot({ path: '/tmp/otklik-card.png', fullPage: true, animations: 'disabled' });

    // What the API stored: an internal note by the operator, invisible to the citizen.
    const operator = await signedIn(DEMO.operator);
    const { data: card } = await operator.GET('/api/v1/staff/appeals/{idOrNumber}', { params: { path: { idOrNumber: String(filed.number) } } });
    expect(card?.messages.find((m) => m.text === note)).toMatchObject({ internal: true, authorRole: 'operator' });
    const citizen = await signedIn(DEMO.citizen);
    const { data: own } = await citizen.GET('/api/v1/appeals/{idOrNumber}', { params: { path: { idOrNumber: String(filed.number) } } });
    expect(own?.messages.some((m) => m.text === note)).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the card offers only the actions the state machine allows; taking an appeal moves it to «В работе»', async () => {
    const filed = await fileTechSupportQuestion(`Действия ${randomUUID().slice(0, 8)}`);
    const ref = String(filed.number);
    const { page, context, errors } = await chromium.card(DEMO.operator, ref);
    const actions = page.getByTestId('appeal-actions');
    await expect(actions.getByRole('button', { name: 'Взять в работу' }).isVisible()).resolves.toBe(true);
    // Sign-off is for a supervisor and for an appeal sent for approval: not offered here.
    expect(await actions.getByRole('button', { name: 'Согласовать' }).count()).toBe(0);
    await actions.getByRole('button', { name: 'Взять в работу' }).click();
    await page.locator('ok-status-chip').filter({ hasText: 'В работе' }).waitFor();
    expect(await actions.getByRole('button', { name: 'Взять в работу' }).count()).toBe(0);
    await actions.getByRole('button', { name: 'На согласование' }).waitFor();
    const operator = await signedIn(DEMO.operator);
    const { data } = await operator.GET('/api/v1/staff/appeals/{idOrNumber}', { params: { path: { idOrNumber: ref } } });
    expect(data!.status).toBe('in_progress');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('answers from the card: a template fills the text with this appeal\'s details, missing fields are named, the signed answer is shown', async () => {
    const filed = await fileTechSupportQuestion(`Ответ из карточки ${randomUUID().slice(0, 8)}`);
    const ref = String(filed.number);
    const { page, context, errors } = await chromium.card(DEMO.operator, ref);
    await takeOnCard(page);

    const form = page.getByRole('form', { name: 'Ответ гражданину' });
    await form.getByRole('combobox', { name: 'Шаблон ответа' }).click();
    await page.getByRole('option', { name: 'Проблема устранена' }).click();
    // The API filled the placeholders for this appeal; the template's result was chosen too.
    await expect(form.getByTestId('answer-text').inputValue()).resolves.toContain(`№ ${ref}`);
    expect(await form.getByRole('combobox', { name: 'Результат' }).textContent()).toContain('Решено');

    // The classifier code is missing: named under its field, nothing sent.
    await form.getByRole('button', { name: 'Подписать и отправить ответ' }).click();
    await form.locator('mat-error', { hasText: 'Заполните поле' }).waitFor();
    const operator = await signedIn(DEMO.operator);
    const before = await operator.GET('/api/v1/staff/appeals/{idOrNumber}', { params: { path: { idOrNumber: ref } } });
    expect(before.data!.status).toBe('in_progress');
    expect(before.data!.answer).toBeNull();

    await form.getByLabel('Код результата (классификатор)').fill('1');
    await form.getByRole('button', { name: 'Подписать и отправить ответ' }).click();
    await page.locator('ok-status-chip').filter({ hasText: 'Решено' }).waitFor();
    const shown = page.getByTestId('appeal-answer');
    await shown.waitFor();
    expect(await shown.textContent()).toContain(`№ ${ref}`);
    // Answered: no second answer form.
    expect(await page.getByRole('form', { name: 'Ответ гражданину' }).count()).toBe(0);
    const after = await operator.GET('/api/v1/staff/appeals/{idOrNumber}', { params: { path: { idOrNumber: ref } } });
    expect(after.data!.status).toBe('resolved');
    expect(after.data!.answer).toMatchObject({ result: 'done', resultCode: 1 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("refuses an empty message, and shows the API's field error under the text field", async () => {
    const filed = await fileTechSupportQuestion(`Ошибки формы ${randomUUID().slice(0, 8)}`);
    const ref = String(filed.number);
    const badText = 'Спасибо 🙂';
    const operator = await signedIn(DEMO.operator, { 'Accept-Language': 'ru' });
    const { error } = await operator.POST('/api/v1/appeals/{idOrNumber}/messages', {
      params: { path: { idOrNumber: ref } },
      body: { text: badText, internal: true },
    });
    const problem = error as { title?: string; errors?: { field: string; message: string }[] } | undefined;
    const apiMessage = problem?.errors?.find((e) => e.field === 'text')?.message;
    expect(apiMessage).toBeTruthy();

    const { page, context, errors } = await chromium.card(DEMO.operator, ref);
    const textField = page.getByLabel('Текст сообщения');

    // Client-side: nothing typed.
    await page.getByRole('button', { name: 'Отправить гражданину' }).click();
    const required = page.locator('mat-error', { hasText: 'Введите текст сообщения' });
    await required.waitFor();
    expect(((await textField.getAttribute('aria-describedby')) ?? '').split(' ')).toContain(await required.getAttribute('id'));

    // Server-side: the API refuses the characters; its message goes under the field.
    await textField.fill(badText);
    await page.getByRole('button', { name: 'Отправить гражданину' }).click();
    const serverError = page.getByTestId('message-text-error');
    await serverError.waitFor();
    expect((await serverError.textContent())?.trim()).toBe(apiMessage);
    expect(((await textField.getAttribute('aria-describedby')) ?? '').split(' ')).toContain(await serverError.getAttribute('id'));
    // …and the problem title is announced in the snackbar.
    await page.locator('mat-snack-bar-container', { hasText: problem!.title! }).waitFor();
    expect(await page.getByText('Сообщений пока нет.').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('assigns from the card: the dialog lists the colleagues least loaded first with their open appeals; choosing one assigns it', async () => {
    const filed = await fileTechSupportQuestion(`Назначение ${randomUUID().slice(0, 8)}`);
    const ref = String(filed.number);
    const operator = await signedIn(DEMO.operator);
    const { data: colleagues } = await operator.GET('/api/v1/staff/appeals/{idOrNumber}/assignees', { params: { path: { idOrNumber: ref } } });
    const volkov = colleagues!.find((c) => c.fullName === 'Волков Андрей Николаевич')!;
    expect(volkov).toBeDefined();

    const { page, context, errors } = await chromium.card(DEMO.operator, ref);
    expect(await page.getByTestId('appeal-assignee').textContent()).toBe('Не назначен');
    const actions = page.getByTestId('appeal-actions');
    await actions.getByRole('button', { name: 'Назначить исполнителя' }).click();
    const dialog = page.getByRole('dialog', { name: 'Назначить исполнителя' });
    await dialog.getByRole('radio', { name: /Волков Андрей Николаевич/ }).waitFor();

    // Every colleague, in the API's order (least loaded first), with the appeals each holds.
    const rows = (await dialog.locator('mat-radio-button').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
    expect(rows).toHaveLength(colleagues!.length);
    colleagues!.forEach((colleague, i) => {
      expect(rows[i]).toContain(colleague.fullName);
      expect(rows[i]).toContain(`открытых обращений: ${colleague.openAppeals}`);
    });
    expect(rows.find((row) => row.includes('Волков Андрей Николаевич'))).toContain('Ведущий специалист');

    // Nobody chosen: said under the list, nothing sent.
    await dialog.getByRole('button', { name: 'Назначить' }).click();
    await dialog.getByText('Выберите сотрудника').waitFor();
    expect((await staffCard(operator, ref))!.assigneeId).toBeNull();

    await dialog.getByRole('radio', { name: /Волков Андрей Николаевич/ }).check();
    await dialog.getByRole('button', { name: 'Назначить' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The card reloaded: assigning a registered appeal puts it in work, and the history names the assignee.
    await page.locator('ok-status-chip').filter({ hasText: 'В работе' }).waitFor();
    const entry = page.getByTestId('status-history').locator('li', { hasText: 'Назначен исполнитель' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('Волков Андрей Николаевич');
    expect(await page.getByTestId('appeal-assignee').textContent()).toBe('Волков Андрей Николаевич');
    expect(await actions.getByRole('button', { name: 'Взять в работу' }).count()).toBe(0);
    const after = (await staffCard(operator, ref))!;
    expect(after).toMatchObject({ status: 'in_progress', assigneeId: volkov.id });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('redirects from the card: an empty reason is refused in the dialog, then the appeal moves to another department and leaves the operator', async () => {
    const filed = await fileTechSupportQuestion(`Перенаправление ${randomUUID().slice(0, 8)}`);
    const ref = String(filed.number);
    const operator = await signedIn(DEMO.operator);
    const before = (await staffCard(operator, ref))!;

    const { page, context, errors } = await chromium.card(DEMO.operator, ref);
    await page.getByTestId('appeal-actions').getByRole('button', { name: 'Перенаправить' }).click();
    const dialog = page.getByRole('dialog', { name: 'Перенаправить в другое подразделение' });
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: 'Подразделение' }).click();
    await page.getByRole('option', { name: 'Финансовый отдел' }).waitFor();
    // The department handling the appeal now is not a target.
    expect(await page.getByRole('option', { name: 'Отдел технической поддержки' }).count()).toBe(0);
    await page.getByRole('option', { name: 'Финансовый отдел' }).click();

    // No reason: the field says so and the dialog stays; the appeal has not moved.
    await dialog.getByRole('button', { name: 'Перенаправить' }).click();
    const reasonError = dialog.getByTestId('redirect-reason-error');
    await reasonError.waitFor();
    expect((await reasonError.textContent())?.trim()).toBe('Заполните поле');
    expect(await dialog.isVisible()).toBe(true);
    expect((await staffCard(operator, ref))!.departmentId).toBe(before.departmentId);

    const reason = 'Вопрос о возврате платежа — компетенция финансового отдела';
    await dialog.getByLabel('Причина', { exact: true }).fill(reason);
    await dialog.getByRole('button', { name: 'Перенаправить' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The card reloads and the operator no longer has access: the card says why.
    const gone = page.getByTestId('appeal-not-found');
    await gone.waitFor();
    expect((await gone.textContent())?.trim()).toBe('Обращение перенаправлено в другое подразделение и больше недоступно вам.');
    // Said once, in the card: no error snackbar repeats it as «not found».
    // (A snackbar opens after a lazy import: give one time to appear before checking there is none.)
    await page.waitForTimeout(1000);
    // A live «new appeal in the queue» notice may pop up meanwhile (another test's appeal): not a message about this.
    expect(await page.locator('mat-snack-bar-container:not(.snack-notification)').count()).toBe(0);
    expect(await staffCard(operator, ref)).toBeUndefined();
    // The head of the parent department still sees it: registered again in finance, with the reason.
    const supervisor = await signedIn(DEMO.supervisor);
    const moved = (await staffCard(supervisor, ref))!;
    const { data: departments } = await supervisor.GET('/api/v1/staff/departments');
    expect(moved.departmentId).toBe(departments!.find((d) => d.code === 'finance')!.id);
    expect(moved.status).toBe('registered');
    expect(moved.history.find((h) => h.event === 'redirected')?.comment).toContain(reason);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('requests documents from the card: a list and a due date put the appeal in «Ожидание документов» with the clock paused', async () => {
    const filed = await fileTechSupportQuestion(`Запрос документов ${randomUUID().slice(0, 8)}`);
    const ref = String(filed.number);
    const { page, context, errors } = await chromium.card(DEMO.operator, ref);
    const actions = page.getByTestId('appeal-actions');
    // Only a question in work can wait for documents: the state machine offers it after «take».
    expect(await actions.getByRole('button', { name: 'Запросить документы' }).count()).toBe(0);
    await actions.getByRole('button', { name: 'Взять в работу' }).click();
    await page.locator('ok-status-chip').filter({ hasText: 'В работе' }).waitFor();

    await actions.getByRole('button', { name: 'Запросить документы' }).click();
    const dialog = page.getByRole('dialog', { name: 'Запросить документы у заявителя' });
    await dialog.waitFor();
    // Nothing listed: the dialog names the missing fields before anything is sent.
    await dialog.getByRole('button', { name: 'Запросить документы' }).click();
    await dialog.locator('mat-error', { hasText: 'Укажите хотя бы один документ' }).waitFor();

    const dueOn = moscowDateIn(10);
    await dialog.getByLabel('Документы', { exact: true }).fill('Копия паспорта\n\n  Скриншот ошибки входа  ');
    await dialog.getByLabel('Представить до', { exact: true }).fill(dueOn);
    await dialog.getByRole('button', { name: 'Запросить документы' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.locator('ok-status-chip').filter({ hasText: 'Ожидание документов' }).waitFor();
    await page.getByTestId('status-history').getByText('Запрошены документы', { exact: true }).waitFor();
    const request = page.getByTestId('message-thread').locator('li', { hasText: '1. Копия паспорта' });
    await request.waitFor();
    expect(await request.textContent()).toContain('2. Скриншот ошибки входа');
    const operator = await signedIn(DEMO.operator);
    expect(await staffCard(operator, ref)).toMatchObject({ status: 'awaiting_citizen', documentsDueOn: dueOn, slaPaused: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a dialog sent on a stale card (409) closes, the card reloads and says why', async () => {
    const filed = await fileTechSupportQuestion(`Конфликт версий ${randomUUID().slice(0, 8)}`);
    const ref = String(filed.number);
    const { page, context, errors } = await chromium.card(DEMO.operator, ref);
    await page.getByTestId('appeal-actions').getByRole('button', { name: 'Продлить срок' }).click();
    const dialog = page.getByRole('dialog', { name: 'Продлить срок ответа' });
    await dialog.getByLabel('Причина', { exact: true }).fill('Нужен ответ смежного отдела');
    await dialog.getByLabel('На сколько дней (необязательно)').fill('10');

    // Meanwhile a colleague takes the appeal: the version the dialog holds is stale.
    const operator2 = await signedIn(OPERATOR2);
    const { data: taken } = await operator2.POST('/api/v1/staff/appeals/{idOrNumber}/actions/{action}', {
      params: { path: { idOrNumber: ref, action: 'take' } },
      body: {},
    });
    expect(taken?.status).toBe('in_progress');

    await dialog.getByRole('button', { name: 'Продлить срок' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('ok-status-chip').filter({ hasText: 'В работе' }).waitFor();
    await page.getByTestId('appeal-actions').getByRole('alert').filter({ hasText: 'Действие не выполнено: Обращение уже изменено' }).waitFor();
    const operator = await signedIn(DEMO.operator);
    expect((await staffCard(operator, ref))!.extended).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switching to English changes the status labels, the column headers and <html lang>', async () => {
    const subject = `Language switch ${randomUUID().slice(0, 8)}`;
    await fileTechSupportQuestion(subject);

    const { page, context, errors } = await chromium.signedIn(DEMO.operator);
    await sortByRegistration(page);
    const row = page.locator('tr.queue-row', { hasText: subject });
    await row.locator('ok-status-chip', { hasText: 'Принято' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');

    await page.getByRole('radio', { name: 'English' }).click();

    await row.locator('ok-status-chip', { hasText: 'Registered' }).waitFor();
    expect(await row.textContent()).toContain('Question / information request');
    expect(await row.textContent()).not.toContain('Принято');
    await page.getByRole('columnheader', { name: 'Status' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);

    // The choice is remembered, and the API answers in English too (history labels of the card).
    // The queue's sort lives in the URL, so the reload shows the same view.
    expect(new URL(page.url()).searchParams.get('sort')).toBe('registeredAt');
    await page.reload();
    await page.waitForFunction(() => document.querySelector('th.mat-column-registeredAt')?.getAttribute('aria-sort') === 'descending');
    await row.locator('ok-status-chip', { hasText: 'Registered' }).waitFor();
    await row.getByRole('link', { name: subject }).click();
    await page.getByTestId('status-history').getByText('Registered', { exact: true }).waitFor();
    expect(await page.title()).toContain('Appeal');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('narrows the queue with the type filter and the search box, and says when nothing matches', async () => {
    const token = `zx${randomUUID().slice(0, 6).replace(/-/g, '')}`;
    const citizen = await signedIn(DEMO.citizen);
    await fileTechAppeal(`Жалоба на терминал ${token}`, { citizen, type: 'complaint' });
    await fileTechAppeal(`Вопрос о терминале ${token}`, { citizen });

    const { page, context, errors } = await chromium.signedIn(DEMO.operator);
    await page.locator('tr.queue-row').first().waitFor();

    await page.getByLabel('Поиск', { exact: true }).fill(token);
    await page.waitForFunction(() => document.querySelectorAll('tr.queue-row').length === 2);

    await choose(page, 'Тип обращения', 'Жалоба');
    await page.waitForFunction(() => document.querySelectorAll('tr.queue-row').length === 1);
    expect(await page.locator('tr.queue-row').textContent()).toContain(`Жалоба на терминал ${token}`);

    await choose(page, 'Статус', 'Решено');
    await page.getByText('Обращений, подходящих под фильтры, нет.').waitFor();
    expect(await page.locator('tr.queue-row').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the office of the parent department turns on «Эскалированные» and finds an appeal the citizen escalated to management', async () => {
    const subject = `Эскалация к руководству ${randomUUID().slice(0, 8)}`;
    const citizen = await signedIn(DEMO.citizen);
    const operator = await signedIn(DEMO.operator);
    const filed = await fileTechSupportQuestion(subject, citizen);
    const path = { idOrNumber: filed.id };
    const answer = async () => {
      const { data } = await operator.POST('/api/v1/staff/appeals/{idOrNumber}/answer', { params: { path }, body: { result: 'done', resultCode: 1, text: 'Ответ дан' } });
      expect(data?.status).toBe('resolved');
    };
    const citizenAct = (action: 'request-clarification' | 'reopen' | 'escalate', comment: string) =>
      citizen.POST('/api/v1/appeals/{idOrNumber}/actions/{action}', { params: { path: { ...path, action } }, body: { comment } });
    // Two unsuccessful rounds, then «Обращение к руководству».
    await operator.POST('/api/v1/staff/appeals/{idOrNumber}/actions/{action}', { params: { path: { ...path, action: 'take' } }, body: {} });
    await answer();
    await citizenAct('request-clarification', 'Непонятно');
    await answer();
    await citizenAct('reopen', 'Не помогло');
    await answer();
    const { data: escalated } = await citizenAct('escalate', 'Прошу рассмотреть руководство');
    expect(escalated?.escalated).toBe(true);

    const { page, context, errors } = await chromium.signedIn(DEMO.office);
    await page.getByLabel('Поиск', { exact: true }).fill(subject);
    // Technical support's appeal is not in administration's own queue…
    await page.getByText('Обращений, подходящих под фильтры, нет.').waitFor();
    // …but among the escalations, answered as it is.
    await page.getByTestId('filter-escalated').getByRole('switch').click();
    const row = page.locator('tr.queue-row', { hasText: subject });
    await row.waitFor();
    expect(await row.textContent()).toContain('Решено');
    expect(new URL(page.url()).searchParams.get('escalated')).toBe('true');
    await page.reload();
    await row.waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('pages through the queue with the cursor: next, then back to the same first page', async () => {
    const citizen = await signedIn(DEMO.citizen);
    for (let i = 0; i < 11; i++) await fileTechSupportQuestion(`Страница ${i} ${randomUUID().slice(0, 6)}`, citizen);

    const { page, context, errors } = await chromium.signedIn(DEMO.operator);
    await sortByRegistration(page);
    await page.locator('tr.queue-row').first().waitFor();

    // 10 a page (the API's limit parameter).
    await page.locator('mat-paginator .mat-mdc-paginator-touch-target').click();
    await page.getByRole('option', { name: '10', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('tr.queue-row').length === 10);
    const firstPage = await page.locator('tr.queue-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')));
    expect(await page.locator('.mat-mdc-paginator-range-label').textContent()).toContain('1–10');

    await page.getByRole('button', { name: 'Следующая страница' }).click();
    await page.waitForFunction((first) => {
      const rows = [...document.querySelectorAll('tr.queue-row')];
      return rows.length > 0 && !rows.some((r) => first.includes(r.getAttribute('data-number')));
    }, firstPage);
    expect(await page.locator('.mat-mdc-paginator-range-label').textContent()).toContain('11–');
    // Registration order continues across the page boundary.
    const secondFirst = Number(await page.locator('tr.queue-row').first().getAttribute('data-number'));
    expect(secondFirst).toBeLessThan(Math.min(...firstPage.map(Number)));

    await page.getByRole('button', { name: 'Предыдущая страница' }).click();
    await page.waitForFunction(
      (first) => [...document.querySelectorAll('tr.queue-row')].map((r) => r.getAttribute('data-number')).join() === first.join(),
      firstPage,
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});

import { randomUUID } from 'node:crypto';
import { BASE_URL, DEMO, signedIn } from '../e2e/support/api';
import * as files from '../e2e/support/files';
import { fileTechAppeal } from './support/appeals';
import { signIn } from './support/browser';
import { fillAnswer, takeOnCard, useConsole } from './support/console';
import { axe } from './support/axe';



/**
 * Issue 15 on the card: the citizen's reply arrives live; the operator's answer (with a file) goes
 * for approval as a draft; the supervisor returns it with a remark, which the operator sees live;
 * fixed and sent again, it is approved and the citizen has it.
 */
describe('console: the answer goes through approval on the card', () => {
  const chromium = useConsole(180_000);

  it('documents requested, the reply live; the draft returned with a remark, fixed, approved; the citizen has the answer', async () => {
    const citizen = await signedIn(DEMO.citizen);
    const filed = await fileTechAppeal(`Согласование ответа ${randomUUID().slice(0, 8)}`, { citizen, type: 'complaint', contact: { phone: '+79161234567' } });
    const ref = String(filed.number);
    // A snippet for every department, as an admin keeps them.
    const admin = await signedIn(DEMO.admin);
    const snippetTitle = `Благодарность ${randomUUID().slice(0, 8)}`;
    const { response: created } = await admin.POST('/api/v1/admin/snippets', { body: { title: snippetTitle, body: ' Спасибо за обращение № {{number}}.' } });
    expect(created.status).toBe(201);
    const answered = `Ошибка устранена. Спасибо за обращение № ${ref}.`;

    // The operator takes it; the contacts are masked until revealed with a reason (logged by the API).
    const op = await chromium.card(DEMO.operator, ref);
    const page = op.page;
    await takeOnCard(page);
    expect(await page.getByTestId('contact-value').textContent()).not.toContain('1234567');
    await page.getByRole('button', { name: 'Раскрыть контакты' }).click();
    const reveal = page.getByRole('dialog', { name: 'Раскрыть контакты заявителя' });
    await reveal.waitFor();
    expect(await axe(page, '.cdk-overlay-container')).toEqual([]);
    await reveal.getByTestId('reveal-reason').fill('Звонок заявителю');
    expect(await reveal.getByTestId('reveal-reason').inputValue()).toBe('Звонок заявителю');
    await reveal.getByRole('button', { name: 'Раскрыть', exact: true }).click();
    await reveal.waitFor({ state: 'detached' });
    await page.getByTestId('contact-value').filter({ hasText: '+79161234567' }).waitFor();

    // …and asks the citizen for documents.
    await page.getByTestId('appeal-actions').getByRole('button', { name: 'Запросить документы' }).click();
    const ask = page.getByRole('dialog', { name: 'Запросить документы у заявителя' });
    await ask.waitFor();
    expect(await axe(page, '.cdk-overlay-container')).toEqual([]);
    await ask.getByTestId('documents-list').fill('Скриншот ошибки');
    const due = await ask.getByTestId('documents-due').getAttribute('min');
    await ask.getByTestId('documents-due').fill(due!);
    await ask.getByRole('button', { name: 'Запросить документы' }).click();
    await ask.waitFor({ state: 'detached' });
    await page.locator('ok-status-chip').filter({ hasText: 'Ожидание документов' }).first().waitFor();
    // The clock stands, and the timeline says until when the documents are awaited.
    await page.getByTestId('sla-timeline').locator('[data-state="now"]').getByText('документы до').waitFor();

    // The citizen replies through the API; the card shows it without a reload.
    const form = new FormData();
    form.append('appealId', filed.id);
    form.append('file', new Blob([new Uint8Array(files.pdf(`% скриншот ${randomUUID()}\n`))], { type: 'application/pdf' }), 'скриншот.pdf');
    const uploaded = await fetch(`${BASE_URL()}/api/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${citizen.token}` }, body: form });
    expect(uploaded.status).toBe(201);
    const { id: uploadId } = (await uploaded.json()) as { id: string };
    const { response: replied } = await citizen.POST('/api/v1/appeals/{idOrNumber}/materials', {
      params: { path: { idOrNumber: filed.id } },
      body: { attachmentIds: [uploadId], comment: 'Прилагаю скриншот' },
    });
    expect(replied.status).toBe(200);
    await page.getByTestId('appeal-files').getByText('скриншот.pdf').waitFor({ timeout: 30_000 });
    await page.locator('ok-status-chip').filter({ hasText: 'В работе' }).waitFor();

    // The operator types the answer, adds a snippet at the cursor and attaches a file. Leaving the card asks first; a reload keeps the text.
    await fillAnswer(page, 'Ошибка устранена.');
    await page.getByRole('combobox', { name: 'Вставить фрагмент' }).click();
    await page.getByRole('option', { name: snippetTitle }).click();
    expect(await page.getByTestId('answer-text').inputValue()).toBe(answered);
    let asked = 0;
    page.on('dialog', (dialog) => {
      asked++;
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: '← К очереди' }).click();
    await page.waitForTimeout(300);
    expect(asked).toBe(1);
    expect(page.url()).toContain(`/appeals/${ref}`);
    await page.reload();
    await page.getByRole('heading', { name: `Обращение № ${ref}` }).waitFor();
    const answerForm = page.getByRole('form', { name: 'Ответ гражданину' });
    await answerForm.getByTestId('answer-text').waitFor();
    expect(await answerForm.getByTestId('answer-text').inputValue()).toBe(answered);
    await answerForm.getByTestId('answer-files-input').setInputFiles({ name: 'акт.pdf', mimeType: 'application/pdf', buffer: files.pdf(`% акт ${randomUUID()}\n`) });
    await answerForm.locator('[data-file="акт.pdf"]').waitFor();
    await answerForm.getByText('загружается…').waitFor({ state: 'detached' });

    // «На согласование» carries the form as the draft.
    await page.getByTestId('appeal-actions').getByRole('button', { name: 'На согласование' }).click();
    await page.locator('ok-status-chip').filter({ hasText: 'На согласовании' }).waitFor();
    const draft = page.getByTestId('answer-draft');
    await draft.getByText('Редакция 1 на согласовании').waitFor();
    expect(await draft.getByTestId('answer-draft-text').textContent()).toBe(answered);

    // The supervisor, in a browser of their own, reads the draft and returns it with a remark.
    const sup = await chromium.card(DEMO.supervisor, ref);
    const supDraft = sup.page.getByTestId('answer-draft');
    await supDraft.getByText('Редакция 1 на согласовании').waitFor();
    expect(await axe(sup.page, 'ok-appeal-card-page')).toEqual([]);
    await sup.page.getByTestId('appeal-actions').getByRole('button', { name: 'Вернуть ответ на доработку' }).click();
    const back = sup.page.getByRole('dialog', { name: 'Вернуть ответ на доработку' });
    await back.waitFor();
    expect(await axe(sup.page, '.cdk-overlay-container')).toEqual([]);
    await back.getByTestId('return-remark').fill('Укажите номер заявки в поддержке.');
    expect(await back.getByTestId('return-remark').inputValue()).toBe('Укажите номер заявки в поддержке.');
    await back.getByRole('button', { name: 'Вернуть', exact: true }).click();
    await back.waitFor({ state: 'detached' });
    await sup.page.locator('ok-status-chip').filter({ hasText: 'В работе' }).waitFor();

    // The operator's card shows the remark live, and the form holds the returned text to fix.
    await draft.getByTestId('draft-remark').getByText('Замечание: Укажите номер заявки в поддержке.').waitFor({ timeout: 30_000 });
    await page.locator('ok-status-chip').filter({ hasText: 'В работе' }).waitFor();
    await answerForm.getByTestId('answer-carried-files').waitFor();
    expect(await answerForm.getByTestId('answer-text').inputValue()).toBe(answered);
    expect(await axe(page, 'ok-appeal-card-page')).toEqual([]);
    await answerForm.getByTestId('answer-text').fill('Ошибка устранена, номер заявки 4521.');
    await page.getByTestId('appeal-actions').getByRole('button', { name: 'На согласование' }).click();
    await draft.getByText('Редакция 2 на согласовании').waitFor();

    // The supervisor approves the second revision: the answer goes out.
    await sup.page.reload();
    await supDraft.getByText('Редакция 2 на согласовании').waitFor();
    await sup.page.getByTestId('appeal-actions').getByRole('button', { name: 'Согласовать', exact: true }).click();
    await sup.page.locator('ok-status-chip').filter({ hasText: 'Решено' }).waitFor();
    await sup.page.getByTestId('appeal-answer').waitFor();
    // The signed answer's buttons are named by what they show.
    const group = sup.page.getByRole('group', { name: 'Подписанный ответ' });
    for (const format of ['PDF', 'XML', 'JSON']) {
      const button = group.getByRole('button', { name: `Скачать подписанный ответ (${format})`, exact: true });
      expect((await button.textContent())?.trim()).toBe(`Скачать подписанный ответ (${format})`);
    }
    expect(await axe(sup.page, 'ok-appeal-card-page')).toEqual([]);

    // The citizen has the answer as the operator fixed it, with its file.
    const { data: own } = await citizen.GET('/api/v1/appeals/{idOrNumber}', { params: { path: { idOrNumber: filed.id } } });
    expect(own!.status).toBe('resolved');
    expect(own!.answer).toMatchObject({ text: 'Ошибка устранена, номер заявки 4521.', executor: { name: 'Сидоров Пётр Алексеевич' } });
    expect(own!.attachments.filter((a) => a.answerId !== null).map((a) => a.originalName)).toEqual(['акт.pdf']);

    expect(op.errors).toEqual([]);
    expect(sup.errors).toEqual([]);
    await op.context.close();
    await sup.context.close();
  });

  it('an admin adds a snippet on its page (axe finds nothing serious), and the API has it for every department', async () => {
    const { page, context, errors } = await chromium.open('/');
    await signIn(page, DEMO.admin);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(new URL('/admin/snippets', page.url()).toString());
    await page.getByRole('heading', { name: 'Фрагменты ответов', level: 1 }).waitFor();
    const title = `Режим работы ${randomUUID().slice(0, 8)}`;
    const form = page.getByRole('form', { name: 'Новый фрагмент' });
    await form.getByTestId('snippet-title').fill(title);
    await form.getByTestId('snippet-body').fill('Мы работаем с 9 до 18.');
    expect(await form.getByTestId('snippet-body').inputValue()).toBe('Мы работаем с 9 до 18.');
    await form.getByTestId('snippet-save').click();
    await page.locator(`[data-snippet="${title}"]`).waitFor();
    expect(await axe(page, 'ok-snippets-page')).toEqual([]);

    const admin = await signedIn(DEMO.admin);
    const { data } = await admin.GET('/api/v1/admin/snippets');
    expect(data!.find((s) => s.title === title)).toMatchObject({ body: 'Мы работаем с 9 до 18.', departmentId: null, active: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});

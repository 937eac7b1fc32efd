import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FileChooser, Route } from 'playwright-core';
import { BASE_URL, DEMO, signedIn } from '../e2e/support/api';
import * as files from '../e2e/support/files';
import { fileTechAppeal, until } from './support/appeals';
import { fillAnswer, takeOnCard, useConsole } from './support/console';

/** What the API says of `data` uploaded as `name` (in Russian), as the console will show it. */
async function refusalOf(token: string, name: string, data: Buffer): Promise<{ status: number; code?: string; message?: string }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type: 'application/pdf' }), name);
  const res = await fetch(`${BASE_URL()}/api/v1/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'accept-language': 'ru' },
    body: form,
  });
  const body = (await res.json()) as { errors?: { code: string; message: string }[] };
  return { status: res.status, code: body.errors?.[0]?.code, message: body.errors?.[0]?.message };
}

describe('console: files attached to the answer', () => {
  const chromium = useConsole();

  it('uploads each chosen file at once, shows a refused one with its reason (no snackbar), and sends only the accepted one', async () => {
    const citizen = await signedIn(DEMO.citizen);
    const filed = await fileTechAppeal(`Ответ с файлами ${randomUUID().slice(0, 8)}`, { citizen });
    const ref = String(filed.number);
    const good = files.pdf(`% ответ ${randomUUID()}\n`);
    // A Windows executable renamed to .pdf: the API decides by content and refuses it.
    const bad = Buffer.concat([Buffer.from('MZ'), randomBytes(2048)]);
    const operator = await signedIn(DEMO.operator);
    const expected = await refusalOf(operator.token, 'программа.pdf', bad);
    expect(expected).toMatchObject({ status: 422, code: 'file_type_not_allowed' });
    expect(expected.message).toBeTruthy();

    // Listened for from the start: Playwright intercepts file dialogs only once someone listens,
    // and turning that on right before the key press can lose the race with the dialog.
    const choosers: FileChooser[] = [];
    const { page, context, errors } = await chromium.card(DEMO.operator, ref, {
      beforeSignIn: (opened) => opened.on('filechooser', (chooser) => choosers.push(chooser)),
    });
    await takeOnCard(page);

    const form = await fillAnswer(page, 'Документы по вашему обращению приложены.');

    // Uploads are held until the form has been seen waiting for them.
    const held: Route[] = [];
    await page.route('**/api/v1/attachments', (route) => (route.request().method() === 'POST' ? held.push(route) : route.fallback()));

    // A real button, reached and pressed with the keyboard, opens the file dialog.
    const attach = form.getByRole('button', { name: 'Приложить файлы' });
    await attach.focus();
    await page.keyboard.press('Enter');
    await until(() => choosers.length === 1);
    const [chooser] = choosers;
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles([
      { name: 'ответ.pdf', mimeType: 'application/pdf', buffer: good },
      { name: 'программа.pdf', mimeType: 'application/pdf', buffer: bad },
    ]);

    const list = form.getByRole('list', { name: 'Файлы к ответу' });
    const goodRow = list.locator('li', { hasText: 'ответ.pdf' });
    const badRow = list.locator('li', { hasText: 'программа.pdf' });
    // Both are sent at once; while they are on their way, the answer cannot be sent.
    await page.waitForFunction(() => document.querySelectorAll('[data-file]').length === 2);
    await until(() => held.length === 2);
    expect(await goodRow.textContent()).toContain('загружается…');
    expect(await form.getByTestId('answer-submit').isDisabled()).toBe(true);
    expect(await goodRow.getByRole('button', { name: 'Убрать файл «ответ.pdf»' }).isDisabled()).toBe(true);
    for (const route of held) await route.continue();
    await page.unroute('**/api/v1/attachments');

    // The refused file says why beside its name, in the API's words; no snackbar repeats it.
    const refusal = badRow.getByRole('alert');
    await refusal.waitFor();
    expect((await refusal.textContent())?.trim()).toBe(`Не принят: ${expected.message}`);
    await goodRow.getByText('загружается…').waitFor({ state: 'detached' });
    expect(await goodRow.textContent()).toContain(`${good.length} Б`);
    expect(await goodRow.getByRole('button', { name: 'Убрать файл «ответ.pdf»' }).isEnabled()).toBe(true);
    expect(await goodRow.getByRole('alert').count()).toBe(0);
    await page.waitForTimeout(300);
    // A live «new appeal in the queue» notice may pop up meanwhile (another test's appeal): not a message about this.
    expect(await page.locator('mat-snack-bar-container:not(.snack-notification)').count()).toBe(0);
    expect(await form.getByTestId('answer-submit').isEnabled()).toBe(true);
    await form.screenshot({ path: '/tmp/otklik-answer-files.png', animations: 'disabled' });

    await form.getByRole('button', { name: 'Подписать и отправить ответ' }).click();
    await page.locator('ok-status-chip').filter({ hasText: 'Решено' }).waitFor();
    await page.getByTestId('appeal-answer').waitFor();

    // The answer carries exactly the accepted file, byte for byte.
    const { data: card } = await operator.GET('/api/v1/staff/appeals/{idOrNumber}', { params: { path: { idOrNumber: ref } } });
    expect(card!.status).toBe('resolved');
    const attached = card!.attachments.filter((a) => a.answerId !== null && a.answerId === card!.answer?.id);
    expect(attached.map((a) => a.originalName)).toEqual(['ответ.pdf']);
    expect(attached[0]).toMatchObject({ size: good.length, sha256: createHash('sha256').update(good).digest('hex'), contentType: 'application/pdf' });
    expect(card!.attachments.some((a) => a.originalName === 'программа.pdf')).toBe(false);
    // …and the citizen sees it with the answer.
    const { data: own } = await citizen.GET('/api/v1/appeals/{idOrNumber}', { params: { path: { idOrNumber: ref } } });
    expect(own!.attachments.filter((a) => a.answerId !== null).map((a) => a.id)).toEqual([attached[0].id]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

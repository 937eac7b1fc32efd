import { readFileSync } from 'node:fs';
import { BASE_URL, DEMO, signedIn } from '../e2e/support/api';
import * as files from '../e2e/support/files';
import { fileTechAppeal } from './support/appeals';
import { useConsole } from './support/console';

/** Uploads a file as `token`'s owner (multipart, as the citizen app does) and returns its id. */
async function upload(token: string, name: string, data: Buffer, type: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)], { type }), name);
  const res = await fetch(`${BASE_URL()}/api/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (res.status !== 201) throw new Error(`upload ${name}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

describe('console: files and the signed answer on the appeal card', () => {
  const chromium = useConsole();

  it("lists the appeal's files with an image thumbnail, downloads them byte for byte, and the signed answer as PDF", async () => {
    const citizen = await signedIn(DEMO.citizen);
    const operator = await signedIn(DEMO.operator);
    const png = await files.png();
    const pdf = files.pdf('скан договора');
    const attachmentIds = [await upload(citizen.token, 'фото счётчика.png', png, 'image/png'), await upload(citizen.token, 'договор.pdf', pdf, 'application/pdf')];
    const filed = await fileTechAppeal('Показания счётчика', { citizen, attachmentIds });
    const path = { idOrNumber: filed.id };
    await operator.POST('/api/v1/staff/appeals/{idOrNumber}/actions/{action}', { params: { path: { ...path, action: 'take' } }, body: {} });
    const { data: answered } = await operator.POST('/api/v1/staff/appeals/{idOrNumber}/answer', {
      params: { path },
      body: { result: 'done', resultCode: 1, text: 'Показания приняты.' },
    });
    expect(answered?.status).toBe('resolved');

    const { page, context, errors } = await chromium.card(DEMO.operator, String(filed.number));
    const section = page.getByTestId('appeal-files');
    await section.getByRole('heading', { name: 'Файлы' }).waitFor();

    const photo = section.locator('li', { hasText: 'фото счётчика.png' });
    await photo.waitFor();
    expect(await photo.textContent()).toContain('PNG');
    expect(await section.locator('li', { hasText: 'договор.pdf' }).textContent()).toMatch(/PDF · \d+ Б · к обращению/);
    // The thumbnail came through the authenticated API and really decoded.
    const thumb = photo.getByRole('img', { name: 'фото счётчика.png' });
    await page.waitForFunction((img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0, await thumb.elementHandle());

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Скачать файл «договор.pdf»' }).click()]);
    expect(download.suggestedFilename()).toBe('договор.pdf');
    expect(readFileSync(await download.path()).equals(pdf)).toBe(true);

    const [signed] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Скачать подписанный ответ (PDF)' }).click()]);
    expect(signed.suggestedFilename()).toBe(`answer-${filed.number}.pdf`);
    expect(readFileSync(await signed.path()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(errors).toEqual([]);
    await context.close();
  });
});

import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { BASE_URL, DEMO, anonymous, signedIn } from '../e2e/support/api';
import { pdf } from '../e2e/support/files';
import { axe } from './support/axe';
import { signIn, waitForPath } from './support/browser';
import { useConsole } from './support/console';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** A body's site on its own origin (another port of 127.0.0.1), with CSS that would wreck an unprotected form. */
function hostPage(category: string, locale: 'ru' | 'en', api?: string, body = 'administration'): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Сайт органа</title>
<style>
  * { color: #fff !important; background: #fff !important; font-size: 3px !important; font-family: monospace !important; }
  label, input, textarea, select, button, form { display: none !important; }
</style></head><body><main><h1>Сайт органа</h1><div id="otklik"></div></main>
<script src="${BASE_URL()}/widget/widget.js"></script>
<script>window.mounted = OtklikWidget.mount(document.getElementById('otklik'), { body: ${JSON.stringify(body)}, category: ${JSON.stringify(category)}, locale: ${JSON.stringify(locale)}${api ? `, api: ${JSON.stringify(api)}` : ''} });</script>
</body></html>`;
}

/** axe-core over the widget's shadow root: the serious and critical violations. */
async function axeWidget(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run;
    const result = await run({ include: [['#otklik']] }, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
  });
}

/** The staff card of an appeal, read by whichever demo staff account handles its department. */
async function staffCard(number: number): Promise<{ token: string; body: { attachments: { id: string; name: string }[]; [key: string]: unknown } }> {
  for (const who of [DEMO.operator, DEMO.poolOperator, DEMO.office, DEMO.supervisor]) {
    const { token } = await signedIn(who);
    const res = await fetch(`${BASE_URL()}/api/v1/staff/appeals/${number}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status === 200) return { token, body: (await res.json()) as { attachments: { id: string; name: string }[]; [key: string]: unknown } };
  }
  throw new Error(`no demo staff account handles appeal ${number}`);
}

async function serveHost(html: (url: string) => string): Promise<{ server: Server; origin: string }> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html(_req.url ?? '/')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('citizen widget embedded on a body site', () => {
  const chromium = useConsole(120_000);
  // allowed: a site of the body «administration»; other: a site of another body (CORS answers it,
  // the administration's widget refuses it); stranger: a site no body allows (no CORS answer).
  let allowed: { server: Server; origin: string };
  let other: { server: Server; origin: string };
  let stranger: { server: Server; origin: string };
  let category: { id: string; code: string; nameRu: string; nameEn: string };
  let administration: string;
  let secondBody: { id: string; code: string };

  beforeAll(async () => {
    const { data: body } = await anonymous().GET('/api/v1/public/widget/bodies/{body}', { params: { path: { body: 'administration' } } });
    const flat = (body?.categories ?? []).flatMap((c) => [c, ...c.children]);
    // A category for unidentified complaints without required extra fields (the form's generic part).
    const found = flat.find((c) => c.appealTypes.includes('complaint') && !((c.extraFieldsSchema as { required?: string[] } | null)?.required?.length));
    if (!found) throw new Error('no demo category without required extra fields');
    category = found;
    // ?identified: the API by its PUBLIC_URL host (localhost), where the ESIA login-state cookie lives.
    allowed = await serveHost((url) => hostPage(category.code, url.includes('locale=en') ? 'en' : 'ru', url.includes('identified') ? BASE_URL().replace('127.0.0.1', 'localhost') : undefined));
    other = await serveHost(() => hostPage(category.code, 'ru'));
    stranger = await serveHost(() => hostPage(category.code, 'ru'));
    const admin = await signedIn(DEMO.admin);
    const { data: departments } = await admin.GET('/api/v1/admin/departments');
    administration = departments!.find((d) => d.code === 'administration')!.id;
    const { data: created } = await admin.POST('/api/v1/admin/departments', { body: { code: `widget-body-${Date.now()}`, nameRu: 'Другой орган', nameEn: 'Another body', parentId: null } });
    secondBody = created!;
    const put = (id: string, origins: string[]) => admin.PUT('/api/v1/admin/departments/{id}/widget-origins', { params: { path: { id } }, body: { origins } });
    expect((await put(administration, [allowed.origin])).response.status).toBe(200);
    expect((await put(secondBody.id, [other.origin])).response.status).toBe(200);
  });

  afterAll(async () => {
    allowed?.server.close();
    other?.server.close();
    stranger?.server.close();
    const admin = await signedIn(DEMO.admin);
    await admin.PUT('/api/v1/admin/departments/{id}/widget-origins', { params: { path: { id: administration } }, body: { origins: [] } });
    if (secondBody) {
      await admin.PUT('/api/v1/admin/departments/{id}/widget-origins', { params: { path: { id: secondBody.id } }, body: { origins: [] } });
      await admin.POST('/api/v1/admin/departments/{id}/retire', { params: { path: { id: secondBody.id } } });
    }
  });

  it('files an unidentified appeal from an allowed origin, shows the number, and axe finds nothing serious', async () => {
    const { page, context, errors } = await chromium.open('/', allowed.origin);
    const widget = page.locator('#otklik');
    await widget.getByRole('heading', { name: `Обращение: ${category.nameRu}` }).waitFor();
    // The host's CSS does not reach into the shadow root.
    expect(await widget.getByLabel('Тема *').isVisible()).toBe(true);

    await widget.getByRole('button', { name: 'Отправить' }).click();
    // Required fields: an error tied to the field, and the focus on the first one.
    expect(await widget.getByLabel('Тема *').getAttribute('aria-invalid')).toBe('true');
    await page.waitForFunction(() => document.getElementById('otklik')?.shadowRoot?.activeElement?.getAttribute('maxlength') === '200');

    const axe = () => axeWidget(page);
    await widget.getByLabel('Вид обращения *').selectOption('complaint');
    await widget.getByLabel('Тема *').fill('Яма во дворе');
    await widget.getByLabel('Текст обращения *').fill('Во дворе дома 5 глубокая яма, прошу заделать.');
    await widget.getByLabel('Фамилия (для ответа по существу)').fill('Иванов');
    await widget.getByLabel('Электронная почта для ответа').fill('ivanov@example.com');
    // A file of a forbidden type: refused with the reason, tied to the file field.
    const files = widget.getByLabel('Файлы', { exact: true });
    await files.setInputFiles({ name: 'страница.html', mimeType: 'text/html', buffer: Buffer.from('<html><body><script>alert(1)</script></body></html>') });
    await page.waitForFunction(() => (document.getElementById('otklik')?.shadowRoot?.querySelector('input[type=file]')?.getAttribute('aria-invalid')) === 'true', null, { timeout: 60_000 });
    const fileError = await page.evaluate(() => {
      const input = document.getElementById('otklik')!.shadowRoot!.querySelector('input[type=file]')!;
      const ids = input.getAttribute('aria-describedby')!.split(' ');
      return ids.map((id) => document.getElementById('otklik')!.shadowRoot!.getElementById(id)?.textContent).join(' | ');
    });
    expect(fileError).toContain('Файл «страница.html» не принят: HTML, SVG и другая разметка не принимаются');
    expect(await axe()).toEqual([]);
    // An accepted file: uploaded at once and listed, with a button to take it back.
    const scan = pdf('% a photo of the pothole\n');
    await files.setInputFiles({ name: 'фото ямы.pdf', mimeType: 'application/pdf', buffer: scan });
    await widget.getByRole('list', { name: 'Загруженные файлы' }).getByRole('listitem').filter({ hasText: 'фото ямы.pdf' }).waitFor({ timeout: 60_000 });
    expect(await files.getAttribute('aria-invalid')).toBe('false');
    expect(await widget.getByRole('button', { name: 'Убрать файл фото ямы.pdf' }).isVisible()).toBe(true);

    expect(await axe()).toEqual([]);

    await widget.getByRole('button', { name: 'Отправить' }).click();
    const done = widget.getByRole('heading', { name: 'Обращение зарегистрировано' });
    await done.waitFor({ timeout: 60_000 });
    const number = Number(await widget.getByTestId('number').textContent());
    expect(number).toBeGreaterThan(0);
    const track = await widget.getByRole('link', { name: 'Следить за статусом' }).getAttribute('href');
    expect(track).toContain(`/api/v1/public/appeals/${number}?accessCode=`);
    // The tracking link answers the appeal's status (a plain GET, as the link opens it).
    const tracked = (await (await fetch(track!)).json()) as { number: number; subject: string };
    expect(tracked).toMatchObject({ number, subject: 'Яма во дворе' });
    // Staff handling the appeal see the file on its card and get its exact bytes.
    const card = await staffCard(number);
    expect(card.body.attachments).toEqual([expect.objectContaining({ name: 'фото ямы.pdf', contentType: 'application/pdf', size: scan.length })]);
    const bytes = await fetch(`${BASE_URL()}/api/v1/attachments/${card.body.attachments[0].id}`, { headers: { authorization: `Bearer ${card.token}` } });
    expect(Buffer.from(await bytes.arrayBuffer()).equals(scan)).toBe(true);
    expect(await axe()).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('«Войти через Госуслуги»: signs in in a pop-up on the real IdP, then files with a file as that citizen', async () => {
    const { page, context, errors } = await chromium.open('/?identified', allowed.origin);
    const widget = page.locator('#otklik');
    await widget.getByRole('heading', { name: `Обращение: ${category.nameRu}` }).waitFor();
    // The host page sees the message the pop-up posts to its origin: the token the widget files with.
    const handedOver = page.evaluate(
      () => new Promise<string>((resolve) => window.addEventListener('message', (e) => (e.data?.type === 'otklik:esia' ? resolve(e.data.accessToken as string) : undefined))),
    );
    const opened = page.waitForEvent('popup');
    await widget.getByRole('button', { name: 'Войти через Госуслуги' }).click();
    const popup = await opened;
    await popup.getByRole('button', { name: 'Войти как Иванов Иван Иванович' }).click();
    await widget.getByText('Вы вошли через Госуслуги: Иванов Иван Иванович').waitFor({ timeout: 30_000 });
    const token = await handedOver;
    await popup.waitForEvent('close', { timeout: 10_000 }).catch(() => undefined);
    expect(popup.isClosed()).toBe(true);
    // Signed in: no CAPTCHA, no surname or e-mail to give (the account has them).
    expect(await widget.getByLabel('Фамилия (для ответа по существу)').count()).toBe(0);
    expect(await widget.getByRole('button', { name: 'Войти через Госуслуги' }).count()).toBe(0);

    await widget.getByLabel('Вид обращения *').selectOption('complaint');
    await widget.getByLabel('Тема *').fill('Не горит фонарь');
    await widget.getByLabel('Текст обращения *').fill('У подъезда 2 не горит фонарь уже неделю.');
    const scan = pdf('% identified filing\n');
    await widget.getByLabel('Файлы', { exact: true }).setInputFiles({ name: 'фонарь.pdf', mimeType: 'application/pdf', buffer: scan });
    await widget.getByRole('list', { name: 'Загруженные файлы' }).getByRole('listitem').filter({ hasText: 'фонарь.pdf' }).waitFor({ timeout: 30_000 });
    expect(await axeWidget(page)).toEqual([]);
    await widget.getByRole('button', { name: 'Отправить' }).click();
    await widget.getByRole('heading', { name: 'Обращение зарегистрировано' }).waitFor({ timeout: 30_000 });
    expect(await widget.getByText('Обращение зарегистрировано и привязано к вашей учётной записи').isVisible()).toBe(true);
    const number = Number(await widget.getByTestId('number').textContent());
    // The link to the appeal in the citizen's cabinet, in the form the notices give it.
    const cabinet = await widget.getByRole('link', { name: 'Открыть в личном кабинете' }).getAttribute('href');
    const { data: body } = await anonymous().GET('/api/v1/public/widget/bodies/{body}', { params: { path: { body: 'administration' } } });
    expect(body!.citizenAppealUrl).toMatch(/\/appeals\/\{number\}$/);
    expect(cabinet).toBe(body!.citizenAppealUrl.replace('{number}', String(number)));
    expect(await axeWidget(page)).toEqual([]);

    // The host page holds the token, but it is scoped to the widget: the profile's name, filing and
    // uploads; reading the citizen's appeals with it is refused.
    const me = (await (await fetch(`${BASE_URL()}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { fullName: string };
    expect(me.fullName).toBe('Иванов Иван Иванович');
    const own = await fetch(`${BASE_URL()}/api/v1/appeals/${number}`, { headers: { authorization: `Bearer ${token}` } });
    expect(own.status).toBe(403);
    expect(((await own.json()) as { code: string }).code).toBe('token_scope');
    // The appeal is that citizen's (identified, by their name) and carries the file.
    const card = await staffCard(number);
    expect(card.body).toMatchObject({ unidentified: false, subject: 'Не горит фонарь', attachments: [expect.objectContaining({ name: 'фонарь.pdf', size: scan.length })] });
    expect(JSON.stringify(card.body)).toContain('Иванов');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the sign-in pop-up starts only for an origin allowed for the widget’s body', async () => {
    const start = (origin: string, body: string) => fetch(`${BASE_URL()}/api/v1/auth/esia/widget?origin=${encodeURIComponent(origin)}&body=${body}`, { redirect: 'manual' });
    for (const origin of [other.origin, stranger.origin]) {
      const refused = await start(origin, 'administration');
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { code: string }).code).toBe('widget_origin_not_allowed');
    }
    expect((await start(allowed.origin, 'administration')).status).toBe(302);
    expect((await start(other.origin, secondBody.code)).status).toBe(302);
  });

  it('a site of another body: the administration’s widget and filing refuse it, though CORS answers it', async () => {
    const { page, context } = await chromium.open('/', other.origin);
    const alert = page.locator('#otklik').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Не удалось отправить обращение');
    // The page can read the API's answers (CORS: the origin is some body's), and they refuse it.
    const answer = await page.evaluate(
      async ({ api, categoryId }) => {
        const res = await fetch(`${api}/api/v1/public/appeals`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'complaint', categoryId, subject: 'x', text: 'y', captcha: 'x' }) });
        return { status: res.status, code: ((await res.json()) as { code: string }).code };
      },
      { api: BASE_URL(), categoryId: category.id },
    );
    expect(answer).toEqual({ status: 403, code: 'widget_origin_not_allowed' });
    expect(await axeWidget(page)).toEqual([]);
    await context.close();
  });

  it('speaks English with locale "en"', async () => {
    const { page, context, errors } = await chromium.open('/?locale=en', allowed.origin);
    const widget = page.locator('#otklik');
    await widget.getByRole('heading', { name: `Appeal: ${category.nameEn}` }).waitFor();
    expect(await widget.getByLabel('Subject *').isVisible()).toBe(true);
    expect(await widget.locator('form').getAttribute('lang')).toBe('en');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a site on an origin no body allows gets no CORS answer: the browser blocks filing', async () => {
    const { page, context } = await chromium.open('/', stranger.origin);
    await page.locator('#otklik').getByRole('alert').waitFor();
    expect(await page.locator('#otklik').getByRole('alert').textContent()).toBe('Не удалось отправить обращение');
    const outcome = await page.evaluate(async (api) => {
      try {
        await fetch(`${api}/api/v1/public/appeals`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
        return 'answered';
      } catch {
        return 'blocked';
      }
    }, BASE_URL());
    expect(outcome).toBe('blocked');
    // The server itself says why: no Access-Control-Allow-Origin for it, one for the allowed site.
    const preflight = (origin: string) =>
      fetch(`${BASE_URL()}/api/v1/public/appeals`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect((await preflight(stranger.origin)).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(allowed.origin)).headers.get('access-control-allow-origin')).toBe(allowed.origin);
    await context.close();
  });

  it('the admin lists a body’s sites on the departments screen (axe clean in both themes)', async () => {
    const { page, context, errors } = await chromium.open('/login');
    await signIn(page, DEMO.admin);
    await waitForPath(page, '/staff-only');
    await page.getByRole('navigation').getByRole('link', { name: 'Подразделения' }).click();
    await waitForPath(page, '/admin/departments');
    // A department inside the tree is not a body: no list of sites.
    await page.getByRole('button', { name: 'Изменить: Финансовый отдел' }).click();
    await page.getByRole('heading', { level: 2, name: 'Финансовый отдел' }).waitFor();
    expect(await page.getByTestId('widget-origins').count()).toBe(0);
    await page.getByRole('button', { name: 'Изменить: Администрация' }).click();
    const section = page.getByTestId('widget-origins');
    const list = section.getByLabel('Адреса сайтов, по одному в строке');
    await section.getByRole('heading', { name: 'Сайты, на которых можно встроить форму обращений: Администрация' }).waitFor();
    await page.waitForFunction(() => document.querySelector<HTMLTextAreaElement>('[data-testid=widget-origins] textarea')?.value !== '');
    expect(await list.inputValue()).toBe(allowed.origin);

    // A path is refused with the reason, and nothing changes.
    await list.fill(`${allowed.origin}\nhttps://site.example.ru/page`);
    await section.getByRole('button', { name: 'Сохранить сайты' }).click();
    await section.getByRole('alert').waitFor();
    expect(await section.getByRole('alert').textContent()).toContain('Недопустимый формат. Например https://mintrans.example.ru');
    for (const theme of ['light', 'dark'] as const) {
      if (theme === 'dark') {
        await page.getByTestId('theme-switch').click();
        await page.waitForFunction(() => document.documentElement.classList.contains('theme-dark'));
      }
      expect({ theme, departments: await axe(page) }).toEqual({ theme, departments: [] });
    }
    const admin = await signedIn(DEMO.admin);
    const read = async () => (await admin.GET('/api/v1/admin/departments/{id}/widget-origins', { params: { path: { id: administration } } })).data?.origins;
    expect(await read()).toEqual([allowed.origin]);

    await list.fill(`  https://site.example.ru\n\n${allowed.origin}\n`);
    await section.getByRole('button', { name: 'Сохранить сайты' }).click();
    await page.getByText('Сайты для «Администрация» сохранены').first().waitFor();
    expect(await read()).toEqual([allowed.origin, 'https://site.example.ru']);
    expect(await list.inputValue()).toBe(`${allowed.origin}\nhttps://site.example.ru`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

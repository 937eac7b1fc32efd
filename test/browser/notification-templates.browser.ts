import { BASE_URL, DEMO } from '../e2e/support/api';
import { call } from '../e2e/support/identity';
import { axe } from './support/axe';
import { signIn, waitForPath } from './support/browser';
import { useConsole } from './support/console';

type Template = { kind: string; channel: string; locale: string; override: { subject: string | null; body: string; version: number } | null };

/**
 * Issue 16, notification templates through the console: an admin opens a kind's e-mail, edits the
 * subject and text with the placeholders listed beside them, sees the live preview (and an unknown
 * placeholder named in its place), saves, and returns to the built-in text; axe finds nothing
 * serious on the screen and its editor in the light and the dark theme.
 */
describe('console administration: notification templates', () => {
  const chromium = useConsole(180_000);
  const templates = async (): Promise<Template[]> => {
    const admin = (await call(BASE_URL(), 'POST', '/api/v1/auth/login', DEMO.admin)).body.accessToken as string;
    return (await call(BASE_URL(), 'GET', '/api/v1/admin/notification-templates', undefined, admin)).body as Template[];
  };
  const reviewEmail = async () => (await templates()).find((t) => t.kind === 'review_outcome' && t.channel === 'email' && t.locale === 'ru')!;

  it('an admin edits an e-mail template with a live preview, saves it and returns to the built-in text; axe in both themes', async () => {
    const { page, errors } = await chromium.open('/');
    await signIn(page, DEMO.admin);
    await waitForPath(page, '/staff-only');
    await page.getByRole('navigation').getByRole('link', { name: 'Шаблоны уведомлений' }).click();
    await waitForPath(page, '/admin/notification-templates');
    await page.getByRole('heading', { name: 'Шаблоны уведомлений', level: 1 }).waitFor();
    const cell = page.locator('[data-cell="review_outcome/email"]');
    await cell.filter({ hasText: 'Встроенный' }).waitFor();
    expect({ theme: 'light', table: await axe(page, '#main') }).toEqual({ theme: 'light', table: [] });

    await cell.click();
    const editor = page.getByTestId('template-editor');
    await editor.getByRole('heading', { name: 'Итог пересмотра: Эл. почта, Русский' }).waitFor();
    // The built-in text as a template, previewed with the sample facts.
    expect(await editor.getByTestId('template-subject').inputValue()).toBe('Обращение {{no}} рассмотрено повторно');
    const preview = editor.getByTestId('template-preview');
    await preview.getByTestId('template-preview-subject').filter({ hasText: 'Обращение № 10012345 рассмотрено повторно' }).waitFor();
    await editor.getByRole('button', { name: 'Вставить подстановку {{reason}}' }).waitFor();

    await editor.getByTestId('template-subject').fill('Пересмотр обращения {{no}}');
    await editor.getByTestId('template-body').fill('Решение руководителя: {{reason}} {{passport}}');
    // The API refuses the stranger, named, in place of the preview.
    await preview.getByTestId('template-preview-error').filter({ hasText: 'passport' }).waitFor();
    await editor.getByTestId('template-body').fill('Решение руководителя: {{reason}} ');
    await editor.getByRole('button', { name: 'Вставить подстановку {{status}}' }).click();
    expect(await editor.getByTestId('template-body').inputValue()).toBe('Решение руководителя: {{reason}} {{status}}');
    await preview.getByTestId('template-preview-subject').filter({ hasText: 'Пересмотр обращения № 10012345' }).waitFor();
    const frame = page.frameLocator('iframe.mail');
    await frame.getByText('Решение руководителя: Требуется ответ другого органа. В работе').waitFor();
    expect({ theme: 'light', editor: await axe(page, '#main') }).toEqual({ theme: 'light', editor: [] });

    await editor.getByTestId('template-save').click();
    await cell.filter({ hasText: 'Изменён (версия 1)' }).waitFor();
    await editor.getByText('Используется изменённый текст, версия 1').waitFor();
    expect((await reviewEmail()).override).toMatchObject({ subject: 'Пересмотр обращения {{no}}', body: 'Решение руководителя: {{reason}} {{status}}', version: 1 });

    await page.getByTestId('theme-switch').click();
    await page.waitForFunction(() => document.documentElement.classList.contains('theme-dark'));
    expect({ theme: 'dark', editor: await axe(page, '#main') }).toEqual({ theme: 'dark', editor: [] });

    await editor.getByTestId('template-reset').click();
    await cell.filter({ hasText: 'Встроенный' }).waitFor();
    expect(await editor.getByTestId('template-subject').inputValue()).toBe('Обращение {{no}} рассмотрено повторно');
    expect((await reviewEmail()).override).toBeNull();
    expect(errors).toEqual([]);
  });
});

import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { DEMO } from '../e2e/support/api';
import { codeIn, eventually, startSmtp } from '../e2e/support/identity';
import { startServer, stopRunning, type RunningServer } from '../e2e/support/server';
import { signIn, waitForPath } from './support/browser';
import { useConsole } from './support/console';

/**
 * Staff sign-in under production settings (STAFF_MFA=required) on a server of its own: the shared
 * test server runs the demo setting (optional) that the other browser tests sign in with.
 */
describe('console sign-in with STAFF_MFA=required', () => {
  const chromium = useConsole(120_000);
  let server: RunningServer;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startServer({ STAFF_MFA: 'required', SMTP_URL: smtp.url });
  }, 120_000);

  afterAll(async () => {
    if (server) await stopRunning(server);
    await smtp?.close();
  });

  const codeStep = async (page: Page, hint: string) => {
    await page.getByRole('heading', { name: 'Подтверждение входа' }).waitFor();
    await page.getByText(hint).waitFor();
    // The code field has the focus: the code can be typed at once.
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'code');
  };
  const enterCode = async (page: Page, label: string, code: string, button: string) => {
    await page.getByLabel(label).fill(code);
    await page.getByRole('button', { name: button }).click();
  };

  it('enrols TOTP at the first sign-in, then signs in with a TOTP code, then with a backup code', async () => {
    // First sign-in: the e-mailed code, then the app is set up from the QR code / key shown.
    const first = await chromium.open('/queue', server.baseUrl);
    await waitForPath(first.page, '/login');
    const mailsBefore = smtp.mails.length;
    await signIn(first.page, DEMO.operator);
    await codeStep(first.page, 'Введите код из письма. Затем подключите приложение-аутентификатор');
    expect(await first.page.getByTestId('mfa-code-sent').textContent()).toMatch(/\*\*\*@/);
    const mail = await eventually(() => smtp.mails.slice(mailsBefore).find((m) => m.to.includes(DEMO.operator.login) && /Код входа/.test(m.text)));
    await enterCode(first.page, 'Код', codeIn(mail.text), 'Подтвердить');

    await first.page.getByRole('heading', { name: 'Подключите приложение-аутентификатор' }).waitFor();
    const qr = first.page.getByRole('img', { name: 'QR-код для приложения-аутентификатора' });
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const secret = (await first.page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await first.page.locator('.login-card').screenshot({ path: '/tmp/otklik-mfa-enrol.png', animations: 'disabled' });
    const totp = new TOTP({ issuer: 'Otklik', label: DEMO.operator.login, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
    await enterCode(first.page, 'Код из приложения', totp.generate(), 'Подключить и войти');

    await first.page.getByRole('heading', { name: 'Резервные коды' }).waitFor();
    const backupCodes = (await first.page.getByTestId('backup-codes').locator('li').allTextContents()).map((c) => c.trim());
    expect(backupCodes).toHaveLength(10);
    await first.page.locator('.login-card').screenshot({ path: '/tmp/otklik-mfa-backup-codes.png', animations: 'disabled' });
    expect(backupCodes.every((c) => /^[a-z2-9]{5}-[a-z2-9]{5}$/.test(c))).toBe(true);
    await first.page.getByRole('button', { name: 'Я сохранил коды, продолжить' }).click();
    // Back where the operator was going.
    await waitForPath(first.page, '/queue');
    await first.page.getByRole('table').waitFor();
    expect(first.errors).toEqual([]);
    await first.context.close();

    // Next time: the app's code; no more e-mailed codes.
    const mailsAfterEnrolment = smtp.mails.length;
    const second = await chromium.open('/', server.baseUrl);
    await signIn(second.page, DEMO.operator);
    await codeStep(second.page, 'Введите код из приложения-аутентификатора или один из резервных кодов.');
    expect(await second.page.getByTestId('mfa-code-sent').count()).toBe(0);
    // A wrong code is said in place, and the step stays.
    await enterCode(second.page, 'Код', '000000', 'Подтвердить');
    await second.page.getByTestId('login-error').waitFor();
    expect(await second.page.getByTestId('login-error').textContent()).toContain('Неверный код второго фактора');
    await second.page.locator('.login-card').screenshot({ path: '/tmp/otklik-mfa-code.png', animations: 'disabled' });
    await enterCode(second.page, 'Код', totp.generate(), 'Подтвердить');
    await waitForPath(second.page, '/queue');
    await second.page.getByRole('table').waitFor();
    expect(smtp.mails.slice(mailsAfterEnrolment).filter((m) => /Код входа/.test(m.text))).toEqual([]);
    expect(second.errors).toEqual([]);
    await second.context.close();

    // The time after: a backup code (the phone is not at hand).
    const third = await chromium.open('/', server.baseUrl);
    await signIn(third.page, DEMO.operator);
    await codeStep(third.page, 'Введите код из приложения-аутентификатора или один из резервных кодов.');
    await enterCode(third.page, 'Код', backupCodes[0], 'Подтвердить');
    await waitForPath(third.page, '/queue');
    await third.page.getByRole('table').waitFor();
    expect(third.errors).toEqual([]);
    await third.context.close();
  });
});

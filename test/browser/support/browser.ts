import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { BASE_URL } from '../../e2e/support/api';

/** Debian's Chromium, headless, with everything that would reach the internet switched off. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface ConsolePage {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions in the page: a healthy console has none. */
  errors: string[];
}

/** A fresh browser profile (empty storage, Russian by default) on the console (of the shared test server unless `baseUrl` says). */
export async function openConsole(browser: Browser, path = '/', baseUrl = BASE_URL()): Promise<ConsolePage> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'ru-RU' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}${path}`);
  return { page, context, errors };
}

/** Fills the sign-in form the way a person does (labels, not CSS selectors). */
export async function signIn(page: Page, who: { login: string; password: string }): Promise<void> {
  await page.getByRole('heading', { name: 'Вход для сотрудников' }).waitFor();
  await page.getByLabel('Электронная почта').fill(who.login);
  await page.getByLabel('Пароль').fill(who.password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

/** Waits until the path of the page is `path` (client-side navigation included). */
export async function waitForPath(page: Page, path: string | RegExp): Promise<void> {
  await page.waitForURL((url) => (typeof path === 'string' ? url.pathname === path : path.test(url.pathname)));
}

/** Where the console keeps the session (shared by the tabs of one browser profile). */
export const SESSION_KEY = 'otklik.console.session';

import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openConsole, signIn, waitForPath, type ConsolePage } from './browser';

type Account = { login: string; password: string };

/**
 * What every browser test file starts with. `useConsole()` at the top of a file launches one
 * Debian Chromium before its tests and closes it after them, and sets the file's time limit
 * (Jest reads no project-level testTimeout: it is a global option). The server is the shared test
 * server started by the e2e global set-up, unless a call names another `baseUrl`.
 */
export interface ConsoleTests {
  /** The file's browser (for what needs a context of its own). */
  readonly browser: Browser;
  /** A fresh browser profile (empty storage, Russian) on `path`: the console, or another page of the server. */
  open(path?: string, baseUrl?: string): Promise<ConsolePage>;
  /**
   * A fresh profile in which `who` has signed in through the form and landed on the queue.
   * `beforeSignIn` runs on the page first (listeners that must be there from the start).
   */
  signedIn(who: Account, options?: { baseUrl?: string; beforeSignIn?: (page: Page) => void }): Promise<ConsolePage>;
  /** `who` signed in and on the card of appeal `ref`, once its heading shows. */
  card(who: Account, ref: string, options?: { beforeSignIn?: (page: Page) => void }): Promise<ConsolePage>;
}

export function useConsole(timeoutMs = 60_000): ConsoleTests {
  jest.setTimeout(timeoutMs);
  let launched: Browser | undefined;

  beforeAll(async () => {
    launched = await launchBrowser();
  });

  afterAll(async () => {
    await launched?.close();
  });

  const tests: ConsoleTests = {
    get browser(): Browser {
      if (!launched) throw new Error('the browser is launched in beforeAll: use it inside a test or hook');
      return launched;
    },
    open: (path = '/', baseUrl?: string) => openConsole(tests.browser, path, baseUrl),
    async signedIn(who, { baseUrl, beforeSignIn } = {}) {
      const opened = await openConsole(tests.browser, '/', baseUrl);
      beforeSignIn?.(opened.page);
      await signIn(opened.page, who);
      await waitForPath(opened.page, '/queue');
      return opened;
    },
    async card(who, ref, options) {
      const opened = await tests.signedIn(who, options);
      await goToCard(opened.page, ref);
      return opened;
    },
  };
  return tests;
}

/** From a signed-in page, the card of appeal `ref` (a full load), once its heading shows. */
export async function goToCard(page: Page, ref: string): Promise<void> {
  await page.goto(page.url().replace('/queue', `/appeals/${ref}`));
  await page.getByRole('heading', { name: `Обращение № ${ref}` }).waitFor();
}

/** «Взять в работу» on the open card, until the card shows the appeal in work. */
export async function takeOnCard(page: Page): Promise<void> {
  await page.getByTestId('appeal-actions').getByRole('button', { name: 'Взять в работу' }).click();
  await page.locator('ok-status-chip').filter({ hasText: 'В работе' }).waitFor();
}

/** Fills the card's answer form as «Решено», code 1, with `text`; the form, to go on with. */
export async function fillAnswer(page: Page, text: string): Promise<Locator> {
  const form = page.getByRole('form', { name: 'Ответ гражданину' });
  await form.getByRole('combobox', { name: 'Результат' }).click();
  await page.getByRole('option', { name: 'Решено', exact: true }).click();
  await form.getByLabel('Код результата (классификатор)').fill('1');
  await form.getByTestId('answer-text').fill(text);
  return form;
}

/* global localStorage -- the function passed to addInitScript runs in the browser */
// Screenshots of the operator console's main views (issue 15), in both themes and both
// languages, into a directory (not committed).
//
//   node scripts/screenshots.mjs [--out DIR] [--base URL]
//
// With --base, the console of a running server is used (signed in as the demo operator and
// supervisor); without it, the built app (npm run build) is started on an embedded PostgreSQL in
// a temporary DATA_DIR and stopped afterwards. Chromium: CHROMIUM_PATH or /usr/bin/chromium.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const out = resolve(arg('--out') ?? join(root, '.screenshots'));
const ACCOUNTS = {
  operator: { login: 'operator@demo.otklik.local', password: 'Operator#Demo2026' },
  supervisor: { login: 'supervisor@demo.otklik.local', password: 'Supervisor#Demo2026' },
};
/** What is shot: who, which path, and what to wait for. */
const VIEWS = [
  { name: 'queue-all', who: 'operator', path: '/queue' },
  { name: 'queue-mine', who: 'operator', path: '/queue?view=mine' },
  { name: 'queue-unassigned', who: 'operator', path: '/queue?view=unassigned' },
  { name: 'queue-overdue', who: 'supervisor', path: '/queue?view=overdue' },
  { name: 'queue-escalated', who: 'supervisor', path: '/queue?view=escalated' },
  { name: 'queue-all-statuses', who: 'supervisor', path: '/queue?status=all' },
  { name: 'shortcuts', who: 'operator', path: '/queue', keys: '?' },
];

async function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function startApp() {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'dist', 'backend', 'src', 'main.js')], {
    cwd: root,
    env: { ...process.env, APP_MODE: 'demo', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), 'otklik-shots-')), LOG_LEVEL: 'warn', DATABASE_URL: '', REDIS_URL: '' },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/health/ready`)).ok) return { base, stop: () => child.kill('SIGTERM') };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGTERM');
  throw new Error('the app did not start');
}

async function session(base, who) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ACCOUNTS[who]) });
  if (!res.ok) throw new Error(`sign-in of ${who}: ${res.status}`);
  const t = await res.json();
  return JSON.stringify({ accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: Date.now() + 10 * 60_000 });
}

const app = arg('--base') ? { base: arg('--base'), stop: () => undefined } : await startApp();
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
let shots = 0;
try {
  for (const lang of ['ru', 'en']) {
    for (const theme of ['light', 'dark']) {
      for (const view of VIEWS) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: lang === 'ru' ? 'ru-RU' : 'en-GB', colorScheme: theme });
        await context.addInitScript(
          ([s, l, t]) => {
            localStorage.setItem('otklik.console.session', s);
            localStorage.setItem('otklik.console.lang', l);
            localStorage.setItem('otklik.console.theme', t);
          },
          [await session(app.base, view.who), lang, theme],
        );
        const page = await context.newPage();
        await page.goto(`${app.base}${view.path}`);
        await page.waitForSelector('tr.queue-row, td.empty', { timeout: 20_000 });
        await page.waitForSelector('[data-testid="queue-rail"] .rail-count', { timeout: 20_000 });
        if (view.keys) {
          await page.locator('main h1').focus();
          await page.keyboard.press(view.keys);
          await page.waitForSelector('[data-testid="shortcuts"]');
        }
        const file = join(out, `${view.name}-${theme}-${lang}.png`);
        await page.screenshot({ path: file, animations: 'disabled' });
        shots++;
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  app.stop();
}
console.log(`${shots} screenshots in ${out}`);

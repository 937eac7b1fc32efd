/* global document, localStorage -- the functions passed to page.evaluate and addInitScript run in the browser */
// Phase l of `npm run bench` (BENCH_ONLY=console): the operator console's queue (issue 15).
// See README.md in this folder.
//
//   1. the initial JavaScript of the built console (what index.html loads before the first
//      screen), as transferred: gzip and brotli, as the server sends it (Content-Encoding checked
//      on the served main script);
//   2. navigation to the first 50 rows of the queue in Debian's Chromium for the dataset's
//      operator (a department of the BENCH_APPEALS dataset): from page.goto to 50 rows in the DOM,
//      a cold profile first, then warm reloads (median);
//   3. a change to its row in a second browser: a take through the API → the row on the other
//      browser's screen shows the assignee (the outbox relay → the notification stream → a reload
//      of the page on screen), median of BENCH_CONSOLE_TAKES takes.
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { INITIAL_JS_GZIP_BUDGET, initialJs } from '../../scripts/compress-console.mjs';

const TARGETS = { firstRowsMs: 2_000, liveMs: 2_000 };
const SESSION_KEY = 'otklik.console.session';

function encodingOf(url, acceptEncoding) {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      let bytes = 0;
      res.on('data', (c) => (bytes += c.length));
      res.on('end', () => resolve({ encoding: res.headers['content-encoding'] ?? 'identity', bytes }));
    })
      .on('error', reject)
      .end();
  });
}

export async function consolePhase(results, ctx) {
  const { cfg, log, startServer, benchDataset, api, row, fmt, root, onDb, benchDomain, benchPassword } = ctx;
  const dir = join(root, 'dist', 'console', 'browser');
  const initial = initialJs(dir);
  results.rows.push(
    row('l', 'initial JS transferred, gzip (kB)', fmt(initial.gzip / 1000), `${fmt(initial.raw / 1000)} kB raw, ${initial.files.length} files`, null, `≤ ${INITIAL_JS_GZIP_BUDGET / 1000} kB`, initial.gzip <= INITIAL_JS_GZIP_BUDGET),
    row('l', 'initial JS transferred, brotli (kB)', fmt(initial.brotli / 1000), '', null, '', null),
  );

  const db = await benchDataset(results, 'console');
  const facts = await onDb(db, async (c) => {
    const operator = (await c.query(`SELECT id, department_id FROM users WHERE email_normalized = $1`, [`bench-operator@${benchDomain}`])).rows[0];
    const queue = (await c.query(`SELECT count(*)::int AS n FROM appeals WHERE department_id = $1 AND status IN ('registered','in_progress','awaiting_approval','awaiting_citizen')`, [operator.department_id])).rows[0].n;
    const all = (await c.query(`SELECT count(*)::int AS n FROM appeals`)).rows[0].n;
    return { ...operator, queue, all };
  });
  log(`console: ${facts.all.toLocaleString('en')} appeals, the operator's department holds ${facts.queue.toLocaleString('en')} open ones`);
  const server = await startServer(db, 'console');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic'] });
  try {
    const base = server.base;
    const served = await Promise.all(initial.files.slice(-1).map((f) => encodingOf(`${base}/${f}`, 'gzip, deflate, br')));
    const session = async () => {
      const tokens = await api(base, 'POST', '/api/v1/auth/login', { body: { login: `bench-operator@${benchDomain}`, password: benchPassword } });
      return JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: Date.now() + 60 * 60_000 });
    };
    const signedIn = async () => {
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'ru-RU' });
      await context.addInitScript(([key, value]) => localStorage.getItem(key) || localStorage.setItem(key, value), [SESSION_KEY, await session()]);
      return context;
    };

    // 2. Navigation → 50 rows.
    const context = await signedIn();
    const page = await context.newPage();
    const firstRows = async () => {
      const t = performance.now();
      await page.goto(`${base}/queue?limit=50`);
      await page.waitForFunction(() => document.querySelectorAll('tr.queue-row').length === 50, undefined, { timeout: 30_000 });
      return performance.now() - t;
    };
    const cold = await firstRows();
    const warm = [];
    for (let i = 0; i < 5; i++) warm.push(await firstRows());
    warm.sort((a, b) => a - b);
    const warmMedian = warm[Math.floor(warm.length / 2)];
    results.console = { initial, served, cold, warm, dataset: { appeals: facts.all, queue: facts.queue } };
    results.rows.push(
      row('l', 'navigation → first 50 rows, cold profile (ms)', fmt(cold), `${facts.queue.toLocaleString('en')} open in the department`, null, `≤ ${TARGETS.firstRowsMs} ms`, cold <= TARGETS.firstRowsMs, `served ${served[0]?.encoding}`),
      row('l', 'navigation → first 50 rows, warm (median of 5, ms)', fmt(warmMedian), '', null, `≤ ${TARGETS.firstRowsMs} ms`, warmMedian <= TARGETS.firstRowsMs),
    );

    // 3. A take through the API → the row in a second browser.
    const second = await (await signedIn()).newPage();
    // Registered and unassigned: the ones a take applies to.
    await second.goto(`${base}/queue?view=unassigned&status=registered&limit=50`);
    await second.waitForFunction(() => document.querySelectorAll('tr.queue-row').length > 0, undefined, { timeout: 30_000 });
    await new Promise((r) => setTimeout(r, 1_500)); // the stream connects
    const token = await api(base, 'POST', '/api/v1/auth/login', { body: { login: `bench-operator@${benchDomain}`, password: benchPassword } }).then((t) => t.accessToken);
    const takes = [];
    for (let i = 0; i < (cfg.consoleTakes ?? 5); i++) {
      const number = await second.evaluate(() => document.querySelector('tr.queue-row')?.getAttribute('data-number'));
      const appeal = await api(base, 'GET', `/api/v1/staff/appeals/${number}`, { token });
      const t = performance.now();
      await api(base, 'POST', `/api/v1/staff/appeals/${appeal.id}/actions/take`, { token, body: { expectedVersion: appeal.version } });
      // Taken: it leaves the «unassigned» view on the other screen.
      await second.waitForFunction((n) => !document.querySelector(`tr.queue-row[data-number="${n}"]`), number, { timeout: 10_000 });
      takes.push(performance.now() - t);
    }
    takes.sort((a, b) => a - b);
    const takeMedian = takes[Math.floor(takes.length / 2)];
    results.console.takes = takes;
    results.rows.push(row('l', 'take through the API → row update in a second browser (median, ms)', fmt(takeMedian), `max ${fmt(takes.at(-1))} ms of ${takes.length}`, null, `≤ ${TARGETS.liveMs} ms`, takeMedian <= TARGETS.liveMs));
  } finally {
    await browser.close();
    await server.stop();
  }
}

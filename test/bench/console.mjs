/* global document, localStorage, location, window, MutationObserver, PerformanceObserver -- the functions passed to page.evaluate and addInitScript run in the browser */
// Phase l of `npm run bench` (BENCH_ONLY=console): the operator console's queue (issue 15).
// See README.md in this folder.
//
//   1. the initial JavaScript of the built console (what index.html loads before the first
//      screen), as transferred: gzip and brotli, as the server sends it (Content-Encoding checked
//      on the largest initial script as served);
//   2. navigation to the first 50 rows of the queue in Debian's Chromium for the dataset's
//      operator (a department of the BENCH_APPEALS dataset): from page.goto to 50 rows in the DOM,
//      a cold profile first, then warm reloads (median); each load broken down from the browser's
//      own timeline (Navigation and Resource Timing, the moment the 50th row entered the DOM, the
//      main thread's long tasks): HTML, initial JS/CSS, the lazy route
//      code, GET /me, the queue's request, the counts, the notification stream, fonts, rendering;
//   3. a change to its row in a second browser: a take through the API → the row on the other
//      browser's screen shows the assignee (the outbox relay → the notification stream → a reload
//      of the page on screen), median of BENCH_CONSOLE_TAKES takes.
import { request as httpRequest } from 'node:http';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { INITIAL_JS_GZIP_BUDGET, initialJs } from '../../scripts/compress-console.mjs';

const TARGETS = { firstRowsMs: 1_000, liveMs: 2_000 };
const SESSION_KEY = 'otklik.console.session';
const QUEUE_LIST = '/api/v1/staff/appeals?';

/**
 * Runs in the page before its scripts: the moment the 50th queue row enters the DOM, and the
 * main thread's long tasks (over 50 ms: script, style, layout that kept the page from answering).
 */
function watchRows() {
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => window.__benchLongTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing in this browser: the figure stays empty
  }
  new MutationObserver((_changes, observer) => {
    if (document.querySelectorAll('tr.queue-row').length < 50) return;
    window.__benchRows = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

/** Runs in the page once the rows are there: its timeline, in ms from navigation start. */
function timeline() {
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    origin: performance.timeOrigin,
    rows: window.__benchRows ?? null,
    longTasks: window.__benchLongTasks ?? [],
    html: { start: 0, end: nav.responseEnd, bytes: nav.transferSize },
    domContentLoaded: nav.domContentLoadedEventEnd,
    paints: Object.fromEntries(performance.getEntriesByType('paint').map((p) => [p.name, p.startTime])),
    resources: performance.getEntriesByType('resource').map((e) => ({
      path: e.name.replace(location.origin, ''),
      type: e.initiatorType,
      start: e.startTime,
      firstByte: e.responseStart,
      end: e.responseEnd,
      bytes: e.transferSize,
    })),
  };
}

/**
 * One load's breakdown, in ms from navigation start: what ran on the path to the 50th row and
 * what ran beside it. Requests that have not ended by then (the notification stream) come from
 * the page's request events instead of Resource Timing.
 */
function breakdown(t, initialFiles, streams) {
  const span = (list) =>
    list.length === 0
      ? null
      : { start: Math.min(...list.map((r) => r.start)), end: Math.max(...list.map((r) => r.end)), count: list.length, bytes: list.reduce((n, r) => n + (r.bytes || 0), 0) };
  const before = t.resources.filter((r) => r.start <= (t.rows ?? Infinity));
  const name = (r) => r.path.replace(/^\//, '').split('?')[0];
  const initial = before.filter((r) => initialFiles.includes(name(r)) || /^\/styles-[A-Z0-9]+\.css$/.test(r.path));
  const lazy = before.filter((r) => r.path.endsWith('.js') && !initial.includes(r));
  const api = (test) => before.find((r) => r.type === 'fetch' && test(r.path)) ?? null;
  const queue = api((p) => p.startsWith(QUEUE_LIST));
  const counts = api((p) => p === '/api/v1/staff/appeals/counts');
  const me = api((p) => p === '/api/v1/me');
  const otherApi = before.filter((r) => r.type === 'fetch' && r.path.startsWith('/api/') && ![queue, counts, me].includes(r));
  return {
    html: t.html,
    initial: span(initial),
    routeCode: span(lazy),
    me,
    queue,
    counts,
    otherApi: otherApi.map((r) => ({ path: r.path, start: r.start, end: r.end })),
    // (Not before the HTML: the page being left may still reconnect its own stream.)
    stream: streams.map((s) => s - t.origin).find((s) => s >= t.html.end) ?? null,
    fonts: t.resources.filter((r) => /\.(woff2?|ttf|otf)(\?|$)/.test(r.path) || r.type === 'font').length,
    firstContentfulPaint: t.paints['first-contentful-paint'] ?? null,
    rows: t.rows,
    // Long tasks that began before the 50th row (the one that inserted it included).
    longTasks: t.longTasks.filter((l) => l.start <= (t.rows ?? Infinity)).reduce((a, l) => ({ count: a.count + 1, ms: a.ms + l.duration }), { count: 0, ms: 0 }),
  };
}

const ms = (v) => (v === null || v === undefined ? '–' : String(Math.round(v)));
const range = (r) => (r ? `${ms(r.start)}–${ms(r.end)}` : '–');

/** The breakdown as one line for the bench's notes. */
function describe(b) {
  const parts = [
    `HTML 0–${ms(b.html.end)}`,
    `initial JS/CSS ${range(b.initial)}`,
    b.routeCode ? `route code ${range(b.routeCode)} (${b.routeCode.count} files, ${ms(b.routeCode.bytes / 1000)} kB)` : 'route code cached',
    `GET /me ${range(b.me)}`,
    `GET /staff/appeals ${range(b.queue)} (first byte ${ms(b.queue?.firstByte)})`,
    `counts ${range(b.counts)}`,
    ...b.otherApi.map((r) => `${r.path.replace('/api/v1', '')} ${range(r)}`),
    `notification stream asked for at ${ms(b.stream)}`,
    `first paint with content ${b.firstContentfulPaint === null ? 'not yet (it comes with the rows)' : ms(b.firstContentfulPaint)}`,
    `50th row ${ms(b.rows)} (after the queue's answer: ${ms(b.rows - (b.queue?.end ?? NaN))} rendering)`,
    `fonts fetched ${b.fonts}`,
    `main thread in long tasks ${ms(b.longTasks.ms)} (${b.longTasks.count} tasks over 50 ms)`,
  ];
  return parts.join(' · ');
}

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
    // The largest initial file (the smallest are under the 1 KiB below which nothing is precompressed).
    const largest = initial.files.map((f) => ({ f, size: statSync(join(dir, f)).size })).sort((a, b) => b.size - a.size)[0].f;
    const served = { file: largest, ...(await encodingOf(`${base}/${largest}`, 'gzip, deflate, br')) };
    const session = async () => {
      const tokens = await api(base, 'POST', '/api/v1/auth/login', { body: { login: `bench-operator@${benchDomain}`, password: benchPassword } });
      return JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: Date.now() + 60 * 60_000 });
    };
    const signedIn = async () => {
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'ru-RU' });
      await context.addInitScript(([key, value]) => localStorage.getItem(key) || localStorage.setItem(key, value), [SESSION_KEY, await session()]);
      return context;
    };

    // 2. Navigation → 50 rows, each load broken down.
    const context = await signedIn();
    await context.addInitScript(watchRows);
    const page = await context.newPage();
    const streams = [];
    // Epoch ms when the page asked for the stream (one clock: the browser runs on this machine).
    page.on('request', (r) => r.url().includes('/notifications/stream') && streams.push(Date.now()));
    const firstRows = async () => {
      streams.length = 0;
      const t = performance.now();
      await page.goto(`${base}/queue?limit=50`);
      await page.waitForFunction(() => document.querySelectorAll('tr.queue-row').length === 50, undefined, { timeout: 30_000 });
      const wall = performance.now() - t;
      return { wall, breakdown: breakdown(await page.evaluate(timeline), initial.files, streams) };
    };
    const cold = await firstRows();
    const warm = [];
    for (let i = 0; i < 5; i++) warm.push(await firstRows());
    warm.sort((a, b) => a.wall - b.wall);
    const warmMedian = warm[Math.floor(warm.length / 2)];
    results.console = { initial, served, cold, warm, dataset: { appeals: facts.all, queue: facts.queue } };
    results.rows.push(
      row('l', 'navigation → first 50 rows, cold profile (ms)', fmt(cold.wall), `${facts.queue.toLocaleString('en')} open in the department`, null, `≤ ${TARGETS.firstRowsMs} ms`, cold.wall <= TARGETS.firstRowsMs, `served ${served.encoding} (${served.file}); ms from navigation start: ${describe(cold.breakdown)}`),
      row('l', 'navigation → first 50 rows, warm (median of 5, ms)', fmt(warmMedian.wall), `all: ${warm.map((w) => fmt(w.wall)).join(', ')}`, null, `≤ ${TARGETS.firstRowsMs} ms`, warmMedian.wall <= TARGETS.firstRowsMs, `the median load, ms from navigation start: ${describe(warmMedian.breakdown)}`),
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

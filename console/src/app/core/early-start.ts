import { accessTokenFresh, readStoredSession } from './auth/stored-session';
import { storedLang } from './i18n/stored-lang';
import { filtersOfUrl, listQuery, listQueryKey, type ListQuery } from './queue/queue-query';

/*
 * The console's early start (issue 15): what a signed-in start on the queue (/ or /queue, a stored
 * session) needs first is asked for while index.html is read, before the initial JavaScript has
 * downloaded and run (≈ 500 ms of a cold load, test/bench/README.md). scripts/console-preload.mjs
 * compiles preloadQueueStart() and startEarly() with esbuild into an inline script at the end of
 * the built index.html, so the queue's URL-to-query rules (queue-query.ts) and the stored
 * session's format are one source for the page and for it.
 *
 * preloadQueueStart asks for the queue's code (<link rel="modulepreload">); startEarly for GET /me
 * and the queue's first page of rows with the stored access token, exactly as the app would. The
 * app adopts the answers: AuthService.ensureUser takes the early /me and QueuePrefetch the early rows, each only for the
 * token it would itself send (and the rows only for the query it would itself build), once.
 * Anything but a successful answer is dropped and the app asks again through its own client, so a
 * lapsed or revoked token, a role without a queue or a network failure changes nothing: no message,
 * no session given up (the ordinary path reports, refreshes and retries as always). An access
 * token about to lapse is not sent at all: the app refreshes it first.
 */

/** A JSON answer as the early start received it; null when the request failed. */
export interface EarlyAnswer {
  status: number;
  data: unknown;
}

interface EarlyStart {
  token: string;
  me: Promise<EarlyAnswer | null> | null;
  rows: { key: string; answer: Promise<EarlyAnswer | null> } | null;
}

const EARLY_START = '__otklikEarlyStart';
type EarlyWindow = typeof globalThis & { [EARLY_START]?: EarlyStart };

/** The paths on which a signed-in start opens the queue (core/boot.ts). */
export function isQueueStartPath(path: string): boolean {
  return path === '/' || path === '/queue';
}

/**
 * Run by index.html's inline script, after the initial module script and preloadQueueStart: the
 * code is asked for first, the two requests next (they would otherwise hold the API process and
 * two of the browser's connections while the code waits).
 */
export function startEarly(at: Pick<Location, 'pathname' | 'search'> = location): void {
  try {
    const session = isQueueStartPath(at.pathname) ? readStoredSession() : null;
    if (!session || !accessTokenFresh(session)) return;
    const headers = { Authorization: `Bearer ${session.accessToken}`, 'Accept-Language': storedLang() };
    const query = listQuery(filtersOfUrl(at.search), null);
    (globalThis as EarlyWindow)[EARLY_START] = {
      token: session.accessToken,
      me: get('/api/v1/me', headers),
      rows: { key: listQueryKey(query), answer: get(`/api/v1/staff/appeals?${searchOf(query)}`, headers) },
    };
  } catch {
    // An early start is only ever a head start: the app asks for everything itself.
  }
}

/**
 * The files of the queue's start, `files` (console-preload.mjs lists them), as modulepreload
 * links, for a stored session on the queue's paths only — the case core/boot.ts imports them in.
 */
export function preloadQueueStart(files: readonly string[]): void {
  try {
    if (!isQueueStartPath(location.pathname) || !readStoredSession()) return;
    for (const href of files) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = href;
      document.head.appendChild(link);
    }
  } catch {
    // the imports fetch them anyway
  }
}

/** The early GET /me's answer, when it was sent with `token` (once; null otherwise). */
export function takeEarlyMe(token: string): Promise<EarlyAnswer | null> | null {
  const early = (globalThis as EarlyWindow)[EARLY_START];
  if (!early?.me || early.token !== token) return null;
  const me = early.me;
  early.me = null;
  return me;
}

/** The early first page of rows, when it was asked for with `token` and the query keyed `key` (once). */
export function takeEarlyRows(key: string, token: string): Promise<EarlyAnswer | null> | null {
  const early = (globalThis as EarlyWindow)[EARLY_START];
  const rows = early?.rows;
  if (!early) return null;
  // Offered once, whatever the caller asks for: a later load must not take an old answer.
  early.rows = null;
  return rows && early.token === token && rows.key === key ? rows.answer : null;
}

/** Drops what the early start asked for and nobody took (component tests start each from nothing). */
export function forgetEarlyStart(): void {
  delete (globalThis as EarlyWindow)[EARLY_START];
}

/** The query string openapi-fetch writes for `query` (undefined left out, the rest as strings). */
export function searchOf(query: ListQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
  return params.toString();
}

async function get(url: string, headers: Record<string, string>): Promise<EarlyAnswer | null> {
  try {
    const response = await fetch(url, { headers });
    // The body is read as it arrives, beside the initial JavaScript, not after it.
    return { status: response.status, data: response.ok ? await response.json() : null };
  } catch {
    return null;
  }
}

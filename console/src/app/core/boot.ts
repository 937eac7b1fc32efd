import { inject } from '@angular/core';
import { AuthService } from './auth/auth.service';
import { isQueueStartPath } from './early-start';
import { TokenStore } from './auth/token-store';
import { QueuePrefetch } from './queue/queue-prefetch';

/**
 * A signed-in start of the console (a reload, a new tab, a link): what the first screen needs is
 * asked for now, side by side, instead of one after another as the router reaches it. Left to
 * the router, the sign-in check (GET /me) waits for the queue route's code, and the shell's and
 * the queue page's code wait for the sign-in check (guards run before lazy components load):
 * three round trips in a row before the queue's own request could start (issue 15's
 * navigation figure, test/bench/README.md). Nothing waits here: the guards and the router await
 * the same single-flight promises and module imports.
 *
 * Only the code of the queue (the start page) is fetched ahead, and only for a stored session
 * on the queue's paths, and with it the queue's first page of rows (QueuePrefetch: the query
 * the page will send for this URL; the page takes that answer). Signed out, nothing happens here.
 */
export function bootSignedIn(): void {
  if (!inject(TokenStore).session()) return;
  void inject(AuthService).ensureUser();
  const path = location.pathname;
  if (path === '/login' || path === '/account-link') return;
  // On / and /queue, index.html has already asked for these three modules' files
  // (scripts/console-preload.mjs, QUEUE_START_MODULES: keep the two lists in step), and for
  // GET /me and the rows (core/early-start.ts: ensureUser and QueuePrefetch take those answers).
  void import('./layout/shell');
  if (isQueueStartPath(path)) {
    // The rows too, beside GET /me rather than after it (the store takes the answer).
    inject(QueuePrefetch).start(location.search);
    void import('../features/triage/triage.routes');
    void import('../features/triage/queue.page');
  }
}

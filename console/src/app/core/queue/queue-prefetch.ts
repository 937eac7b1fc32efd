import { Injectable, inject } from '@angular/core';
import { NavigationCancel, NavigationEnd, NavigationError, NavigationSkipped, Router } from '@angular/router';
import { createApiClient, type Schemas } from '@otklik/shared/api/client';
import { languageMiddleware } from '../api/middleware';
import { AuthService } from '../auth/auth.service';
import { takeEarlyRows } from '../early-start';
import { I18n } from '../i18n/i18n.service';
import { filtersOfUrl, listQuery, listQueryKey } from './queue-query';

type AppealList = Schemas['StaffAppealListDto'];

/**
 * The queue's first page of rows, asked for as the console starts (core/boot.ts) on the queue's
 * URL: beside GET /me and the download of the shell's and the queue page's code, instead of after
 * both (issue 15's navigation figure, test/bench/README.md). The query is the one the queue page
 * will send for that URL (its filters from the URL's query string over the defaults: a page
 * that has just started holds no other filters), and the queue's store takes the answer
 * (QueueStore.fetch → take) when its first load asks for exactly those rows. On a built console
 * the request has usually left already, from index.html (core/early-start.ts, the same query
 * functions): then this takes that answer instead of asking again.
 *
 * Quiet by design: the early request goes out through a client without the problem and session
 * middleware, so nothing is shown and no session is given up on its account. Any failure (an
 * expired or revoked token, a role without a queue, the network) leaves take() with null, and the
 * store asks again through the ordinary client, which reports, refreshes and retries as always.
 * The answer is offered once, and only until the console's first navigation settles.
 */
@Injectable({ providedIn: 'root' })
export class QueuePrefetch {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly client = (() => {
    const client = createApiClient({ baseUrl: '' });
    client.use(languageMiddleware(inject(I18n)));
    return client;
  })();
  private pending: { key: string; answer: Promise<AppealList | null> } | null = null;

  /** Asks for the first page of the queue as it opens at `search` (the URL's query string). */
  start(search: string): void {
    const query = listQuery(filtersOfUrl(search), null);
    const key = listQueryKey(query);
    this.pending = { key, answer: this.get(query, key) };
    const sub = this.router.events.subscribe((event) => {
      if (!(event instanceof NavigationEnd || event instanceof NavigationCancel || event instanceof NavigationError || event instanceof NavigationSkipped)) return;
      // The first page has been opened (it took the answer) or the console went elsewhere.
      this.pending = null;
      sub.unsubscribe();
    });
  }

  /** The early answer when it was for exactly `key` (null otherwise, or when it failed); once. */
  take(key: string): Promise<AppealList | null> | null {
    const pending = this.pending;
    this.pending = null;
    return pending?.key === key ? pending.answer : null;
  }

  private async get(query: ReturnType<typeof listQuery>, key: string): Promise<AppealList | null> {
    try {
      const token = await this.auth.accessToken();
      if (!token) return null;
      // Asked for already by index.html's early start, with this token and this query: one request.
      const early = takeEarlyRows(key, token);
      if (early) {
        const answer = await early;
        return answer?.status === 200 ? ((answer.data as AppealList | null) ?? null) : null;
      }
      const { data } = await this.client.GET('/api/v1/staff/appeals', { params: { query }, headers: { Authorization: `Bearer ${token}` } });
      return data ?? null;
    } catch {
      return null;
    }
  }
}

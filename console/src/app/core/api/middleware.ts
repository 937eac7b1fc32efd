import type { Middleware } from '@otklik/shared/api/client';
import type { I18n } from '../i18n/i18n.service';
import type { Notifier } from './notifier';
import { asProblem } from './problem';

/**
 * Calls whose problems the caller renders itself (the login form shows a wrong password
 * inline) or that are part of session handling (a failed refresh means "sign in again",
 * which the auth service says once). Everything else gets a snackbar.
 */
const HANDLED_BY_CALLER: ReadonlySet<string> = new Set([
  '/api/v1/auth/login',
  '/api/v1/auth/mfa',
  '/api/v1/auth/mfa/sms',
  '/api/v1/auth/mfa/enrolment',
  '/api/v1/auth/mfa/enrolment/confirm',
  '/api/v1/auth/refresh',
  '/api/v1/auth/logout',
]);

/**
 * Calls that retry by themselves in the background: the notification stream reconnects with
 * back-off, and the card's presence heartbeat beats again in 15 s (best effort: right after a
 * redirect it is refused for a card the operator no longer has, which the card itself says), so
 * neither their failures nor a lost connection deserve a snackbar each time.
 */
const RETRIED_IN_BACKGROUND: ReadonlySet<string> = new Set(['/api/v1/me/notifications/stream', '/api/v1/staff/appeals/{idOrNumber}/presence']);

/**
 * Answers a page shows in its own body instead: the appeal card says «not found» (or «redirected
 * and no longer yours» right after a redirect) in place of the card, so a snackbar would only
 * repeat it; the answer form shows a refused upload (422) beside the file's name. Keyed by method
 * and schema path; other methods of the same path keep the snackbar.
 */
const SHOWN_BY_PAGE: ReadonlyMap<string, ReadonlySet<number>> = new Map([
  ['GET /api/v1/staff/appeals/{idOrNumber}', new Set([403, 404])],
  ['POST /api/v1/attachments', new Set([422])],
  // The notification template editor's live preview shows a refused draft in place of the preview.
  ['POST /api/v1/admin/notification-templates/preview', new Set([422])],
]);

/** Every request asks for messages in the console's language (problem titles, history labels). */
export function languageMiddleware(i18n: I18n): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('Accept-Language', i18n.lang());
      return request;
    },
  };
}

/**
 * The one place where API failures become visible: application/problem+json → snackbar
 * (title and detail, already localized by the API). The body stays unread so the caller still
 * gets `error` from openapi-fetch and can put `errors[]` under its form fields. 401 is left to
 * the session middleware (refresh, or back to the sign-in page).
 */
export function problemMiddleware(notifier: Notifier): Middleware {
  return {
    async onResponse({ request, response, schemaPath }) {
      if (response.ok || response.status === 401 || HANDLED_BY_CALLER.has(schemaPath) || RETRIED_IN_BACKGROUND.has(schemaPath)) return undefined;
      if (SHOWN_BY_PAGE.get(`${request.method} ${schemaPath}`)?.has(response.status)) return undefined;
      const contentType = response.headers.get('content-type') ?? '';
      const problem = contentType.includes('application/problem+json')
        ? asProblem(await response.clone().json().catch(() => null))
        : null;
      if (problem) notifier.problem(problem);
      else notifier.error('net.serverError', { status: response.status });
      return undefined;
    },
    onError({ error, schemaPath }) {
      const aborted = error instanceof DOMException && error.name === 'AbortError';
      if (!aborted && !RETRIED_IN_BACKGROUND.has(schemaPath)) notifier.error('net.offline');
      return error instanceof Error ? error : new Error(String(error));
    },
  };
}

/** What the session middleware needs from the auth service (kept narrow to avoid a DI cycle). */
export interface SessionTokens {
  /** A valid access token, refreshed first when it is about to expire; null when signed out. */
  accessToken(): Promise<string | null>;
  /** Called after the API rejected `rejected`: refresh once; null when the session is gone. */
  refreshAfterRejection(rejected: string): Promise<string | null>;
  /** The session cannot be recovered: forget it and go to the sign-in page. */
  sessionLost(): void;
}

/**
 * Bearer token on every call; on 401, one refresh and one retry of the same request (its
 * copy is taken before the body is sent), then the session is given up.
 */
export function sessionMiddleware(session: SessionTokens): Middleware {
  const pending = new Map<string, { retry: Request; token: string }>();
  return {
    async onRequest({ request, id }) {
      const token = await session.accessToken();
      if (!token) return request;
      request.headers.set('Authorization', `Bearer ${token}`);
      pending.set(id, { retry: request.clone(), token });
      return request;
    },
    async onResponse({ response, id }) {
      const sent = pending.get(id);
      pending.delete(id);
      if (response.status !== 401) return undefined;
      if (!sent) {
        // Sent without a token because the session could not be refreshed.
        session.sessionLost();
        return undefined;
      }
      const token = await session.refreshAfterRejection(sent.token);
      if (!token) {
        session.sessionLost();
        return undefined;
      }
      sent.retry.headers.set('Authorization', `Bearer ${token}`);
      const retried = await fetch(sent.retry);
      if (retried.status === 401) session.sessionLost();
      return retried;
    },
    onError({ id }) {
      pending.delete(id);
      return undefined;
    },
  };
}

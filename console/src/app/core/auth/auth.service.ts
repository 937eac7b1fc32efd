import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { Role } from '@otklik/shared/domain';
import { createApiClient, type Schemas } from '@otklik/shared/api/client';
import { languageMiddleware, problemMiddleware, type SessionTokens } from '../api/middleware';
import { Notifier } from '../api/notifier';
import { asProblem, type Problem } from '../api/problem';
import { takeEarlyMe } from '../early-start';
import { I18n } from '../i18n/i18n.service';
import { accessTokenFresh } from './stored-session';
import { TokenStore } from './token-store';

export type CurrentUser = Schemas['MeDto'];
/** The second step of a sign-in, as POST /auth/login described it. */
export type MfaChallenge = Schemas['MfaRequiredDto'];
export type TotpEnrolment = Schemas['SignInEnrolmentDto'];
export type LoginResult =
  | { ok: true; user: CurrentUser }
  | { ok: false; problem: Problem | null; mfa?: undefined }
  | { ok: false; problem: null; mfa: MfaChallenge };
/** A step that either signs in, or fails with the API's problem (null: no problem body). */
export type StepResult<T> = { ok: true; value: T } | { ok: false; problem: Problem | null };

/** Roles that work in the console; everyone else gets the polite staff-only page. */
const CONSOLE_ROLES: readonly string[] = [Role.Operator, Role.Supervisor];

/**
 * Sign-in, the current user and the token lifecycle. It talks to the API through its own
 * client without the session middleware (that middleware depends on this service).
 */
@Injectable({ providedIn: 'root' })
export class AuthService implements SessionTokens {
  private readonly store = inject(TokenStore);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly client = (() => {
    const client = createApiClient({ baseUrl: '' });
    client.use(problemMiddleware(this.notifier), languageMiddleware(inject(I18n)));
    return client;
  })();

  private readonly currentUser = signal<CurrentUser | null>(null);
  readonly user = this.currentUser.asReadonly();
  readonly isConsoleUser = computed(() => {
    const user = this.currentUser();
    return user !== null && CONSOLE_ROLES.includes(user.role);
  });

  private refreshing: Promise<string | null> | null = null;
  private userLoading: Promise<CurrentUser | null> | null = null;

  constructor() {
    // Signing out in one tab signs out every tab, at once rather than at its next request.
    this.store.onSignedOutElsewhere(() => {
      if (!this.currentUser()) return;
      this.currentUser.set(null);
      this.notifier.info('session.signedOut');
      void this.router.navigateByUrl('/login');
    });
  }

  async login(login: string, password: string): Promise<LoginResult> {
    const { data, error } = await this.client.POST('/api/v1/auth/login', { body: { login, password } });
    if (!data) return { ok: false, problem: asProblem(error) };
    // Accounts with a second factor answer {mfaRequired, mfaToken, methods} instead of tokens.
    if ('mfaRequired' in data) return { ok: false, problem: null, mfa: data };
    return this.startSession(data);
  }

  /** The second factor: a TOTP, SMS or e-mail code, or a backup code. */
  async verifyMfa(mfaToken: string, code: string): Promise<LoginResult> {
    const { data, error } = await this.client.POST('/api/v1/auth/mfa', { body: { mfaToken, code } });
    return data ? this.startSession(data) : { ok: false, problem: asProblem(error) };
  }

  /** Sends the sign-in code by SMS; the masked phone it went to. */
  async sendMfaSms(mfaToken: string): Promise<StepResult<string>> {
    const { data, error } = await this.client.POST('/api/v1/auth/mfa/sms', { body: { mfaToken } });
    return data ? { ok: true, value: data.codeSentTo } : { ok: false, problem: asProblem(error) };
  }

  /** First sign-in without a factor: the e-mailed code opens the TOTP enrolment (secret + QR). */
  async beginEnrolment(mfaToken: string, code: string): Promise<StepResult<TotpEnrolment>> {
    const { data, error } = await this.client.POST('/api/v1/auth/mfa/enrolment', { body: { mfaToken, code } });
    return data ? { ok: true, value: data } : { ok: false, problem: asProblem(error) };
  }

  /** An e-mailed one-time link (invitation or reset) sets the password; staff without a factor get a TOTP enrolment. */
  async acceptAccountLink(token: string, newPassword: string): Promise<StepResult<Schemas['AccountLinkAcceptedDto']>> {
    const { data, error } = await this.client.POST('/api/v1/auth/account-link', { body: { token, newPassword } });
    return data ? { ok: true, value: data } : { ok: false, problem: asProblem(error) };
  }

  /** A code from the new app confirms it: signed in, with the backup codes to show once. */
  async confirmEnrolment(enrolmentToken: string, code: string): Promise<StepResult<{ backupCodes: string[] }>> {
    const { data, error } = await this.client.POST('/api/v1/auth/mfa/enrolment/confirm', { body: { enrolmentToken, code } });
    if (!data) return { ok: false, problem: asProblem(error) };
    // TOTP is on and the codes exist only in this answer: they are shown whatever happens next
    // (if the profile cannot be loaded now, the guard loads it when the user goes on).
    this.store.save(data);
    await this.fetchUser(data.accessToken);
    return { ok: true, value: { backupCodes: data.backupCodes } };
  }

  private async startSession(tokens: Schemas['TokensDto']): Promise<LoginResult> {
    this.store.save(tokens);
    const { user } = await this.fetchUser(tokens.accessToken);
    if (!user) {
      this.store.clear();
      return { ok: false, problem: null };
    }
    return { ok: true, user };
  }

  /** The signed-in user, loaded once per page; null when there is no usable session. */
  ensureUser(): Promise<CurrentUser | null> {
    const known = this.currentUser();
    if (known) return Promise.resolve(known);
    if (!this.store.session()) return Promise.resolve(null);
    this.userLoading ??= (async () => {
      // A new tab, or a session whose access token lapsed: the refresh is tried before giving up.
      const token = await this.accessToken();
      if (!token) return null;
      // The early start (index.html) may have asked already with this token: its answer is taken
      // when it is a user; anything else is asked again here, where failures are handled.
      let result = (await this.earlyUser(token)) ?? (await this.fetchUser(token));
      // The stored access token may have been revoked or signed with a rotated key: refresh once.
      if (result.status === 401) {
        const refreshed = await this.refreshAfterRejection(token);
        result = refreshed ? await this.fetchUser(refreshed) : result;
      }
      // Only a rejected session is forgotten; a server hiccup keeps the tokens for a retry.
      if (result.status === 401 || result.status === 403) this.store.clear();
      return result.user;
    })().finally(() => (this.userLoading = null));
    return this.userLoading;
  }

  async logout(): Promise<void> {
    const session = this.store.session();
    this.forget();
    if (session) {
      // Revoke server-side; the local session is gone either way.
      await this.client.POST('/api/v1/auth/logout', { body: { refreshToken: session.refreshToken } }).catch(() => undefined);
    }
    this.notifier.info('session.signedOut');
    await this.router.navigateByUrl('/login');
  }

  async accessToken(): Promise<string | null> {
    const session = this.store.session();
    if (!session) return null;
    if (accessTokenFresh(session)) return session.accessToken;
    return this.refresh(session.accessToken);
  }

  async refreshAfterRejection(rejected: string): Promise<string | null> {
    const session = this.store.session();
    if (!session) return null;
    // Another request already refreshed while this one was in flight: just use the new token.
    if (session.accessToken !== rejected) return session.accessToken;
    return this.refresh(rejected);
  }

  sessionLost(): void {
    if (!this.store.session() && !this.currentUser()) return;
    this.forget();
    this.notifier.error('session.expired');
    const returnUrl = this.router.url;
    void this.router.navigate(['/login'], { queryParams: returnUrl && returnUrl !== '/' && !returnUrl.startsWith('/login') ? { returnUrl } : {} });
  }

  /**
   * One refresh at a time, across every tab: refresh tokens rotate, and a token presented twice
   * revokes the whole session, so two tabs must never refresh with the same one. Within a tab the
   * refresh is single-flight; across tabs it runs under a Web Lock, and whoever gets the lock
   * first re-reads the store: when another tab has already rotated the token, its result is used.
   * `stale` is the access token the caller found expiring or rejected.
   */
  private refresh(stale: string): Promise<string | null> {
    this.refreshing ??= withRefreshLock(async () => {
      const session = await this.store.reloadShared();
      if (!session) return null;
      if (session.accessToken !== stale && accessTokenFresh(session)) return session.accessToken;
      const { data, response } = await this.client
        .POST('/api/v1/auth/refresh', { body: { refreshToken: session.refreshToken } })
        .catch(() => ({ data: undefined, response: undefined }));
      // The lock is let go only once the rotated token is where the next holder reads it.
      if (data?.accessToken) return (await this.store.saveShared(data, session.refreshToken)).accessToken;
      // Rejected: the session is over. A network failure keeps it for the next attempt.
      if (response && (response.status === 400 || response.status === 401)) this.store.clear();
      return null;
    }).finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async earlyUser(token: string): Promise<{ user: CurrentUser; status: number } | null> {
    const answer = await takeEarlyMe(token);
    if (answer?.status !== 200 || !answer.data) return null;
    const user = answer.data as CurrentUser;
    this.currentUser.set(user);
    return { user, status: 200 };
  }

  private async fetchUser(token: string): Promise<{ user: CurrentUser | null; status: number }> {
    try {
      const { data, response } = await this.client.GET('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } });
      this.currentUser.set(data ?? null);
      return { user: data ?? null, status: response.status };
    } catch {
      return { user: null, status: 0 };
    }
  }

  private forget(): void {
    this.store.clear();
    this.currentUser.set(null);
  }
}

const REFRESH_LOCK = 'otklik.console.refresh';

/** Runs `task` under the cross-tab refresh lock where the browser has Web Locks (secure contexts), else directly. */
function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  // The lock is held until the task settles; its result is the task's.
  return locks ? (locks.request(REFRESH_LOCK, task) as Promise<unknown> as Promise<T>) : task();
}

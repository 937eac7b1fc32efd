import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { Role } from '@otklik/shared/domain';
import { createApiClient, type Schemas } from '@otklik/shared/api/client';
import { languageMiddleware, problemMiddleware, type SessionTokens } from '../api/middleware';
import { Notifier } from '../api/notifier';
import { asProblem, type Problem } from '../api/problem';
import { I18n } from '../i18n/i18n.service';
import { TokenStore } from './token-store';

export type CurrentUser = Schemas['MeDto'];
export type LoginResult = { ok: true; user: CurrentUser } | { ok: false; problem: Problem | null; mfaRequired?: boolean };

/** Roles that work in the console; everyone else gets the polite staff-only page. */
const CONSOLE_ROLES: readonly string[] = [Role.Operator, Role.Supervisor];
/** Refresh a little before expiry so a request never leaves with a token about to lapse. */
const REFRESH_MARGIN_MS = 30_000;

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

  async login(login: string, password: string): Promise<LoginResult> {
    const { data, error } = await this.client.POST('/api/v1/auth/login', { body: { login, password } });
    if (!data) return { ok: false, problem: asProblem(error) };
    // Accounts with a second factor answer {mfaRequired, mfaToken} instead of tokens.
    if ('mfaRequired' in data) return { ok: false, problem: null, mfaRequired: true };
    this.store.save(data);
    const { user } = await this.fetchUser(data.accessToken);
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
      const token = await this.accessToken();
      if (!token) {
        this.store.clear();
        return null;
      }
      let result = await this.fetchUser(token);
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
    if (session.expiresAt - Date.now() > REFRESH_MARGIN_MS) return session.accessToken;
    return this.refresh();
  }

  async refreshAfterRejection(rejected: string): Promise<string | null> {
    const session = this.store.session();
    if (!session) return null;
    // Another request already refreshed while this one was in flight: just use the new token.
    if (session.accessToken !== rejected) return session.accessToken;
    return this.refresh();
  }

  sessionLost(): void {
    if (!this.store.session() && !this.currentUser()) return;
    this.forget();
    this.notifier.error('session.expired');
    const returnUrl = this.router.url;
    void this.router.navigate(['/login'], { queryParams: returnUrl && returnUrl !== '/' && !returnUrl.startsWith('/login') ? { returnUrl } : {} });
  }

  /** One refresh at a time: refresh tokens rotate, so two parallel refreshes would revoke the family. */
  private refresh(): Promise<string | null> {
    this.refreshing ??= (async () => {
      const session = this.store.session();
      if (!session) return null;
      const { data } = await this.client
        .POST('/api/v1/auth/refresh', { body: { refreshToken: session.refreshToken } })
        .catch(() => ({ data: undefined }));
      if (!data?.accessToken) return null;
      return this.store.save(data).accessToken;
    })().finally(() => (this.refreshing = null));
    return this.refreshing;
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

import { Injectable, signal } from '@angular/core';
import type { Schemas } from '@otklik/shared/api/client';

export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token stops being accepted. */
  expiresAt: number;
}

export const SESSION_STORAGE_KEY = 'otklik.console.session';

/**
 * Tokens live in localStorage, shared by every tab of the console: a card's link opened in a new
 * tab (or the console reopened) keeps the session instead of landing on the sign-in page.
 *
 * Why not sessionStorage (+ BroadcastChannel to hand tokens to a new tab): a tab opened with
 * noopener, or after the last tab closed, has nobody to ask; and two tabs holding one refresh
 * token must coordinate its rotation anyway (a reused refresh token revokes the whole session),
 * which one shared store does simply: every tab refreshes under one Web Lock and reads the token
 * the previous holder wrote (AuthService.refresh).
 *
 * Why not an HttpOnly cookie, the stronger choice against XSS: the API contract passes the
 * refresh token in the body (API.md) and a cookie would need CSRF protection; that is a change
 * of the contract, not of the console. The XSS trade-off accepted here: script injected into the
 * console could read the tokens, from localStorage as from sessionStorage or memory (it could call
 * the API as the user either way); localStorage adds that they persist on the device until sign-out
 * or expiry. What limits the damage: the CSP (scripts from this origin only, though inline ones are still
 * allowed: nonces would close that), no third-party scripts, refresh
 * tokens that rotate with reuse detection (a stolen one dies as soon as either party uses it
 * twice), sign-out that revokes the session server-side and clears every tab, and short access tokens.
 */
@Injectable({ providedIn: 'root' })
export class TokenStore {
  private readonly state = signal<StoredSession | null>(read());
  readonly session = this.state.asReadonly();
  /** False when storage refused the session: then this tab's memory is the only copy. */
  private persisted = true;
  private readonly signedOutElsewhere: (() => void)[] = [];

  constructor() {
    // Another tab signed in, refreshed or signed out: follow it (the event fires in other tabs only).
    try {
      window.addEventListener('storage', (event) => {
        if (event.key !== SESSION_STORAGE_KEY && event.key !== null) return;
        const had = this.state() !== null;
        this.state.set(read());
        if (had && this.state() === null) for (const listener of this.signedOutElsewhere) listener();
      });
    } catch {
      // no window (server rendering is not used; kept harmless)
    }
  }

  /** Called when another tab ends the session (sign-out, or a refresh the API refused). */
  onSignedOutElsewhere(listener: () => void): void {
    this.signedOutElsewhere.push(listener);
  }

  save(tokens: Schemas['TokensDto']): StoredSession {
    const session: StoredSession = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: Date.now() + tokens.expiresIn * 1000,
    };
    try {
      localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
      this.persisted = true;
    } catch {
      // storage disabled: the session lasts while the page is open
      this.persisted = false;
    }
    this.state.set(session);
    return session;
  }

  /** The stored session as another tab may have left it (read again, not from memory). */
  reload(): StoredSession | null {
    if (this.persisted) this.state.set(read());
    return this.state();
  }

  clear(): void {
    try {
      localStorage.removeItem(SESSION_STORAGE_KEY);
    } catch {
      // nothing stored
    }
    this.state.set(null);
  }
}

function read(): StoredSession | null {
  try {
    const raw = localStorage.getItem(SESSION_STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<StoredSession>;
    return typeof value.accessToken === 'string' && typeof value.refreshToken === 'string' && typeof value.expiresAt === 'number'
      ? (value as StoredSession)
      : null;
  } catch {
    return null;
  }
}

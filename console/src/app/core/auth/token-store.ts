import { Injectable, signal } from '@angular/core';
import type { Schemas } from '@otklik/shared/api/client';

export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token stops being accepted. */
  expiresAt: number;
}

const STORAGE_KEY = 'otklik.console.session';

/**
 * Tokens live in sessionStorage: they survive a reload of the tab but not the closing of the
 * browser, and are not shared between tabs (each tab rotates its own refresh token).
 */
@Injectable({ providedIn: 'root' })
export class TokenStore {
  private readonly state = signal<StoredSession | null>(read());
  readonly session = this.state.asReadonly();

  save(tokens: Schemas['TokensDto']): StoredSession {
    const session: StoredSession = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: Date.now() + tokens.expiresIn * 1000,
    };
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    } catch {
      // storage disabled: the session lasts while the page is open
    }
    this.state.set(session);
    return session;
  }

  clear(): void {
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // nothing stored
    }
    this.state.set(null);
  }
}

function read(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<StoredSession>;
    return typeof value.accessToken === 'string' && typeof value.refreshToken === 'string' && typeof value.expiresAt === 'number'
      ? (value as StoredSession)
      : null;
  } catch {
    return null;
  }
}

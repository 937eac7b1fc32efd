/*
 * The stored session as plain functions, without Angular: TokenStore keeps it, and the console's
 * early start (core/early-start.ts, compiled into index.html) reads it before any bundle has run.
 */

export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token stops being accepted. */
  expiresAt: number;
}

export const SESSION_STORAGE_KEY = 'otklik.console.session';

/** Refresh a little before expiry so a request never leaves with a token about to lapse. */
export const REFRESH_MARGIN_MS = 30_000;

export function validSession(value: unknown): StoredSession | null {
  const candidate = value as Partial<StoredSession> | null | undefined;
  return candidate && typeof candidate.accessToken === 'string' && typeof candidate.refreshToken === 'string' && typeof candidate.expiresAt === 'number'
    ? (candidate as StoredSession)
    : null;
}

/** This tab's copy of the session (localStorage), or null when there is none or storage is refused. */
export function readStoredSession(): StoredSession | null {
  try {
    const raw = localStorage.getItem(SESSION_STORAGE_KEY);
    return raw ? validSession(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

/** Whether the session's access token can still be sent as it is (else it is refreshed first). */
export function accessTokenFresh(session: StoredSession, now = Date.now()): boolean {
  return session.expiresAt - now > REFRESH_MARGIN_MS;
}

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
 * That read goes to IndexedDB, not localStorage. Chromium propagates a localStorage write to the
 * other tabs' renderers asynchronously, so a tab that gets the lock right after another tab rotated
 * the token could still see the spent one, present it, and have the API revoke the session (seen
 * in the two-tabs browser test). An IndexedDB transaction that starts after another tab's write
 * committed sees that write, so the lock holder writes the new tokens there and waits for the
 * commit before letting the lock go. localStorage stays the synchronous copy every tab reads
 * for its requests and the source of the `storage` event that signs all tabs out together.
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
    this.keep(session);
    this.pendingShared = writeShared(session);
    return session;
  }

  /** Saves rotated tokens and resolves once every tab's next `reloadShared` will see them. */
  async saveShared(tokens: Schemas['TokensDto']): Promise<StoredSession> {
    const session = this.save(tokens);
    await this.pendingShared;
    return session;
  }

  /**
   * The stored session as another tab may have left it: read again from IndexedDB (consistent
   * across tabs) and localStorage (what this tab's requests use); when they hold different refresh
   * tokens, the later-saved one wins and becomes this tab's session too.
   */
  async reloadShared(): Promise<StoredSession | null> {
    if (!this.persisted) return this.state();
    await this.pendingShared;
    const local = read();
    const shared = await readShared();
    if (shared && (!local || (shared.refreshToken !== local.refreshToken && shared.expiresAt > local.expiresAt))) {
      this.keep(shared);
      return shared;
    }
    this.state.set(local);
    return local;
  }

  clear(): void {
    try {
      localStorage.removeItem(SESSION_STORAGE_KEY);
    } catch {
      // nothing stored
    }
    this.pendingShared = writeShared(null);
    this.state.set(null);
  }

  private pendingShared: Promise<void> = Promise.resolve();

  private keep(session: StoredSession): void {
    try {
      localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
      this.persisted = true;
    } catch {
      // storage disabled: the session lasts while the page is open
      this.persisted = false;
    }
    this.state.set(session);
  }
}

const SHARED_DB = 'otklik.console';
const SHARED_STORE = 'session';
const SHARED_KEY = 'current';
let sharedDb: Promise<IDBDatabase | null> | null = null;

/** The console's IndexedDB, or null where the browser has none or refuses it (then localStorage alone is used). */
function openShared(): Promise<IDBDatabase | null> {
  sharedDb ??= new Promise((resolve) => {
    try {
      const request = indexedDB.open(SHARED_DB, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(SHARED_STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return sharedDb;
}

/** Puts (or with null deletes) the shared session; resolves when the write committed or failed. */
async function writeShared(session: StoredSession | null): Promise<void> {
  const db = await openShared();
  if (!db) return;
  await new Promise<void>((resolve) => {
    try {
      const tx = db.transaction(SHARED_STORE, 'readwrite', { durability: 'strict' });
      if (session) tx.objectStore(SHARED_STORE).put(session, SHARED_KEY);
      else tx.objectStore(SHARED_STORE).delete(SHARED_KEY);
      tx.oncomplete = () => resolve();
      tx.onerror = () => resolve();
      tx.onabort = () => resolve();
    } catch {
      resolve();
    }
  });
}

async function readShared(): Promise<StoredSession | null> {
  const db = await openShared();
  if (!db) return null;
  return new Promise((resolve) => {
    try {
      const request = db.transaction(SHARED_STORE, 'readonly').objectStore(SHARED_STORE).get(SHARED_KEY);
      request.onsuccess = () => resolve(validSession(request.result));
      request.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

function validSession(value: unknown): StoredSession | null {
  const candidate = value as Partial<StoredSession> | null | undefined;
  return candidate && typeof candidate.accessToken === 'string' && typeof candidate.refreshToken === 'string' && typeof candidate.expiresAt === 'number'
    ? (candidate as StoredSession)
    : null;
}

function read(): StoredSession | null {
  try {
    const raw = localStorage.getItem(SESSION_STORAGE_KEY);
    return raw ? validSession(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

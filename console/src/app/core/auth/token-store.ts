import { Injectable, signal } from '@angular/core';
import type { Schemas } from '@otklik/shared/api/client';

import { SESSION_STORAGE_KEY, readStoredSession as read, validSession, type StoredSession } from './stored-session';

export { SESSION_STORAGE_KEY, type StoredSession };

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
 * commit before letting the lock go. The record also keeps the last few refresh tokens the chain
 * spent: a tab takes the record's session only when its own token is one of them (another tab
 * rotated it), never a session that merely differs. localStorage stays the synchronous copy every
 * tab reads for its requests and the source of the `storage` event that signs all tabs out together.
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

  /** Saves a session; `replaced`: the refresh token it was rotated from (a refresh), none for a sign-in. */
  save(tokens: Schemas['TokensDto'], replaced?: string): StoredSession {
    const session: StoredSession = {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: Date.now() + tokens.expiresIn * 1000,
    };
    this.keep(session);
    this.pendingShared = writeShared(session, replaced);
    return session;
  }

  /** Saves tokens rotated from `replaced` and resolves once every tab's next `reloadShared` will see them. */
  async saveShared(tokens: Schemas['TokensDto'], replaced: string): Promise<StoredSession> {
    const session = this.save(tokens, replaced);
    await this.pendingShared;
    return session;
  }

  /**
   * The stored session as another tab may have left it: read again from IndexedDB (consistent
   * across tabs) and localStorage (what this tab's requests use). When another tab has rotated
   * this tab's refresh token (it is among the record's spent ones), the record's session becomes
   * this tab's too.
   */
  async reloadShared(): Promise<StoredSession | null> {
    if (!this.persisted) return this.state();
    await this.pendingShared;
    const local = read();
    const shared = await readShared();
    if (shared && (!local || (shared.session.refreshToken !== local.refreshToken && shared.spent.includes(local.refreshToken)))) {
      this.keep(shared.session);
      return shared.session;
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

/** How many spent refresh tokens of the chain the record remembers (tabs lag behind by one or two). */
const SPENT_KEPT = 5;

/** The shared record: the session, and the refresh tokens its chain spent, newest first. */
interface SharedRecord {
  session: StoredSession;
  spent: string[];
}

/**
 * Puts (or with null deletes) the shared session; resolves when the write committed or failed.
 * A rotation (`replaced`) extends the chain of spent tokens when the record held the replaced
 * session; anything else starts a new chain.
 */
async function writeShared(session: StoredSession | null, replaced?: string): Promise<void> {
  const db = await openShared();
  if (!db) return;
  await new Promise<void>((resolve) => {
    try {
      const tx = db.transaction(SHARED_STORE, 'readwrite', { durability: 'strict' });
      const store = tx.objectStore(SHARED_STORE);
      if (!session) store.delete(SHARED_KEY);
      else {
        const previous = store.get(SHARED_KEY);
        previous.onsuccess = () => {
          const before = sharedRecord(previous.result);
          const chain = replaced && before?.session.refreshToken === replaced ? before.spent : [];
          const record: SharedRecord = { session, spent: replaced ? [replaced, ...chain].slice(0, SPENT_KEPT) : [] };
          store.put(record, SHARED_KEY);
        };
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => resolve();
      tx.onabort = () => resolve();
    } catch {
      resolve();
    }
  });
}

async function readShared(): Promise<SharedRecord | null> {
  const db = await openShared();
  if (!db) return null;
  return new Promise((resolve) => {
    try {
      const request = db.transaction(SHARED_STORE, 'readonly').objectStore(SHARED_STORE).get(SHARED_KEY);
      request.onsuccess = () => resolve(sharedRecord(request.result));
      request.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

function sharedRecord(value: unknown): SharedRecord | null {
  const candidate = value as Partial<SharedRecord> | null | undefined;
  const session = validSession(candidate?.session);
  return session && Array.isArray(candidate?.spent) ? { session, spent: candidate.spent.filter((t): t is string => typeof t === 'string') } : null;
}

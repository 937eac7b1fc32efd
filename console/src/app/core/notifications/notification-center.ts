import { DestroyRef, Injectable, InjectionToken, computed, effect, inject, signal, untracked } from '@angular/core';
import type { Schemas } from '@otklik/shared/api/client';
import { API } from '../api/api-client';
import { AuthService } from '../auth/auth.service';
import { readEventStream, SseParser, type SseEvent } from './sse-parser';
import { StreamRelay, type RelayMessage } from './stream-relay';

export type NotificationItem = Schemas['NotificationItemDto'];

/** Live state from the stream (not feed items): queue changes, and a (re)connect to resync after. */
export type LiveEvent =
  | { type: 'queue'; data: { appealId: string; number: number | null; event: string } }
  | { type: 'presence'; data: PresenceChange }
  | { type: 'resync' };

/** Who is on an appeal's card now (the whole list), as the stream's `presence` event says. */
export interface PresenceChange {
  appealId: string;
  present: Schemas['PresentStaffDto'][];
}

/** How the live stream waits before reconnecting: doubling from `initialMs` up to `maxMs`. */
export interface StreamRetry {
  initialMs: number;
  maxMs: number;
}

export const NOTIFICATION_STREAM_RETRY = new InjectionToken<StreamRetry>('notification stream back-off', {
  providedIn: 'root',
  factory: () => ({ initialMs: 1_000, maxMs: 60_000 }),
});

/** How many of the newest items the bell shows. */
export const LATEST_SHOWN = 10;

type ConnectOutcome = 'closed' | 'failed' | 'stop';

/**
 * The signed-in staff member's notifications in this tab: the unread count and the newest items,
 * kept live by one Server-Sent Events connection from sign-in to sign-out, held by one tab of the
 * browser and relayed to the others (StreamRelay says why).
 *
 * The stream is read with fetch through the typed API client, not EventSource (which cannot send
 * the Authorization header). Going through the client also gives it the session middleware: a
 * token about to expire is refreshed before connecting, a 401 is refreshed once and retried, and a
 * session the API refuses ends in the sign-in page like any other call. A dropped connection is
 * reopened with back-off (doubling, with jitter, reset once a connection has worked), sending
 * `Last-Event-ID` so the server replays what was missed; the `unread` event that follows every
 * connect corrects the count.
 */
@Injectable({ providedIn: 'root' })
export class NotificationCenter {
  private readonly api = inject(API);
  private readonly auth = inject(AuthService);
  private readonly retry = inject(NOTIFICATION_STREAM_RETRY);

  private readonly unreadCount = signal(0);
  private readonly items = signal<NotificationItem[]>([]);
  private readonly live = signal(false);
  /** Unread items in the whole feed, live. */
  readonly unread = this.unreadCount.asReadonly();
  /** The newest items, newest first (at most LATEST_SHOWN). */
  readonly latest = computed(() => this.items().slice(0, LATEST_SHOWN));
  /** True while the stream is connected. */
  readonly connected = this.live.asReadonly();

  private readonly arrivalListeners: ((item: NotificationItem) => void)[] = [];
  private session: AbortController | null = null;
  /** The id of the newest item this tab has seen: the stream resumes after it. */
  private lastEventId: string | null = null;

  constructor() {
    // Started for a console user, stopped at sign-out (the user signal empties) or when the tab's
    // session is lost; one connection whatever the number of components reading the signals.
    effect(() => {
      const user = this.auth.user();
      const consoleUser = this.auth.isConsoleUser();
      untracked(() => (user && consoleUser ? this.start(user.id) : this.stop()));
    });
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  /**
   * Called with each live-state event of the stream (`queue`: an appeal of the staff member's
   * queue changed; `presence`: who is on an appeal's card) and with `resync` after every
   * (re)connect, when whatever was missed meanwhile should be reloaded.
   */
  onLive(listener: (event: LiveEvent) => void): () => void {
    this.liveListeners.push(listener);
    return () => {
      const at = this.liveListeners.indexOf(listener);
      if (at >= 0) this.liveListeners.splice(at, 1);
    };
  }

  private readonly liveListeners: ((event: LiveEvent) => void)[] = [];

  private emitLive(event: LiveEvent): void {
    for (const listener of [...this.liveListeners]) listener(event);
  }

  /** Called with each item that arrives over the stream (the queue toast listens here). */
  onArrival(listener: (item: NotificationItem) => void): () => void {
    this.arrivalListeners.push(listener);
    return () => {
      const at = this.arrivalListeners.indexOf(listener);
      if (at >= 0) this.arrivalListeners.splice(at, 1);
    };
  }

  /** Marks items read; the count comes back from the API. */
  async markRead(ids: string[]): Promise<boolean> {
    if (!ids.length) return true;
    const { data } = await this.api.POST('/api/v1/me/notifications/read', { body: { ids } });
    if (!data) return false;
    const now = new Date().toISOString();
    this.items.update((items) => items.map((item) => (ids.includes(item.id) && !item.readAt ? { ...item, readAt: now } : item)));
    this.unreadCount.set(data.unread);
    return true;
  }

  async markAllRead(): Promise<boolean> {
    const { data } = await this.api.POST('/api/v1/me/notifications/read-all');
    if (!data) return false;
    const now = new Date().toISOString();
    this.items.update((items) => items.map((item) => (item.readAt ? item : { ...item, readAt: now })));
    this.unreadCount.set(data.unread);
    return true;
  }

  /** The count as the notifications page learnt it (a page it loaded, a read it made). */
  setUnread(unread: number): void {
    this.unreadCount.set(unread);
  }

  private userId: string | null = null;

  private start(userId: string): void {
    if (this.session && this.userId === userId) return;
    this.stop();
    this.userId = userId;
    const session = new AbortController();
    this.session = session;
    void this.run(userId, session.signal);
  }

  private stop(): void {
    this.session?.abort();
    this.session = null;
    this.relay = null;
    this.userId = null;
    this.lastEventId = null;
    this.items.set([]);
    this.unreadCount.set(0);
    this.live.set(false);
  }

  private relay: StreamRelay | null = null;
  /** True while this tab holds the stream for the browser's console tabs. */
  private holder = false;

  private async run(userId: string, signal: AbortSignal): Promise<void> {
    const relay = StreamRelay.open(userId, (message) => this.relayed(message), signal);
    this.relay = relay;
    await this.loadLatest(signal);
    if (signal.aborted) return;
    if (!relay) return this.stream(signal, null);
    relay.post({ type: 'hello' });
    await relay.whenHolder(async () => {
      this.holder = true;
      try {
        await this.stream(signal, relay);
      } finally {
        this.holder = false;
        relay.post({ type: 'live', live: false });
      }
    }, signal);
  }

  /** What the holding tab read, or its state; a new tab's hello is answered by the holder. */
  private relayed(message: RelayMessage): void {
    switch (message.type) {
      case 'event':
        this.handle(message.event);
        break;
      case 'live':
        if (!this.holder) this.live.set(message.live);
        break;
      case 'hello':
        if (this.holder) this.relay?.post({ type: 'live', live: this.live() });
        break;
    }
  }

  private setLive(live: boolean, relay: StreamRelay | null): void {
    this.live.set(live);
    relay?.post({ type: 'live', live });
  }

  /** Holds the stream (reconnecting) until sign-out; `relay` passes what it reads to the other tabs. */
  private async stream(signal: AbortSignal, relay: StreamRelay | null): Promise<void> {
    let failures = 0;
    let serverRetryMs: number | null = null;
    while (!signal.aborted) {
      const parser = new SseParser();
      const outcome = await this.connect(parser, signal, relay);
      if (signal.aborted) return;
      this.setLive(false, relay);
      serverRetryMs = parser.retryMs ?? serverRetryMs;
      if (outcome === 'stop' || signal.aborted) return;
      // A connection that delivered something resets the back-off; one that never opened doubles it.
      failures = outcome === 'closed' ? 0 : failures + 1;
      await sleep(this.delay(failures, serverRetryMs), signal);
    }
  }

  /** The first page gives the bell its items and count, and the stream its starting point. */
  private async loadLatest(signal: AbortSignal): Promise<void> {
    try {
      const { data } = await this.api.GET('/api/v1/me/notifications', { params: { query: { limit: LATEST_SHOWN } }, signal });
      if (!data || signal.aborted) return;
      this.items.set(data.items);
      this.unreadCount.set(data.unread);
      // "0" for an empty feed: whatever arrives between this page and the stream is replayed.
      this.lastEventId = data.items[0]?.id ?? '0';
    } catch {
      // Offline at sign-in: the stream's reconnects bring the count once the API answers.
    }
  }

  private async connect(parser: SseParser, signal: AbortSignal, relay: StreamRelay | null): Promise<ConnectOutcome> {
    let opened = false;
    try {
      const { data, response } = await this.api.GET('/api/v1/me/notifications/stream', {
        params: { header: this.lastEventId ? { 'Last-Event-ID': this.lastEventId } : {} },
        headers: { Accept: 'text/event-stream' },
        parseAs: 'stream',
        signal,
      });
      // 401 here means the refresh failed too (the session middleware has sent the tab to the
      // sign-in page); 403: not a role with a feed. Neither gets better by retrying.
      if (response.status === 401 || response.status === 403) return 'stop';
      if (!response.ok || !data) return 'failed';
      opened = true;
      this.setLive(true, relay);
      await readEventStream(
        data,
        parser,
        (event) => {
          relay?.post({ type: 'event', event });
          this.handle(event);
        },
        signal,
      );
      return 'closed';
    } catch {
      return signal.aborted ? 'stop' : opened ? 'closed' : 'failed';
    }
  }

  private handle(event: SseEvent): void {
    if (event.event === 'presence') {
      const data = parseJson<PresenceChange>(event.data);
      if (data && typeof data.appealId === 'string' && Array.isArray(data.present)) this.emitLive({ type: 'presence', data });
      return;
    }
    if (event.event === 'queue') {
      const data = parseJson<{ appealId: string; number: number | null; event: string }>(event.data);
      if (data && typeof data.appealId === 'string') this.emitLive({ type: 'queue', data });
      return;
    }
    if (event.event === 'unread') {
      // Every connect starts with the count (reads elsewhere send it too): live views resync then.
      this.emitLive({ type: 'resync' });
      const unread = parseJson<{ unread?: unknown }>(event.data)?.unread;
      if (typeof unread === 'number') this.unreadCount.set(unread);
      return;
    }
    if (event.event !== 'notification') return;
    const item = parseJson<NotificationItem>(event.data);
    if (!item || typeof item.id !== 'string') return;
    if (this.lastEventId !== null && compareIds(item.id, this.lastEventId) <= 0) return;
    this.lastEventId = item.id;
    this.items.update((items) => [item, ...items.filter((known) => known.id !== item.id)].slice(0, LATEST_SHOWN * 2));
    // The server sends the count on connect and on reads elsewhere; a new unread item adds one.
    if (!item.readAt) this.unreadCount.update((n) => n + 1);
    for (const listener of [...this.arrivalListeners]) listener(item);
  }

  private delay(failures: number, serverRetryMs: number | null): number {
    const base = Math.max(this.retry.initialMs, failures === 0 ? (serverRetryMs ?? 0) : 0);
    const exp = Math.min(this.retry.maxMs, base * 2 ** Math.max(0, failures - 1));
    // ±20 % so a server restart is not met by every console at the same instant.
    return Math.round(exp * (0.8 + Math.random() * 0.4));
  }
}

/** Item ids are decimal and ascending; compared as numbers of any length. */
function compareIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

function parseJson<T>(text: string): T | null {
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

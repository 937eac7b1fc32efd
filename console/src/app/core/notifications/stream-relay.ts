import type { SseEvent } from './sse-parser';

/** What the tab holding the stream tells the console's other tabs. */
export type RelayMessage =
  | { type: 'event'; userId: string; event: SseEvent }
  | { type: 'live'; userId: string; live: boolean }
  /** A tab that just started asks the stream's holder whether it is connected. */
  | { type: 'hello'; userId: string };

const CHANNEL = 'otklik.console.notifications';
const STREAM_LOCK = 'otklik.console.notifications.stream';

/**
 * One notification stream per browser, not per tab. An SSE response holds its HTTP/1.1 connection
 * for as long as the tab is open, and browsers allow six connections per host: six console tabs on
 * an HTTP/1.1 server (a LAN install, the demo) would leave no connection for any other request and
 * every tab would hang. So the tabs elect one holder with a Web Lock (the next in line takes over
 * when it closes, resuming with Last-Event-ID) and it relays what it reads over a BroadcastChannel.
 * Where either API is missing (an insecure context), every tab streams for itself.
 */
export class StreamRelay {
  private constructor(
    private readonly channel: BroadcastChannel,
    private readonly userId: string,
  ) {}

  /** The relay for `userId`'s tabs, or null where the browser cannot coordinate tabs. */
  static open(userId: string, onMessage: (message: RelayMessage) => void, signal: AbortSignal): StreamRelay | null {
    if (typeof BroadcastChannel === 'undefined' || typeof navigator === 'undefined' || !navigator.locks) return null;
    const channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (event: MessageEvent<RelayMessage>) => {
      // Another account's tab (a sign-in elsewhere while this one signs out) is not ours to follow.
      if (event.data?.userId === userId) onMessage(event.data);
    };
    signal.addEventListener('abort', () => channel.close(), { once: true });
    return new StreamRelay(channel, userId);
  }

  post(message: { type: 'event'; event: SseEvent } | { type: 'live'; live: boolean } | { type: 'hello' }): void {
    try {
      this.channel.postMessage({ ...message, userId: this.userId });
    } catch {
      // closed at sign-out
    }
  }

  /**
   * Runs `hold` while this tab holds the stream: at once when no other tab does, else when the
   * holder closes. Resolves when `hold` ends or `signal` aborts the wait.
   */
  async whenHolder(hold: () => Promise<void>, signal: AbortSignal): Promise<void> {
    try {
      await navigator.locks.request(STREAM_LOCK, { signal }, hold);
    } catch {
      // aborted while waiting: signed out, or the tab is going away
    }
  }
}

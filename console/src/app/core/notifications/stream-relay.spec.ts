import { EnvironmentInjector, createEnvironmentInjector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aNotification, aUser } from '../../../testing/builders';
import { setUpConsole, signIn } from '../../../testing/console-test-bed';
import { eventually, type FakeApi } from '../../../testing/fake-api';
import { NOTIFICATION_STREAM_RETRY, NotificationCenter } from './notification-center';

const STREAM = '/api/v1/me/notifications/stream';

/** Web Locks as one browser has them: exclusive, granted in request order, released when the callback settles. */
class FakeLocks {
  private readonly queues = new Map<string, (() => void)[]>();
  private readonly held = new Set<string>();

  request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (options.signal?.aborted) return reject(new DOMException('aborted', 'AbortError'));
      const run = () => {
        this.held.add(name);
        void callback()
          .finally(() => {
            this.held.delete(name);
            this.queues.get(name)?.shift()?.();
          })
          .then(resolve, reject);
      };
      if (!this.held.has(name)) return run();
      const queue = this.queues.get(name) ?? [];
      queue.push(run);
      this.queues.set(name, queue);
      options.signal?.addEventListener('abort', () => {
        queue.splice(queue.indexOf(run), 1);
        reject(new DOMException('aborted', 'AbortError'));
      });
    });
  }
}

/**
 * Two console tabs of one browser, as two centres over one fake API: one holds the stream, the
 * other follows it over the BroadcastChannel, and takes over when the holder goes away.
 */
describe('NotificationCenter across tabs (one stream per browser)', () => {
  let api: FakeApi;
  let streams: ReturnType<FakeApi['eventStream']>;

  beforeEach(() => {
    Object.defineProperty(navigator, 'locks', { value: new FakeLocks(), configurable: true });
    api = setUpConsole([provideRouter([{ path: '**', children: [] }]), { provide: NOTIFICATION_STREAM_RETRY, useValue: { initialMs: 5, maxMs: 20 } }]);
    streams = api.eventStream(STREAM);
    api.on('GET', '/api/v1/me/notifications', { body: { items: [aNotification({ id: '7' })], nextCursor: null, unread: 1 } });
  });

  afterEach(() => {
    api.verify();
    Reflect.deleteProperty(navigator, 'locks');
  });

  it('the second tab follows the first tab\'s stream, and holds it itself once the first tab is gone', async () => {
    await signIn(api, aUser());
    const [firstTab, secondTab] = [openTab(), openTab()];
    const [first, second] = [firstTab.center, secondTab.center];
    TestBed.tick();
    await eventually(() => expect(streams.connections).toHaveLength(1));
    const held = streams.connections[0];
    await eventually(() => expect(second.connected()).toBe(true));

    held.stream.event('notification', aNotification({ id: '8', appealNumber: 1042 }), '8');
    held.stream.event('unread', { unread: 2 });
    await eventually(() => expect(second.unread()).toBe(2));
    expect(second.latest().map((item) => item.id)).toEqual(['8', '7']);
    expect(first.unread()).toBe(2);
    expect(streams.connections).toHaveLength(1);

    // The first tab closes: the second connects, resuming after the last item it was relayed.
    firstTab.injector.destroy();
    await eventually(() => expect(streams.connections).toHaveLength(2));
    expect(streams.connections[1].request.headers.get('Last-Event-ID')).toBe('8');
    expect(held.stream.cancelled).toBe(true);
    secondTab.injector.destroy();
  });

  /** A tab's centre, in an injector of its own so that closing the tab is destroying it. */
  function openTab(): { injector: EnvironmentInjector; center: NotificationCenter } {
    const injector = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    return { injector, center: runInInjectionContext(injector, () => new NotificationCenter()) };
  }
});

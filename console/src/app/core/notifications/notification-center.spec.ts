import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aNotification, aUser } from '../../../testing/builders';
import { setUpConsole, signIn } from '../../../testing/console-test-bed';
import { eventually, type FakeApi } from '../../../testing/fake-api';
import { AuthService } from '../auth/auth.service';
import { NOTIFICATION_STREAM_RETRY, NotificationCenter } from './notification-center';

const STREAM = '/api/v1/me/notifications/stream';

describe('NotificationCenter (the live feed of one tab)', () => {
  let api: FakeApi;
  let streams: ReturnType<FakeApi['eventStream']>;

  beforeEach(() => {
    api = setUpConsole([
      provideRouter([{ path: '**', children: [] }]),
      { provide: NOTIFICATION_STREAM_RETRY, useValue: { initialMs: 5, maxMs: 20 } },
    ]);
    api.on('POST', '/api/v1/auth/logout', { status: 204 });
    streams = api.eventStream(STREAM);
  });

  // The centre stops its stream when the test's injector is destroyed.
  afterEach(() => api.verify());

  async function started(page = [aNotification({ id: '7' })], unread = 1): Promise<NotificationCenter> {
    api.on('GET', '/api/v1/me/notifications', { body: { items: page, nextCursor: null, unread } });
    await signIn(api, aUser());
    const sut = TestBed.inject(NotificationCenter);
    TestBed.tick();
    await eventually(() => expect(streams.connections).toHaveLength(1));
    return sut;
  }

  it('loads the newest page, then streams from its newest id: counts and items follow the events', async () => {
    const sut = await started();
    expect(sut.unread()).toBe(1);
    const [first] = streams.connections;
    expect(first.request.headers.get('Last-Event-ID')).toBe('7');
    expect(first.request.headers.get('Authorization')).toBe('Bearer access-token');

    first.stream.write('retry: 5\n\n: ping\n\n');
    first.stream.event('unread', { unread: 3 });
    await eventually(() => expect(sut.unread()).toBe(3));

    const arrived: string[] = [];
    sut.onArrival((item) => arrived.push(item.id));
    first.stream.event('notification', aNotification({ id: '8', appealNumber: 1042 }), '8');
    await eventually(() => expect(sut.unread()).toBe(4));
    expect(sut.latest().map((item) => item.id)).toEqual(['8', '7']);
    expect(arrived).toEqual(['8']);
    expect(sut.connected()).toBe(true);
  });

  it('reconnects after a drop with Last-Event-ID of the last item seen; a replayed item is not counted twice', async () => {
    const sut = await started();
    const [first] = streams.connections;
    first.stream.event('notification', aNotification({ id: '9' }), '9');
    await eventually(() => expect(sut.unread()).toBe(2));

    first.stream.drop();
    await eventually(() => expect(streams.connections).toHaveLength(2));
    const second = streams.connections[1];
    expect(second.request.headers.get('Last-Event-ID')).toBe('9');

    // The server replays from 9 on; an item at or before it (a race) is ignored.
    second.stream.event('notification', aNotification({ id: '9' }), '9');
    second.stream.event('notification', aNotification({ id: '10' }), '10');
    second.stream.event('unread', { unread: 3 });
    await eventually(() => expect(sut.latest().map((item) => item.id)).toEqual(['10', '9', '7']));
    expect(sut.unread()).toBe(3);

    // A server that closes the response (a restart) is met by a reconnect too.
    second.stream.close();
    await eventually(() => expect(streams.connections).toHaveLength(3));
    expect(streams.connections[2].request.headers.get('Last-Event-ID')).toBe('10');
  });

  it('backs off while the API is down, and resumes when it answers again', async () => {
    api.on('GET', STREAM, { status: 503, body: { title: 'down' } });
    const sut = await startedWithoutStream();
    await eventually(() => expect(api.sent('GET', STREAM).length).toBeGreaterThanOrEqual(3));
    expect(sut.connected()).toBe(false);

    streams = api.eventStream(STREAM);
    await eventually(() => expect(streams.connections).toHaveLength(1));
    streams.connections[0].stream.event('unread', { unread: 5 });
    await eventually(() => expect(sut.unread()).toBe(5));
    expect(sut.connected()).toBe(true);
  });

  it('on 401 refreshes the token the way other calls do and reconnects with the new one', async () => {
    let rejected = 0;
    api.on('GET', STREAM, (request) => {
      if (request.headers.get('Authorization') === 'Bearer access-token') {
        rejected++;
        return { status: 401, body: { title: 'Unauthorized', status: 401 } };
      }
      return { status: 503 };
    });
    api.on('POST', '/api/v1/auth/refresh', { body: { accessToken: 'fresh-token', refreshToken: 'refresh-2', expiresIn: 900 } });
    await startedWithoutStream();
    await eventually(() => expect(api.sent('GET', STREAM).some((r) => r.headers.get('Authorization') === 'Bearer fresh-token')).toBe(true));
    expect(rejected).toBe(1);
    expect(api.sent('POST', '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('closes the stream at sign-out and does not reconnect', async () => {
    const sut = await started();
    const [first] = streams.connections;
    await TestBed.inject(AuthService).logout();
    await eventually(() => expect(first.stream.cancelled).toBe(true));
    expect(sut.unread()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(streams.connections).toHaveLength(1);
    // The sign-out's snackbar is loaded lazily: let it open before the injector goes away.
    await eventually(() => expect(document.body.textContent).toContain('Вы вышли'));
  });

  async function startedWithoutStream(): Promise<NotificationCenter> {
    api.on('GET', '/api/v1/me/notifications', { body: { items: [], nextCursor: null, unread: 0 } });
    await signIn(api, aUser());
    const sut = TestBed.inject(NotificationCenter);
    TestBed.tick();
    return sut;
  }
});

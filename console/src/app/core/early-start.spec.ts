import { TestBed } from '@angular/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aQueueRow, aUser } from '../../testing/builders';
import { setUpConsole } from '../../testing/console-test-bed';
import { problem, type FakeApi } from '../../testing/fake-api';
import { AuthService } from './auth/auth.service';
import { SESSION_STORAGE_KEY, readStoredSession } from './auth/stored-session';
import { startEarly } from './early-start';
import { QueuePrefetch } from './queue/queue-prefetch';
import { DEFAULT_FILTERS, listQuery, listQueryKey } from './queue/queue-query';

const LIST = '/api/v1/staff/appeals';
const ME = '/api/v1/me';

/** A stored session as a reload finds it; `expiresInMs` from now. */
function storeSession(expiresInMs = 15 * 60_000): void {
  localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ accessToken: 'access-token', refreshToken: 'refresh-token', expiresAt: Date.now() + expiresInMs }));
}

describe('the early start (index.html asks for GET /me and the rows before the bundle runs)', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = setUpConsole();
  });

  afterEach(() => api.verify());

  it('asks for GET /me and the first page of rows on /queue, with the stored token and the console\'s language', () => {
    storeSession();
    localStorage.setItem('otklik.console.lang', 'en');
    api.on('GET', ME, { body: aUser() });
    api.on('GET', LIST, { body: { items: [], nextCursor: null } });

    startEarly({ pathname: '/queue', search: '' });

    const [me] = api.sent('GET', ME);
    const [rows] = api.sent('GET', LIST);
    expect(me.headers.get('Authorization')).toBe('Bearer access-token');
    expect(rows.headers.get('Authorization')).toBe('Bearer access-token');
    expect(rows.headers.get('Accept-Language')).toBe('en');
    expect(Object.fromEntries(rows.query)).toEqual({ view: 'all', sort: 'dueAt', limit: '20' });
  });

  it('asks for nothing signed out, off the queue\'s paths, or with an access token about to lapse (the app refreshes it first)', () => {
    startEarly({ pathname: '/queue', search: '' });
    storeSession();
    startEarly({ pathname: '/appeals/1042', search: '' });
    startEarly({ pathname: '/login', search: '' });
    storeSession(10_000);
    startEarly({ pathname: '/', search: '' });
    expect(api.sent('GET', ME)).toHaveLength(0);
    expect(api.sent('GET', LIST)).toHaveLength(0);
  });

  it('the sign-in check takes the early GET /me: one request, not two', async () => {
    storeSession();
    api.on('GET', ME, { body: aUser({ fullName: 'Рано Спрошенный' }) });
    api.on('GET', LIST, { body: { items: [], nextCursor: null } });
    startEarly({ pathname: '/', search: '' });

    const user = await TestBed.inject(AuthService).ensureUser();

    expect(user?.fullName).toBe('Рано Спрошенный');
    expect(api.sent('GET', ME)).toHaveLength(1);
  });

  it('a rejected early GET /me gives up nothing: the ordinary path refreshes the token and asks again', async () => {
    storeSession();
    // The stored access token was revoked: refused to the early request and to the ordinary one.
    api.on('GET', ME, (request) =>
      request.headers.get('Authorization') === 'Bearer fresh-token' ? { body: aUser() } : { status: 401, body: problem(401, 'Unauthorized', 'Token revoked') },
    );
    api.on('POST', '/api/v1/auth/refresh', { body: { accessToken: 'fresh-token', refreshToken: 'refresh-2', expiresIn: 900 } });
    api.on('GET', LIST, { body: { items: [], nextCursor: null } });
    startEarly({ pathname: '/queue', search: '' });

    const user = await TestBed.inject(AuthService).ensureUser();

    expect(user).not.toBeNull();
    const sent = api.sent('GET', ME);
    expect(sent.map((r) => r.headers.get('Authorization'))).toEqual(['Bearer access-token', 'Bearer access-token', 'Bearer fresh-token']);
    expect(readStoredSession()?.accessToken).toBe('fresh-token');
  });

  it('the queue\'s start takes the early rows for the same URL: one request; they are offered once', async () => {
    storeSession();
    api.on('GET', ME, { body: aUser() });
    api.on('GET', LIST, { body: { items: [aQueueRow({ subject: 'Спрошено из index.html' })], nextCursor: null } });
    const search = '?view=mine&status=all&overdue=true&sort=registeredAt&dir=asc&limit=50&q=%20яма%20&bogus=1';
    startEarly({ pathname: '/queue', search });
    const prefetch = TestBed.inject(QueuePrefetch);
    prefetch.start(search);

    const key = listQueryKey(listQuery({ ...DEFAULT_FILTERS, view: 'mine', status: 'all', overdue: true, sort: 'registeredAt', dir: 'asc', limit: 50, q: ' яма ' }, null));
    const answer = await prefetch.take(key);

    expect(answer?.items.map((a) => a.subject)).toEqual(['Спрошено из index.html']);
    const sent = api.sent('GET', LIST);
    expect(sent).toHaveLength(1);
    expect(Object.fromEntries(sent[0].query)).toEqual({ view: 'mine', anyStatus: 'true', overdue: 'true', sort: 'registeredAt', dir: 'asc', limit: '50', q: 'яма' });
    // A second start (another page load in the same document never happens; a test can) asks itself.
    prefetch.start(search);
    await prefetch.take(key);
    expect(api.sent('GET', LIST)).toHaveLength(2);
  });

  it('early rows for another query are not taken: the queue asks for its own', async () => {
    storeSession();
    api.on('GET', ME, { body: aUser() });
    api.on('GET', LIST, (request) => ({ body: { items: [aQueueRow({ subject: request.query.get('view') ?? '' })], nextCursor: null } }));
    startEarly({ pathname: '/queue', search: '?view=mine' });
    const prefetch = TestBed.inject(QueuePrefetch);
    prefetch.start('');

    const answer = await prefetch.take(listQueryKey(listQuery(DEFAULT_FILTERS, null)));

    expect(answer?.items.map((a) => a.subject)).toEqual(['all']);
    expect(api.sent('GET', LIST).map((r) => r.query.get('view'))).toEqual(['mine', 'all']);
  });

  it('failed early rows (a role without a queue, a server error) give nothing: the store will ask through the ordinary client', async () => {
    storeSession();
    api.on('GET', ME, { body: aUser() });
    api.on('GET', LIST, { status: 403, body: problem(403, 'Forbidden', 'No queue for this role') });
    startEarly({ pathname: '/', search: '' });
    const prefetch = TestBed.inject(QueuePrefetch);
    prefetch.start('');

    expect(await prefetch.take(listQueryKey(listQuery(DEFAULT_FILTERS, null)))).toBeNull();
    expect(api.sent('GET', LIST)).toHaveLength(1);
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).not.toBeNull();
  });
});

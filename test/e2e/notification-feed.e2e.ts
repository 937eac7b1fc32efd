import { BASE_URL, DEMO, raw, signedIn } from './support/api';
import { category, fileAppeal } from './support/factories';
import { eventually, openSse, until } from './support/sse';

type Client = Awaited<ReturnType<typeof signedIn>>;
type Item = { id: string; kind: string; appealId: string | null; appealNumber: number | null; title: string; link: string; readAt: string | null };

/**
 * The in-app side of notifications on the shared server: the feed, its live stream with
 * Last-Event-ID resume, read marks across tabs, preferences and their legal limits, and the
 * appeal's own record of where its notices went — each behind the right account.
 */
describe('notifications: the in-app feed, the live stream, preferences', () => {
  let citizen: Client;
  let citizen2: Client;
  let operator: Client;
  let techId: string;

  const feed = async (client: Client, query = ''): Promise<{ items: Item[]; unread: number; nextCursor: string | null }> =>
    (await raw(`/api/v1/me/notifications${query}`, { token: client.token })).body;
  const file = async (subject: string) => fileAppeal(citizen, { categoryId: techId, subject, text: 'Не открывается страница оплаты.' });

  beforeAll(async () => {
    [citizen, citizen2, operator] = await Promise.all([signedIn(DEMO.citizen), signedIn(DEMO.citizen2), signedIn(DEMO.operator)]);
    techId = (await category('tech')).id;
  });

  it('filing an appeal: the citizen gets a receipt item, the department\'s operator a new-appeal item, both linking to the appeal', async () => {
    const appeal = await file('Квитанция');
    const mine = await until(async () => (await feed(citizen, `?appealId=${appeal.id}`)).items.find((i) => i.kind === 'registered'), 10_000);
    expect(mine).toMatchObject({ appealId: appeal.id, appealNumber: appeal.number, readAt: null });
    expect(mine.link).toContain(`/appeals/${appeal.number}`);
    const theirs = await until(async () => (await feed(operator, `?appealId=${appeal.id}`)).items.find((i) => i.kind === 'queue_new'), 10_000);
    // Staff open the console's card; the citizen their own app's page of the appeal.
    expect(theirs.link).toMatch(new RegExp(`^https?://[^/]+/appeals/${appeal.number}$`));
    expect(mine.link).toMatch(new RegExp(`/cabinet/appeals/${appeal.number}$`));
    // Another citizen's feed has nothing of it.
    expect((await feed(citizen2, `?appealId=${appeal.id}`)).items).toEqual([]);
  });

  it('the stream delivers a new item live, then resumes after Last-Event-ID with what was missed, nothing twice', async () => {
    const before = (await feed(citizen)).items[0]?.id ?? '0';
    const live = await openSse(`${BASE_URL()}/api/v1/me/notifications/stream`, citizen.token);
    expect(live.status).toBe(200);
    expect(live.contentType).toContain('text/event-stream');
    await eventually(() => live.events.find((e) => e.event === 'unread'));
    const first = await file('Поток 1');
    const seen = await eventually(() => live.events.find((e) => e.event === 'notification' && (JSON.parse(e.data) as Item).appealId === first.id), 10_000);
    live.close();
    const item = JSON.parse(seen.data) as Item;
    expect(seen.id).toBe(item.id);
    expect(BigInt(item.id)).toBeGreaterThan(BigInt(before));

    // Missed while disconnected: two more appeals.
    const missed = [await file('Поток 2'), await file('Поток 3')];
    for (const a of missed) await until(async () => (await feed(citizen, `?appealId=${a.id}`)).items[0], 10_000);
    const resumed = await openSse(`${BASE_URL()}/api/v1/me/notifications/stream`, citizen.token, seen.id);
    const replayed = await eventually(() => {
      const got = resumed.events.filter((e) => e.event === 'notification').map((e) => JSON.parse(e.data) as Item);
      return got.length >= 2 ? got : undefined;
    });
    resumed.close();
    // Both missed items, in the feed's order (planning may order two near-simultaneous events either way).
    expect(replayed.map((i) => i.appealId).sort()).toEqual(missed.map((a) => a.id).sort());
    expect(BigInt(replayed[0].id)).toBeLessThan(BigInt(replayed[1].id));
    expect(replayed.some((i) => i.id === item.id)).toBe(false);
  });

  it('the stream refuses without a token', async () => {
    const res = await fetch(`${BASE_URL()}/api/v1/me/notifications/stream`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('read marks: one item, then all; the unread count reaches the user\'s other open tab', async () => {
    const appeal = await file('Прочтение');
    await until(async () => (await feed(citizen, `?appealId=${appeal.id}`)).items[0]);
    const { items, unread } = await feed(citizen, '?unread=true');
    expect(unread).toBeGreaterThan(0);
    const tab = await openSse(`${BASE_URL()}/api/v1/me/notifications/stream`, citizen.token);
    await eventually(() => tab.events.find((e) => e.event === 'unread'));
    const one = await raw('/api/v1/me/notifications/read', { method: 'POST', token: citizen.token, body: JSON.stringify({ ids: [items[0].id] }) });
    expect(one.status).toBe(200);
    expect(one.body.unread).toBe(unread - 1);
    await eventually(() => tab.events.find((e) => e.event === 'unread' && JSON.parse(e.data).unread === unread - 1));
    // Somebody else's item id marks nothing.
    const other = (await feed(operator)).items[0];
    await raw('/api/v1/me/notifications/read', { method: 'POST', token: citizen.token, body: JSON.stringify({ ids: [other.id] }) });
    expect((await feed(operator)).items.find((i) => i.id === other.id)?.readAt).toBeNull();
    const all = await raw('/api/v1/me/notifications/read-all', { method: 'POST', token: citizen.token });
    expect(all.body.unread).toBe(0);
    tab.close();
    expect((await raw('/api/v1/me/notifications/unread-count', { token: citizen.token })).body).toEqual({ unread: 0 });
  });

  it('pages by cursor, newest first, and refuses bad filters with field errors', async () => {
    const page1 = await feed(citizen, '?limit=2');
    expect(page1.items).toHaveLength(2);
    expect(BigInt(page1.items[0].id)).toBeGreaterThan(BigInt(page1.items[1].id));
    const page2 = await feed(citizen, `?limit=2&cursor=${page1.nextCursor}`);
    expect(BigInt(page2.items[0].id)).toBeLessThan(BigInt(page1.items[1].id));
    for (const query of ['?kind=nonsense', '?limit=0', '?cursor=%00%00', '?appealId=12', '?unread=maybe']) {
      const res = await raw(`/api/v1/me/notifications${query}`, { token: citizen.token });
      expect({ query, status: res.status }).toEqual({ query, status: 422 });
      expect(res.body.errors.length).toBeGreaterThan(0);
    }
    const bad = await raw('/api/v1/me/notifications/read', { method: 'POST', token: citizen.token, body: JSON.stringify({ ids: ['1; DROP TABLE'] }) });
    expect(bad.status).toBe(422);
  });

  it('preferences: defaults, a change, and what the law and the audience do not allow', async () => {
    const initial = await raw('/api/v1/me/notification-preferences', { token: citizen2.token });
    expect(initial.body).toMatchObject({ locale: 'ru', timeZone: 'Europe/Moscow', quietHours: null, digest: 'off' });
    expect(initial.body.reachable).toContain('in_app');
    const kinds = initial.body.kinds as { kind: string; required: boolean; channels: Record<string, boolean> }[];
    expect(kinds.map((k) => k.kind)).toContain('registered');
    expect(kinds.map((k) => k.kind)).not.toContain('queue_new');
    expect(kinds.find((k) => k.kind === 'extended')).toMatchObject({ required: true });

    const put = (body: unknown, token = citizen2.token) => raw('/api/v1/me/notification-preferences', { method: 'PUT', token, body: JSON.stringify(body) });
    const changed = await put({ locale: 'en', timeZone: 'Asia/Yekaterinburg', quietHours: { from: '22:00', to: '07:30' }, kinds: [{ kind: 'status_changed', channels: { email: false } }] });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ locale: 'en', timeZone: 'Asia/Yekaterinburg', quietHours: { from: '22:00', to: '07:30' } });
    expect(changed.body.kinds.find((k: { kind: string }) => k.kind === 'status_changed').channels.email).toBe(false);

    const silenced = await put({ kinds: [{ kind: 'redirected', channels: { in_app: false, email: false, sms: false, push: false } }] });
    expect(silenced.status).toBe(422);
    expect(silenced.body.errors[0]).toMatchObject({ code: 'required_notice' });
    const keepsOne = await put({ kinds: [{ kind: 'redirected', channels: { in_app: false, email: false, sms: false } }] });
    expect(keepsOne.status).toBe(200);

    for (const [body, field] of [
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ digest: 'hourly' }, 'digest'],
      [{ quietHours: { from: '25:00', to: '07:00' } }, 'quietHours.from'],
      [{ kinds: [{ kind: 'queue_new', channels: { email: false } }] }, 'kinds.0.kind'],
      [{ kinds: [{ kind: 'registered', channels: { email: 'no' } }] }, 'kinds.0.channels.email'],
      [{ locale: 'de' }, 'locale'],
    ] as const) {
      const res = await put(body);
      expect({ body, status: res.status }).toEqual({ body, status: 422 });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    // Staff may have a digest.
    expect((await put({ digest: 'daily' }, operator.token)).status).toBe(200);
    expect((await put({ digest: 'off' }, operator.token)).status).toBe(200);
  });

  it('the appeal\'s notices: the citizen sees their own deliveries, staff everyone\'s; another citizen gets 404', async () => {
    const appeal = await file('Доставки');
    const own = await until(async () => {
      const res = await raw(`/api/v1/appeals/${appeal.id}/notifications`, { token: citizen.token });
      return res.body.length ? res.body : undefined;
    });
    expect(own.every((d: { recipient: string }) => d.recipient === 'citizen')).toBe(true);
    expect(own.find((d: { channel: string }) => d.channel === 'in_app')).toMatchObject({ kind: 'registered', status: 'sent' });
    expect(own[0]).not.toHaveProperty('lastError');
    const staffView = (await raw(`/api/v1/appeals/${appeal.number}/notifications`, { token: operator.token })).body;
    expect(staffView.some((d: { recipient: string; kind: string }) => d.recipient === 'staff' && d.kind === 'queue_new')).toBe(true);
    const stranger = await raw(`/api/v1/appeals/${appeal.id}/notifications`, { token: citizen2.token });
    expect(stranger.status).toBe(404);
  });
});
